import { AGILE_PAGE_SIZE, readAllByStartAt } from './paging';
import { jiraPath, query } from './path';
import { readProperty, writeProperty } from './properties';
import { checkId, type JiraRequester } from './request';
import { JiraProjectRole, JiraProjectRoleDetailsList, ProjectsPage, type JiraProject } from './schemas';
import type { GroupRef } from './users';

/** A project role as the role picker shows it. */
export interface ProjectRoleSummary {
  id: number;
  name: string;
  description: string;
}

/** Who acts in a project role: users by accountId, and groups (whose members all act in it). */
export interface ProjectRoleActors {
  id: number;
  name: string;
  accountIds: string[];
  groups: GroupRef[];
}

/** `GET /rest/api/3/project/search`: every project the caller can browse, by key. */
export async function projects(r: JiraRequester): Promise<JiraProject[]> {
  return await readAllByStartAt(
    (startAt) => {
      const params = query({ startAt, maxResults: AGILE_PAGE_SIZE, orderBy: 'key' });
      return r.json('GET', jiraPath`/rest/api/3/project/search?${params}`, ProjectsPage);
    },
    (page) => page.values,
    (page) => page.isLast !== false,
  );
}

/**
 * `GET /rest/api/3/project/{key}/roledetails`: the project's roles. Jira requires Administer Projects (or
 * Administer Jira); anyone else gets a {@link JiraNotFoundError}, as for a project they cannot see.
 */
export async function projectRoles(r: JiraRequester, projectIdOrKey: string): Promise<ProjectRoleSummary[]> {
  const roles = await r.json(
    'GET',
    jiraPath`/rest/api/3/project/${projectIdOrKey}/roledetails`,
    JiraProjectRoleDetailsList,
  );
  return roles.map((role) => ({ id: role.id, name: role.name, description: role.description ?? '' }));
}

/**
 * `GET /rest/api/3/project/{key}/role/{id}`: who acts in the role, users and groups. Jira requires
 * Administer Projects (call it as the app when the caller need not hold it); an unknown role is a
 * {@link JiraNotFoundError}.
 */
export async function projectRoleActors(
  r: JiraRequester,
  projectIdOrKey: string,
  roleId: number,
): Promise<ProjectRoleActors> {
  const role = await r.json(
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

/**
 * `GET /rest/api/3/project/{key}/properties/{property}`; undefined when the project has no such property.
 * A project the caller cannot browse is a {@link JiraNotFoundError} (Jira does not say which it is).
 */
export async function getProjectProperty(
  r: JiraRequester,
  projectIdOrKey: string,
  propertyKey: string,
): Promise<unknown> {
  return await readProperty(r, jiraPath`/rest/api/3/project/${projectIdOrKey}/properties/${propertyKey}`);
}

/**
 * `PUT /rest/api/3/project/{key}/properties/{property}`: creates or replaces the property (Jira requires
 * Administer Projects, or the app acting as itself).
 */
export async function setProjectProperty(
  r: JiraRequester,
  projectIdOrKey: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  return await writeProperty(
    r,
    `Project property ${propertyKey}`,
    jiraPath`/rest/api/3/project/${projectIdOrKey}/properties/${propertyKey}`,
    value,
  );
}
