import { readAllByStartAt } from './paging';
import { jiraPath, query } from './path';
import { fitsProperty, MAX_PROPERTY_BYTES, writeProperty } from './properties';
import type { JiraRequester } from './request';
import { JiraComment, JiraCommentsPage } from './schemas';

/** `GET /rest/api/3/issue/{key}/comment` answers at most 100 comments a page. */
export const COMMENT_PAGE_SIZE = 100;

/** A comment property sent with a new comment. */
export interface CommentProperty {
  key: string;
  value: unknown;
}

/**
 * `GET /rest/api/3/issue/{key}/comment?expand=properties`: every comment of the issue the caller may see,
 * oldest first, each with its comment properties (pages with `startAt` until `total`).
 */
export async function comments(r: JiraRequester, issueIdOrKey: string): Promise<JiraComment[]> {
  return await readAllByStartAt(
    (startAt) => {
      const params = query({
        startAt,
        maxResults: COMMENT_PAGE_SIZE,
        orderBy: 'created',
        expand: 'properties',
      });
      return r.json('GET', jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment?${params}`, JiraCommentsPage);
    },
    (page) => page.comments,
    (page, next) => next >= page.total,
  );
}

/**
 * `POST /rest/api/3/issue/{key}/comment`: adds a comment (an ADF document) as the caller, with its comment
 * properties in the same request, so the comment never exists without them. Jira requires Add Comments.
 */
export async function addComment(
  r: JiraRequester,
  issueIdOrKey: string,
  body: unknown,
  properties: readonly CommentProperty[] = [],
): Promise<JiraComment> {
  for (const p of properties) {
    if (!fitsProperty(p.value))
      throw new RangeError(`Comment property ${p.key} must be JSON of at most ${MAX_PROPERTY_BYTES} bytes`);
  }
  return await r.json('POST', jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment`, JiraComment, {
    body,
    ...(properties.length > 0 ? { properties: properties.map((p) => ({ key: p.key, value: p.value })) } : {}),
  });
}

/**
 * `PUT /rest/api/3/comment/{id}/properties/{property}`: creates or replaces a comment property (Jira requires
 * Edit All Comments, or Edit Own Comments on one's own comment, or the app acting as itself).
 */
export async function setCommentProperty(
  r: JiraRequester,
  commentId: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  return await writeProperty(
    r,
    `Comment property ${propertyKey}`,
    jiraPath`/rest/api/3/comment/${commentId}/properties/${propertyKey}`,
    value,
  );
}
