import { jiraPath, query } from './path';
import type { JiraRequester } from './request';
import { JiraPermissions } from './schemas';

/** Where a permission is asked about: a project or an issue (by key or id), or nowhere (global). */
export interface PermissionScope {
  projectKey?: string;
  projectId?: string;
  issueKey?: string;
  issueId?: string;
}

/**
 * `GET /rest/api/3/mypermissions`: whether the caller holds each permission, in a project or on an
 * issue (or globally when no scope is given).
 */
export async function myPermissions(
  r: JiraRequester,
  scope: PermissionScope,
  permissions: readonly string[],
): Promise<Record<string, boolean>> {
  if (permissions.length === 0) throw new RangeError('myPermissions needs at least one permission key');
  const q = query({ ...scope, permissions: permissions.join(',') });
  const body = await r.json('GET', jiraPath`/rest/api/3/mypermissions?${q}`, JiraPermissions);
  return Object.fromEntries(permissions.map((key) => [key, body.permissions[key]?.havePermission === true]));
}
