/**
 * Backlog items: the plain, checked view of a Jira issue that the rest of the core works on.
 * Reads Jira's field shapes defensively: a field of the wrong shape reads as absent, never throws.
 */
export interface IssueLike {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

export interface BacklogItem {
  id: string;
  key: string;
  summary: string;
  issueType: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'unknown';
  /** From the board's estimation field; undefined when missing or not a finite number ≥ 0. */
  storyPoints: number | undefined;
  priority: string | undefined;
  labels: string[];
  epicKey: string | undefined;
}

export interface ItemFieldMap {
  /** The board's estimation field, e.g. `customfield_10016`. */
  estimationFieldId?: string | undefined;
}

/** The fields `toBacklogItem` reads: request only these from Jira. */
export function fieldsNeeded(map: ItemFieldMap): string[] {
  const base = ['summary', 'issuetype', 'status', 'priority', 'labels', 'parent'];
  return map.estimationFieldId ? [...base, map.estimationFieldId] : base;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function toBacklogItem(issue: IssueLike, map: ItemFieldMap): BacklogItem {
  const f = issue.fields;
  const status = record(f.status);
  const category = text(record(status?.statusCategory)?.key);
  const points = map.estimationFieldId ? readNumber(f[map.estimationFieldId]) : undefined;
  return {
    id: issue.id,
    key: issue.key,
    summary: text(f.summary) ?? '',
    issueType: text(record(f.issuetype)?.name) ?? 'Unknown',
    status: text(status?.name) ?? 'Unknown',
    statusCategory:
      category === 'new' || category === 'indeterminate' || category === 'done' ? category : 'unknown',
    storyPoints: points !== undefined && points >= 0 ? points : undefined,
    priority: text(record(f.priority)?.name),
    labels: Array.isArray(f.labels) ? f.labels.filter((l): l is string => typeof l === 'string') : [],
    epicKey: text(record(f.parent)?.key),
  };
}

export interface BacklogSummary {
  count: number;
  estimated: number;
  totalPoints: number;
  byType: Record<string, number>;
}

export function summarize(items: readonly BacklogItem[]): BacklogSummary {
  const byType: Record<string, number> = {};
  let estimated = 0;
  let totalPoints = 0;
  for (const item of items) {
    byType[item.issueType] = (byType[item.issueType] ?? 0) + 1;
    if (item.storyPoints !== undefined) {
      estimated += 1;
      totalPoints += item.storyPoints;
    }
  }
  return { count: items.length, estimated, totalPoints, byType };
}
