/**
 * Turning stored data into Jira's JSON: users, projects, sprints and issues (with `fields` selection,
 * `expand=changelog|names|schema`, `properties`, and the Agile extras `sprint`, `closedSprints`, `flagged`).
 */
import type { SiteContext } from './context';
import { PSEUDO_FIELDS, type FieldSelection } from './fields';
import { APP_USER, type Caller } from './permissions';
import { SPRINT_FIELD_ID } from './seed';
import type { SeedProject, SeedSprint, SeedUser } from './seed-schema';
import type { ChangeItem, IssueRecord, StoredHistory } from './state';

export function avatarUrls(base: string, kind: 'user' | 'project', id: string): Record<string, string> {
  const path =
    kind === 'user'
      ? `/secure/useravatar?ownerId=${encodeURIComponent(id)}`
      : `/secure/projectavatar?pid=${id}`;
  return {
    '48x48': `${base}${path}&size=large`,
    '24x24': `${base}${path}&size=small`,
    '16x16': `${base}${path}&size=xsmall`,
    '32x32': `${base}${path}&size=medium`,
  };
}

/** `GET /rest/api/3/myself`; `expandGroups` (`expand=groups`) lists the caller's groups, else only their count. */
export function myselfJson(site: SiteContext, caller: Caller, expandGroups = false): Record<string, unknown> {
  const base = site.baseUrl;
  if (caller.kind === 'app') {
    return {
      self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(APP_USER.accountId)}`,
      accountId: APP_USER.accountId,
      accountType: APP_USER.accountType,
      avatarUrls: avatarUrls(base, 'user', APP_USER.accountId),
      displayName: APP_USER.displayName,
      active: true,
      timeZone: 'UTC',
      locale: 'en_US',
      groups: { size: 0, items: [] },
      applicationRoles: { size: 0, items: [] },
      expand: 'groups,applicationRoles',
    };
  }
  const u = caller.user;
  const groups = site.state.groups.filter((g) => g.members.includes(u.accountId));
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    accountType: 'atlassian',
    emailAddress: u.emailAddress,
    avatarUrls: avatarUrls(base, 'user', u.accountId),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    locale: 'en_US',
    groups: {
      size: groups.length,
      items: expandGroups
        ? groups.map((g) => ({
            name: g.name,
            groupId: g.groupId,
            self: `${base}/rest/api/3/group?groupId=${encodeURIComponent(g.groupId)}`,
          }))
        : [],
    },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

/** UserDetails, as changelog authors are shown. */
export function userDetails(site: SiteContext, accountId: string): Record<string, unknown> {
  const u: SeedUser | undefined = site.state.users.get(accountId);
  const base = site.baseUrl;
  if (accountId === APP_USER.accountId) {
    return {
      self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
      accountId,
      avatarUrls: avatarUrls(base, 'user', accountId),
      displayName: APP_USER.displayName,
      active: true,
      accountType: APP_USER.accountType,
    };
  }
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    ...(u ? { emailAddress: u.emailAddress } : {}),
    avatarUrls: avatarUrls(base, 'user', accountId),
    displayName: u?.displayName ?? 'Former user',
    active: u?.active ?? false,
    timeZone: u?.timeZone ?? 'UTC',
    accountType: 'atlassian',
  };
}

export function projectJson(site: SiteContext, project: SeedProject): Record<string, unknown> {
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${site.baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: avatarUrls(site.baseUrl, 'project', project.id),
    projectTypeKey: 'software',
    simplified: project.style === 'next-gen',
    style: project.style,
    isPrivate: false,
    properties: {},
  };
}

/** A project as issues embed it. */
export function projectRef(site: SiteContext, project: SeedProject): Record<string, unknown> {
  return {
    self: `${site.baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: project.style === 'next-gen',
    avatarUrls: avatarUrls(site.baseUrl, 'project', project.id),
  };
}

/** A sprint as the Agile API shows it. */
export function sprintJson(site: SiteContext, sprint: SeedSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${site.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.state === 'closed' && sprint.endDate ? { completeDate: sprint.endDate } : {}),
    originBoardId: sprint.boardId,
    ...(sprint.goal !== undefined ? { goal: sprint.goal } : {}),
  };
}

/** The sprint field's value with current sprint names and states (as on the platform API). */
function sprintFieldValue(site: SiteContext, value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? null;
  return value.map((entry: unknown) => {
    const id = (entry as { id?: unknown }).id;
    const sprint = typeof id === 'number' ? site.state.sprints.get(id) : undefined;
    if (!sprint) return entry;
    return {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      boardId: sprint.boardId,
      ...(sprint.goal !== undefined ? { goal: sprint.goal } : {}),
      ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
      ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
      ...(sprint.state === 'closed' && sprint.endDate ? { completeDate: sprint.endDate } : {}),
    };
  });
}

function issueSprints(site: SiteContext, issue: IssueRecord): SeedSprint[] {
  const value = issue.fields[SPRINT_FIELD_ID];
  if (!Array.isArray(value)) return [];
  return value
    .map((e: unknown) => (e as { id?: unknown }).id)
    .map((id) => (typeof id === 'number' ? site.state.sprints.get(id) : undefined))
    .filter((s): s is SeedSprint => s !== undefined);
}

const AGILE_FIELDS = ['sprint', 'closedSprints', 'flagged'];

function agileField(site: SiteContext, issue: IssueRecord, id: string): unknown {
  const sprints = issueSprints(site, issue);
  switch (id) {
    case 'sprint': {
      const open = sprints.find((s) => s.state === 'active') ?? sprints.find((s) => s.state === 'future');
      return open ? sprintJson(site, open) : null;
    }
    case 'closedSprints':
      return sprints.filter((s) => s.state === 'closed').map((s) => sprintJson(site, s));
    default:
      return false; // flagged: the local site has no Flagged field
  }
}

export interface IssueView {
  api: 'platform' | 'agile';
  selection: FieldSelection;
  /** `expand` values: changelog, names, schema. */
  expand?: ReadonlySet<string>;
  /** Issue property keys to include. */
  properties?: readonly string[];
}

function fieldValue(site: SiteContext, issue: IssueRecord, id: string): unknown {
  if (id === 'project') {
    const project = site.state.projects.get(issue.projectKey);
    return project ? projectRef(site, project) : issue.fields.project;
  }
  if (id === SPRINT_FIELD_ID) return sprintFieldValue(site, issue.fields[id]);
  return issue.fields[id];
}

function selectedFieldIds(site: SiteContext, issue: IssueRecord, view: IssueView): string[] {
  const { selection } = view;
  const ids = new Set<string>();
  if (selection.all) {
    for (const id of Object.keys(issue.fields)) ids.add(id);
    for (const def of site.state.fields) if (!PSEUDO_FIELDS.has(def.id)) ids.add(def.id);
    if (view.api === 'agile') for (const id of AGILE_FIELDS) ids.add(id);
  }
  for (const id of selection.include) {
    if (id in issue.fields || (site.state.fieldsById.has(id) && !PSEUDO_FIELDS.has(id))) ids.add(id);
    else if (view.api === 'agile' && AGILE_FIELDS.includes(id)) ids.add(id);
  }
  for (const id of selection.exclude) ids.delete(id);
  return [...ids];
}

function changeItemJson(item: ChangeItem): Record<string, string> {
  // Jira sends null for missing from/to values, but the spec types them as plain strings: leave them out.
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function historyJson(site: SiteContext, h: StoredHistory): Record<string, unknown> {
  return {
    id: h.id,
    author: userDetails(site, h.authorId),
    created: h.created,
    items: h.items.map(changeItemJson),
  };
}

/** Changelog as `expand=changelog` embeds it: the latest 100 histories, oldest first. */
function embeddedChangelog(site: SiteContext, issue: IssueRecord): Record<string, unknown> {
  const histories = issue.histories.slice(-100);
  return {
    startAt: 0,
    maxResults: histories.length,
    total: issue.histories.length,
    histories: histories.map((h) => historyJson(site, h)),
  };
}

export function issueJson(site: SiteContext, issue: IssueRecord, view: IssueView): Record<string, unknown> {
  const base = site.baseUrl;
  const fields: Record<string, unknown> = {};
  const ids = selectedFieldIds(site, issue, view);
  for (const id of ids) {
    fields[id] =
      AGILE_FIELDS.includes(id) && view.api === 'agile'
        ? agileField(site, issue, id)
        : (fieldValue(site, issue, id) ?? null);
  }
  const self =
    view.api === 'agile'
      ? `${base}/rest/agile/1.0/issue/${issue.id}`
      : `${base}/rest/api/3/issue/${issue.id}`;
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self,
    key: issue.key,
    fields,
  };
  if (view.properties && view.properties.length > 0) {
    const props: Record<string, unknown> = {};
    for (const key of view.properties) if (issue.properties.has(key)) props[key] = issue.properties.get(key);
    out.properties = props;
  }
  const expand = view.expand ?? new Set<string>();
  if (expand.has('changelog')) out.changelog = embeddedChangelog(site, issue);
  if (expand.has('names')) {
    out.names = Object.fromEntries(ids.map((id) => [id, site.state.fieldsById.get(id)?.name ?? id]));
  }
  if (expand.has('schema')) {
    const schema: Record<string, unknown> = {};
    for (const id of ids) {
      const def = site.state.fieldsById.get(id);
      if (def?.schema) schema[id] = { ...def.schema };
    }
    out.schema = schema;
  }
  return out;
}
