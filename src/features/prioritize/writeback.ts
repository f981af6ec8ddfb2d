/**
 * Writes the scores back to Jira as the app, so people see and search them outside ValueRank:
 * - the Forge custom field "Business value score" (manifest `jira:customField`, key `business-value-score`),
 *   in bulk through `POST /rest/api/3/app/field/value` (only the app that declares a field may write it);
 * - the issue entity property `valuerank` (manifest `jira:entityProperty`: `score` number, `model` and
 *   `unscored` strings are indexed, so `issue.property[valuerank].score > 5` works in JQL).
 */
import type { ModelConfig, Score } from '../../core/scoring';
import type { JiraClient } from '../../jira/client';
import type { JiraField } from '../../jira/schemas';

export const SCORE_FIELD_KEY = 'business-value-score';
export const SCORE_PROPERTY_KEY = 'valuerank';
/** Property writes in flight at once (Jira has no bulk write for one property on many issues). */
const PROPERTY_CONCURRENCY = 8;
const MAX_REASON = 500;

/**
 * The app's score field in `GET /rest/api/3/field`. A Forge field's id is an ordinary `customfield_N`; its
 * `schema.custom` (and, on some sites, `key`) ends with the module key: `…/static/business-value-score`.
 */
export function findScoreField(fields: readonly JiraField[]): JiraField | undefined {
  const endsWithKey = (text: string | undefined) =>
    text !== undefined &&
    (text === SCORE_FIELD_KEY ||
      text.endsWith(`/${SCORE_FIELD_KEY}`) ||
      text.endsWith(`__${SCORE_FIELD_KEY}`));
  return fields.find((f) => f.custom && (endsWithKey(f.schema?.custom) || endsWithKey(f.key)));
}

/** The `valuerank` property of one issue. */
export function scoreProperty(score: Score, at: string): Record<string, unknown> {
  const model = score.model;
  if (score.status === 'scored')
    return {
      score: score.value,
      display: score.explanation.result,
      model,
      ...(score.bucket ? { bucket: score.bucket } : {}),
      at,
    };
  return { model, unscored: score.reason.slice(0, MAX_REASON), at };
}

export interface WriteBackResult {
  fieldId: string | undefined;
  fieldIssues: number;
  properties: number;
  /** What could not be written, one sentence each. */
  problems: string[];
}

async function inPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** What is written: the backlog's issues, their scores and the model (an analysis of the board). */
export interface ScoresToWrite {
  issues: ReadonlyArray<{ id: string; key: string }>;
  scores: readonly Score[];
  model: ModelConfig;
}

/** Writes every score of the analysis; failures are collected, never thrown. */
export async function writeScores(
  appJira: JiraClient,
  a: ScoresToWrite,
  at: string = new Date().toISOString(),
): Promise<WriteBackResult> {
  const problems: string[] = [];
  const result: WriteBackResult = { fieldId: undefined, fieldIssues: 0, properties: 0, problems };
  const scoreByKey = new Map(a.scores.map((s) => [s.key, s] as const));

  try {
    const field = findScoreField(await appJira.fields());
    if (!field) problems.push(`The "Business value score" field (${SCORE_FIELD_KEY}) is not on this site.`);
    else {
      result.fieldId = field.id;
      const byValue = new Map<number | null, number[]>();
      for (const issue of a.issues) {
        const score = scoreByKey.get(issue.key);
        const value = score?.status === 'scored' ? score.value : null;
        byValue.set(value, [...(byValue.get(value) ?? []), Number(issue.id)]);
      }
      await appJira.setAppFieldValues(
        [...byValue].map(([value, issueIds]) => ({ customField: field.id, issueIds, value })),
        { generateChangelog: false },
      );
      result.fieldIssues = a.issues.length;
    }
  } catch (error) {
    problems.push(`The score field could not be written: ${(error as Error).message}`);
  }

  const refused: string[] = [];
  await inPool(a.issues, PROPERTY_CONCURRENCY, async (issue) => {
    const score = scoreByKey.get(issue.key);
    if (!score) return;
    try {
      await appJira.setIssueProperty(issue.key, SCORE_PROPERTY_KEY, scoreProperty(score, at));
      result.properties += 1;
    } catch {
      refused.push(issue.key);
    }
  });
  if (refused.length > 0)
    problems.push(
      `The ${SCORE_PROPERTY_KEY} property could not be written on ${refused.length} issue(s): ${refused.slice(0, 10).join(', ')}${refused.length > 10 ? ', ...' : ''}.`,
    );
  return result;
}
