/**
 * Acceptance criteria in Jira: check an issue (panel, badge (./badge), CLI), keep its readiness searchable in
 * JQL (`valuerank-readiness` issue property, written by a product trigger) and gate transitions (Definition
 * of Ready). Services take their I/O as arguments (docs/adr/0004-feature-services.md).
 */
import {
  checkIssue,
  DEFAULT_CONFIG,
  READINESS_PROPERTY_KEY,
  type CheckResult,
  type CriteriaConfig,
  type Finding,
} from '../../core/criteria';
import { QUESTIONS_PROPERTY, readQuestionsProperty } from '../../core/questions';
import type { JiraClient } from '../../jira/client';
import type { JiraIssue } from '../../jira/schemas';

export { READINESS_PROPERTY_KEY };

/** Where a project's criteria configuration comes from (Forge storage in the app; defaults in the CLI). */
export interface ConfigSource {
  config(projectKey: string): Promise<CriteriaConfig>;
}
export const defaultConfig: ConfigSource = { config: async () => DEFAULT_CONFIG };

export interface CriteriaDeps {
  jira: JiraClient;
  configs: ConfigSource;
}

export interface IssueCheck extends CheckResult {
  issueKey: string;
  issueType: string | undefined;
  summary: string;
}

const BASE_FIELDS = ['summary', 'issuetype', 'description', 'project'] as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const nameOf = (v: unknown): string | undefined =>
  v && typeof v === 'object' ? str((v as { name?: unknown }).name) : undefined;

/** The fields a check reads, with the project's criteria field when one is configured. */
export function fieldsFor(config: CriteriaConfig): string[] {
  return config.criteriaFieldId ? [...BASE_FIELDS, config.criteriaFieldId] : [...BASE_FIELDS];
}

/** Checks an issue already read from Jira (REST v3 shape). */
export function checkJiraIssue(issue: JiraIssue, config: CriteriaConfig): IssueCheck {
  const f = issue.fields;
  const result = checkIssue(
    {
      summary: f.summary,
      description: f.description,
      criteriaField: config.criteriaFieldId ? f[config.criteriaFieldId] : undefined,
      issueType: nameOf(f.issuetype),
      openQuestions: readQuestionsProperty(issue.properties?.[QUESTIONS_PROPERTY])?.open ?? 0,
    },
    config,
  );
  return { ...result, issueKey: issue.key, issueType: nameOf(f.issuetype), summary: str(f.summary) ?? '' };
}

/** Reads an issue (as whoever `jira` acts for) with its project's configuration, and checks it. */
export async function checkIssueByKey(deps: CriteriaDeps, issueKey: string): Promise<IssueCheck> {
  return (await readAndCheck(deps, issueKey)).check;
}

/** {@link checkIssueByKey}, answering the issue as read too (with its open questions property). */
export async function readAndCheck(
  deps: CriteriaDeps,
  issueKey: string,
): Promise<{ issue: JiraIssue; check: IssueCheck }> {
  const config = await deps.configs.config(issueKey.replace(/-\d+$/, ''));
  const issue = await deps.jira.issue(issueKey, fieldsFor(config), [QUESTIONS_PROPERTY]);
  return { issue, check: checkJiraIssue(issue, config) };
}

/** The indexed readiness property: Jira indexes no booleans, so `ready` is "true"/"false". */
export interface ReadinessProperty {
  ready: 'true' | 'false';
  quality: number;
  criteria: number;
  done: number;
  total: number;
  blocking: string[];
  at: string;
}

export function readinessOf(check: CheckResult, at = new Date()): ReadinessProperty {
  return {
    ready: check.verdict.ready ? 'true' : 'false',
    quality: check.score,
    criteria: check.criteria.length,
    done: check.progress.done,
    total: check.progress.total,
    blocking: check.verdict.blocking.slice(0, 5).map((f) => f.kind),
    at: at.toISOString(),
  };
}

/**
 * Checks the issue and writes its readiness property (`jira` acting as the app), only when the readiness
 * differs from the stored one ({@link sameReadiness}): an edit that changes nothing the check reads (a
 * comment, an assignee) costs no write. Answers the fresh readiness and whether it was written.
 */
export async function refreshReadiness(
  deps: CriteriaDeps,
  issueKey: string,
): Promise<{ readiness: ReadinessProperty; written: boolean }> {
  const [check, stored] = await Promise.all([
    checkIssueByKey(deps, issueKey),
    deps.jira.getIssueProperty(issueKey, READINESS_PROPERTY_KEY),
  ]);
  const readiness = readinessOf(check);
  if (sameReadiness(stored, readiness)) return { readiness, written: false };
  await deps.jira.setIssueProperty(issueKey, READINESS_PROPERTY_KEY, readiness);
  return { readiness, written: true };
}

/** The same readiness, ignoring when it was computed (`at`). */
export function sameReadiness(stored: unknown, fresh: ReadinessProperty): boolean {
  if (!stored || typeof stored !== 'object') return false;
  const s = stored as Partial<Record<keyof ReadinessProperty, unknown>>;
  return (
    s.ready === fresh.ready &&
    s.quality === fresh.quality &&
    s.criteria === fresh.criteria &&
    s.done === fresh.done &&
    s.total === fresh.total &&
    Array.isArray(s.blocking) &&
    s.blocking.length === fresh.blocking.length &&
    s.blocking.every((k, i) => k === fresh.blocking[i])
  );
}

/** One line for a blocking finding: "Given/When/Then incomplete: …" as a person reads it. */
export function describeFinding(f: Finding, check: Pick<CheckResult, 'criteria'>): string {
  const where = f.criterion !== undefined ? ` (criterion ${f.criterion + 1})` : '';
  const text = f.criterion !== undefined ? check.criteria[f.criterion]?.text : undefined;
  const quoted = text ? `: "${text.length > 60 ? `${text.slice(0, 57)}...` : text}"` : '';
  return `${f.message}${where}${quoted}`;
}
