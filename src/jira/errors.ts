/** Typed errors for what Jira answers. Every one carries Jira's own messages when it sent any. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

export class JiraError extends Error {
  override readonly name: string = 'JiraError';
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: JiraErrorBody = { errorMessages: [], errors: {} },
  ) {
    super(message);
  }
  /** Jira's messages in one line, or '' when it sent none. */
  get jiraMessages(): string {
    return [
      ...this.body.errorMessages,
      ...Object.entries(this.body.errors).map(([k, v]) => `${k}: ${v}`),
    ].join('; ');
  }
}

/** 401: not logged in, or the token is wrong. */
export class JiraUnauthorizedError extends JiraError {
  override readonly name = 'JiraUnauthorizedError';
}
/** 403: logged in, but Jira does not allow it. */
export class JiraForbiddenError extends JiraError {
  override readonly name = 'JiraForbiddenError';
}
/** 404: does not exist, or the caller may not see it (Jira does not say which). */
export class JiraNotFoundError extends JiraError {
  override readonly name = 'JiraNotFoundError';
}
/** 400: Jira refused the input; `body` says why. */
export class JiraValidationError extends JiraError {
  override readonly name = 'JiraValidationError';
}
/** 429 (or 503) still answered after the retry budget was spent. */
export class JiraRateLimitedError extends JiraError {
  override readonly name = 'JiraRateLimitedError';
  constructor(
    message: string,
    status: number,
    method: string,
    path: string,
    body: JiraErrorBody,
    /** What Jira asked us to wait, in ms, if it said. */
    readonly retryAfterMs: number | undefined,
    readonly attempts: number,
  ) {
    super(message, status, method, path, body);
  }
}
/** Any other 5xx, or another unexpected status. */
export class JiraServerError extends JiraError {
  override readonly name = 'JiraServerError';
}
/** Jira answered 2xx with a body that is not what its API documents. */
export class JiraUnexpectedResponseError extends JiraError {
  override readonly name = 'JiraUnexpectedResponseError';
}

export function parseErrorBody(text: string): JiraErrorBody {
  const empty: JiraErrorBody = { errorMessages: [], errors: {} };
  if (!text) return empty;
  try {
    const json = JSON.parse(text) as unknown;
    if (!json || typeof json !== 'object') return empty;
    const { errorMessages, errors, message } = json as Record<string, unknown>;
    const messages = Array.isArray(errorMessages)
      ? errorMessages.filter((m): m is string => typeof m === 'string')
      : [];
    if (typeof message === 'string' && messages.length === 0) messages.push(message);
    const fieldErrors: Record<string, string> = {};
    if (errors && typeof errors === 'object') {
      for (const [k, v] of Object.entries(errors)) if (typeof v === 'string') fieldErrors[k] = v;
    }
    return { errorMessages: messages, errors: fieldErrors };
  } catch {
    return { errorMessages: [text.slice(0, 200)], errors: {} };
  }
}

export function errorForStatus(status: number, method: string, path: string, text: string): JiraError {
  const body = parseErrorBody(text);
  const detail = [...body.errorMessages, ...Object.entries(body.errors).map(([k, v]) => `${k}: ${v}`)].join(
    '; ',
  );
  const what = `${method} ${path.split('?')[0]} answered ${status}`;
  const message = detail ? `${what}: ${detail}` : what;
  switch (status) {
    case 400:
      return new JiraValidationError(message, status, method, path, body);
    case 401:
      return new JiraUnauthorizedError(message, status, method, path, body);
    case 403:
      return new JiraForbiddenError(message, status, method, path, body);
    case 404:
      return new JiraNotFoundError(message, status, method, path, body);
    default:
      return new JiraServerError(message, status, method, path, body);
  }
}

/**
 * Worth another try later (a job's retry): Jira still rate-limiting or failing after the client's own
 * retries, or the network dropping the request.
 */
export function isTransientJiraError(error: unknown): boolean {
  if (error instanceof JiraRateLimitedError || error instanceof JiraServerError) return true;
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name === 'TypeError' && /fetch failed/.test(String(e.message));
}
