import { ZodError } from 'zod';
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraUnauthorizedError,
  JiraValidationError,
} from '../jira/errors';

export type ErrorCode =
  | 'invalid-payload'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'jira-refused'
  | 'jira-error'
  | 'conflict'
  | 'internal';

export interface ResolverError {
  code: ErrorCode;
  /** One clear sentence for the person using the app. */
  message: string;
  /** Jira's own messages, or the invalid payload fields. */
  details?: string[];
}

/** Every resolver answers this: the UI never sees a raw exception. */
export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** An error a resolver raises on purpose, with the code and message the user should see. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

export function toResolverError(error: unknown): ResolverError {
  if (error instanceof AppError)
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  if (error instanceof ZodError) {
    return {
      code: 'invalid-payload',
      message: 'The request was not valid.',
      details: error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`),
    };
  }
  if (error instanceof JiraError) {
    const details = error.jiraMessages ? [error.jiraMessages] : undefined;
    const withDetails = (code: ErrorCode, message: string): ResolverError => ({
      code,
      message,
      ...(details ? { details } : {}),
    });
    if (error instanceof JiraUnauthorizedError)
      return withDetails('unauthorized', 'Jira did not accept the login.');
    if (error instanceof JiraForbiddenError)
      return withDetails('forbidden', 'Jira does not allow you to do this.');
    if (error instanceof JiraNotFoundError)
      return withDetails('not-found', 'Jira could not find it, or you cannot see it.');
    if (error instanceof JiraRateLimitedError)
      return withDetails('rate-limited', 'Jira is busy (rate limited). Try again in a minute.');
    if (error instanceof JiraValidationError) return withDetails('jira-refused', 'Jira refused the request.');
    return withDetails('jira-error', `Jira answered with an error (${error.status}).`);
  }
  if (error instanceof RangeError) return { code: 'invalid-payload', message: error.message };
  return {
    code: 'internal',
    message: 'Something went wrong in ValueRank. Try again; if it persists, tell your admin.',
  };
}

/** One line (≤ 2,000 characters) for a job's record: an AppError's message, or the error with its details. */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const r = toResolverError(error);
  return (r.details?.length ? `${r.message} ${r.details.join('; ')}` : r.message).slice(0, 2000);
}
