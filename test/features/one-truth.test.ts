/**
 * One number everywhere (issue 13, item 1): on the demo board (Trailhead, board 1) every screen, the CLI and
 * the written property show the same figures, each computed by one function:
 * - each issue's score for the project's model: Prioritize (`prioritize.load` / `prioritize.rows`), the
 *   gadget's top list (`gadget.health`), the badge (`readiness.badge`), `valuerank score --json`, and after an
 *   apply the `valuerank` property (and the badge says it is not stale);
 * - the value/effort quadrants (split and counts): Prioritize's chart and the gadget;
 * - readiness: the badge and the gadget's top list;
 * - moved/restored: the issues out of place, the same in the preview, the apply summary, the history and the
 *   undo summary; and an undone reorder with another model (RICE) leaves no stale written score.
 */
import { seedDemoVision } from '../../dev/demo/vision';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import type { PrioritizedItem, ResolverKey } from '../../src/resolvers/api';
import { runCli } from '../support/cli';
import { invokeData, type InvokeContext } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });
const PANELS = ['top', 'readiness', 'quadrants', 'order', 'agenda', 'trend', 'goals'];
const GADGET: InvokeContext = {
  moduleKey: 'valuerank-health-gadget',
  extension: { type: 'jira:dashboardGadget' },
};
const issueContext = (issueKey: string): InvokeContext => ({
  moduleKey: 'valuerank-issue-context',
  extension: { issue: { key: issueKey } },
});

const data = <K extends ResolverKey>(key: K, payload: unknown, context?: InvokeContext) =>
  invokeData(server.url, key, payload, 'local-po', context);

/** Asks again while the answer is pending (a view job computes it), letting the queue run in between. */
async function settled<T>(ask: () => Promise<T>): Promise<Exclude<T, { pending: true }>> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await ask();
    if (!(answer && typeof answer === 'object' && 'pending' in answer && answer.pending))
      return answer as Exclude<T, { pending: true }>;
    await server.harness.events.idle();
  }
  throw new Error('still pending after 20 attempts');
}

/** Prioritize's view of board 1 and every row (as the table reads them). */
async function prioritize() {
  const view = await settled(() => data('prioritize.load', { boardId: 1 }));
  const rows: PrioritizedItem[] = [];
  for (let from = 0; from < view.total; from += 200)
    rows.push(...(await data('prioritize.rows', { boardId: 1, order: 'value', from, count: 200 })).rows);
  return { view, rows, score: new Map(rows.map((r) => [r.key, r.score] as const)) };
}

async function runJob(key: 'prioritize.apply' | 'prioritize.undo', payload: unknown) {
  const started = await data(key, payload);
  await server.harness.events.idle();
  return data('prioritize.progress', { jobId: started.jobId });
}

const badge = (issueKey: string) => data('readiness.badge', { issueKey }, issueContext(issueKey));

describe('one truth on the demo board', () => {
  let asPo: JiraClient;
  beforeAll(() => {
    asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
  });
  beforeEach(() => seedDemoVision(server.harness.kvs));

  it('shows the same scores, quadrants and readiness in Prioritize, the gadget, the badge and the CLI', async () => {
    const { view, rows, score } = await prioritize();
    expect(view.model).toEqual({ kind: 'wsjf' });
    // The demo scores almost everything through the proposed mapping.
    expect(view.total).toBe(305);
    expect(view.unscored).toBe(6);

    // The gadget, with the project's model: its top list has Prioritize's scores in Prioritize's value order.
    const health = await settled(() =>
      data('gadget.health', { boardId: 1, topN: 10, panels: PANELS }, GADGET),
    );
    const top = health.top ?? [];
    expect(top).toHaveLength(10);
    expect(top.map((t) => t.key)).toEqual(rows.slice(0, 10).map((r) => r.key));
    for (const t of top) expect(t.score).toBe(score.get(t.key));

    // Quadrants: one split and one count, from the same core function.
    expect(view.chart.quadrants).toEqual({
      counts: health.quadrants?.counts,
      medians: health.quadrants?.medians,
    });
    const counts = view.chart.quadrants?.counts;
    expect(Object.values(counts ?? {}).reduce((a, b) => a + b, 0)).toBe(view.chart.plotted);
    for (const p of health.quadrants?.points ?? [])
      expect(view.chart.points.find((c) => c.key === p.key)?.quadrant).toBe(p.quadrant);

    // The badge: the live score for the project's model, and the readiness the gadget shows.
    const unscored = rows.filter((r) => r.score === null).slice(0, 2);
    for (const key of [...top.slice(0, 3).map((t) => t.key), ...unscored.map((r) => r.key)]) {
      const b = await badge(key);
      expect(b.value.score).toBe(score.get(key));
      expect(b.value.modelLabel).toBe('WSJF');
      const t = top.find((x) => x.key === key);
      if (t) expect(b.ready).toBe(t.ready);
    }
    // An unscored issue's badge says why, as Prioritize does.
    const first = unscored[0] as PrioritizedItem;
    expect((await badge(first.key)).value.reason).toBe(first.reason);

    // The CLI: the same scores for every issue.
    const cli = await runCli(['score', '--board', '1', '--json', '--site', server.url]);
    expect(cli.stderr).toBe('');
    const out = JSON.parse(cli.stdout) as Array<{ key: string; score: number | null; targetRank: number }>;
    expect(out).toHaveLength(rows.length);
    for (const o of out) expect(o.score).toBe(score.get(o.key));
    expect(out.map((o) => o.key)).toEqual(rows.map((r) => r.key));
  }, 120_000);

  it('writes what the screens show, counts moves one way, and an undo leaves no stale score', async () => {
    const { rows, score } = await prioritize();
    const preview = await settled(() => data('prioritize.preview', { boardId: 1 }));
    expect(preview.moved).toBeGreaterThan(0);

    // Apply: the summary and the history say the preview's count; the property holds the live score.
    const applied = await runJob('prioritize.apply', { boardId: 1, fingerprint: preview.fingerprint });
    expect(applied).toMatchObject({ state: 'done', verified: true });
    expect(applied.message).toContain(`Reordered ${preview.moved} issues with`);
    const history = await data('prioritize.history', { boardId: 1 });
    expect(history.entries[0]?.moved).toBe(preview.moved);
    const sample = [...rows.slice(0, 3), ...rows.filter((r) => r.score === null).slice(0, 1)];
    for (const r of sample) {
      const property = (await asPo.getIssueProperty(r.key, 'valuerank')) as { score?: number; model: string };
      expect(property.model).toBe('wsjf');
      expect(property.score ?? null).toBe(score.get(r.key));
      expect((await badge(r.key)).value.stale).toBeUndefined();
    }

    // Undo: restores as many issues as the apply moved.
    const undone = await runJob('prioritize.undo', { boardId: 1 });
    expect(undone).toMatchObject({ state: 'done', verified: true });
    expect(undone.message).toContain(`Restored ${preview.moved} issues with`);

    // RICE applied once and undone: the written scores are the project's model's (WSJF) again, not stale.
    const rice = await settled(() => data('prioritize.preview', { boardId: 1, model: { kind: 'rice' } }));
    const ricePlan = await runJob('prioritize.apply', {
      boardId: 1,
      model: { kind: 'rice' },
      fingerprint: rice.fingerprint,
    });
    expect(ricePlan.state).toBe('done');
    const key = rows[0]?.key as string;
    expect(((await asPo.getIssueProperty(key, 'valuerank')) as { model: string }).model).toBe('rice');
    expect((await badge(key)).value.stale).toMatch(/RICE.*the project scores with WSJF now/);
    const riceUndo = await runJob('prioritize.undo', { boardId: 1 });
    expect(riceUndo.message).toContain(`Restored ${rice.moved} issues with`);
    const after = (await asPo.getIssueProperty(key, 'valuerank')) as { score: number; model: string };
    expect(after).toMatchObject({ model: 'wsjf', score: score.get(key) });
    expect((await badge(key)).value.stale).toBeUndefined();
  }, 180_000);
});
