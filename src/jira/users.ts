import { jiraPath, query } from './path';
import type { JiraRequester } from './request';
import { JiraUser, JiraUserList, JiraUsersPage, JiraUserWithGroups } from './schemas';

/** Account ids per `GET /rest/api/3/user/bulk` request (Jira documents no cap; URLs stay short). */
export const USER_BULK_SIZE = 50;

/** A group of users: Jira identifies it by `groupId`; old data may carry only its name. */
export interface GroupRef {
  groupId: string | undefined;
  name: string | undefined;
}

/** Who may browse a project: users matching `query` or exactly `accountId`. */
export interface BrowseUsersQuery {
  projectKey: string;
  query?: string;
  accountId?: string;
  maxResults?: number;
}

/** `GET /rest/api/3/myself` */
export function myself(r: JiraRequester): Promise<JiraUser> {
  return r.json('GET', jiraPath`/rest/api/3/myself`, JiraUser);
}

/** `GET /rest/api/3/myself?expand=groups`: the groups the caller belongs to. */
export async function myGroups(r: JiraRequester): Promise<GroupRef[]> {
  const me = await r.json(
    'GET',
    jiraPath`/rest/api/3/myself?${query({ expand: 'groups' })}`,
    JiraUserWithGroups,
  );
  return (me.groups?.items ?? []).map((g) => ({ groupId: g.groupId ?? undefined, name: g.name }));
}

/**
 * `GET /rest/api/3/user/viewissue/search`: users who can browse the project, matching `query` (a prefix of
 * the name or e-mail) or exactly `accountId`; at most `maxResults` (Jira needs Browse users and groups;
 * without it the answer is empty).
 */
export async function usersWhoCanBrowse(r: JiraRequester, q: BrowseUsersQuery): Promise<JiraUser[]> {
  const params = query({
    projectKey: q.projectKey,
    ...(q.query !== undefined ? { query: q.query } : {}),
    ...(q.accountId !== undefined ? { accountId: q.accountId } : {}),
    maxResults: q.maxResults ?? 20,
  });
  return await r.json('GET', jiraPath`/rest/api/3/user/viewissue/search?${params}`, JiraUserList);
}

/**
 * `GET /rest/api/3/user/bulk`: the users with these account ids, {@link USER_BULK_SIZE} ids a request (the
 * ids repeated as `accountId=`). Ids Jira does not know are left out; a closed account comes back with
 * Jira's own placeholder name and `active: false`.
 */
export async function usersByAccountIds(
  r: JiraRequester,
  accountIds: readonly string[],
): Promise<JiraUser[]> {
  const unique = [...new Set(accountIds)];
  const out: JiraUser[] = [];
  for (let i = 0; i < unique.length; i += USER_BULK_SIZE) {
    const chunk = unique.slice(i, i + USER_BULK_SIZE);
    const params = query({ maxResults: chunk.length });
    for (const id of chunk) params.append('accountId', id);
    const page = await r.json('GET', jiraPath`/rest/api/3/user/bulk?${params}`, JiraUsersPage);
    out.push(...page.values);
  }
  return out;
}
