/**
 * Rows of a long list fetched on demand, a page at a time (docs/adr/0011-view-snapshots.md): the table
 * asks for the range it shows, the hook fetches the pages it lacks (never the same page twice at once) and
 * keeps them until `resetKey` changes (another order, model or analysis). Reusable by any virtualised list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface RowPages<T> {
  /** The row at `index`, once its page has arrived. */
  rowAt(index: number): T | undefined;
  /** Fetches the pages holding rows `from` to `to` (exclusive) that are not there yet. */
  ensure(from: number, to: number): void;
  /** Rows fetched so far, in index order (for lists that need what is on screen: tagging, summaries). */
  loaded(): T[];
  error: unknown;
}

export function useRowPages<T>({
  total,
  pageSize,
  fetchPage,
  resetKey,
  initial,
}: {
  total: number;
  pageSize: number;
  fetchPage: (from: number, count: number) => Promise<T[]>;
  resetKey: string;
  /** Rows already at hand from index 0 (the view's first rows). */
  initial?: readonly T[];
}): RowPages<T> {
  const pages = useRef(new Map<number, T[]>());
  const pending = useRef(new Set<number>());
  const [, setRound] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  const key = useRef<string | undefined>(undefined);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  if (key.current !== resetKey) {
    key.current = resetKey;
    pages.current = new Map();
    pending.current = new Set();
    if (initial && initial.length >= Math.min(pageSize, total))
      pages.current.set(0, initial.slice(0, pageSize));
  }

  const ensure = useCallback(
    (from: number, to: number) => {
      const first = Math.max(0, Math.floor(from / pageSize));
      const last = Math.min(Math.ceil(total / pageSize) - 1, Math.floor((Math.max(from, to) - 1) / pageSize));
      for (let p = first; p <= last; p += 1) {
        if (pages.current.has(p) || pending.current.has(p)) continue;
        pending.current.add(p);
        const mine = key.current;
        fetcher.current(p * pageSize, pageSize).then(
          (rows) => {
            if (key.current !== mine) return;
            pending.current.delete(p);
            pages.current.set(p, rows);
            setRound((r) => r + 1);
          },
          (e: unknown) => {
            if (key.current !== mine) return;
            pending.current.delete(p);
            setError(e);
          },
        );
      }
    },
    [pageSize, total],
  );

  useEffect(() => setError(undefined), [resetKey]);

  return {
    rowAt: (index) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    ensure,
    loaded: () => [...pages.current.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows),
    error,
  };
}
