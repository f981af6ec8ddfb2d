/**
 * Project properties (`/rest/api/3/project/{projectIdOrKey}/properties[/{propertyKey}]`), with Jira's rules:
 * reading needs Browse Projects (a project the caller cannot browse is 404, as if it did not exist);
 * writing and deleting need Administer Projects (403; the app acting as itself may); a value is non-empty
 * JSON of at most 32,768 bytes (400); PUT answers 201 when it creates the property, 200 when it replaces it.
 */
import type { RouteHandler, RouteRequest } from '../context';
import { jiraError, json, NO_CONTENT } from '../http';
import { canBrowseProject, hasProjectPermission } from '../permissions';
import type { SeedProject } from '../seed-schema';

export const MAX_PROJECT_PROPERTY_BYTES = 32_768;

/** The project, if the caller may browse it; else Jira's 404. */
function visibleProject(request: RouteRequest): SeedProject {
  const idOrKey = request.params.projectIdOrKey ?? '';
  const project = request.site.state.project(idOrKey);
  if (!project || !canBrowseProject(request.caller, project)) {
    throw jiraError(
      404,
      /^\d+$/.test(idOrKey)
        ? `No project could be found with id '${idOrKey}'.`
        : `No project could be found with key '${idOrKey}'.`,
    );
  }
  return project;
}

function propertiesOf(request: RouteRequest, project: SeedProject): Map<string, unknown> {
  const all = request.site.state.projectProperties;
  let properties = all.get(project.key);
  if (!properties) {
    properties = new Map();
    all.set(project.key, properties);
  }
  return properties;
}

function propertyKey(request: RouteRequest): string {
  const key = request.params.propertyKey ?? '';
  if (key.length > 255) throw jiraError(400, 'The property key cannot be longer than 255 characters.');
  return key;
}

function requireAdmin(request: RouteRequest, project: SeedProject): void {
  if (!hasProjectPermission(request.caller, project, 'ADMINISTER_PROJECTS'))
    throw jiraError(403, `You do not have permission to administer project ${project.key}.`);
}

const selfOf = (request: RouteRequest, project: SeedProject, key: string) =>
  `${request.site.baseUrl}/rest/api/3/project/${project.id}/properties/${encodeURIComponent(key)}`;

const keys: RouteHandler = (request) => {
  const project = visibleProject(request);
  return json(200, {
    keys: [...propertiesOf(request, project).keys()].map((key) => ({
      key,
      self: selfOf(request, project, key),
    })),
  });
};

const get: RouteHandler = (request) => {
  const project = visibleProject(request);
  const key = propertyKey(request);
  const properties = propertiesOf(request, project);
  if (!properties.has(key)) throw jiraError(404, `The property with key '${key}' does not exist.`);
  return json(200, { key, value: properties.get(key) });
};

const put: RouteHandler = async (request) => {
  const project = visibleProject(request);
  const key = propertyKey(request);
  requireAdmin(request, project);
  const value = await request.body();
  const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
  if (value === undefined || size > MAX_PROJECT_PROPERTY_BYTES)
    throw jiraError(
      400,
      `The property value is too long: it has ${size} characters and at most ${MAX_PROJECT_PROPERTY_BYTES} are allowed.`,
    );
  const properties = propertiesOf(request, project);
  const created = !properties.has(key);
  properties.set(key, value);
  request.site.state.touch();
  return { status: created ? 201 : 200 };
};

const remove: RouteHandler = (request) => {
  const project = visibleProject(request);
  const key = propertyKey(request);
  requireAdmin(request, project);
  if (!propertiesOf(request, project).delete(key))
    throw jiraError(404, `The property with key '${key}' does not exist.`);
  request.site.state.touch();
  return NO_CONTENT;
};

export const PROJECT_PROPERTY_ROUTES: ReadonlyArray<[string, string, RouteHandler]> = [
  ['GET', '/rest/api/3/project/{projectIdOrKey}/properties', keys],
  ['GET', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}', get],
  ['PUT', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}', put],
  ['DELETE', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}', remove],
];
