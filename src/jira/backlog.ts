import type { IssueQuery } from './issues';
import { AGILE_PAGE_SIZE } from './paging';
import { jiraPath, query } from './path';
import { checkId, type JiraRequester } from './request';
import { AgileIssuesPage, type JiraIssue } from './schemas';

/**
 * Backlog pages read at once after the first (docs/adr/0010-concurrent-reads.md): Jira Cloud's cost-based
 * rate limits allow it comfortably, and 429 / Retry-After are honoured per request.
 */
export const DEFAULT_READ_CONCURRENCY = 5;

/** One page of a board's backlog and what Jira says about the whole. */
export interface BacklogPage {
  issues: JiraIssue[];
  startAt: number;
  /** Issues in the backlog, when Jira says. */
  total: number | undefined;
  isLast: boolean;
}

/** How far a backlog read has come: issues read, of `total` when Jira says. */
export type ReadProgress = (read: number, total: number | undefined) => void | Promise<void>;

/** One page of `GET /rest/agile/1.0/board/{id}/backlog` from `startAt`. */
export async function backlogPage(
  r: JiraRequester,
  boardId: number,
  q: IssueQuery,
  startAt = 0,
): Promise<BacklogPage> {
  const pageSize = q.pageSize ?? AGILE_PAGE_SIZE;
  const params = query({ startAt, maxResults: pageSize, jql: q.jql, fields: q.fields, expand: q.expand });
  const page = await r.json(
    'GET',
    jiraPath`/rest/agile/1.0/board/${checkId(boardId)}/backlog?${params}`,
    AgileIssuesPage,
  );
  const next = startAt + page.issues.length;
  const isLast =
    page.issues.length === 0 ||
    page.isLast === true ||
    (page.total !== undefined && next >= page.total) ||
    (page.total === undefined && page.issues.length < page.maxResults);
  return { issues: page.issues, startAt, total: page.total, isLast };
}

/**
 * The issues of the backlog pages `readPage` reads by `startAt`, in backlog (rank) order. The first page
 * says how many issues there are; the rest are then read `concurrency` pages at a time and yielded in
 * order. When Jira gives no total, or the backlog grew meanwhile, the remaining pages are read one after
 * another.
 */
export async function* backlogPages(
  readPage: (startAt: number) => Promise<BacklogPage>,
  concurrency: number,
  onProgress?: ReadProgress,
): AsyncGenerator<JiraIssue[]> {
  const first = await readPage(0);
  let read = first.issues.length;
  await onProgress?.(read, first.total);
  if (first.issues.length > 0) yield first.issues;
  if (first.isLast) return;
  let next = first.issues.length;
  let last = first;
  if (first.total !== undefined && concurrency > 1) {
    const total = first.total;
    const step = first.issues.length; // Jira may answer fewer than asked for: its page size
    const inFlight: Array<Promise<BacklogPage>> = [];
    const launch = () => {
      const page = readPage(next);
      page.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      inFlight.push(page);
      next += step;
    };
    while (next < total && inFlight.length < concurrency) launch();
    while (inFlight.length > 0) {
      const page = await (inFlight.shift() as Promise<BacklogPage>);
      if (next < total) launch();
      read += page.issues.length;
      await onProgress?.(read, total);
      if (page.issues.length > 0) yield page.issues;
      last = page;
    }
    // Pages past the first total only if the last one was full and Jira now counts more.
    if (last.issues.length < step || last.total === undefined || last.total <= next) return;
  }
  for (;;) {
    const page = await readPage(next);
    read += page.issues.length;
    await onProgress?.(read, page.total);
    if (page.issues.length > 0) yield page.issues;
    next += page.issues.length;
    if (page.isLast) return;
  }
}
