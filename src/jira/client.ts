import type { z } from 'zod';
import { errorForStatus, JiraNotFoundError, JiraUnexpectedResponseError } from './errors';
import { jiraPath, query, type JiraPath } from './path';
import { DEFAULT_RETRY, realClock, sendWithRetry, type Clock, type RetryPolicy } from './retry';
import {
  AgileIssuesPage,
  AgileValuesPage,
  ChangelogPage,
  JiraBoard,
  JiraBoardConfiguration,
  JiraComment,
  JiraCommentsPage,
  JiraEntityProperty,
  JiraFieldList,
  JiraFieldPage,
  JiraIssue,
  JiraPermissions,
  JiraProjectRole,
  JiraProjectRoleDetailsList,
  JiraUser,
  JiraUserList,
  JiraUsersPage,
  JiraUserWithGroups,
  JqlCount,
  JqlSearchPage,
  ProjectsPage,
  RankResultEntries,
  type JiraChangelogEntry,
  type JiraField,
  type JiraFieldDetails,
  type JiraProject,
} from './schemas';
import type { HttpMethod, JiraRawResponse, JiraTransport } from './transport';

/** Jira Software answers at most 50 items a page on its Agile API. */
export const AGILE_PAGE_SIZE = 50;
/** `search/jql` answers at most 100 issues a page when fields are requested. */
export const JQL_PAGE_SIZE = 100;
/** `PUT /rest/agile/1.0/issue/rank` takes at most 50 issues. */
export const MAX_RANK_ISSUES = 50;
/** Jira's limit on an entity property value, in bytes of JSON. */
export const MAX_PROPERTY_BYTES = 32_768;
/** `GET /rest/api/3/issue/{key}/comment` answers at most 100 comments a page. */
export const COMMENT_PAGE_SIZE = 100;
/** `GET /rest/api/3/issue/{key}/changelog` answers at most 100 entries a page. */
export const CHANGELOG_PAGE_SIZE = 100;
/** Account ids per `GET /rest/api/3/user/bulk` request (Jira documents no cap; URLs stay short). */
export const USER_BULK_SIZE = 50;
/** Issues per `POST /rest/api/3/app/field/value` request this client sends (Jira does not document a cap). */
export const MAX_APP_FIELD_ISSUES = 1000;

/** Fields per `GET /rest/api/3/field/search` page this client asks for (Jira's default is 50). */
export const FIELD_SEARCH_PAGE_SIZE = 50;

export interface FieldSearch {
  /** Part of a field's name or description. */
  query?: string | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

export interface FieldSearchPage {
  fields: JiraFieldDetails[];
  startAt: number;
  total: number;
  isLast: boolean;
}

/**
 * Backlog pages read at once after the first (docs/adr/0010-concurrent-reads.md): Jira Cloud's cost-based
 * rate limits allow it comfortably, and 429 / Retry-After are honoured per request.
 */
export const DEFAULT_READ_CONCURRENCY = 5;

export interface JiraClientOptions {
  retry?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  /** Backlog pages in flight at once (default {@link DEFAULT_READ_CONCURRENCY}; 1 reads one after another). */
  concurrency?: number;
}

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

export interface BoardQuery {
  /** All boards the user sees when absent. */
  projectKeyOrId?: string;
  type?: 'scrum' | 'kanban';
}

export interface IssueQuery {
  /** Only these fields are requested (Jira sends less, faster). */
  fields: readonly string[];
  /** Extra JQL (the backlog's own filter still applies). */
  jql?: string;
  expand?: string;
  properties?: readonly string[];
  pageSize?: number;
}

export interface BoardSettings {
  boardId: number;
  name: string;
  /** e.g. `customfield_10019`. */
  rankFieldId: string | undefined;
  /** The numeric id the rank endpoint takes as `rankCustomFieldId`. */
  rankCustomFieldId: number | undefined;
  /** The board's estimation field, e.g. `customfield_10016`; undefined when it estimates by count. */
  estimationFieldId: string | undefined;
  estimationFieldName: string | undefined;
  filterId: string | undefined;
  projectKeyOrId: string | undefined;
}

export interface RankRequest {
  /** Issue keys or ids, in the order they should stand; at most 50. */
  issues: readonly string[];
  /** Exactly one of the two anchors. */
  rankBeforeIssue?: string;
  rankAfterIssue?: string;
  rankCustomFieldId?: number;
}

export interface RankFailure {
  issueId: string;
  issueKey: string | undefined;
  status: number;
  errors: string[];
}

/** One value for one app custom field on some issues (`POST /rest/api/3/app/field/value`). */
export interface AppFieldUpdate {
  /** The field's id (`customfield_10100`) or key. */
  customField: string;
  /** Numeric issue ids (not keys). */
  issueIds: readonly number[];
  /** A value of the field's type; null clears it. */
  value: unknown;
}

/** A project role as the role picker shows it. */
export interface ProjectRoleSummary {
  id: number;
  name: string;
  description: string;
}

/** A group of users: Jira identifies it by `groupId`; old data may carry only its name. */
export interface GroupRef {
  groupId: string | undefined;
  name: string | undefined;
}

/** Who acts in a project role: users by accountId, and groups (whose members all act in it). */
export interface ProjectRoleActors {
  id: number;
  name: string;
  accountIds: string[];
  groups: GroupRef[];
}

export interface RankOutcome {
  /** True when every issue moved. */
  ok: boolean;
  failures: RankFailure[];
}

/** The one typed Jira REST client every part of ValueRank uses. */
export class JiraClient {
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  /** Backlog pages read at once. */
  readonly concurrency: number;

  constructor(
    readonly transport: JiraTransport,
    options: JiraClientOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_READ_CONCURRENCY));
  }

  /** `GET /rest/api/3/myself` */
  myself(): Promise<JiraUser> {
    return this.json('GET', jiraPath`/rest/api/3/myself`, JiraUser);
  }

  /** `GET /rest/api/3/field`: every system and custom field. */
  fields(): Promise<JiraField[]> {
    return this.json('GET', jiraPath`/rest/api/3/field`, JiraFieldList);
  }

  /**
   * `GET /rest/api/3/field/search`: one page of the fields whose name or description contains `query`
   * (case-insensitive; every field without one), by name, with where each is used (screens, contexts,
   * projects, last change).
   */
  async searchFields(q: FieldSearch = {}): Promise<FieldSearchPage> {
    const params = query({
      startAt: q.startAt ?? 0,
      maxResults: q.maxResults ?? FIELD_SEARCH_PAGE_SIZE,
      query: q.query?.trim() ? q.query.trim() : undefined,
      orderBy: 'name',
      expand: 'screensCount,contextsCount,lastUsed',
    });
    const page = await this.json('GET', jiraPath`/rest/api/3/field/search?${params}`, JiraFieldPage);
    const startAt = page.startAt ?? q.startAt ?? 0;
    const total = page.total ?? startAt + page.values.length;
    return {
      fields: page.values,
      startAt,
      total,
      isLast: page.isLast ?? startAt + page.values.length >= total,
    };
  }

  /**
   * `GET /rest/api/3/mypermissions`: whether the caller holds each permission, in a project or on an
   * issue (or globally when no scope is given).
   */
  async myPermissions(
    scope: { projectKey?: string; projectId?: string; issueKey?: string; issueId?: string },
    permissions: readonly string[],
  ): Promise<Record<string, boolean>> {
    if (permissions.length === 0) throw new RangeError('myPermissions needs at least one permission key');
    const q = query({ ...scope, permissions: permissions.join(',') });
    const body = await this.json('GET', jiraPath`/rest/api/3/mypermissions?${q}`, JiraPermissions);
    return Object.fromEntries(
      permissions.map((key) => [key, body.permissions[key]?.havePermission === true]),
    );
  }

  /** `GET /rest/api/3/myself?expand=groups`: the groups the caller belongs to. */
  async myGroups(): Promise<GroupRef[]> {
    const me = await this.json(
      'GET',
      jiraPath`/rest/api/3/myself?${query({ expand: 'groups' })}`,
      JiraUserWithGroups,
    );
    return (me.groups?.items ?? []).map((g) => ({ groupId: g.groupId ?? undefined, name: g.name }));
  }

  /**
   * `GET /rest/api/3/project/{key}/roledetails`: the project's roles. Jira requires Administer Projects (or
   * Administer Jira); anyone else gets a {@link JiraNotFoundError}, as for a project they cannot see.
   */
  async projectRoles(projectIdOrKey: string): Promise<ProjectRoleSummary[]> {
    const roles = await this.json(
      'GET',
      jiraPath`/rest/api/3/project/${projectIdOrKey}/roledetails`,
      JiraProjectRoleDetailsList,
    );
    return roles.map((r) => ({ id: r.id, name: r.name, description: r.description ?? '' }));
  }

  /**
   * `GET /rest/api/3/project/{key}/role/{id}`: who acts in the role, users and groups. Jira requires
   * Administer Projects (call it as the app when the caller need not hold it); an unknown role is a
   * {@link JiraNotFoundError}.
   */
  async projectRoleActors(projectIdOrKey: string, roleId: number): Promise<ProjectRoleActors> {
    const role = await this.json(
      'GET',
      jiraPath`/rest/api/3/project/${projectIdOrKey}/role/${checkId(roleId)}`,
      JiraProjectRole,
    );
    const accountIds: string[] = [];
    const groups: GroupRef[] = [];
    for (const actor of role.actors) {
      if (actor.actorUser?.accountId) accountIds.push(actor.actorUser.accountId);
      else if (actor.actorGroup && (actor.actorGroup.groupId || actor.actorGroup.name))
        groups.push({ groupId: actor.actorGroup.groupId, name: actor.actorGroup.name });
    }
    return { id: role.id, name: role.name, accountIds, groups };
  }

  /** `GET /rest/api/3/project/search`: every project the caller can browse, by key. */
  async projects(): Promise<JiraProject[]> {
    const projects: JiraProject[] = [];
    for (let startAt = 0; ;) {
      const params = query({ startAt, maxResults: AGILE_PAGE_SIZE, orderBy: 'key' });
      const page = await this.json('GET', jiraPath`/rest/api/3/project/search?${params}`, ProjectsPage);
      projects.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) return projects;
    }
  }

  /** `GET /rest/agile/1.0/board?projectKeyOrId=`: every board of a project the caller can see. */
  async boards(q: BoardQuery): Promise<JiraBoard[]> {
    const boards: JiraBoard[] = [];
    const schema = AgileValuesPage(JiraBoard);
    for (let startAt = 0; ;) {
      const params = query({
        projectKeyOrId: q.projectKeyOrId,
        type: q.type,
        startAt,
        maxResults: AGILE_PAGE_SIZE,
      });
      const page = await this.json('GET', jiraPath`/rest/agile/1.0/board?${params}`, schema);
      boards.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) return boards;
    }
  }

  /** `GET /rest/agile/1.0/board/{id}/configuration`: the rank and estimation fields. */
  async boardSettings(boardId: number): Promise<BoardSettings> {
    const config = await this.json(
      'GET',
      jiraPath`/rest/agile/1.0/board/${checkId(boardId)}/configuration`,
      JiraBoardConfiguration,
    );
    const rankId = config.ranking?.rankCustomFieldId;
    const estimation = config.estimation?.type === 'field' ? config.estimation.field : undefined;
    return {
      boardId: config.id,
      name: config.name,
      rankFieldId: rankId === undefined ? undefined : `customfield_${rankId}`,
      rankCustomFieldId: rankId,
      estimationFieldId: estimation?.fieldId,
      estimationFieldName: estimation?.displayName,
      filterId: config.filter?.id,
      projectKeyOrId: config.location?.projectKeyOrId,
    };
  }

  /** One page of `GET /rest/agile/1.0/board/{id}/backlog` from `startAt`. */
  async backlogPage(boardId: number, q: IssueQuery, startAt = 0): Promise<BacklogPage> {
    const pageSize = q.pageSize ?? AGILE_PAGE_SIZE;
    const params = query({ startAt, maxResults: pageSize, jql: q.jql, fields: q.fields, expand: q.expand });
    const page = await this.json(
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
   * Pages of `GET /rest/agile/1.0/board/{id}/backlog`, in backlog (rank) order. The first page says how
   * many issues there are; the rest are then read {@link concurrency} pages at a time by `startAt` and
   * yielded in order (each request retried on 429/503 per Retry-After). When Jira gives no total, or the
   * backlog grew meanwhile, the remaining pages are read one after another.
   */
  async *backlogPages(
    boardId: number,
    q: IssueQuery,
    onProgress?: ReadProgress,
  ): AsyncGenerator<JiraIssue[]> {
    const first = await this.backlogPage(boardId, q, 0);
    let read = first.issues.length;
    await onProgress?.(read, first.total);
    if (first.issues.length > 0) yield first.issues;
    if (first.isLast) return;
    let next = first.issues.length;
    let last = first;
    if (first.total !== undefined && this.concurrency > 1) {
      const total = first.total;
      const step = first.issues.length; // Jira may answer fewer than asked for: its page size
      const inFlight: Array<Promise<BacklogPage>> = [];
      const launch = () => {
        const page = this.backlogPage(boardId, q, next);
        page.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
        inFlight.push(page);
        next += step;
      };
      while (next < total && inFlight.length < this.concurrency) launch();
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
      const page = await this.backlogPage(boardId, q, next);
      read += page.issues.length;
      await onProgress?.(read, page.total);
      if (page.issues.length > 0) yield page.issues;
      next += page.issues.length;
      if (page.isLast) return;
    }
  }

  /** The whole backlog of a board, in rank order. */
  async boardBacklog(boardId: number, q: IssueQuery, onProgress?: ReadProgress): Promise<JiraIssue[]> {
    return collect(this.backlogPages(boardId, q, onProgress));
  }

  /**
   * One page of `POST /rest/api/3/search/jql`: its issues and the token of the next page (undefined on the
   * last page). For work that pages across invocations (a queue job keeps the token between events).
   */
  async searchPage(
    q: IssueQuery & { jql: string },
    pageToken?: string,
  ): Promise<{ issues: JiraIssue[]; nextPageToken: string | undefined }> {
    const body = {
      jql: q.jql,
      fields: [...q.fields],
      maxResults: q.pageSize ?? JQL_PAGE_SIZE,
      ...(q.expand ? { expand: q.expand } : {}),
      ...(q.properties ? { properties: [...q.properties] } : {}),
      ...(pageToken ? { nextPageToken: pageToken } : {}),
    };
    const page = await this.json('POST', jiraPath`/rest/api/3/search/jql`, JqlSearchPage, body);
    const next = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
    return { issues: page.issues, nextPageToken: next || undefined };
  }

  /** Pages of `POST /rest/api/3/search/jql` (token paging). */
  async *searchPages(q: IssueQuery & { jql: string }): AsyncGenerator<JiraIssue[]> {
    let nextPageToken: string | undefined;
    do {
      const page = await this.searchPage(q, nextPageToken);
      if (page.issues.length > 0) yield page.issues;
      nextPageToken = page.nextPageToken;
    } while (nextPageToken);
  }

  /**
   * `POST /rest/api/3/search/approximate-count`: about how many issues a bounded JQL query finds (Jira
   * says recent changes may not be counted yet; good for a progress bar, not for a check).
   */
  async countIssues(jql: string): Promise<number> {
    const body = await this.json('POST', jiraPath`/rest/api/3/search/approximate-count`, JqlCount, { jql });
    return body.count;
  }

  /** Every issue a JQL query finds. */
  async search(q: IssueQuery & { jql: string }): Promise<JiraIssue[]> {
    return collect(this.searchPages(q));
  }

  /**
   * `PUT /rest/agile/1.0/issue/rank`: puts `issues`, in their order, just before or after the anchor.
   * 204 means every issue moved; 207 lists each issue's status, and the failed ones come back here.
   */
  async rankIssues(request: RankRequest): Promise<RankOutcome> {
    const { issues, rankBeforeIssue, rankAfterIssue, rankCustomFieldId } = request;
    if (issues.length === 0 || issues.length > MAX_RANK_ISSUES) {
      throw new RangeError(`A rank call takes 1 to ${MAX_RANK_ISSUES} issues, not ${issues.length}`);
    }
    if ((rankBeforeIssue === undefined) === (rankAfterIssue === undefined)) {
      throw new RangeError('A rank call needs exactly one anchor: rankBeforeIssue or rankAfterIssue');
    }
    const anchor = rankBeforeIssue ?? rankAfterIssue;
    if (anchor !== undefined && issues.includes(anchor)) {
      throw new RangeError(`The anchor ${anchor} cannot be one of the issues being ranked`);
    }
    const body = {
      issues: [...issues],
      ...(rankBeforeIssue !== undefined ? { rankBeforeIssue } : { rankAfterIssue }),
      ...(rankCustomFieldId !== undefined ? { rankCustomFieldId } : {}),
    };
    const path = jiraPath`/rest/agile/1.0/issue/rank`;
    const response = await this.send('PUT', path, body);
    if (response.status === 204) return { ok: true, failures: [] };
    if (response.status === 207) {
      const parsed = this.parse(response, 'PUT', path, RankResultEntries);
      const failures = parsed.entries
        .filter((e) => e.status < 200 || e.status >= 300)
        .map((e) => ({ issueId: e.issueId, issueKey: e.issueKey, status: e.status, errors: e.errors ?? [] }));
      return { ok: failures.length === 0, failures };
    }
    throw this.unexpectedStatus(response, 'PUT', path);
  }

  /**
   * `GET /rest/api/3/issue/{key}?fields=`: one issue with only the fields asked for (an empty list asks for
   * Jira's navigable defaults, so at least one field is required), and the issue properties named.
   */
  async issue(
    issueIdOrKey: string,
    fields: readonly string[],
    properties: readonly string[] = [],
  ): Promise<JiraIssue> {
    if (fields.length === 0) throw new RangeError('issue() needs at least one field');
    const q = query({ fields, ...(properties.length > 0 ? { properties } : {}) });
    return this.json('GET', jiraPath`/rest/api/3/issue/${issueIdOrKey}?${q}`, JiraIssue);
  }

  /**
   * `PUT /rest/api/3/issue/{key}`: sets these fields of one issue (Jira checks the caller's right to edit it
   * and each value; a refused value is a {@link JiraValidationError} naming the field). Notifies watchers as
   * Jira does for any edit.
   */
  async editIssue(issueIdOrKey: string, fields: Readonly<Record<string, unknown>>): Promise<void> {
    if (Object.keys(fields).length === 0) throw new RangeError('editIssue needs at least one field');
    await this.send('PUT', jiraPath`/rest/api/3/issue/${issueIdOrKey}`, { fields });
  }

  /** `GET /rest/api/3/issue/{key}/properties/{property}`; undefined when the issue has no such property. */
  async getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<unknown> {
    return await this.readProperty(jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`);
  }

  /** `PUT /rest/api/3/issue/{key}/properties/{property}`: creates or replaces the property. */
  async setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    return await this.writeProperty(
      `Issue property ${propertyKey}`,
      jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      value,
    );
  }

  /**
   * `GET /rest/api/3/project/{key}/properties/{property}`; undefined when the project has no such property.
   * A project the caller cannot browse is a {@link JiraNotFoundError} (Jira does not say which it is).
   */
  async getProjectProperty(projectIdOrKey: string, propertyKey: string): Promise<unknown> {
    return await this.readProperty(jiraPath`/rest/api/3/project/${projectIdOrKey}/properties/${propertyKey}`);
  }

  /**
   * `PUT /rest/api/3/project/{key}/properties/{property}`: creates or replaces the property (Jira requires
   * Administer Projects, or the app acting as itself).
   */
  async setProjectProperty(projectIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
    return await this.writeProperty(
      `Project property ${propertyKey}`,
      jiraPath`/rest/api/3/project/${projectIdOrKey}/properties/${propertyKey}`,
      value,
    );
  }

  /** An entity property's value; undefined when Jira says the entity has no such property. */
  private async readProperty(path: JiraPath): Promise<unknown> {
    try {
      return (await this.json('GET', path, JiraEntityProperty)).value;
    } catch (error) {
      if (error instanceof JiraNotFoundError && /propert/i.test(error.jiraMessages)) return undefined;
      throw error;
    }
  }

  /** Creates or replaces an entity property: a JSON value of at most MAX_PROPERTY_BYTES (RangeError). */
  private async writeProperty(what: string, path: JiraPath, value: unknown): Promise<void> {
    const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
    if (value === undefined || size > MAX_PROPERTY_BYTES) {
      throw new RangeError(
        `${what} must be a JSON value of at most ${MAX_PROPERTY_BYTES} bytes (got ${size})`,
      );
    }
    const response = await this.send('PUT', path, value);
    if (response.status !== 200 && response.status !== 201)
      throw this.unexpectedStatus(response, 'PUT', path);
  }

  /**
   * `GET /rest/api/3/issue/{key}/comment?expand=properties`: every comment of the issue the caller may see,
   * oldest first, each with its comment properties (pages with `startAt` until `total`).
   */
  async comments(issueIdOrKey: string): Promise<JiraComment[]> {
    const out: JiraComment[] = [];
    for (let startAt = 0; ;) {
      const params = query({
        startAt,
        maxResults: COMMENT_PAGE_SIZE,
        orderBy: 'created',
        expand: 'properties',
      });
      const page = await this.json(
        'GET',
        jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment?${params}`,
        JiraCommentsPage,
      );
      out.push(...page.comments);
      startAt += page.comments.length;
      if (page.comments.length === 0 || startAt >= page.total) return out;
    }
  }

  /**
   * `POST /rest/api/3/issue/{key}/comment`: adds a comment (an ADF document) as the caller, with its comment
   * properties in the same request, so the comment never exists without them. Jira requires Add Comments.
   */
  async addComment(
    issueIdOrKey: string,
    body: unknown,
    properties: ReadonlyArray<{ key: string; value: unknown }> = [],
  ): Promise<JiraComment> {
    for (const p of properties) {
      const size = Buffer.byteLength(JSON.stringify(p.value ?? null), 'utf8');
      if (p.value === undefined || size > MAX_PROPERTY_BYTES)
        throw new RangeError(`Comment property ${p.key} must be JSON of at most ${MAX_PROPERTY_BYTES} bytes`);
    }
    return this.json('POST', jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment`, JiraComment, {
      body,
      ...(properties.length > 0
        ? { properties: properties.map((p) => ({ key: p.key, value: p.value })) }
        : {}),
    });
  }

  /**
   * `PUT /rest/api/3/comment/{id}/properties/{property}`: creates or replaces a comment property (Jira requires
   * Edit All Comments, or Edit Own Comments on one's own comment, or the app acting as itself).
   */
  async setCommentProperty(commentId: string, propertyKey: string, value: unknown): Promise<void> {
    return await this.writeProperty(
      `Comment property ${propertyKey}`,
      jiraPath`/rest/api/3/comment/${commentId}/properties/${propertyKey}`,
      value,
    );
  }

  /**
   * `GET /rest/api/3/issue/{key}/changelog`: every change of the issue, oldest first (pages with
   * `startAt` until `isLast`).
   */
  async changelog(issueIdOrKey: string): Promise<JiraChangelogEntry[]> {
    const entries: JiraChangelogEntry[] = [];
    for (let startAt = 0; ;) {
      const params = query({ startAt, maxResults: CHANGELOG_PAGE_SIZE });
      const page = await this.json(
        'GET',
        jiraPath`/rest/api/3/issue/${issueIdOrKey}/changelog?${params}`,
        ChangelogPage,
      );
      entries.push(...page.values);
      startAt += page.values.length;
      const done =
        page.values.length === 0 ||
        page.isLast === true ||
        (page.isLast === undefined && page.total !== undefined && startAt >= page.total);
      if (done) return entries;
    }
  }

  /**
   * `POST /rest/api/3/app/field/value`: sets the values of the app's own Forge custom fields, many issues
   * per update. Only the app that declares a field may write it (call this with an `asApp` transport).
   * Updates are sent in requests of at most {@link MAX_APP_FIELD_ISSUES} issues; 204 means all were set.
   */
  async setAppFieldValues(
    updates: readonly AppFieldUpdate[],
    options: { generateChangelog?: boolean } = {},
  ): Promise<void> {
    for (const u of updates) {
      if (u.issueIds.length === 0) throw new RangeError(`An update of ${u.customField} names no issues`);
      for (const id of u.issueIds) checkId(id);
    }
    const path =
      options.generateChangelog === undefined
        ? jiraPath`/rest/api/3/app/field/value`
        : jiraPath`/rest/api/3/app/field/value?${query({ generateChangelog: options.generateChangelog })}`;
    let batch: Array<{ customField: string; issueIds: number[]; value: unknown }> = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const response = await this.send('POST', path, { updates: batch });
      if (response.status !== 204 && response.status !== 200)
        throw this.unexpectedStatus(response, 'POST', path);
      batch = [];
      size = 0;
    };
    for (const u of updates) {
      for (let i = 0; i < u.issueIds.length; i += MAX_APP_FIELD_ISSUES) {
        const issueIds = u.issueIds.slice(i, i + MAX_APP_FIELD_ISSUES);
        if (size + issueIds.length > MAX_APP_FIELD_ISSUES) await flush();
        batch.push({ customField: u.customField, issueIds: [...issueIds], value: u.value ?? null });
        size += issueIds.length;
      }
    }
    await flush();
  }

  /**
   * `GET /rest/api/3/user/viewissue/search`: users who can browse the project, matching `query` (a prefix of
   * the name or e-mail) or exactly `accountId`; at most `maxResults` (Jira needs Browse users and groups;
   * without it the answer is empty).
   */
  async usersWhoCanBrowse(q: {
    projectKey: string;
    query?: string;
    accountId?: string;
    maxResults?: number;
  }): Promise<JiraUser[]> {
    const params = query({
      projectKey: q.projectKey,
      ...(q.query !== undefined ? { query: q.query } : {}),
      ...(q.accountId !== undefined ? { accountId: q.accountId } : {}),
      maxResults: q.maxResults ?? 20,
    });
    return this.json('GET', jiraPath`/rest/api/3/user/viewissue/search?${params}`, JiraUserList);
  }

  /** Sends with retries on 429/503, and turns any non-2xx answer into a typed error. */
  /**
   * `GET /rest/api/3/user/bulk`: the users with these account ids, {@link USER_BULK_SIZE} ids a request (the
   * ids repeated as `accountId=`). Ids Jira does not know are left out; a closed account comes back with
   * Jira's own placeholder name and `active: false`.
   */
  async usersByAccountIds(accountIds: readonly string[]): Promise<JiraUser[]> {
    const unique = [...new Set(accountIds)];
    const out: JiraUser[] = [];
    for (let i = 0; i < unique.length; i += USER_BULK_SIZE) {
      const chunk = unique.slice(i, i + USER_BULK_SIZE);
      const params = query({ maxResults: chunk.length });
      for (const id of chunk) params.append('accountId', id);
      const page = await this.json('GET', jiraPath`/rest/api/3/user/bulk?${params}`, JiraUsersPage);
      out.push(...page.values);
    }
    return out;
  }

  private async send(method: HttpMethod, path: JiraPath, body?: unknown): Promise<JiraRawResponse> {
    const request = body === undefined ? { method, path } : { method, path, body };
    const response = await sendWithRetry(this.transport, request, this.retry, this.clock, this.random);
    if (response.status < 200 || response.status >= 300) throw this.unexpectedStatus(response, method, path);
    return response;
  }

  private async json<S extends z.ZodTypeAny>(
    method: HttpMethod,
    path: JiraPath,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const response = await this.send(method, path, body);
    return this.parse(response, method, path, schema);
  }

  private parse<S extends z.ZodTypeAny>(
    response: JiraRawResponse,
    method: string,
    path: JiraPath,
    schema: S,
  ): z.infer<S> {
    let json: unknown;
    try {
      json = JSON.parse(response.text) as unknown;
    } catch {
      throw new JiraUnexpectedResponseError(
        `${method} ${templateOf(path)} answered ${response.status} with a body that is not JSON`,
        response.status,
        method,
        path.value,
      );
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
      throw new JiraUnexpectedResponseError(
        `${method} ${templateOf(path)} answered ${response.status} with an unexpected body at ${where}: ${issue?.message ?? 'invalid'}`,
        response.status,
        method,
        path.value,
      );
    }
    return result.data;
  }

  private unexpectedStatus(response: JiraRawResponse, method: string, path: JiraPath) {
    return errorForStatus(response.status, method, path.value, response.text);
  }
}

function checkId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`Not a Jira id: ${String(id)}`);
  return id;
}

function templateOf(path: JiraPath): string {
  return (
    path.template
      .map((part, i) => (i < path.params.length ? `${part}{${i}}` : part))
      .join('')
      .split('?')[0] ?? ''
  );
}

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
