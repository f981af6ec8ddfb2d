import type { JiraPath } from './path';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraRequest {
  method: HttpMethod;
  path: JiraPath;
  /** Sent as JSON when present. */
  body?: unknown;
}

export interface JiraRawResponse {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** The response body as text ('' when empty). */
  text: string;
}

/**
 * How the client reaches Jira. Two implementations: Forge (`api.asUser()/asApp().requestJira`) and
 * HTTPS with an email and API token (CLI, local site). Transports do no retrying and no parsing.
 */
export interface JiraTransport {
  readonly description: string;
  send(request: JiraRequest): Promise<JiraRawResponse>;
}
