/**
 * The workspace grid's rows: the board's analysis filtered and sorted on the server (`prioritize.find`),
 * fetched a page at a time as the grid scrolls (useRowPages). The plain value order starts from the view's
 * first rows; any other query first asks for its first page, which says how many rows match. The filters'
 * values (types, statuses, epics, versions, goals) and whether the caller may edit come once per analysis.
 */
import { useCallback, useEffect, useState } from 'react';
import { call, type Answers, type Payload } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';
import { useRowPages, type RowPages } from '../../hooks/useRowPages';

export type GridRow = Answers['prioritize.find']['rows'][number];
export type Facets = NonNullable<Answers['prioritize.find']['facets']>;
export type RowFilter = NonNullable<Payload<'prioritize.find'>['filter']>;
export type GridSort = NonNullable<Payload<'prioritize.find'>['sort']>;

/** Rows per `prioritize.find` call as the grid scrolls. */
const GRID_PAGE = 100;

const isPlain = (filter: RowFilter, sort: GridSort): boolean =>
  Object.values(filter).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) &&
  sort.by === 'value' &&
  sort.dir === 'asc';

/** The filter as sent: empty values left out. */
function cleanFilter(filter: RowFilter): RowFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter))
    if (!(v === undefined || v === '' || (Array.isArray(v) && v.length === 0)))
      out[k] = typeof v === 'string' ? v.trim() : v;
  return out as RowFilter;
}

export interface GridRows {
  rows: RowPages<GridRow>;
  /** Rows matching the query; undefined while its first page is on its way. */
  total: number | undefined;
  facets: Facets | undefined;
  canEdit: boolean;
  /** Every key matching the query (for "select all"), asked of the server. */
  allKeys(): Promise<string[]>;
}

export function useGridRows({
  boardId,
  model,
  snapshotId,
  viewTotal,
  first,
  filter,
  sort,
}: {
  boardId: number;
  model: ModelConfig | undefined;
  snapshotId: string;
  viewTotal: number;
  first: readonly GridRow[];
  filter: RowFilter;
  sort: GridSort;
}): GridRows {
  const modelKey = JSON.stringify(model ?? null);
  const sent = cleanFilter(filter);
  const plain = isPlain(sent, sort);
  const queryKey = JSON.stringify({ sent, sort, modelKey, snapshotId, boardId });
  const base = { boardId, ...(model ? { model } : {}) };

  const [head, setHead] = useState<{ key: string; total: number; rows: GridRow[] } | undefined>();
  const [facets, setFacets] = useState<{ snapshotId: string; facets: Facets; canEdit: boolean }>();

  // A filtered or sorted query: its first page says how many rows match.
  useEffect(() => {
    if (plain || !snapshotId) return undefined;
    let live = true;
    call('prioritize.find', { ...base, filter: sent, sort, from: 0, count: GRID_PAGE }).then(
      (a) => {
        if (live) setHead({ key: queryKey, total: a.total, rows: a.rows });
      },
      () => {
        if (live) setHead({ key: queryKey, total: 0, rows: [] });
      },
    );
    return () => {
      live = false;
    };
    // `queryKey` holds everything the query depends on.
  }, [queryKey]);

  useEffect(() => {
    if (!snapshotId || facets?.snapshotId === snapshotId) return undefined;
    let live = true;
    call('prioritize.find', { ...base, facets: true, count: 1 }).then(
      (a) => {
        if (live && a.facets) setFacets({ snapshotId, facets: a.facets, canEdit: a.canEdit === true });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [snapshotId, boardId, modelKey]);

  const ready = plain || head?.key === queryKey;
  const total = plain ? viewTotal : ready ? head?.total : undefined;
  const fetchPage = useCallback(
    async (from: number, count: number) =>
      (await call('prioritize.find', { ...base, filter: sent, sort, from, count })).rows,
    [queryKey],
  );
  const rows = useRowPages<GridRow>({
    total: total ?? 0,
    pageSize: GRID_PAGE,
    fetchPage,
    resetKey: `${queryKey}:${ready ? 'ready' : 'waiting'}`,
    initial: plain ? first : ready ? (head?.rows ?? []) : [],
  });
  return {
    rows,
    total,
    facets: facets?.facets,
    canEdit: facets?.canEdit ?? false,
    allKeys: async () =>
      (await call('prioritize.find', { ...base, filter: sent, sort, keysOnly: true })).keys ?? [],
  };
}
