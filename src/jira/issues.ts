import { readAllByStartAt } from './paging';
import { jiraPath, query } from './path';
import { readProperty, writeProperty } from './properties';
import type { JiraRequester } from './request';
import { ChangelogPage, JiraIssue, type JiraChangelogEntry } from './schemas';

/** `GET /rest/api/3/issue/{key}/changelog` answers at most 100 entries a page. */
export const CHANGELOG_PAGE_SIZE = 100;

/** Which issues to read (with a board's backlog or a JQL search) and what of each. */
export interface IssueQuery {
  /** Only these fields are requested (Jira sends less, faster). */
  fields: readonly string[];
  /** Extra JQL (the backlog's own filter still applies). */
  jql?: string;
  expand?: string;
  properties?: readonly string[];
  pageSize?: number;
}

/**
 * `GET /rest/api/3/issue/{key}?fields=`: one issue with only the fields asked for (an empty list asks for
 * Jira's navigable defaults, so at least one field is required), and the issue properties named.
 */
export async function issue(
  r: JiraRequester,
  issueIdOrKey: string,
  fields: readonly string[],
  properties: readonly string[] = [],
): Promise<JiraIssue> {
  if (fields.length === 0) throw new RangeError('issue() needs at least one field');
  const q = query({ fields, ...(properties.length > 0 ? { properties } : {}) });
  return await r.json('GET', jiraPath`/rest/api/3/issue/${issueIdOrKey}?${q}`, JiraIssue);
}

/**
 * `PUT /rest/api/3/issue/{key}`: sets these fields of one issue (Jira checks the caller's right to edit it
 * and each value; a refused value is a {@link JiraValidationError} naming the field). Notifies watchers as
 * Jira does for any edit.
 */
export async function editIssue(
  r: JiraRequester,
  issueIdOrKey: string,
  fields: Readonly<Record<string, unknown>>,
): Promise<void> {
  if (Object.keys(fields).length === 0) throw new RangeError('editIssue needs at least one field');
  await r.send('PUT', jiraPath`/rest/api/3/issue/${issueIdOrKey}`, { fields });
}

/** `GET /rest/api/3/issue/{key}/properties/{property}`; undefined when the issue has no such property. */
export async function getIssueProperty(
  r: JiraRequester,
  issueIdOrKey: string,
  propertyKey: string,
): Promise<unknown> {
  return await readProperty(r, jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`);
}

/** `PUT /rest/api/3/issue/{key}/properties/{property}`: creates or replaces the property. */
export async function setIssueProperty(
  r: JiraRequester,
  issueIdOrKey: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  return await writeProperty(
    r,
    `Issue property ${propertyKey}`,
    jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
    value,
  );
}

/**
 * `GET /rest/api/3/issue/{key}/changelog`: every change of the issue, oldest first (pages with
 * `startAt` until `isLast`).
 */
export async function changelog(r: JiraRequester, issueIdOrKey: string): Promise<JiraChangelogEntry[]> {
  return await readAllByStartAt(
    (startAt) => {
      const params = query({ startAt, maxResults: CHANGELOG_PAGE_SIZE });
      return r.json('GET', jiraPath`/rest/api/3/issue/${issueIdOrKey}/changelog?${params}`, ChangelogPage);
    },
    (page) => page.values,
    (page, next) =>
      page.isLast === true || (page.isLast === undefined && page.total !== undefined && next >= page.total),
  );
}
