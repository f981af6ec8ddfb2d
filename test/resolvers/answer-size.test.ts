/**
 * Resolver answers stay under 1 MB whatever the backlog's size (the project's rule, stricter than Forge's
 * 5 MB; the harness enforces it as RESOLVER_ANSWER_LIMIT_BYTES): on the generated 10,000-issue backlog at
 * low latency, the bytes of `prioritize.load`, `prioritize.rows` (the largest page, in both orders, and by
 * keys), `prioritize.preview` and `gadget.health` (every panel, the largest top list) are measured here as
 * the UI receives them. Before issue 14, `prioritize.load` answered 12.8 MB for this backlog.
 */
import { BIG_BOARD_ID } from '../../dev/demo';
import { RESOLVER_ANSWER_LIMIT_BYTES } from '../../dev/harness/forge-runtime';
import type { LocalServer } from '../../dev/server';
import type { Answers, ResolverKey } from '../../src/resolvers/api';
import { BIG, GADGET, startLargeSite } from '../support/large-site';
import type { InvokeContext } from '../support/invoke';

const ISSUES = 10_000;
const MB = 1024 * 1024;

let server: LocalServer;
beforeAll(async () => {
  server = await startLargeSite(ISSUES, 5);
}, 120_000);
afterAll(() => server.close());

/** One resolver call through /_local/invoke: its data and the bytes of the answer as sent. */
async function sized<K extends ResolverKey>(
  key: K,
  payload: unknown,
  context: InvokeContext = BIG,
): Promise<{ data: Answers[K]; bytes: number }> {
  const res = await fetch(`${server.url}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey: key, payload, accountId: 'local-po', context }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${key} answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { ok: boolean; data: Answers[K]; error?: unknown };
  if (!body.ok) throw new Error(`${key} failed: ${JSON.stringify(body.error)}`);
  return { data: body.data, bytes: Buffer.byteLength(text, 'utf8') };
}

/** Asks until the answer is computed (a job may compute it when the machine is slow). */
async function settled<T>(ask: () => Promise<T>, done: (t: T) => boolean): Promise<T> {
  for (let i = 0; i < 120; i += 1) {
    const answer = await ask();
    if (done(answer)) return answer;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('no computed answer after 120 tries');
}

it('prioritize.load, rows and preview, and gadget.health each answer under 1 MB on 10,000 issues', async () => {
  expect(RESOLVER_ANSWER_LIMIT_BYTES).toBe(MB);
  const sizes: Record<string, number> = {};

  const load = await settled(
    () => sized('prioritize.load', { boardId: BIG_BOARD_ID }),
    (a) => !('pending' in a.data) && a.data.status.fresh,
  );
  if ('pending' in load.data) throw new Error('pending');
  expect(load.data.total).toBe(ISSUES);
  sizes['prioritize.load'] = load.bytes;

  for (const order of ['value', 'current'] as const) {
    const last = await sized('prioritize.rows', {
      boardId: BIG_BOARD_ID,
      order,
      from: ISSUES - 200,
      count: 200,
    });
    expect(last.data.rows).toHaveLength(200);
    sizes[`prioritize.rows (${order}, 200 rows)`] = last.bytes;
  }
  const keys = load.data.rows.slice(0, 50).map((r) => r.key);
  sizes['prioritize.rows (50 keys)'] = (
    await sized('prioritize.rows', { boardId: BIG_BOARD_ID, keys })
  ).bytes;

  const preview = await settled(
    () => sized('prioritize.preview', { boardId: BIG_BOARD_ID }),
    (a) => !('pending' in a.data),
  );
  sizes['prioritize.preview'] = preview.bytes;

  const health = await settled(
    () =>
      sized(
        'gadget.health',
        {
          boardId: BIG_BOARD_ID,
          topN: 50,
          panels: ['top', 'readiness', 'quadrants', 'order', 'agenda', 'trend', 'goals'],
        },
        GADGET,
      ),
    (a) => !a.data.pending && a.data.status?.fresh !== false,
  );
  expect(health.data.readiness?.all.total).toBe(ISSUES);
  sizes['gadget.health (every panel, top 50)'] = health.bytes;

  console.log(
    `answer sizes, ${ISSUES} issues: ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`)
      .join('; ')}`,
  );
  for (const [key, bytes] of Object.entries(sizes))
    expect({ key, bytes: bytes < MB }).toEqual({ key, bytes: true });
}, 240_000);
