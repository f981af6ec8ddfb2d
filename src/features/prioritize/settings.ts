/** Changing a project's mapping and model, and a board's pins: who may, and what is checked first. */
import { fieldFits, type FieldMapping, type ModelConfig } from '../../core/scoring';
import type { JiraClient } from '../../jira/client';
import { JiraNotFoundError, JiraValidationError } from '../../jira/errors';
import { AppError } from '../../shared/errors';
import { saveMapping, saveModel, setPins } from '../../store/prioritize';
import { settingsInForce, type ServiceDeps } from './analyze';
import { requireAdmin, requireRank, resolveBoard } from './board';
import { mappedFields } from './mapped-fields';
import { assertModelUsable } from './model';
import { findScoreField } from './writeback';

/** Project admins only; every mapped field must exist on the site. */
export async function saveProjectMapping(
  deps: ServiceDeps,
  projectKey: string,
  mapping: FieldMapping,
): Promise<FieldMapping> {
  await requireAdmin(deps.jira, projectKey, 'change how its fields feed the scores');
  const fields = await deps.jira.fields();
  const known = new Set(fields.map((f) => f.id));
  const mapped = mappedFields(mapping);
  const missing = mapped.filter((m) => !known.has(m.fieldId));
  if (missing.length > 0)
    throw new AppError(
      'invalid-payload',
      `The mapping names ${missing.length === 1 ? 'a field' : 'fields'} this site does not have: ${missing.map((m) => `${m.fieldId} (${m.input})`).join(', ')}.`,
      missing.map((m) => `mapping.${m.input}.fieldId: ${m.fieldId} does not exist`),
    );
  const byId = new Map(fields.map((f) => [f.id, f]));
  const unfit = mapped.flatMap((m) => {
    if (m.input === 'priority' || m.input === 'dueDate' || m.input === 'blockedCount') return [];
    const field = byId.get(m.fieldId);
    const fit = fieldFits(m.input, field?.schema);
    return fit.ok ? [] : [{ ...m, name: field?.name ?? m.fieldId, reason: fit.reason }];
  });
  if (unfit.length > 0)
    throw new AppError(
      'invalid-payload',
      `${unfit.map((u) => `${u.name} (${u.fieldId}) cannot feed ${u.input}: ${u.reason}`).join(' ')} Nothing was saved.`,
      unfit.map((u) => `mapping.${u.input}.fieldId: ${u.reason}`),
    );
  const own = findScoreField(fields);
  const loop = own ? mapped.filter((m) => m.fieldId === own.id) : [];
  if (loop.length > 0)
    throw new AppError(
      'invalid-payload',
      `${own?.name} (${own?.id}) is where ValueRank writes its scores; it cannot be an input to them.`,
      loop.map((m) => `mapping.${m.input}.fieldId: ${m.fieldId} is ValueRank's own score field`),
    );
  return saveMapping(projectKey, mapping);
}

/** Users who may rank only; a model that cannot score under the project's mapping is refused. */
export async function saveProjectModel(
  deps: ServiceDeps,
  projectKey: string,
  model: ModelConfig,
): Promise<ModelConfig> {
  await requireRank(deps.jira, projectKey, "change the project's scoring model");
  const { mapping } = await settingsInForce(deps, { projectKey }, { model });
  assertModelUsable(model, mapping);
  return saveModel(projectKey, model);
}

async function inBacklog(jira: JiraClient, boardId: number, key: string): Promise<boolean> {
  return (await backlogKeysAmong(jira, boardId, [key])).has(key);
}

/**
 * The keys among `keys` that are in the board's backlog: one search for all of them (the keys were checked
 * against /^[A-Z][A-Z0-9_]+-\d+$/: safe inside JQL). Jira refuses the whole search when a key names no
 * issue, naming it ("An issue with key 'X' does not exist…"): those keys are dropped and the rest asked
 * again; if Jira names none of them, each key is asked on its own.
 */
async function backlogKeysAmong(
  jira: JiraClient,
  boardId: number,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const wanted = new Set(keys);
  try {
    const found = await jira.boardBacklog(boardId, { fields: ['id'], jql: `key in (${keys.join(', ')})` });
    return new Set(found.map((i) => i.key).filter((k) => wanted.has(k)));
  } catch (error) {
    if (!(error instanceof JiraValidationError || error instanceof JiraNotFoundError)) throw error;
    if (keys.length === 1) return new Set();
    const named = new Set(keys.filter((k) => error.jiraMessages.includes(`'${k}'`)));
    if (named.size > 0)
      return backlogKeysAmong(
        jira,
        boardId,
        keys.filter((k) => !named.has(k)),
      );
    const found = new Set<string>();
    for (const key of keys) if (await inBacklog(jira, boardId, key)) found.add(key);
    return found;
  }
}

/** Pins or unpins an issue on a board (users who may rank only); answers the board's pins. */
export async function pinIssue(
  deps: ServiceDeps,
  input: { boardId: number; key: string; pinned: boolean; projectKey?: string | undefined },
): Promise<string[]> {
  const result = await pinIssues(deps, { ...input, keys: [input.key] });
  if (result.notInBacklog.length > 0)
    throw new AppError(
      'not-found',
      `${input.key} is not in the backlog of ${result.board} (it may be done, in a sprint, or deleted).`,
    );
  return result.pins;
}

/**
 * Pins or unpins several issues on a board at once (users who may rank only): one permission check, one
 * backlog search and one write for all of them. Issues that are not in the backlog are not pinned and are
 * named in `notInBacklog`; the others are.
 */
export async function pinIssues(
  deps: ServiceDeps,
  input: { boardId: number; keys: readonly string[]; pinned: boolean; projectKey?: string | undefined },
): Promise<{ pins: string[]; changed: string[]; notInBacklog: string[]; board: string }> {
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  await requireRank(deps.jira, board.projectKey, `pin issues on ${board.name}`);
  const keys = [...new Set(input.keys)];
  const present = input.pinned ? await backlogKeysAmong(deps.jira, board.id, keys) : new Set(keys);
  const changed = keys.filter((k) => present.has(k));
  const notInBacklog = keys.filter((k) => !present.has(k));
  const pins =
    changed.length === 0
      ? await deps.settings.pins(board.id)
      : await setPins(board.id, changed, input.pinned);
  return { pins, changed, notInBacklog, board: board.name };
}
