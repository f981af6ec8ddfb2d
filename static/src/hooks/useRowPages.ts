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
  /** Forgets the error and asks again for the rows on screen. */
  retry(): void;
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
  const [attempt, setAttempt] = useState(0);
  const key = useRef<string | undefined>(undefined);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  // Rows at hand from index 0 (the view's first rows): shown at once, their pages never fetched.
  const first = useRef<readonly T[]>([]);
  if (key.current !== resetKey) {
    key.current = resetKey;
    pages.current = new Map();
    pending.current = new Set();
    first.current = initial ?? [];
  }

  const ensure = useCallback(
    (from: number, to: number) => {
      const firstPage = Math.max(0, Math.floor(from / pageSize));
      const last = Math.min(Math.ceil(total / pageSize) - 1, Math.floor((Math.max(from, to) - 1) / pageSize));
      for (let p = firstPage; p <= last; p += 1) {
        if (pages.current.has(p) || pending.current.has(p)) continue;
        if (first.current.length >= Math.min((p + 1) * pageSize, total)) continue;
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
    // A new resetKey (or a retry) is a new `ensure`, so the table asks again for the rows it shows.
    [pageSize, total, resetKey, attempt],
  );

  useEffect(() => setError(undefined), [resetKey]);

  return {
    rowAt: (index) =>
      pages.current.get(Math.floor(index / pageSize))?.[index % pageSize] ?? first.current[index],
    ensure,
    loaded: () => {
      const at = new Map<number, T>();
      first.current.forEach((row, i) => at.set(i, row));
      for (const [p, rows] of pages.current) rows.forEach((row, i) => at.set(p * pageSize + i, row));
      return [...at.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
    },
    error,
    retry: () => {
      setError(undefined);
      setAttempt((a) => a + 1);
    },
  };
}
