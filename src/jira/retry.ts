import { errorForStatus, JiraRateLimitedError, parseErrorBody } from './errors';
import type { JiraRawResponse, JiraRequest, JiraTransport } from './transport';

/** Bounds on retrying 429 and 503 answers. Nothing else is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry starts later than this many ms after the first attempt. */
  maxTotalMs: number;
  /** Backoff when Jira gives no Retry-After: base × 2^(attempt-1), jittered, capped. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  maxTotalMs: 15_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const RETRYABLE = new Set([429, 503]);

/** Retry-After in ms: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Sends, retrying 429 and 503 per Retry-After (or jittered exponential backoff), within the policy's
 * attempts and total time. Returns the last response for any other status, for the caller to judge.
 */
export async function sendWithRetry(
  transport: JiraTransport,
  request: JiraRequest,
  policy: RetryPolicy = DEFAULT_RETRY,
  clock: Clock = realClock,
  random: () => number = Math.random,
): Promise<JiraRawResponse> {
  const started = clock.now();
  for (let attempt = 1; ; attempt++) {
    const response = await transport.send(request);
    if (!RETRYABLE.has(response.status)) return response;
    const retryAfter = parseRetryAfter(response.headers['retry-after'], clock.now());
    const delay = retryAfter ?? backoffDelay(attempt, policy, random);
    const elapsed = clock.now() - started;
    if (attempt >= policy.maxAttempts || elapsed + delay > policy.maxTotalMs) {
      const { method } = request;
      const path = request.path.value;
      if (response.status !== 429) throw errorForStatus(response.status, method, path, response.text);
      const body = parseErrorBody(response.text);
      throw new JiraRateLimitedError(
        `${method} ${path.split('?')[0]} answered ${response.status} ${attempt} time(s); gave up after ${elapsed} ms` +
          (retryAfter !== undefined ? ` (Jira asked to wait ${retryAfter} ms more)` : ''),
        response.status,
        method,
        path,
        body,
        retryAfter,
        attempt,
      );
    }
    await clock.sleep(delay);
  }
}
