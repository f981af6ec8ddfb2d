/**
 * Issue lists: JQL searches and board lists (all issues, backlog), computed over the rank-ordered index,
 * filtered to what the caller may browse, and cached per caller and query until the data changes.
 */
import type { SiteContext } from './context';
import { jiraError } from './http';
import { compileJql, JqlError, type CompiledJql, type JqlEnv } from './jql';
import { canBrowseProject, callerId, type Caller } from './permissions';
import type { SeedBoard } from './seed-schema';
import { isEpic, issueTypeOf, sprintIdsOf, statusCategoryOf, type IssueRecord } from './state';

export function jqlEnv(site: SiteContext, caller: Caller): JqlEnv {
  const { state } = site;
  const projects = [...state.projects.values()].filter((p) => canBrowseProject(caller, p));
  return {
    fields: state.fields,
    currentUser: caller.kind === 'user' ? caller.user.accountId : undefined,
    users: [...state.users.values()],
    projects,
    sprints: [...state.sprints.values()],
    statuses: state.statuses,
    priorities: state.priorities,
    issueTypes: state.issueTypes,
    issueExists: (keyOrId) => {
      const issue = state.issue(keyOrId);
      return issue !== undefined && canBrowseProject(caller, state.projects.get(issue.projectKey));
    },
    now: () => Date.now(),
  };
}

/** Compiles JQL for this caller; a 400 with Jira's messages when it is invalid. */
export function compileFor(site: SiteContext, caller: Caller, jql: string): CompiledJql {
  try {
    return compileJql(jql, jqlEnv(site, caller));
  } catch (error) {
    if (error instanceof JqlError) throw jiraError(400, error.messages);
    throw error;
  }
}

/**
 * The state version a list computed with these queries is valid for: a property write changes only the
 * lists whose JQL reads issue properties. (Without this, paging through a search while writing a property
 * on each issue, as the readiness re-check does, recomputed and re-sorted the whole search for every page:
 * quadratic in the number of issues.)
 */
function listVersion(site: SiteContext, ...queries: Array<CompiledJql | undefined>): number {
  return queries.some((q) => q?.readsProperties) ? site.state.version : site.state.versionBesidesProperties;
}

function browsable(site: SiteContext, caller: Caller): (issue: IssueRecord) => boolean {
  const keys = new Set(
    [...site.state.projects.values()].filter((p) => canBrowseProject(caller, p)).map((p) => p.key),
  );
  return (issue) => keys.has(issue.projectKey);
}

/** Without ORDER BY, newest first (created, then id). */
function defaultOrder(issues: IssueRecord[]): IssueRecord[] {
  const created = (i: IssueRecord): number => Date.parse(String(i.fields.created)) || 0;
  return issues
    .map((issue) => ({ issue, at: created(issue), id: Number(issue.id) }))
    .sort((a, b) => b.at - a.at || b.id - a.id)
    .map((x) => x.issue);
}

function ordered(query: CompiledJql, matching: IssueRecord[], fallback: 'rank' | 'newest'): IssueRecord[] {
  if (query.rankOrder === 'asc') return matching;
  if (query.rankOrder === 'desc') return [...matching].reverse();
  if (query.orderBy.length > 0) return query.sort(matching);
  return fallback === 'rank' ? matching : defaultOrder(matching);
}

/** Every issue the JQL finds for this caller, in the query's order. */
export function searchIssues(site: SiteContext, caller: Caller, query: CompiledJql): IssueRecord[] {
  const key = `search\u0000${callerId(caller)}\u0000${query.text}`;
  return site.lists.get(key, listVersion(site, query), () => {
    const visible = browsable(site, caller);
    const matching = site.state.issuesInRankOrder().filter((issue) => visible(issue) && query.matches(issue));
    return ordered(query, matching, 'newest');
  });
}

/** The board's saved filter: its project, and its extra JQL. */
export function boardFilterJql(board: SeedBoard): string {
  const project = `project = "${board.projectKey}"`;
  return board.filterJql ? `${project} AND (${board.filterJql})` : project;
}

function inOpenSprint(site: SiteContext, issue: IssueRecord): boolean {
  return sprintIdsOf(issue).some((id) => {
    const state = site.state.sprints.get(id)?.state;
    return state === 'active' || state === 'future';
  });
}

/**
 * A board's issues (`which = 'board'`) or its backlog. Scrum boards leave epics out; the backlog leaves out
 * done issues, epics and subtasks, and on scrum boards issues in an active or future sprint (Jira shows
 * those in the sprint lists above the backlog). Kanban backlogs hold the issues of the To Do column.
 */
export function boardIssues(
  site: SiteContext,
  caller: Caller,
  board: SeedBoard,
  which: 'board' | 'backlog',
  jql: string | undefined,
): IssueRecord[] {
  const key = `${which}\u0000${board.id}\u0000${callerId(caller)}\u0000${jql ?? ''}`;
  const filter = compileFor(site, caller, boardFilterJql(board));
  const extra = jql !== undefined && jql.trim() !== '' ? compileFor(site, caller, jql) : undefined;
  return site.lists.get(key, listVersion(site, filter, extra), () => {
    const visible = browsable(site, caller);
    const scrum = board.type === 'scrum';
    const keep = (issue: IssueRecord): boolean => {
      if (!visible(issue) || !filter.matches(issue)) return false;
      if (scrum && isEpic(issue)) return false;
      if (which === 'backlog') {
        if (isEpic(issue) || issueTypeOf(issue).subtask) return false;
        const category = statusCategoryOf(issue);
        if (category === 'done') return false;
        if (scrum ? inOpenSprint(site, issue) : category !== 'new') return false;
      }
      return extra ? extra.matches(issue) : true;
    };
    const matching = site.state.issuesInRankOrder().filter(keep);
    return extra ? ordered(extra, matching, 'rank') : matching;
  });
}
