/**
 * Project roles (`/rest/api/3/project/{projectIdOrKey}/roledetails` and `/role/{id}`), with Jira's rules:
 * both need Administer Projects (or Administer Jira; the app acting as itself may). As the spec documents,
 * anyone else gets 404, like a project they cannot see; an unknown role is 404 too. The roles are the
 * seed's `roles` (the same in every project); the actors are the project's `roleActors`, users and groups,
 * sorted by display name as Jira sorts them.
 */
import type { RouteHandler, RouteRequest } from '../context';
import { boolParam, jiraError, json } from '../http';
import { canBrowseProject, hasGlobalPermission, hasProjectPermission } from '../permissions';
import type { SeedProject, SeedRole } from '../seed-schema';

const noProject = (idOrKey: string) =>
  jiraError(
    404,
    /^\d+$/.test(idOrKey)
      ? `No project could be found with id '${idOrKey}'.`
      : `No project could be found with key '${idOrKey}'.`,
  );

/** The project, if the caller administers it (or Jira); else Jira's 404. */
function administeredProject(request: RouteRequest): SeedProject {
  const idOrKey = request.params.projectIdOrKey ?? '';
  const project = request.site.state.project(idOrKey);
  if (!project || !canBrowseProject(request.caller, project)) throw noProject(idOrKey);
  const admin =
    hasProjectPermission(request.caller, project, 'ADMINISTER_PROJECTS') ||
    hasGlobalPermission(request.caller, 'ADMINISTER');
  if (!admin) throw jiraError(404, `You do not have permission to view the roles of project ${project.key}.`);
  return project;
}

const roleSelf = (request: RouteRequest, project: SeedProject, role: SeedRole) =>
  `${request.site.baseUrl}/rest/api/3/project/${project.id}/role/${role.id}`;

const roleDetails: RouteHandler = (request) => {
  const project = administeredProject(request);
  return json(
    200,
    request.site.state.roles.map((role) => ({
      self: roleSelf(request, project, role),
      name: role.name,
      id: role.id,
      description: role.description,
      admin: false,
      default: role.name === 'Developers',
      roleConfigurable: true,
      translatedName: role.name,
    })),
  );
};

const role: RouteHandler = (request) => {
  const project = administeredProject(request);
  const idText = request.params.id ?? '';
  const found = /^\d+$/.test(idText)
    ? request.site.state.roles.find((r) => r.id === Number(idText))
    : undefined;
  if (!found) throw jiraError(404, `No project role with id '${idText}' exists.`);
  const { users, groups } = request.site.state;
  const excludeInactive = boolParam(request.query, 'excludeInactiveUsers', false);
  const actors = project.roleActors[String(found.id)] ?? { users: [], groups: [] };
  let actorId = found.id * 100;
  const list = [
    ...actors.users.flatMap((accountId) => {
      const u = users.get(accountId);
      if (!u || (excludeInactive && !u.active)) return [];
      return [
        {
          id: (actorId += 1),
          displayName: u.displayName,
          type: 'atlassian-user-role-actor',
          actorUser: { accountId: u.accountId },
        },
      ];
    }),
    ...actors.groups.flatMap((name) => {
      const g = groups.find((group) => group.name === name);
      if (!g) return [];
      return [
        {
          id: (actorId += 1),
          displayName: g.name,
          name: g.name,
          type: 'atlassian-group-role-actor',
          actorGroup: { displayName: g.name, name: g.name, groupId: g.groupId },
        },
      ];
    }),
  ].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return json(200, {
    self: roleSelf(request, project, found),
    name: found.name,
    id: found.id,
    description: found.description,
    actors: list,
  });
};

export const PROJECT_ROLE_ROUTES: ReadonlyArray<[string, string, RouteHandler]> = [
  ['GET', '/rest/api/3/project/{projectIdOrKey}/roledetails', roleDetails],
  ['GET', '/rest/api/3/project/{projectIdOrKey}/role/{id}', role],
];
