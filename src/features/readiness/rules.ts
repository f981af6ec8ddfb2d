/**
 * A project's acceptance-criteria rules (`CriteriaConfigSchema`), editable in the app: anyone who can
 * browse the project reads them and tries unsaved rules on a sample text; only project administrators
 * (ADMINISTER_PROJECTS, asked of Jira as the user) save them or reset them to the defaults.
 */
import {
  CriteriaConfigSchema,
  DEFAULT_CONFIG,
  DEFAULT_VOCABULARY,
  SMELL_KINDS,
  type CriteriaConfig,
  type SmellKind,
} from '../../core/criteria';
import type { JiraClient } from '../../jira/client';
import type { JiraField } from '../../jira/schemas';
import type { CriteriaConfigView, CriteriaFieldOption, SavedCriteriaConfig, TryView } from './rules-api';
import { projectAccess, requireProjectAdmin } from '../../shared/project-access';
import { AppError } from '../../shared/errors';
import { getCriteriaConfig, resetCriteriaConfig, saveCriteriaConfig } from '../../store/criteria';
import { checkItem, type ItemKind } from './items';
import { nameOf, nameResolver } from '../../shared/names';

const WHAT = 'its readiness rules';
const rightsIn = async (jira: JiraClient, projectKey: string) => ({
  canEdit: (await projectAccess(jira, projectKey, WHAT)).canAdmin,
});
const requireAdmin = (jira: JiraClient, projectKey: string, toDo: string) =>
  requireProjectAdmin(jira, projectKey, toDo, WHAT);

/** Text custom fields; rich text ones (text area, Jira's "Paragraph") hold ADF in REST v3. */
const TEXT_FIELD_TYPE = /:(textarea|textfield)$/;

export function criteriaFieldOptions(fields: readonly JiraField[]): CriteriaFieldOption[] {
  return fields
    .filter((f) => f.custom && f.schema?.type === 'string' && TEXT_FIELD_TYPE.test(f.schema.custom ?? ''))
    .map((f) => ({ id: f.id, name: f.name, type: f.schema?.custom }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** `config` checked with CriteriaConfigSchema; `invalid-payload` naming each bad path otherwise. */
export function parseRules(input: unknown, what: string): CriteriaConfig {
  const parsed = CriteriaConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(rules)'}: ${i.message}`);
  const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(rules)'))];
  throw new AppError(
    'invalid-payload',
    `${what}: ${paths.length === 1 ? 'this setting is' : 'these settings are'} not valid: ${paths.join(', ')}.`,
    details,
  );
}

const defaultVocabulary = (): Record<SmellKind, string[]> =>
  Object.fromEntries(SMELL_KINDS.map((k) => [k, [...DEFAULT_VOCABULARY[k]]])) as Record<SmellKind, string[]>;

/** The rules in effect, the defaults, the caller's rights and the fields a criteria field can be. */
export async function criteriaConfigView(jira: JiraClient, projectKey: string): Promise<CriteriaConfigView> {
  const rights = await rightsIn(jira, projectKey);
  const [stored, fields] = await Promise.all([getCriteriaConfig(projectKey), jira.fields()]);
  return {
    projectKey,
    config: stored.config,
    defaults: DEFAULT_CONFIG,
    vocabulary: defaultVocabulary(),
    stored: stored.stored,
    problems: stored.problems,
    canEdit: rights.canEdit,
    ...(stored.savedBy !== undefined
      ? {
          updatedBy: stored.savedBy,
          updatedByName: nameOf(await nameResolver(jira).names([stored.savedBy]), stored.savedBy),
        }
      : {}),
    ...(stored.savedAt !== undefined ? { updatedAt: stored.savedAt } : {}),
    fields: criteriaFieldOptions(fields),
  };
}

/**
 * Saves the project's rules (project admins only). Invalid rules are refused with every bad path and
 * nothing is written; so is a criteria field that is not a text custom field of this site.
 */
export async function saveCriteriaRules(
  jira: JiraClient,
  projectKey: string,
  input: unknown,
): Promise<SavedCriteriaConfig> {
  await requireAdmin(jira, projectKey, 'change its readiness rules');
  const config = parseRules(input, 'The rules were not saved');
  const [me, fields] = await Promise.all([
    jira.myself(),
    config.criteriaFieldId ? jira.fields() : Promise.resolve([]),
  ]);
  if (config.criteriaFieldId && !criteriaFieldOptions(fields).some((f) => f.id === config.criteriaFieldId))
    throw new AppError(
      'invalid-payload',
      `The rules were not saved: ${config.criteriaFieldId} is not a text custom field of this site.`,
      [`criteriaFieldId: ${config.criteriaFieldId} is not a text custom field of this site`],
    );
  const saved = await saveCriteriaConfig(projectKey, config, { accountId: me.accountId });
  return {
    config: saved.config,
    updatedBy: saved.record.savedBy,
    // Who saved is the caller: their name as Jira gives it now, never stored (ADR 9).
    ...(me.displayName ? { updatedByName: me.displayName } : {}),
    updatedAt: saved.record.savedAt,
  };
}

/** Back to the default rules (project admins only). */
export async function resetCriteriaRules(
  jira: JiraClient,
  projectKey: string,
): Promise<{ config: CriteriaConfig }> {
  await requireAdmin(jira, projectKey, 'reset its readiness rules');
  await resetCriteriaConfig(projectKey);
  return { config: DEFAULT_CONFIG };
}

/** The findings unsaved rules give on a sample text, read as an issue description, a criterion or a story. */
export async function tryCriteriaRules(
  jira: JiraClient,
  input: { projectKey: string; config: unknown; text: string; as: ItemKind },
): Promise<TryView> {
  await rightsIn(jira, input.projectKey);
  const config = parseRules(input.config, 'The rules cannot be tried');
  const { id: _id, ...result } = checkItem({ id: 'sample', text: input.text }, input.as, config, 0);
  void _id;
  return result;
}
