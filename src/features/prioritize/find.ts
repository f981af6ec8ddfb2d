/**
 * `prioritize.find`: the workspace grid's rows, filtered and sorted on the server from the board's latest
 * analysis (docs/adr/0011-view-snapshots.md), so sorting and filtering work at 10,000 issues while the
 * browser holds only the rows in view. The unfiltered value and current orders read only the chunks they
 * show; any other query reads the analysis' rows once, filters, sorts and slices. The readiness of the
 * rows answered (and, for the `ready` filter, of the project) is asked of Jira as the user: one JQL search
 * on the indexed `valuerank-readiness` property.
 */
import { z } from 'zod';
import { planRank } from '../../core/rank-plan';
import type { ModelConfig } from '../../core/scoring';
import { listLength, readViewList, readViewRange, type ViewSnapshot } from '../../store/views';
import type { ServiceDeps } from './analyze';
import { resolveBoard } from './board';
import { movedKeys } from './preview';
import { READINESS_PROPERTY_KEY } from '../../core/criteria';
import { Row, storedFor } from './snapshot';
import {
  MAX_FOUND_KEYS,
  type Facets,
  type FindAnswer,
  type RowFilter,
  type SortKey,
  type WorkspaceRow,
} from './workspace-api';

export interface FindInput {
  boardId: number;
  model?: ModelConfig | undefined;
  projectKey?: string | undefined;
  accountId?: string | undefined;
  filter: RowFilter;
  sort: { by: SortKey; dir: 'asc' | 'desc' };
  from: number;
  count: number;
  keysOnly: boolean;
  facets: boolean;
}

const NONE = 'none';

const hasFilter = (f: RowFilter): boolean =>
  Boolean(f.text?.trim()) ||
  [f.types, f.statuses, f.epics, f.versions, f.goals].some((l) => l !== undefined && l.length > 0) ||
  f.ready !== undefined ||
  f.unscored !== undefined ||
  f.moved !== undefined;

const among = (wanted: readonly string[] | undefined, values: readonly string[]): boolean =>
  !wanted ||
  wanted.length === 0 ||
  (values.length === 0 ? wanted.includes(NONE) : values.some((v) => wanted.includes(v)));

/**
 * Whether a row passes the filter. `readyKeys` holds the ready issues (when the filter asks for readiness),
 * `moving` the issues the reorder's rank calls move (when it asks for those).
 */
export function matches(
  row: WorkspaceRow,
  f: RowFilter,
  readyKeys?: ReadonlySet<string>,
  moving?: ReadonlySet<string>,
): boolean {
  const text = f.text?.trim().toLowerCase();
  if (text && !row.key.toLowerCase().includes(text) && !row.summary.toLowerCase().includes(text))
    return false;
  if (f.types?.length && !f.types.includes(row.issueType)) return false;
  if (f.statuses?.length && !f.statuses.includes(row.status)) return false;
  if (!among(f.epics, row.epic ? [row.epic.key] : [])) return false;
  if (!among(f.versions, row.versions ?? [])) return false;
  if (!among(f.goals, row.goals ?? [])) return false;
  if (f.unscored !== undefined && (row.score === null) !== f.unscored) return false;
  if (f.moved !== undefined && moving && moving.has(row.key) !== f.moved) return false;
  if (f.ready && readyKeys && readyKeys.has(row.key) !== (f.ready === 'ready')) return false;
  return true;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Sorts rows by one column; ties keep the value order. Unscored rows sort after scored ones either way. */
export function sortRows(rows: WorkspaceRow[], by: SortKey, dir: 'asc' | 'desc'): WorkspaceRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: WorkspaceRow, b: WorkspaceRow): number => {
    switch (by) {
      case 'value':
        return sign * (a.targetRank - b.targetRank);
      case 'rank':
        return sign * (a.rank - b.rank);
      case 'score':
        if (a.score === null || b.score === null)
          return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0);
        return sign * (a.score - b.score);
      case 'key':
        return sign * collator.compare(a.key, b.key);
      case 'summary':
        return sign * collator.compare(a.summary, b.summary);
      case 'type':
        return sign * collator.compare(a.issueType, b.issueType);
      case 'status':
        return sign * collator.compare(a.status, b.status);
    }
  };
  return [...rows].sort((a, b) => cmp(a, b) || a.targetRank - b.targetRank);
}

/** The values the filters offer, from every row. */
export function facetsOf(rows: readonly WorkspaceRow[], goalNames: ReadonlyMap<string, string>): Facets {
  const types = new Set<string>();
  const statuses = new Set<string>();
  const epics = new Map<string, string>();
  const versions = new Set<string>();
  const goals = new Set<string>();
  for (const r of rows) {
    types.add(r.issueType);
    statuses.add(r.status);
    if (r.epic) epics.set(r.epic.key, r.epic.summary);
    for (const v of r.versions ?? []) versions.add(v);
    for (const g of r.goals ?? []) goals.add(g);
  }
  const sorted = (s: Iterable<string>) => [...s].sort(collator.compare);
  return {
    types: sorted(types),
    statuses: sorted(statuses),
    epics: sorted(epics.keys()).map((key) => ({ key, summary: epics.get(key) ?? '' })),
    versions: sorted(versions),
    goals: [...goalNames]
      .map(([id, name]) => ({ id, name }))
      .concat(
        sorted(goals)
          .filter((g) => !goalNames.has(g))
          .map((id) => ({ id, name: id })),
      ),
  };
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The readiness ValueRank keeps on these issues, asked of Jira as the user (one search per 100 keys). */
async function readinessOf(
  deps: ServiceDeps,
  keys: readonly string[],
): Promise<Map<string, 'ready' | 'not-ready'>> {
  const out = new Map<string, 'ready' | 'not-ready'>();
  for (let i = 0; i < keys.length; i += 100) {
    const chunk = keys.slice(i, i + 100);
    const issues = await deps.jira.search({
      jql: `key in (${chunk.join(',')})`,
      fields: ['id'],
      properties: [READINESS_PROPERTY_KEY],
      pageSize: chunk.length,
    });
    for (const issue of issues) {
      const ready = record(issue.properties?.[READINESS_PROPERTY_KEY])?.ready;
      if (ready === 'true' || ready === 'false') out.set(issue.key, ready === 'true' ? 'ready' : 'not-ready');
    }
  }
  return out;
}

/** The keys of the project's issues whose kept readiness says ready (one paged JQL search). */
async function readyKeysOf(deps: ServiceDeps, projectKey: string): Promise<Set<string>> {
  const issues = await deps.jira.search({
    jql: `project = "${projectKey}" AND issue.property[${READINESS_PROPERTY_KEY}].ready = "true"`,
    fields: ['id'],
  });
  return new Set(issues.map((i) => i.key));
}

/** The issues the reorder's rank calls move (the preview's plan, from the analysis' two orders). */
async function movingKeys(snapshot: ViewSnapshot): Promise<Set<string>> {
  const [before, after] = await Promise.all([
    readViewList(snapshot, 'before', z.string()),
    readViewList(snapshot, 'after', z.string()),
  ]);
  return new Set(movedKeys(planRank(before, after)));
}

export async function findRows(deps: ServiceDeps, input: FindInput): Promise<FindAnswer> {
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  const snapshot = await storedFor(input);
  const all = listLength(snapshot, 'rows');
  const { by, dir } = input.sort;
  const plain =
    !hasFilter(input.filter) && by === 'value' && dir === 'asc' && !input.keysOnly && !input.facets;

  let rows: WorkspaceRow[];
  let total: number;
  let keys: string[] | undefined;
  let facets: Facets | undefined;
  let canEdit: boolean | undefined;
  if (plain) {
    // The value order as stored: only the chunks that hold the page.
    rows = await readViewRange(snapshot, 'rows', input.from, input.count, Row);
    total = all;
  } else {
    const every = await readViewList(snapshot, 'rows', Row);
    const readyKeys = input.filter.ready ? await readyKeysOf(deps, board.projectKey) : undefined;
    const moving = input.filter.moved !== undefined ? await movingKeys(snapshot) : undefined;
    const sorted = sortRows(
      every.filter((r) => matches(r, input.filter, readyKeys, moving)),
      by,
      dir,
    );
    total = sorted.length;
    if (input.keysOnly) keys = sorted.slice(0, MAX_FOUND_KEYS).map((r) => r.key);
    rows = input.keysOnly ? [] : sorted.slice(input.from, input.from + input.count);
    if (input.facets) {
      const [vision, held] = await Promise.all([
        deps.settings.vision?.(board.projectKey),
        deps.jira.myPermissions({ projectKey: board.projectKey }, ['EDIT_ISSUES']),
      ]);
      canEdit = held.EDIT_ISSUES === true;
      const names = new Map((vision?.goals ?? []).map((g) => [g.id, g.name] as const));
      facets = facetsOf(every, names);
    }
  }
  if (rows.length > 0) {
    const ready = await readinessOf(
      deps,
      rows.map((r) => r.key),
    ).catch(() => undefined);
    if (ready) rows = rows.map((r) => ({ ...r, ready: ready.get(r.key) ?? 'unchecked' }));
  }
  return {
    total,
    all,
    from: input.from,
    rows,
    ...(keys ? { keys } : {}),
    ...(facets ? { facets } : {}),
    ...(canEdit !== undefined ? { canEdit } : {}),
    snapshotId: snapshot.id,
    computedAt: snapshot.computedAt,
  };
}
