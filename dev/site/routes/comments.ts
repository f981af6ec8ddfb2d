/**
 * Issue comments and comment properties, with Jira's rules as the OpenAPI spec documents them:
 * - `GET /rest/api/3/issue/{key}/comment`: the issue's comments (Browse Projects; a hidden issue is 404),
 *   `startAt`/`maxResults` (≤ 100), `orderBy` created/-created, `expand=properties` embeds each comment's
 *   properties.
 * - `POST /rest/api/3/issue/{key}/comment`: `{ body: ADF, properties?: [{key, value}] }`; needs Add Comments
 *   (400 without it: the spec documents no 403 here); 201 with the comment. The comment and its properties are created together.
 * - `GET|PUT|DELETE /rest/api/3/comment/{id}/properties[/{key}]`: reading needs Browse Projects (a comment
 *   on a hidden issue is 404); writing needs Edit All Comments, or Edit Own Comments on one's own comment
 *   (403; the app may always). The site has no separate comment permissions: Edit Own Comments is Add
 *   Comments, Edit All Comments is Administer Projects.
 */
import { z } from 'zod';
import type { RouteHandler, RouteRequest, SiteContext } from '../context';
import { ISSUE_NOT_FOUND, jiraError, json, NO_CONTENT, paging } from '../http';
import { APP_USER, callerId, canBrowseIssue, hasIssuePermission } from '../permissions';
import { userDetails } from '../render';
import { jiraTime, type IssueRecord, type StoredComment } from '../state';

const MAX_PROPERTY_BYTES = 32_768;
const COMMENT_PAGE_CAP = 100;

function visibleIssue(request: RouteRequest): IssueRecord {
  const { site, caller, params } = request;
  const issue = site.state.issue(params.issueIdOrKey ?? '');
  if (!issue || !canBrowseIssue(site.state, caller, issue)) throw jiraError(404, ISSUE_NOT_FOUND);
  return issue;
}

/** The comment and its issue, if the caller may see the issue; else 404. */
function visibleComment(request: RouteRequest): { issue: IssueRecord; comment: StoredComment } {
  const { site, caller, params } = request;
  const id = params.commentId ?? '';
  for (const issue of site.state.issuesInRankOrder()) {
    const comment = issue.comments.find((c) => c.id === id);
    if (comment && canBrowseIssue(site.state, caller, issue)) return { issue, comment };
  }
  throw jiraError(404, `Can not find a comment for the id: ${id}.`);
}

export function commentJson(
  site: SiteContext,
  issue: IssueRecord,
  comment: StoredComment,
  withProperties: boolean,
): Record<string, unknown> {
  const author = userDetails(site, comment.authorId);
  return {
    self: `${site.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: comment.created,
    updated: comment.created,
    jsdPublic: true,
    ...(withProperties
      ? { properties: [...comment.properties].map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

function checkPropertyValue(key: string, value: unknown): void {
  if (key.length > 255) throw jiraError(400, 'The property key cannot be longer than 255 characters.');
  const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
  if (value === undefined || size > MAX_PROPERTY_BYTES) {
    throw jiraError(
      400,
      `The property value is too long: it has ${size} characters and at most ${MAX_PROPERTY_BYTES} are allowed.`,
    );
  }
}

const listComments: RouteHandler = (request) => {
  const { site, query } = request;
  const issue = visibleIssue(request);
  const { startAt, maxResults } = paging(query, COMMENT_PAGE_CAP, COMMENT_PAGE_CAP);
  const orderBy = query.get('orderBy');
  if (orderBy && !['created', '-created', '+created'].includes(orderBy))
    throw jiraError(400, `The orderBy parameter '${orderBy}' is not valid.`);
  const withProperties = (query.get('expand') ?? '').split(',').includes('properties');
  const all = orderBy === '-created' ? [...issue.comments].reverse() : issue.comments;
  const page = all.slice(startAt, startAt + maxResults);
  return json(200, {
    startAt,
    maxResults,
    total: all.length,
    comments: page.map((c) => commentJson(site, issue, c, withProperties)),
  });
};

const NewComment = z.object({
  body: z
    .object({ type: z.literal('doc'), version: z.number(), content: z.array(z.unknown()) })
    .passthrough(),
  properties: z.array(z.object({ key: z.string().min(1), value: z.unknown() })).optional(),
});

const addComment: RouteHandler = async (request) => {
  const { site, caller } = request;
  const issue = visibleIssue(request);
  if (!hasIssuePermission(site.state, caller, issue, 'ADD_COMMENTS'))
    throw jiraError(400, [], { comment: 'You do not have the permission to comment on this issue.' });
  const parsed = NewComment.safeParse(await request.body());
  if (!parsed.success) throw jiraError(400, [], { comment: 'Comment body can not be empty!' });
  for (const p of parsed.data.properties ?? []) checkPropertyValue(p.key, p.value);
  const comment: StoredComment = {
    id: site.state.newCommentId(),
    authorId: caller.kind === 'app' ? APP_USER.accountId : caller.user.accountId,
    body: parsed.data.body,
    created: jiraTime(Date.now()),
    properties: new Map((parsed.data.properties ?? []).map((p) => [p.key, p.value])),
  };
  issue.comments.push(comment);
  site.state.touch();
  return json(201, commentJson(site, issue, comment, comment.properties.size > 0));
};

function requireCommentEdit(request: RouteRequest, issue: IssueRecord, comment: StoredComment): void {
  const { site, caller } = request;
  if (caller.kind === 'app') return;
  const all = hasIssuePermission(site.state, caller, issue, 'ADMINISTER_PROJECTS');
  const own =
    comment.authorId === callerId(caller) && hasIssuePermission(site.state, caller, issue, 'ADD_COMMENTS');
  if (!all && !own) throw jiraError(403, 'You do not have permission to edit this comment.');
}

const commentPropertyKeys: RouteHandler = (request) => {
  const { comment } = visibleComment(request);
  return json(200, {
    keys: [...comment.properties.keys()].map((key) => ({
      key,
      self: `${request.site.baseUrl}/rest/api/3/comment/${comment.id}/properties/${encodeURIComponent(key)}`,
    })),
  });
};

const getCommentProperty: RouteHandler = (request) => {
  const { comment } = visibleComment(request);
  const key = request.params.propertyKey ?? '';
  if (!comment.properties.has(key)) throw jiraError(404, `The property with key '${key}' does not exist.`);
  return json(200, { key, value: comment.properties.get(key) });
};

const putCommentProperty: RouteHandler = async (request) => {
  const { issue, comment } = visibleComment(request);
  const key = request.params.propertyKey ?? '';
  requireCommentEdit(request, issue, comment);
  const value = await request.body();
  checkPropertyValue(key, value);
  const created = !comment.properties.has(key);
  comment.properties.set(key, value);
  request.site.state.touch();
  return { status: created ? 201 : 200 };
};

const deleteCommentProperty: RouteHandler = (request) => {
  const { issue, comment } = visibleComment(request);
  const key = request.params.propertyKey ?? '';
  requireCommentEdit(request, issue, comment);
  if (!comment.properties.delete(key)) throw jiraError(404, `The property with key '${key}' does not exist.`);
  request.site.state.touch();
  return NO_CONTENT;
};

export const COMMENT_ROUTES: ReadonlyArray<[string, string, RouteHandler]> = [
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment', listComments],
  ['POST', '/rest/api/3/issue/{issueIdOrKey}/comment', addComment],
  ['GET', '/rest/api/3/comment/{commentId}/properties', commentPropertyKeys],
  ['GET', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', getCommentProperty],
  ['PUT', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', putCommentProperty],
  ['DELETE', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', deleteCommentProperty],
];
