/**
 * Faults on demand: answer chosen requests with 429/5xx (429 with Retry-After and Jira's rate-limit
 * headers), add latency, and make chosen issues fail inside a 207 on rank calls.
 */
import { z } from 'zod';
import { jiraError, type HttpError } from './http';

const FaultRule = z
  .object({
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(['GET', 'POST', 'PUT', 'DELETE']))
      .optional(),
    /** A path template (`/rest/agile/1.0/board/{boardId}/backlog`) or a literal path. */
    path: z.string().startsWith('/').optional(),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]).optional(),
    retryAfter: z.number().nonnegative().optional(),
    /** How many requests the rule hits; 0 = every one. */
    times: z.number().int().nonnegative().default(1),
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
  })
  .strict()
  .refine(
    (r) => r.status !== undefined || r.latencyMs !== undefined,
    'a rule needs a status, a latencyMs, or both',
  );

export const FaultConfig = z
  .object({
    rules: z.array(FaultRule).default([]),
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
    rankFailures: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type FaultConfig = z.infer<typeof FaultConfig>;
type Rule = z.infer<typeof FaultRule> & { hits: number };

export interface FaultOutcome {
  latencyMs: number;
  error?: HttpError;
}

const MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable. Please try again later.',
};

function rateLimitReset(now: number, retryAfterSeconds: number): string {
  return new Date(now + retryAfterSeconds * 1000).toISOString().slice(0, 16) + 'Z';
}

export class Faults {
  private rules: Rule[] = [];
  private latencyMs = 0;
  private rankFailures = new Set<string>();

  /** Replaces the whole configuration. */
  configure(config: FaultConfig): void {
    this.rules = config.rules.map((r) => ({ ...r, hits: 0 }));
    this.latencyMs = config.latencyMs ?? 0;
    this.rankFailures = new Set(config.rankFailures.map((k) => k.toUpperCase()));
  }

  clear(): void {
    this.configure({ rules: [], rankFailures: [] });
  }

  describe(): Record<string, unknown> {
    return {
      rules: this.rules.map(({ hits, ...rule }) => ({
        ...rule,
        hits,
        remaining: rule.times === 0 ? null : Math.max(0, rule.times - hits),
      })),
      latencyMs: this.latencyMs,
      rankFailures: [...this.rankFailures],
    };
  }

  /** What happens to this request: added latency and, maybe, a fault answer. Consumes rule hits. */
  apply(method: string, template: string, path: string, now = Date.now()): FaultOutcome {
    let latencyMs = this.latencyMs;
    for (const rule of this.rules) {
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.path !== undefined && rule.path !== template && rule.path !== path) continue;
      if (rule.times !== 0 && rule.hits >= rule.times) continue;
      rule.hits++;
      latencyMs += rule.latencyMs ?? 0;
      if (rule.status === undefined) continue;
      const error = jiraError(rule.status, MESSAGES[rule.status] ?? 'Error.');
      if (rule.status === 429) {
        const retryAfter = rule.retryAfter ?? 1;
        Object.assign(error.headers, {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Limit': '100',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': rateLimitReset(now, retryAfter),
          'RateLimit-Reason': 'jira-burst-based',
        });
      } else if (rule.retryAfter !== undefined) {
        error.headers['Retry-After'] = String(rule.retryAfter);
      }
      return { latencyMs, error };
    }
    return { latencyMs };
  }

  /** Whether ranking this issue (by key or id) should fail with 503 inside a 207. */
  rankFails(key: string, id: string): boolean {
    return this.rankFailures.has(key.toUpperCase()) || this.rankFailures.has(id);
  }
}
