import { type AppFieldUpdate, setAppFieldValues } from './app-fields';
import {
  type BacklogPage,
  backlogPage,
  backlogPages,
  DEFAULT_READ_CONCURRENCY,
  type ReadProgress,
} from './backlog';
import { type BoardQuery, boards, type BoardSettings, boardSettings } from './boards';
import { addComment, type CommentProperty, comments, setCommentProperty } from './comments';
import { type FieldSearch, type FieldSearchPage, fields, searchFields } from './fields';
import { changelog, editIssue, getIssueProperty, issue, type IssueQuery, setIssueProperty } from './issues';
import { collect } from './paging';
import { myPermissions, type PermissionScope } from './permissions';
import {
  getProjectProperty,
  projectRoleActors,
  type ProjectRoleActors,
  projectRoles,
  type ProjectRoleSummary,
  projects,
  setProjectProperty,
} from './projects';
import { rankIssues, type RankOutcome, type RankRequest } from './rank';
import { jiraRequester, type JiraRequester } from './request';
import { DEFAULT_RETRY, realClock, type Clock, type RetryPolicy } from './retry';
import type {
  JiraBoard,
  JiraChangelogEntry,
  JiraComment,
  JiraField,
  JiraIssue,
  JiraProject,
  JiraUser,
} from './schemas';
import { countIssues, type JqlPage, type JqlQuery, searchPage, tokenPages } from './search';
import type { JiraTransport } from './transport';
import {
  type BrowseUsersQuery,
  type GroupRef,
  myGroups,
  myself,
  usersByAccountIds,
  usersWhoCanBrowse,
} from './users';

// What this module exported when it held every request itself; the requests now live in one module per
// resource group, and these names stay importable from here.
export { type AppFieldUpdate, MAX_APP_FIELD_ISSUES } from './app-fields';
export { type BacklogPage, DEFAULT_READ_CONCURRENCY, type ReadProgress } from './backlog';
export type { BoardQuery, BoardSettings } from './boards';
export { COMMENT_PAGE_SIZE } from './comments';
export { FIELD_SEARCH_PAGE_SIZE, type FieldSearch, type FieldSearchPage } from './fields';
export { CHANGELOG_PAGE_SIZE, type IssueQuery } from './issues';
export { AGILE_PAGE_SIZE } from './paging';
export type { ProjectRoleActors, ProjectRoleSummary } from './projects';
export { MAX_PROPERTY_BYTES } from './properties';
export { MAX_RANK_ISSUES, type RankFailure, type RankOutcome, type RankRequest } from './rank';
export { JQL_PAGE_SIZE } from './search';
export { type GroupRef, USER_BULK_SIZE } from './users';

export interface JiraClientOptions {
  retry?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  /** Backlog pages in flight at once (default {@link DEFAULT_READ_CONCURRENCY}; 1 reads one after another). */
  concurrency?: number;
}

/**
 * The one typed Jira REST client every part of ValueRank uses. Each method delegates to its resource
 * module (users, fields, permissions, projects, boards, backlog, search, rank, issues, comments,
 * app-fields), where the request and its documentation live; all share one requester (request.ts:
 * retries on 429/503, typed errors, zod-checked answers).
 */
export class JiraClient {
  /** Backlog pages read at once. */
  readonly concurrency: number;
  private readonly requester: JiraRequester;

  constructor(
    readonly transport: JiraTransport,
    options: JiraClientOptions = {},
  ) {
    this.requester = jiraRequester(
      transport,
      options.retry ?? DEFAULT_RETRY,
      options.clock ?? realClock,
      options.random ?? Math.random,
    );
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_READ_CONCURRENCY));
  }

  /** `GET /rest/api/3/myself` */
  myself(): Promise<JiraUser> {
    return myself(this.requester);
  }

  /** `GET /rest/api/3/field`: every system and custom field. */
  fields(): Promise<JiraField[]> {
    return fields(this.requester);
  }

  /** `GET /rest/api/3/field/search`: one page of the fields matching `q.query` (fields.ts). */
  async searchFields(q: FieldSearch = {}): Promise<FieldSearchPage> {
    return await searchFields(this.requester, q);
  }

  /** `GET /rest/api/3/mypermissions`: whether the caller holds each permission (permissions.ts). */
  async myPermissions(
    scope: PermissionScope,
    permissions: readonly string[],
  ): Promise<Record<string, boolean>> {
    return await myPermissions(this.requester, scope, permissions);
  }

  /** `GET /rest/api/3/myself?expand=groups`: the groups the caller belongs to. */
  async myGroups(): Promise<GroupRef[]> {
    return await myGroups(this.requester);
  }

  /** `GET /rest/api/3/project/{key}/roledetails`: the project's roles (projects.ts). */
  async projectRoles(projectIdOrKey: string): Promise<ProjectRoleSummary[]> {
    return await projectRoles(this.requester, projectIdOrKey);
  }

  /** `GET /rest/api/3/project/{key}/role/{id}`: who acts in the role, users and groups (projects.ts). */
  async projectRoleActors(projectIdOrKey: string, roleId: number): Promise<ProjectRoleActors> {
    return await projectRoleActors(this.requester, projectIdOrKey, roleId);
  }

  /** `GET /rest/api/3/project/search`: every project the caller can browse, by key. */
  async projects(): Promise<JiraProject[]> {
    return await projects(this.requester);
  }

  /** `GET /rest/agile/1.0/board?projectKeyOrId=`: every board of a project the caller can see. */
  async boards(q: BoardQuery): Promise<JiraBoard[]> {
    return await boards(this.requester, q);
  }

  /** `GET /rest/agile/1.0/board/{id}/configuration`: the rank and estimation fields. */
  async boardSettings(boardId: number): Promise<BoardSettings> {
    return await boardSettings(this.requester, boardId);
  }

  /** One page of `GET /rest/agile/1.0/board/{id}/backlog` from `startAt`. */
  async backlogPage(boardId: number, q: IssueQuery, startAt = 0): Promise<BacklogPage> {
    return await backlogPage(this.requester, boardId, q, startAt);
  }

  /**
   * Pages of `GET /rest/agile/1.0/board/{id}/backlog`, in backlog (rank) order, each read by
   * {@link backlogPage}. The first page says how many issues there are; the rest are then read
   * {@link concurrency} pages at a time by `startAt` and yielded in order (each request retried on 429/503
   * per Retry-After). When Jira gives no total, or the backlog grew meanwhile, the remaining pages are read
   * one after another (backlog.ts).
   */
  backlogPages(boardId: number, q: IssueQuery, onProgress?: ReadProgress): AsyncGenerator<JiraIssue[]> {
    return backlogPages((startAt) => this.backlogPage(boardId, q, startAt), this.concurrency, onProgress);
  }

  /** The whole backlog of a board, in rank order. */
  async boardBacklog(boardId: number, q: IssueQuery, onProgress?: ReadProgress): Promise<JiraIssue[]> {
    return collect(this.backlogPages(boardId, q, onProgress));
  }

  /**
   * One page of `POST /rest/api/3/search/jql`: its issues and the token of the next page (undefined on the
   * last page). For work that pages across invocations (a queue job keeps the token between events).
   */
  async searchPage(q: JqlQuery, pageToken?: string): Promise<JqlPage> {
    return await searchPage(this.requester, q, pageToken);
  }

  /** Pages of `POST /rest/api/3/search/jql` (token paging), each read by {@link searchPage}. */
  searchPages(q: JqlQuery): AsyncGenerator<JiraIssue[]> {
    return tokenPages((pageToken) => this.searchPage(q, pageToken));
  }

  /** `POST /rest/api/3/search/approximate-count`: about how many issues a bounded JQL query finds. */
  async countIssues(jql: string): Promise<number> {
    return await countIssues(this.requester, jql);
  }

  /** Every issue a JQL query finds. */
  async search(q: JqlQuery): Promise<JiraIssue[]> {
    return collect(this.searchPages(q));
  }

  /** `PUT /rest/agile/1.0/issue/rank`: puts `issues`, in their order, just before or after the anchor. */
  async rankIssues(request: RankRequest): Promise<RankOutcome> {
    return await rankIssues(this.requester, request);
  }

  /** `GET /rest/api/3/issue/{key}?fields=`: one issue with only the fields (and properties) asked for. */
  async issue(
    issueIdOrKey: string,
    fields: readonly string[],
    properties: readonly string[] = [],
  ): Promise<JiraIssue> {
    return await issue(this.requester, issueIdOrKey, fields, properties);
  }

  /** `PUT /rest/api/3/issue/{key}`: sets these fields of one issue. */
  async editIssue(issueIdOrKey: string, fields: Readonly<Record<string, unknown>>): Promise<void> {
    return await editIssue(this.requester, issueIdOrKey, fields);
  }

  /** `GET /rest/api/3/issue/{key}/properties/{property}`; undefined when the issue has no such property. */
  async getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown> {
    return await getIssueProperty(this.requester, issueIdOrKey, propertyKey);
  }

  /** `PUT /rest/api/3/issue/{key}/properties/{property}`: creates or replaces the property. */
  async setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    return await setIssueProperty(this.requester, issueIdOrKey, propertyKey, value);
  }

  /** `GET /rest/api/3/project/{key}/properties/{property}`; undefined when the project has no such property. */
  async getProjectProperty(projectIdOrKey: string, propertyKey: string): Promise<unknown> {
    return await getProjectProperty(this.requester, projectIdOrKey, propertyKey);
  }

  /** `PUT /rest/api/3/project/{key}/properties/{property}`: creates or replaces the property. */
  async setProjectProperty(projectIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    return await setProjectProperty(this.requester, projectIdOrKey, propertyKey, value);
  }

  /** `GET /rest/api/3/issue/{key}/comment?expand=properties`: every comment of the issue, oldest first. */
  async comments(issueIdOrKey: string): Promise<JiraComment[]> {
    return await comments(this.requester, issueIdOrKey);
  }

  /** `POST /rest/api/3/issue/{key}/comment`: adds a comment as the caller, with its comment properties. */
  async addComment(
    issueIdOrKey: string,
    body: unknown,
    properties: readonly CommentProperty[] = [],
  ): Promise<JiraComment> {
    return await addComment(this.requester, issueIdOrKey, body, properties);
  }

  /** `PUT /rest/api/3/comment/{id}/properties/{property}`: creates or replaces a comment property. */
  async setCommentProperty(commentId: string, propertyKey: string, value: unknown): Promise<void> {
    return await setCommentProperty(this.requester, commentId, propertyKey, value);
  }

  /** `GET /rest/api/3/issue/{key}/changelog`: every change of the issue, oldest first. */
  async changelog(issueIdOrKey: string): Promise<JiraChangelogEntry[]> {
    return await changelog(this.requester, issueIdOrKey);
  }

  /** `POST /rest/api/3/app/field/value`: sets the values of the app's own Forge custom fields (app-fields.ts). */
  async setAppFieldValues(
    updates: readonly AppFieldUpdate[],
    options: { generateChangelog?: boolean } = {},
  ): Promise<void> {
    return await setAppFieldValues(this.requester, updates, options);
  }

  /** `GET /rest/api/3/user/viewissue/search`: users who can browse the project, matching a query or id. */
  async usersWhoCanBrowse(q: BrowseUsersQuery): Promise<JiraUser[]> {
    return await usersWhoCanBrowse(this.requester, q);
  }

  /** `GET /rest/api/3/user/bulk`: the users with these account ids (unknown ids left out). */
  async usersByAccountIds(accountIds: readonly string[]): Promise<JiraUser[]> {
    return await usersByAccountIds(this.requester, accountIds);
  }
}
