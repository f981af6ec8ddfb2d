/**
 * `GET /rest/api/3/user/viewissue/search` (findUsersWithBrowsePermission), as the OpenAPI spec documents it:
 * the users who can browse an issue (`issueKey`) or any issue of a project (`projectKey`), whose name or
 * e-mail starts with `query` (case-insensitive, any word of the name), or whose account id is exactly
 * `accountId`; one of `query`/`accountId` and one of `issueKey`/`projectKey` are required (400). A caller
 * without the Browse users and groups global permission gets an empty list, as Jira answers; an unknown or
 * hidden project or issue is 404. Inactive users are left out. A plain JSON array of users.
 */
import type { RouteHandler } from '../context';
import { ISSUE_NOT_FOUND, jiraError, json, paging } from '../http';
import { canBrowseIssue, canBrowseProject, hasGlobalPermission, type Caller } from '../permissions';
import { userDetails } from '../render';
import type { SeedProject } from '../seed-schema';

const matches = (text: string, query: string): boolean => {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const t = text.toLowerCase();
  return t.startsWith(q) || t.split(/\s+/).some((word) => word.startsWith(q));
};

const usersWhoCanBrowse: RouteHandler = ({ site, caller, query }) => {
  const text = query.get('query');
  const accountId = query.get('accountId');
  const issueKey = query.get('issueKey');
  const projectKey = query.get('projectKey');
  if (!text && !accountId) throw jiraError(400, 'The query or the accountId parameter is required.');
  if (!issueKey && !projectKey) throw jiraError(400, 'The issueKey or the projectKey parameter is required.');
  let project: SeedProject | undefined;
  if (issueKey) {
    const issue = site.state.issue(issueKey);
    if (!issue || !canBrowseIssue(site.state, caller, issue)) throw jiraError(404, ISSUE_NOT_FOUND);
    project = site.state.projects.get(issue.projectKey);
  } else {
    project = site.state.projects.get(projectKey ?? '');
    if (!project || !canBrowseProject(caller, project))
      throw jiraError(404, `No project could be found with key '${projectKey ?? ''}'.`);
  }
  if (!hasGlobalPermission(caller, 'USER_PICKER')) return json(200, []);
  const { startAt, maxResults } = paging(query, 1000, 50);
  const found = [...site.state.users.values()].filter((u) => {
    if (!u.active) return false;
    const asUser: Caller = { kind: 'user', user: u };
    if (!canBrowseProject(asUser, project)) return false;
    if (accountId) return u.accountId === accountId;
    return matches(u.displayName, text ?? '') || matches(u.emailAddress ?? '', text ?? '');
  });
  return json(
    200,
    found.slice(startAt, startAt + maxResults).map((u) => userDetails(site, u.accountId)),
  );
};

export const USER_ROUTES: ReadonlyArray<[string, string, RouteHandler]> = [
  ['GET', '/rest/api/3/user/viewissue/search', usersWhoCanBrowse],
];
