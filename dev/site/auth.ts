/**
 * Who is calling: HTTP Basic `email:apiToken` of a seed user, `X-Local-User: <accountId>`,
 * `X-Local-Actor: app` (the Forge app acting as itself), or nobody named at all: the seed's default user.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { jiraError, type HttpError } from './http';
import type { Caller } from './permissions';
import type { SiteState } from './state';

export const NOT_AUTHENTICATED = 'Client must be authenticated to access this resource.';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function authenticate(state: SiteState, headers: IncomingHttpHeaders): Caller | HttpError {
  const actor = header(headers, 'x-local-actor');
  if (actor !== undefined) {
    return actor.trim().toLowerCase() === 'app'
      ? { kind: 'app' }
      : jiraError(401, `${NOT_AUTHENTICATED} (X-Local-Actor must be 'app', not '${actor}')`);
  }
  const localUser = header(headers, 'x-local-user');
  if (localUser !== undefined) {
    const user = state.users.get(localUser.trim());
    if (!user || !user.active) return jiraError(401, `${NOT_AUTHENTICATED} (no active user '${localUser}')`);
    return { kind: 'user', user };
  }
  const authorization = header(headers, 'authorization');
  if (authorization !== undefined) {
    const basic = /^Basic\s+(\S+)$/i.exec(authorization.trim());
    if (!basic) return jiraError(401, NOT_AUTHENTICATED);
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const email = colon < 0 ? decoded : decoded.slice(0, colon);
    const token = colon < 0 ? '' : decoded.slice(colon + 1);
    const user = state.usersByEmail.get(email.toLowerCase());
    if (!user || !user.active || user.apiToken !== token) return jiraError(401, NOT_AUTHENTICATED);
    return { kind: 'user', user };
  }
  const fallback = state.users.get(state.defaultUser);
  return fallback ? { kind: 'user', user: fallback } : jiraError(401, NOT_AUTHENTICATED);
}
