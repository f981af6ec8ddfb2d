/**
 * Async events: the REAL @forge/events Queue pushes to the local queue, which runs the manifest's
 * consumers in-process (asynchronously, as the app, with a 900 s budget) and retries like Forge.
 */
import { getAppContext } from '@forge/api';
import {
  InternalServerError,
  InvocationError,
  InvocationErrorCode,
  JobDoesNotExistError,
  Queue,
  TooManyEventsError,
} from '@forge/events';
import { kvs } from '@forge/kvs';
import { EventQueues, MAX_RETRIES, type ForgeHandler } from '../../../dev/harness/events';
import { currentInvocation, installForgeRuntime } from '../../../dev/harness/forge-runtime';
import { parseManifest } from '../../../dev/harness/manifest';
import { testForgeEnvironment } from '../../support/forge-runtime';

const MANIFEST = `
modules:
  consumer:
    - key: rank-consumer
      queue: rank-queue
      function: consume
    - key: legacy-consumer
      queue: legacy-queue
      resolver:
        function: legacy
        method: event-listener
  function:
    - key: consume
      handler: jobs.consume
    - key: legacy
      handler: jobs.legacy
`;

interface Seen {
  event: Record<string, unknown>;
  remainingMs: number;
  accountId: string | undefined;
  moduleKey: string | undefined;
}

let seen: Seen[];
let consume: (event: Record<string, unknown>) => Promise<unknown>;
let events: EventQueues;

const record = (event: unknown) => {
  seen.push({
    event: event as Record<string, unknown>,
    remainingMs: getAppContext().invocationRemainingTimeInMillis(),
    accountId: currentInvocation()?.accountId,
    moduleKey: getAppContext().moduleKey,
  });
};

function setup(options: { consumerTimeoutMs?: number } = {}) {
  seen = [];
  consume = async () => undefined;
  const manifest = parseManifest(MANIFEST);
  const env = testForgeEnvironment();
  const handlers: Record<string, ForgeHandler> = {
    consume: async (event) => {
      record(event);
      return consume(event as Record<string, unknown>);
    },
    legacy: async (event) => {
      record(event);
      return undefined;
    },
  };
  events = new EventQueues({
    consumers: manifest.consumers,
    loadFunction: (key) => handlers[key] as ForgeHandler,
    env,
    delayScale: 0.001,
    ...(options.consumerTimeoutMs ? { consumerTimeoutMs: options.consumerTimeoutMs } : {}),
  });
  env.queue = (path, body) => events.handle(path, body);
  installForgeRuntime(env);
}

beforeEach(() => setup());
afterEach(() => events.close());

it('runs each pushed event later, in its own invocation as the app, with a 900 s budget', async () => {
  consume = async (event) => {
    await kvs.set(`done:${String((event.body as { n: number }).n)}`, true);
  };
  const queue = new Queue({ key: 'rank-queue' });
  const { jobId } = await queue.push([
    { body: { n: 1 } },
    { body: { n: 2 } },
    { body: { n: 3 }, delayInSeconds: 5 },
  ]);
  expect(seen).toHaveLength(0); // asynchronous: nothing ran during push
  await events.idle();
  expect(await queue.getJob(jobId).getStats()).toEqual({ success: 3, inProgress: 0, failed: 0 });
  expect(seen.map((s) => (s.event.body as { n: number }).n).sort()).toEqual([1, 2, 3]);
  for (const s of seen) {
    expect(s.event).toMatchObject({ queueName: 'rank-queue', jobId, eventId: expect.any(String) });
    expect(s.remainingMs).toBeGreaterThan(25_000);
    expect(s.remainingMs).toBeLessThanOrEqual(900_000);
    expect(s.accountId).toBeUndefined();
    expect(s.moduleKey).toBe('rank-consumer');
  }
  expect(await kvs.get('done:3')).toBe(true);
});

it('retries an event whose consumer returns an InvocationError, with the retry context', async () => {
  consume = async (event) => {
    if (!event.retryContext)
      return new InvocationError({
        retryAfter: 30,
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
        retryData: { page: 2 },
      });
    return undefined;
  };
  const queue = new Queue({ key: 'rank-queue' });
  const { jobId } = await queue.push({ body: { n: 1 } });
  await events.idle();
  expect(seen).toHaveLength(2);
  expect(seen[1]?.event.retryContext).toEqual({
    retryCount: 1,
    retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
    retryData: { page: 2 },
  });
  expect(await queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
});

it(`gives up after ${MAX_RETRIES} retries, and never retries a consumer that throws`, async () => {
  consume = async () => new InvocationError();
  const queue = new Queue({ key: 'rank-queue' });
  const { jobId } = await queue.push({ body: { n: 1 } });
  await events.idle();
  expect(seen).toHaveLength(1 + MAX_RETRIES);
  expect(await queue.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });

  seen = [];
  consume = async () => {
    throw new Error('boom');
  };
  const second = await queue.push({ body: { n: 2 } });
  await events.idle();
  expect(seen).toHaveLength(1);
  expect(await queue.getStats(second.jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });
});

it('retries a consumer that runs out of time with FUNCTION_TIME_OUT', async () => {
  events.close();
  setup({ consumerTimeoutMs: 50 });
  consume = async (event) => {
    if (!event.retryContext) await new Promise((resolve) => setTimeout(resolve, 200));
    return undefined;
  };
  const queue = new Queue({ key: 'rank-queue' });
  const { jobId } = await queue.push({ body: { n: 1 } });
  await events.idle();
  expect(seen[1]?.event.retryContext).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' });
  expect(await queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
});

it('calls a resolver-style consumer (events v1) with the body as payload and the job id', async () => {
  const queue = new Queue({ key: 'legacy-queue' });
  const { jobId } = await queue.push({ body: { hello: 'world' } });
  await events.idle();
  expect(seen[0]?.event).toMatchObject({
    call: { functionKey: 'event-listener', payload: { hello: 'world' }, jobId },
  });
});

it('cancels the events of a job that have not started', async () => {
  const queue = new Queue({ key: 'rank-queue' });
  const { jobId } = await queue.push({ body: { n: 1 }, delayInSeconds: 100 });
  await queue.cancel(jobId);
  await events.idle();
  expect(seen).toHaveLength(0);
  expect(await queue.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 0 });
});

it("answers Forge's errors: unknown job, queue without consumer, too many events", async () => {
  await expect(new Queue({ key: 'rank-queue' }).getStats('no-such-job')).rejects.toBeInstanceOf(
    JobDoesNotExistError,
  );
  await expect(new Queue({ key: 'nobody-listens' }).push({ body: {} })).rejects.toThrow(InternalServerError);
  await expect(new Queue({ key: 'nobody-listens' }).push({ body: {} })).rejects.toThrow(
    /No consumer module for queue nobody-listens/,
  );
  const many = Array.from({ length: 51 }, (_, n) => ({ body: { n } }));
  await expect(new Queue({ key: 'rank-queue' }).push(many)).rejects.toBeInstanceOf(TooManyEventsError);
});
