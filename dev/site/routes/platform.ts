/** Jira platform REST v3 routes: myself, fields, permissions, projects, issues, properties, search, app fields. */
import { z } from 'zod';
import type { RouteHandler, RouteRequest, SiteContext } from '../context';
import { applyValues, convertValue, validateEdit } from '../edit';
import { fieldDetails, fieldUsage, parseFieldSelection, searchFieldDefs, type FieldUsage } from '../fields';
import {
  boolParam,
  intParam,
  ISSUE_NOT_FOUND,
  jiraError,
  json,
  listParam,
  NO_CONTENT,
  paging,
  type Reply,
} from '../http';
import {
  APP_USER,
  browsableProjects,
  canBrowseIssue,
  canBrowseProject,
  hasGlobalPermission,
  hasIssuePermission,
  hasProjectPermission,
  PERMISSIONS,
  type Caller,
} from '../permissions';
import { avatarUrls, historyJson, issueJson, myselfJson, projectJson } from '../render';
import { compileFor, searchIssues } from '../search';
import type { SeedProject } from '../seed-schema';
import type { IssueRecord } from '../state';

export const MAX_PROPERTY_BYTES = 32_768;
const JQL_PAGE_CAP = 100;
const JQL_ID_ONLY_CAP = 5000;
const JQL_DEFAULT_PAGE = 50;

/** The issue, if the caller may see it; else Jira's 404. */
function visibleIssue(request: RouteRequest): IssueRecord {
  const { site, caller, params } = request;
  const issue = site.state.issue(params.issueIdOrKey ?? '');
  if (!issue || !canBrowseIssue(site.state, caller, issue)) throw jiraError(404, ISSUE_NOT_FOUND);
  return issue;
}

function requestSelf(request: RouteRequest): string {
  const q = request.query.toString();
  return `${request.site.baseUrl}${request.path}${q ? `?${q}` : ''}`;
}

function expandSet(value: string | null | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

// ------------------------------------------------------------------------------------------------ myself, fields

const myself: RouteHandler = ({ site, caller, query }) =>
  json(200, myselfJson(site, caller, expandSet(query.get('expand')).has('groups')));

const fields: RouteHandler = ({ site }) => json(200, site.state.fields.map(fieldDetails));

/** Each site's field usage, recomputed when the site changed (`state.version`). */
const usageCache = new WeakMap<object, { version: number; usage: Map<string, FieldUsage> }>();

/**
 * `GET /rest/api/3/field/search`: a page of fields (PageBeanField) matching `query` (name, case-insensitive),
 * `type` (custom/system) and `id`, ordered by `orderBy`, with `expand`ed usage counts.
 */
const fieldSearch: RouteHandler = (request) => {
  const { site, query } = request;
  const { startAt, maxResults } = paging(query, 100, 50);
  const cached = usageCache.get(site.state);
  const usage =
    cached && cached.version === site.state.version
      ? cached.usage
      : fieldUsage(site.state.issuesByKey.values());
  usageCache.set(site.state, { version: site.state.version, usage });
  const found = searchFieldDefs(site.state.fields, usage, {
    query: query.get('query') ?? undefined,
    type: listParam(query, 'type'),
    ids: listParam(query, 'id'),
    orderBy: query.get('orderBy') ?? undefined,
    expand: expandSet(query.get('expand')),
  });
  const values = found.slice(startAt, startAt + maxResults);
  return json(200, {
    self: requestSelf(request),
    maxResults,
    startAt,
    total: found.length,
    isLast: startAt + values.length >= found.length,
    values,
  });
};

/**
 * `GET /rest/api/3/user/bulk?accountId=…&accountId=…`: the users with those ids, as a page (ids the site
 * does not know are left out, as Jira does); the app's own account too. No email addresses (privacy).
 */
const usersBulk: RouteHandler = ({ site, query }) => {
  const ids = query.getAll('accountId');
  if (ids.length === 0) throw jiraError(400, 'Specify at least one accountId.');
  const { startAt, maxResults } = paging(query, 200, 10);
  const base = site.baseUrl;
  const found = ids.flatMap((accountId) => {
    if (accountId === APP_USER.accountId)
      return [
        { accountId, accountType: APP_USER.accountType, displayName: APP_USER.displayName, active: true },
      ];
    const u = site.state.users.get(accountId);
    return u ? [{ accountId, accountType: 'atlassian', displayName: u.displayName, active: u.active }] : [];
  });
  const values = found.slice(startAt, startAt + maxResults).map((u) => ({
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
    ...u,
    avatarUrls: avatarUrls(base, 'user', u.accountId),
  }));
  return json(200, {
    self: `${base}/rest/api/3/user/bulk?startAt=${startAt}&maxResults=${maxResults}`,
    maxResults,
    startAt,
    total: found.length,
    isLast: startAt + values.length >= found.length,
    values,
  });
};

// ------------------------------------------------------------------------------------------------ mypermissions

const myPermissions: RouteHandler = ({ site, caller, query }) => {
  const keys = listParam(query, 'permissions');
  if (!keys || keys.length === 0) {
    throw jiraError(
      400,
      'The permissions parameter is required: give a comma-separated list of permission keys.',
    );
  }
  const invalid = keys.filter((k) => PERMISSIONS[k] === undefined);
  if (invalid.length > 0) throw jiraError(400, `Invalid permission keys: [${invalid.join(', ')}]`);
  let project: SeedProject | undefined;
  let scoped = false;
  const issueId = query.get('issueId');
  const issueKey = query.get('issueKey');
  const projectId = query.get('projectId');
  const projectKey = query.get('projectKey');
  if (issueId || issueKey) {
    scoped = true;
    const issue = site.state.issue((issueId || issueKey) ?? '');
    if (!issue || !canBrowseIssue(site.state, caller, issue)) throw jiraError(404, ISSUE_NOT_FOUND);
    project = site.state.projects.get(issue.projectKey);
  } else if (projectId || projectKey) {
    scoped = true;
    project = projectId
      ? site.state.projectsById.get(projectId)
      : site.state.projects.get((projectKey ?? '').toUpperCase());
    if (!project || !canBrowseProject(caller, project)) {
      throw jiraError(
        404,
        projectId
          ? `No project could be found with id '${projectId}'.`
          : `No project could be found with key '${projectKey}'.`,
      );
    }
  }
  const all = [...site.state.projects.values()];
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const info = PERMISSIONS[key];
    if (!info) continue;
    const have =
      info.type === 'GLOBAL'
        ? hasGlobalPermission(caller, key)
        : scoped
          ? hasProjectPermission(caller, project, key)
          : all.some((p) => hasProjectPermission(caller, p, key));
    permissions[key] = {
      id: info.id,
      key,
      name: info.name,
      type: info.type,
      description: info.description,
      havePermission: have,
    };
  }
  return json(200, { permissions });
};

// ------------------------------------------------------------------------------------------------ projects

const PROJECT_ORDER = /^([+-]?)(key|name|category|owner|issueCount|lastIssueUpdatedDate)$/;

const projectSearch: RouteHandler = (request) => {
  const { site, caller, query } = request;
  const { startAt, maxResults } = paging(query, 100, 50);
  const orderBy = query.get('orderBy') ?? 'key';
  const order = PROJECT_ORDER.exec(orderBy);
  if (!order) throw jiraError(400, `The orderBy value '${orderBy}' is not supported.`);
  const action = query.get('action') ?? 'view';
  const needed: Record<string, string> = {
    view: 'BROWSE_PROJECTS',
    browse: 'BROWSE_PROJECTS',
    edit: 'ADMINISTER_PROJECTS',
    create: 'CREATE_ISSUES',
  };
  const permission = needed[action];
  if (!permission) throw jiraError(400, `The action '${action}' is not valid.`);
  const text = (query.get('query') ?? '').toLowerCase();
  const keys = new Set(listParam(query, 'keys')?.map((k) => k.toUpperCase()));
  const ids = new Set(listParam(query, 'id'));
  const typeKeys = listParam(query, 'typeKey');
  let projects = browsableProjects(site.state, caller).filter(
    (p) =>
      hasProjectPermission(caller, p, permission) &&
      (text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text)) &&
      (keys.size === 0 || keys.has(p.key)) &&
      (ids.size === 0 || ids.has(p.id)) &&
      (!typeKeys || typeKeys.includes('software')),
  );
  const field = order[2] === 'name' ? 'name' : 'key';
  projects = projects.sort((a, b) => a[field].localeCompare(b[field]));
  if (order[1] === '-') projects.reverse();
  const page = projects.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= projects.length;
  const next = new URLSearchParams(query);
  next.set('startAt', String(startAt + page.length));
  next.set('maxResults', String(maxResults));
  return json(200, {
    self: requestSelf(request),
    ...(isLast ? {} : { nextPage: `${site.baseUrl}${request.path}?${next.toString()}` }),
    maxResults,
    startAt,
    total: projects.length,
    isLast,
    values: page.map((p) => projectJson(site, p)),
  });
};

// ------------------------------------------------------------------------------------------------ issues

const getIssue: RouteHandler = (request) => {
  const { site, query } = request;
  const issue = visibleIssue(request);
  const propertyKeys = listParam(query, 'properties');
  const properties = propertyKeys?.includes('*all') ? [...issue.properties.keys()] : propertyKeys;
  return json(
    200,
    issueJson(site, issue, {
      api: 'platform',
      selection: parseFieldSelection(listParam(query, 'fields'), '*all'),
      expand: expandSet(query.get('expand')),
      ...(properties ? { properties } : {}),
    }),
  );
};

const EditBody = z
  .object({
    fields: z.record(z.string(), z.unknown()).optional(),
    update: z.record(z.string(), z.unknown()).optional(),
    properties: z.array(z.object({ key: z.string().min(1), value: z.unknown() })).optional(),
    historyMetadata: z.unknown().optional(),
    transition: z.unknown().optional(),
  })
  .passthrough();

function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || 'body'] = issue.message;
  throw jiraError(400, [], errors);
}

const editIssue: RouteHandler = async (request) => {
  const { site, caller, query } = request;
  const issue = visibleIssue(request);
  const body = parseBody(EditBody, await request.body());
  const canEdit = hasIssuePermission(site.state, caller, issue, 'EDIT_ISSUES');
  const values = validateEdit(site, issue, body, canEdit);
  if (!canEdit && (body.properties ?? []).length > 0) {
    throw jiraError(403, `You do not have permission to edit issue ${issue.key}.`);
  }
  for (const p of body.properties ?? []) checkPropertyValue(p.key, p.value);
  applyValues(site, issue, values, callerAccount(caller));
  for (const p of body.properties ?? []) setProperty(site, issue, p.key, p.value);
  if (boolParam(query, 'returnIssue', false)) {
    return json(
      200,
      issueJson(site, issue, { api: 'platform', selection: parseFieldSelection(undefined, '*all') }),
    );
  }
  return NO_CONTENT;
};

function callerAccount(caller: Caller): string {
  return caller.kind === 'app' ? APP_USER.accountId : caller.user.accountId;
}

const changelog: RouteHandler = (request) => {
  const { site, query } = request;
  const issue = visibleIssue(request);
  const { startAt, maxResults } = paging(query, 100, 100);
  const page = issue.histories.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= issue.histories.length;
  return json(200, {
    self: requestSelf(request),
    ...(isLast
      ? {}
      : {
          nextPage: `${site.baseUrl}${request.path}?startAt=${startAt + page.length}&maxResults=${maxResults}`,
        }),
    maxResults,
    startAt,
    total: issue.histories.length,
    isLast,
    values: page.map((h) => historyJson(site, h)),
  });
};

// ------------------------------------------------------------------------------------------------ properties

function propertySelf(site: SiteContext, issue: IssueRecord, key: string): string {
  return `${site.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`;
}

function checkPropertyKey(key: string): void {
  if (key.length > 255) throw jiraError(400, 'The property key cannot be longer than 255 characters.');
}

function checkPropertyValue(key: string, value: unknown): void {
  checkPropertyKey(key);
  const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
  if (value === undefined || size > MAX_PROPERTY_BYTES) {
    throw jiraError(
      400,
      `The property value is too long: it has ${size} characters and at most ${MAX_PROPERTY_BYTES} are allowed.`,
    );
  }
}

function setProperty(site: SiteContext, issue: IssueRecord, key: string, value: unknown): boolean {
  checkPropertyValue(key, value);
  const created = !issue.properties.has(key);
  issue.properties.set(key, value);
  site.state.touchProperties();
  return created;
}

/** PUT answers 403 without EDIT_ISSUES; DELETE answers 404 (as the spec documents each). */
function requireEdit(request: RouteRequest, issue: IssueRecord, status: 403 | 404): void {
  if (!hasIssuePermission(request.site.state, request.caller, issue, 'EDIT_ISSUES')) {
    throw jiraError(status, `You do not have permission to edit issue ${issue.key}.`);
  }
}

const propertyKeys: RouteHandler = (request) => {
  const issue = visibleIssue(request);
  return json(200, {
    keys: [...issue.properties.keys()].map((key) => ({ key, self: propertySelf(request.site, issue, key) })),
  });
};

const getProperty: RouteHandler = (request) => {
  const issue = visibleIssue(request);
  const key = request.params.propertyKey ?? '';
  if (!issue.properties.has(key)) throw jiraError(404, `The property with key '${key}' does not exist.`);
  return json(200, { key, value: issue.properties.get(key) });
};

const putProperty: RouteHandler = async (request) => {
  const issue = visibleIssue(request);
  const key = request.params.propertyKey ?? '';
  checkPropertyKey(key);
  requireEdit(request, issue, 403);
  const value = await request.body();
  return { status: setProperty(request.site, issue, key, value) ? 201 : 200 };
};

const deleteProperty: RouteHandler = (request) => {
  const issue = visibleIssue(request);
  const key = request.params.propertyKey ?? '';
  requireEdit(request, issue, 404);
  if (!issue.properties.delete(key)) throw jiraError(404, `The property with key '${key}' does not exist.`);
  request.site.state.touchProperties();
  return NO_CONTENT;
};

// ------------------------------------------------------------------------------------------------ search/jql

const SearchBody = z
  .object({
    jql: z.string().optional(),
    nextPageToken: z.string().optional(),
    maxResults: z.number().int().optional(),
    fields: z.array(z.string()).optional(),
    expand: z.string().optional(),
    properties: z.array(z.string()).max(5, 'At most 5 issue properties can be requested.').optional(),
    fieldsByKeys: z.boolean().optional(),
    reconcileIssues: z.array(z.number().int()).max(50).optional(),
  })
  .strict();
type SearchParams = z.infer<typeof SearchBody>;

interface PageToken {
  offset: number;
  jql: string;
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string, jql: string): number {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (typeof token.offset === 'number' && token.offset >= 0 && token.jql === jql) return token.offset;
  } catch {
    // fall through
  }
  throw jiraError(400, 'The provided next page token is invalid or expired.');
}

function search(request: RouteRequest, params: SearchParams): Reply {
  const { site, caller } = request;
  const jql = params.jql ?? '';
  const query = compileFor(site, caller, jql);
  if (!query.bounded) {
    throw jiraError(
      400,
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  }
  const selection = parseFieldSelection(params.fields, 'id');
  const idOnly = !selection.all && [...selection.include].every((f) => f === 'id' || f === 'key');
  const cap = idOnly ? JQL_ID_ONLY_CAP : JQL_PAGE_CAP;
  const requested = params.maxResults ?? JQL_DEFAULT_PAGE;
  const maxResults = requested <= 0 ? JQL_DEFAULT_PAGE : Math.min(requested, cap);
  const offset = params.nextPageToken ? decodeToken(params.nextPageToken, jql) : 0;
  const all = searchIssues(site, caller, query);
  const page = all.slice(offset, offset + maxResults);
  const isLast = offset + page.length >= all.length;
  const propertiesWanted = params.properties;
  const view = {
    api: 'platform' as const,
    selection,
    expand: expandSet(params.expand),
    ...(propertiesWanted ? { properties: propertiesWanted } : {}),
  };
  return json(200, {
    issues: page.map((issue) => issueJson(site, issue, view)),
    ...(isLast ? {} : { nextPageToken: encodeToken({ offset: offset + page.length, jql }) }),
    isLast,
  });
}

const searchPost: RouteHandler = async (request) =>
  search(request, parseBody(SearchBody, await request.body()));

const searchGet: RouteHandler = (request) => {
  const { query } = request;
  const maxResults = query.has('maxResults') ? intParam(query, 'maxResults', JQL_DEFAULT_PAGE) : undefined;
  const params: SearchParams = {
    ...(query.has('jql') ? { jql: query.get('jql') ?? '' } : {}),
    ...(query.get('nextPageToken') ? { nextPageToken: query.get('nextPageToken') ?? '' } : {}),
    ...(maxResults !== undefined ? { maxResults } : {}),
    ...(listParam(query, 'fields') ? { fields: listParam(query, 'fields') } : {}),
    ...(query.get('expand') ? { expand: query.get('expand') ?? '' } : {}),
  };
  const properties = listParam(query, 'properties');
  if (properties && properties.length > 5)
    throw jiraError(400, 'At most 5 issue properties can be requested.');
  return search(request, properties ? { ...params, properties } : params);
};

/** `POST /rest/api/3/search/approximate-count`: exact here (Jira's may lag recent changes). */
const countPost: RouteHandler = async (request) => {
  const { jql } = parseBody(z.object({ jql: z.string() }).strict(), await request.body());
  const query = compileFor(request.site, request.caller, jql);
  if (!query.bounded)
    throw jiraError(
      400,
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  return json(200, { count: searchIssues(request.site, request.caller, query).length });
};

// ------------------------------------------------------------------------------------------------ app field values

const FieldValueUpdates = z
  .object({
    updates: z.array(
      z
        .object({
          customField: z.string().min(1),
          issueIds: z.array(z.number().int()).min(1),
          value: z.unknown(),
        })
        .strict(),
    ),
  })
  .strict();

const SingleFieldUpdates = z
  .object({
    updates: z.array(z.object({ issueIds: z.array(z.number().int()).min(1), value: z.unknown() }).strict()),
  })
  .strict();

function applyAppValues(
  request: RouteRequest,
  updates: ReadonlyArray<{ customField: string; issueIds: number[]; value: unknown }>,
): Reply {
  const { site, caller, query } = request;
  if (caller.kind !== 'app') {
    throw jiraError(
      403,
      'Only the app that provides the custom field can update its value with this operation.',
    );
  }
  const changelog = boolParam(query, 'generateChangelog', true);
  const planned: Array<{
    issue: IssueRecord;
    def: NonNullable<ReturnType<typeof site.state.fieldsById.get>>;
    value: unknown;
  }> = [];
  const errors: Record<string, string> = {};
  for (const u of updates) {
    const def = site.state.fieldsById.get(u.customField);
    if (!def || !def.custom) throw jiraError(404, `The custom field '${u.customField}' was not found.`);
    for (const id of u.issueIds) {
      const issue = site.state.issuesById.get(String(id));
      if (!issue) throw jiraError(404, `Issue with id ${id} was not found.`);
      const c = convertValue(site, issue, def, u.value);
      if (c.ok) planned.push({ issue, def, value: c.value });
      else errors[u.customField] = c.error;
    }
  }
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  for (const p of planned)
    applyValues(site, p.issue, [{ def: p.def, value: p.value }], APP_USER.accountId, changelog);
  return NO_CONTENT;
}

const appFieldValues: RouteHandler = async (request) =>
  applyAppValues(request, parseBody(FieldValueUpdates, await request.body()).updates);

const appFieldValue: RouteHandler = async (request) => {
  const customField = request.params.fieldIdOrKey ?? '';
  const body = parseBody(SingleFieldUpdates, await request.body());
  return applyAppValues(
    request,
    body.updates.map((u) => ({ ...u, customField })),
  );
};

export const PLATFORM_ROUTES: ReadonlyArray<[string, string, RouteHandler]> = [
  ['GET', '/rest/api/3/myself', myself],
  ['GET', '/rest/api/3/user/bulk', usersBulk],
  ['GET', '/rest/api/3/field', fields],
  ['GET', '/rest/api/3/field/search', fieldSearch],
  ['GET', '/rest/api/3/mypermissions', myPermissions],
  ['GET', '/rest/api/3/project/search', projectSearch],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}', getIssue],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}', editIssue],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', changelog],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties', propertyKeys],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', getProperty],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', putProperty],
  ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', deleteProperty],
  ['POST', '/rest/api/3/search/jql', searchPost],
  ['GET', '/rest/api/3/search/jql', searchGet],
  ['POST', '/rest/api/3/search/approximate-count', countPost],
  ['POST', '/rest/api/3/app/field/value', appFieldValues],
  ['PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value', appFieldValue],
];
