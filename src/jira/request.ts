import type { z } from 'zod';
import { errorForStatus, JiraUnexpectedResponseError, type JiraError } from './errors';
import type { JiraPath } from './path';
import { sendWithRetry, type Clock, type RetryPolicy } from './retry';
import type { HttpMethod, JiraRawResponse, JiraTransport } from './transport';

/** How the resource modules reach Jira: every request retried on 429/503, every non-2xx answer a typed error. */
export interface JiraRequester {
  /** Sends with retries on 429/503, and turns any non-2xx answer into a typed error. */
  send(method: HttpMethod, path: JiraPath, body?: unknown): Promise<JiraRawResponse>;
  /** Sends, then checks the JSON answer against `schema`. */
  json<S extends z.ZodTypeAny>(
    method: HttpMethod,
    path: JiraPath,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>>;
}

/** A requester on one transport, retrying per `retry` (waits on `clock`, jitter from `random`). */
export function jiraRequester(
  transport: JiraTransport,
  retry: RetryPolicy,
  clock: Clock,
  random: () => number,
): JiraRequester {
  const send = async (method: HttpMethod, path: JiraPath, body?: unknown): Promise<JiraRawResponse> => {
    const request = body === undefined ? { method, path } : { method, path, body };
    const response = await sendWithRetry(transport, request, retry, clock, random);
    if (response.status < 200 || response.status >= 300) throw unexpectedStatus(response, method, path);
    return response;
  };
  return {
    send,
    async json(method, path, schema, body) {
      const response = await send(method, path, body);
      return parseAnswer(response, method, path, schema);
    },
  };
}

/** The JSON body of an answer checked against `schema`; a body that is not JSON or does not fit is a {@link JiraUnexpectedResponseError}. */
export function parseAnswer<S extends z.ZodTypeAny>(
  response: JiraRawResponse,
  method: string,
  path: JiraPath,
  schema: S,
): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.text) as unknown;
  } catch {
    throw new JiraUnexpectedResponseError(
      `${method} ${templateOf(path)} answered ${response.status} with a body that is not JSON`,
      response.status,
      method,
      path.value,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
    throw new JiraUnexpectedResponseError(
      `${method} ${templateOf(path)} answered ${response.status} with an unexpected body at ${where}: ${issue?.message ?? 'invalid'}`,
      response.status,
      method,
      path.value,
    );
  }
  return result.data;
}

/** The typed error for an answer whose status the caller did not expect. */
export function unexpectedStatus(response: JiraRawResponse, method: string, path: JiraPath): JiraError {
  return errorForStatus(response.status, method, path.value, response.text);
}

/** A Jira id (a positive safe integer), or a RangeError. */
export function checkId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`Not a Jira id: ${String(id)}`);
  return id;
}

/** The path without its query, its parameters shown as `{0}`, `{1}`… (errors name the endpoint, not the data). */
function templateOf(path: JiraPath): string {
  return (
    path.template
      .map((part, i) => (i < path.params.length ? `${part}{${i}}` : part))
      .join('')
      .split('?')[0] ?? ''
  );
}
