/**
 * HTTP plumbing for the site: Jira's error bodies, request bodies, query parameters, path templates and
 * writing replies. Handlers throw `HttpError` for any error answer; nothing else may escape a handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

export interface Reply {
  status: number;
  /** JSON-serialised; omitted for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JiraErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status}: ${[...body.errorMessages, ...Object.values(body.errors)].join('; ')}`);
  }
}

export function jiraError(
  status: number,
  messages: string | string[],
  errors: Record<string, string> = {},
): HttpError {
  return new HttpError(status, { errorMessages: Array.isArray(messages) ? messages : [messages], errors });
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const BOARD_NOT_FOUND = 'Board does not exist or you do not have permission to see it.';
export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

export function json(status: number, body: unknown): Reply {
  return { status, body };
}

export const NO_CONTENT: Reply = { status: 204 };

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw jiraError(413, 'The request body is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON of a request body; 400 with Jira's message when it is not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw jiraError(400, INVALID_PAYLOAD);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw jiraError(400, INVALID_PAYLOAD);
  }
}

// ------------------------------------------------------------------------------------------------ query

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw jiraError(400, `The value '${raw}' of the parameter '${name}' is not a number.`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value))
    throw jiraError(400, `The value '${raw}' of the parameter '${name}' is out of range.`);
  return value;
}

/** startAt ≥ 0; maxResults within (0, cap], with `fallback` for absent, 0 or negative (as Jira does). */
export function paging(
  query: URLSearchParams,
  cap: number,
  fallback: number,
): { startAt: number; maxResults: number } {
  const startAt = intParam(query, 'startAt', 0);
  if (startAt < 0) throw jiraError(400, `The parameter 'startAt' must not be negative.`);
  const requested = intParam(query, 'maxResults', fallback);
  return { startAt, maxResults: requested <= 0 ? fallback : Math.min(requested, cap) };
}

/** A list parameter given comma-separated, repeated, or both. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const all = query.getAll(name);
  if (all.length === 0) return undefined;
  return all
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw jiraError(400, `The value '${raw}' of the parameter '${name}' is not a boolean.`);
}

// ------------------------------------------------------------------------------------------------ routing

export interface PathMatch<T> {
  value: T;
  template: string;
  params: Record<string, string>;
}

interface Entry<T> {
  method: string;
  template: string;
  segments: Array<{ literal: string } | { param: string }>;
  value: T;
}

/** Path templates like `/rest/agile/1.0/board/{boardId}/backlog`; literal segments win over parameters. */
export class Routes<T> {
  private readonly entries: Array<Entry<T>> = [];

  add(method: string, template: string, value: T): this {
    const segments = template.split('/').map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m?.[1] ? { param: m[1] } : { literal: part };
    });
    this.entries.push({ method, template, segments, value });
    // literal segments first, so /issue/rank is never taken for /issue/{issueIdOrKey}
    this.entries.sort((a, b) => precedence(a).localeCompare(precedence(b)));
    return this;
  }

  /** The route for this method and path; `methodNotAllowed` when the path exists with other methods. */
  match(method: string, path: string): PathMatch<T> | { methodNotAllowed: string } | undefined {
    const parts = path.split('/');
    let otherMethod: string | undefined;
    for (const entry of this.entries) {
      if (entry.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = entry.segments.every((segment, i) => {
        const actual = parts[i] ?? '';
        if ('literal' in segment) return segment.literal === actual;
        if (actual === '') return false;
        try {
          params[segment.param] = decodeURIComponent(actual);
        } catch {
          return false;
        }
        return true;
      });
      if (!ok) continue;
      if (entry.method === method) return { value: entry.value, template: entry.template, params };
      otherMethod ??= entry.template;
    }
    return otherMethod === undefined ? undefined : { methodNotAllowed: otherMethod };
  }
}

function precedence(entry: Entry<unknown>): string {
  return entry.segments.map((s) => ('literal' in s ? 'L' : 'P')).join('');
}

// ------------------------------------------------------------------------------------------------ replies

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['Content-Type'] = 'application/json;charset=UTF-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers);
  res.end(text);
}

export function errorReply(error: HttpError): Reply {
  return { status: error.status, body: error.body, headers: error.headers };
}
