import api, { route } from '@forge/api';
import type { JiraRawResponse, JiraRequest, JiraTransport } from './transport';

/**
 * Jira through Forge's product fetch. `user` acts as the person who triggered the call (Jira checks
 * their rights); `app` acts as the app, for triggers and jobs that no user started.
 */
export function forgeTransport(actor: 'user' | 'app'): JiraTransport {
  return {
    description: `Forge requestJira as ${actor}`,
    async send(request: JiraRequest): Promise<JiraRawResponse> {
      const { template, params } = request.path;
      const path = route(
        Object.assign([...template], { raw: [...template] }) as TemplateStringsArray,
        ...(params as Array<string | number | URLSearchParams>),
      );
      const requester = actor === 'user' ? api.asUser() : api.asApp();
      const hasBody = request.body !== undefined;
      const response = await requester.requestJira(path, {
        method: request.method,
        headers: hasBody
          ? { Accept: 'application/json', 'Content-Type': 'application/json' }
          : { Accept: 'application/json' },
        ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, text: await response.text() };
    },
  };
}
