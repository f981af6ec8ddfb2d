import type { IssueQuery } from './issues';
import { jiraPath } from './path';
import type { JiraRequester } from './request';
import { JqlCount, JqlSearchPage, type JiraIssue } from './schemas';

/** `search/jql` answers at most 100 issues a page when fields are requested. */
export const JQL_PAGE_SIZE = 100;

/** An {@link IssueQuery} whose JQL is the whole search. */
export type JqlQuery = IssueQuery & { jql: string };

/** One page of a JQL search, and the token of the next page (undefined on the last). */
export interface JqlPage {
  issues: JiraIssue[];
  nextPageToken: string | undefined;
}

/**
 * One page of `POST /rest/api/3/search/jql`: its issues and the token of the next page (undefined on the
 * last page). For work that pages across invocations (a queue job keeps the token between events).
 */
export async function searchPage(r: JiraRequester, q: JqlQuery, pageToken?: string): Promise<JqlPage> {
  const body = {
    jql: q.jql,
    fields: [...q.fields],
    maxResults: q.pageSize ?? JQL_PAGE_SIZE,
    ...(q.expand ? { expand: q.expand } : {}),
    ...(q.properties ? { properties: [...q.properties] } : {}),
    ...(pageToken ? { nextPageToken: pageToken } : {}),
  };
  const page = await r.json('POST', jiraPath`/rest/api/3/search/jql`, JqlSearchPage, body);
  const next = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
  return { issues: page.issues, nextPageToken: next || undefined };
}

/** The pages `readPage` reads by token, from the first until one gives no next token (empty pages left out). */
export async function* tokenPages(
  readPage: (pageToken: string | undefined) => Promise<JqlPage>,
): AsyncGenerator<JiraIssue[]> {
  let nextPageToken: string | undefined;
  do {
    const page = await readPage(nextPageToken);
    if (page.issues.length > 0) yield page.issues;
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
}

/**
 * `POST /rest/api/3/search/approximate-count`: about how many issues a bounded JQL query finds (Jira
 * says recent changes may not be counted yet; good for a progress bar, not for a check).
 */
export async function countIssues(r: JiraRequester, jql: string): Promise<number> {
  const body = await r.json('POST', jiraPath`/rest/api/3/search/approximate-count`, JqlCount, { jql });
  return body.count;
}
