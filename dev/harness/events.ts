/**
 * Forge async events, emulated in-process: answers the stargate calls the REAL @forge/events makes
 * (`POST /webhook/queue/{publish,stats,cancel}/{contextAri}/{environmentId}/{appId}/{appVersion}`, bodies
 * as in @forge/events 3's out/queue.js and out/jobProgress.js) and runs the manifest's `consumer` modules.
 *
 * - publish → 201; every event then runs asynchronously (after `delayInSeconds`), one invocation each, with
 *   a 900 s budget (`getRemainingTimeInMillis`), in the context of the user whose invocation pushed it
 *   (as Forge does: `asUser()` in the consumer acts as them; `principal` names them); an event pushed
 *   outside any user's invocation (a trigger, another consumer of the app) runs as the app, with no user.
 * - A consumer declared `function: key` gets the AsyncEvent `{ body, queueName, jobId, eventId,
 *   retryContext? }` (events v2); one declared `resolver: { function, method }` gets a resolver call
 *   `{ call: { functionKey: method, payload: body, jobId }, context }` (events v1).
 * - Retries as Forge does: a consumer that returns an InvocationError (`{ _retry: true, retryOptions }`)
 *   or a QueueResponse with `retry()` runs again after `retryAfter` seconds with `retryContext`
 *   `{ retryCount, retryReason, retryData }`, at most 4 retries; a consumer that runs past its budget is
 *   retried with reason FUNCTION_TIME_OUT. A consumer that throws fails the event (no retry).
 * - stats → `{ success, inProgress, failed }` (404 for an unknown job → JobDoesNotExistError);
 *   cancel → 204, and the job's events that have not started yet never run.
 * - A push larger than {@link EVENT_PAYLOAD_LIMIT_BYTES} (200 KB of JSON) is refused with Forge's 413
 *   (`PayloadTooBigError` in @forge/events), like @forge/events' own check before it sends.
 * `delayScale` shrinks every delay (delayInSeconds, retryAfter) for tests.
 */
import { randomUUID } from 'node:crypto';
import {
  CONSUMER_TIMEOUT_MS,
  EVENT_PAYLOAD_LIMIT_BYTES,
  currentInvocation,
  newInvocation,
  runInInvocation,
  type ForgeEnvironment,
} from './forge-runtime';
import type { ConsumerDef } from './manifest';

export const MAX_RETRIES = 4;
export const MAX_RETRY_AFTER_SECONDS = 900;

export type ForgeHandler = (event: unknown, context?: unknown) => unknown;

type EventState = 'pending' | 'running' | 'success' | 'failed' | 'cancelled';

interface QueuedEvent {
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: unknown;
  state: EventState;
  attempts: number;
  error?: string;
}

export interface Job {
  jobId: string;
  queueName: string;
  events: QueuedEvent[];
  /** The user whose invocation pushed the events; their consumers run as them. */
  accountId?: string;
}

export interface EventQueueOptions {
  consumers: ConsumerDef[];
  loadFunction: (functionKey: string) => ForgeHandler;
  env: ForgeEnvironment;
  /** Multiplies every delay (1 = real seconds; 0.001 in tests). */
  delayScale?: number;
  /** The consumer's budget in ms (Forge: 900 s). */
  consumerTimeoutMs?: number;
  log?: (line: string) => void;
}

interface RetryAnswer {
  _retry?: boolean;
  retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown };
}

export class EventQueues {
  readonly jobs = new Map<string, Job>();
  private active = 0;
  private waiters: Array<() => void> = [];
  private closed = false;
  private timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: EventQueueOptions) {}

  /** The stargate endpoint @forge/events posts to. */
  async handle(urlPath: string, body: unknown): Promise<{ status: number; body?: unknown }> {
    const b = (body ?? {}) as Record<string, unknown>;
    if (urlPath.startsWith('/webhook/queue/publish/')) return this.publish(b);
    const job = this.jobs.get(String(b.jobId));
    if (urlPath.startsWith('/webhook/queue/stats/')) {
      if (!job || job.queueName !== b.queueName) return { status: 404, body: { message: 'Job not found' } };
      return { status: 200, body: this.stats(job) };
    }
    if (urlPath.startsWith('/webhook/queue/cancel/')) {
      if (!job || job.queueName !== b.queueName) return { status: 404, body: { message: 'Job not found' } };
      for (const e of job.events) if (e.state === 'pending') e.state = 'cancelled';
      this.settle();
      return { status: 204 };
    }
    return { status: 404, body: { message: `No queue API at ${urlPath}` } };
  }

  stats(job: Job): { success: number; inProgress: number; failed: number } {
    const count = (...states: EventState[]) => job.events.filter((e) => states.includes(e.state)).length;
    return { success: count('success'), inProgress: count('pending', 'running'), failed: count('failed') };
  }

  /** True when no event is waiting or running. */
  isIdle(): boolean {
    return this.busy() === 0;
  }

  /** Resolves when no event is waiting or running. */
  idle(): Promise<void> {
    if (this.busy() === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private busy(): number {
    let n = 0;
    for (const job of this.jobs.values())
      n += job.events.filter((e) => e.state === 'pending' || e.state === 'running').length;
    return n + this.active;
  }

  private settle(): void {
    if (this.busy() > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private publish(b: Record<string, unknown>): { status: number; body?: unknown } {
    const queueName = String(b.queueName ?? '');
    const consumer = this.options.consumers.find((c) => c.queue === queueName);
    if (!consumer)
      return {
        status: 400,
        body: {
          message: `No consumer module for queue ${queueName} in manifest.yml`,
          code: 'QUEUE_NOT_FOUND',
        },
      };
    const jobId = typeof b.jobId === 'string' ? b.jobId : randomUUID();
    const payload = Array.isArray(b.payload) ? (b.payload as Array<Record<string, unknown>>) : [];
    const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
    if (bytes > EVENT_PAYLOAD_LIMIT_BYTES) {
      const errorMessage = `The events pushed to ${queueName} are ${bytes} bytes; Forge accepts at most ${EVENT_PAYLOAD_LIMIT_BYTES} (200 KB).`;
      this.options.log?.(errorMessage);
      return { status: 413, body: { errorMessage } };
    }
    const accountId = currentInvocation()?.accountId;
    const job: Job = {
      jobId,
      queueName,
      ...(accountId ? { accountId } : {}),
      events: payload.map((e) => ({
        eventId: randomUUID(),
        body: (e.body ?? {}) as Record<string, unknown>,
        ...(typeof e.delayInSeconds === 'number' ? { delayInSeconds: e.delayInSeconds } : {}),
        ...(e.concurrency !== undefined ? { concurrency: e.concurrency } : {}),
        state: 'pending' as const,
        attempts: 0,
      })),
    };
    this.jobs.set(jobId, job);
    for (const event of job.events)
      this.schedule(consumer, job, event, (event.delayInSeconds ?? 0) * 1000, undefined);
    return { status: 201, body: {} };
  }

  private schedule(
    consumer: ConsumerDef,
    job: Job,
    event: QueuedEvent,
    delayMs: number,
    retryContext: unknown,
  ) {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.run(consumer, job, event, retryContext);
      },
      delayMs * (this.options.delayScale ?? 1),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private async run(
    consumer: ConsumerDef,
    job: Job,
    event: QueuedEvent,
    retryContext: unknown,
  ): Promise<void> {
    if (this.closed || event.state !== 'pending') return this.settle();
    event.state = 'running';
    event.attempts += 1;
    this.active += 1;
    const env = this.options.env;
    const contextAri = `ari:cloud:jira::site/${env.cloudId}`;
    const timeoutMs = this.options.consumerTimeoutMs ?? CONSUMER_TIMEOUT_MS;
    let outcome: { kind: 'done'; value: unknown } | { kind: 'timeout' } | { kind: 'error'; error: unknown };
    try {
      const handler = this.options.loadFunction(consumer.functionKey);
      const asyncEvent = {
        body: event.body,
        queueName: job.queueName,
        jobId: job.jobId,
        eventId: event.eventId,
        contextAri,
        ...(event.delayInSeconds !== undefined ? { delayInSeconds: event.delayInSeconds } : {}),
        ...(event.concurrency !== undefined ? { concurrency: event.concurrency } : {}),
        ...(retryContext ? { retryContext } : {}),
      };
      const accountId = job.accountId;
      const runtimePayload = {
        installContext: contextAri,
        contextAri,
        principal: accountId ? { accountId } : undefined,
      };
      const call = consumer.resolverMethod
        ? () =>
            handler(
              {
                call: {
                  functionKey: consumer.resolverMethod,
                  payload: { ...event.body, ...(retryContext ? { retryContext } : {}) },
                  jobId: job.jobId,
                },
                context: {
                  cloudId: env.cloudId,
                  moduleKey: consumer.key,
                  ...(accountId ? { accountId } : {}),
                },
              },
              runtimePayload,
            )
        : () => handler(asyncEvent, runtimePayload);
      const invocation = newInvocation(env, { accountId, moduleKey: consumer.key, timeoutMs });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<{ kind: 'timeout' }>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
        timer.unref();
      });
      outcome = await Promise.race([
        runInInvocation(invocation, async () => ({ kind: 'done' as const, value: await call() })),
        timeout,
      ]);
      clearTimeout(timer);
    } catch (error) {
      outcome = { kind: 'error', error };
    }
    this.active -= 1;

    const retry = (reason: string, after: number, data: unknown) => {
      if (event.attempts > MAX_RETRIES) {
        event.state = 'failed';
        event.error = `gave up after ${MAX_RETRIES} retries (${reason})`;
        return;
      }
      event.state = 'pending';
      const context = { retryCount: event.attempts, retryReason: reason, retryData: data };
      const seconds = Math.min(Math.max(after, 1), MAX_RETRY_AFTER_SECONDS);
      this.schedule(consumer, job, event, seconds * 1000, context);
    };
    if (outcome.kind === 'timeout') {
      this.options.log?.(`consumer ${consumer.key} timed out after ${timeoutMs} ms (event ${event.eventId})`);
      retry('FUNCTION_TIME_OUT', 1, undefined);
    } else if (outcome.kind === 'error') {
      event.state = 'failed';
      event.error = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      this.options.log?.(`consumer ${consumer.key} threw: ${event.error}`);
    } else {
      const answer = outcome.value as RetryAnswer | undefined;
      if (answer && typeof answer === 'object' && answer._retry === true) {
        const o = answer.retryOptions ?? {};
        retry(o.retryReason ?? 'FUNCTION_RETRY_REQUEST', o.retryAfter ?? 1, o.retryData);
      } else event.state = 'success';
    }
    this.settle();
  }
}
