/**
 * Issue 15, finding 5: the harness enforces Forge's payload limits, so a test that breaches one fails with a
 * message naming the limit: a resolver's payload (Forge: 5 MB) and answer (the project's rule: 1 MB), one push of async events (200 KB;
 * @forge/events checks before sending, and the harness refuses it too when a client skips that check).
 */
import { PayloadTooBigError, Queue } from '@forge/events';
import { EventQueues } from '../../../dev/harness/events';
import {
  EVENT_PAYLOAD_LIMIT_BYTES,
  INVOCATION_PAYLOAD_LIMIT_BYTES,
  installForgeRuntime,
  RESOLVER_ANSWER_LIMIT_BYTES,
} from '../../../dev/harness/forge-runtime';
import { Invoker } from '../../../dev/harness/invoke';
import { loadManifest } from '../../../dev/harness/manifest';
import { testForgeEnvironment } from '../../support/forge-runtime';

const manifest = loadManifest();
const resolverKey = manifest.uiModules.find((m) => m.resolverFunction)?.resolverFunction as string;

function invokerAnswering(answer: unknown, answerLimitBytes?: number): Invoker {
  return new Invoker({
    manifest,
    env: testForgeEnvironment(),
    overrides: { [resolverKey]: async () => answer },
    ...(answerLimitBytes ? { answerLimitBytes } : {}),
    log: () => undefined,
  });
}

describe('resolver payloads and answers', () => {
  it('payloads: Forge limit, 5 MB; answers: the project rule, 1 MB', () => {
    expect(INVOCATION_PAYLOAD_LIMIT_BYTES).toBe(5 * 1024 * 1024);
    expect(RESOLVER_ANSWER_LIMIT_BYTES).toBe(1024 * 1024);
  });

  it('refuses a payload over the limit before the resolver runs', async () => {
    let ran = false;
    const invoker = new Invoker({
      manifest,
      env: testForgeEnvironment(),
      overrides: {
        [resolverKey]: async () => {
          ran = true;
          return { ok: true };
        },
      },
      log: () => undefined,
    });
    const answer = await invoker.invoke({
      functionKey: 'vision.save',
      payload: { text: 'x'.repeat(INVOCATION_PAYLOAD_LIMIT_BYTES) },
      accountId: 'u1',
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'FUNCTION_PAYLOAD_TOO_LARGE' });
    expect(ran).toBe(false);
  });

  it('fails an answer over the limit, and passes one just under it', async () => {
    const big = await invokerAnswering({ text: 'x'.repeat(2000) }, 2000).invoke({
      functionKey: 'vision.history',
      payload: {},
      accountId: 'u1',
    });
    expect(big.status).toBe(500);
    expect(big.body).toMatchObject({ code: 'FUNCTION_RESPONSE_TOO_LARGE' });
    expect((big.body as { message: string }).message).toMatch(
      /^The answer of vision\.history is \d+ bytes; ValueRank's resolvers answer at most 2000 \(Forge: 5242880\)\.$/,
    );
    const fits = await invokerAnswering({ text: 'x'.repeat(1900) }, 2000).invoke({
      functionKey: 'vision.history',
      payload: {},
      accountId: 'u1',
    });
    expect(fits.status).toBe(200);
  });

  it('by default fails an answer over 1 MB that Forge would still return', async () => {
    const answer = await invokerAnswering({ text: 'x'.repeat(RESOLVER_ANSWER_LIMIT_BYTES) }).invoke({
      functionKey: 'vision.history',
      payload: {},
      accountId: 'u1',
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'FUNCTION_RESPONSE_TOO_LARGE' });
  });
});

describe('async events', () => {
  const consumers = [{ key: 'c', queue: 'big-queue', functionKey: 'consume', resolverMethod: undefined }];

  it('the real @forge/events refuses a push over 200 KB', async () => {
    const env = testForgeEnvironment();
    const events = new EventQueues({ consumers, loadFunction: () => async () => undefined, env });
    env.queue = (p, body) => events.handle(p, body);
    installForgeRuntime(env);
    await expect(
      new Queue({ key: 'big-queue' }).push({ body: { text: 'x'.repeat(EVENT_PAYLOAD_LIMIT_BYTES) } }),
    ).rejects.toBeInstanceOf(PayloadTooBigError);
    events.close();
  });

  it('the harness answers 413 to a push over 200 KB that skipped the client check', async () => {
    const events = new EventQueues({
      consumers,
      loadFunction: () => async () => undefined,
      env: testForgeEnvironment(),
    });
    const answer = await events.handle('/webhook/queue/publish/ctx/env/app/1', {
      queueName: 'big-queue',
      payload: [{ body: { text: 'x'.repeat(EVENT_PAYLOAD_LIMIT_BYTES) } }],
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ errorMessage: expect.stringMatching(/at most 204800 \(200 KB\)/) });
    expect(events.jobs.size).toBe(0);
    events.close();
  });
});
