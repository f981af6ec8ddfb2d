/**
 * Goal coverage on the local Jira site: with a vision stored for TRAIL and a few issues tagged with goals
 * (`goals.tag`), `prioritize.load` and the gadget's `goals` panel answer the shares of backlog value per
 * active goal that this test recomputes by hand from the items' scores.
 *
 * The demo seed tags about a third of TRAIL with the demo vision's goals (dev/demo/goals.ts); this test's
 * vision has other goals, so those tags name goals the vision does not have: they count as unaligned and
 * are reported as `unknown`, as they should be.
 */
import { DEMO_GOAL_IDS } from '../../dev/demo/vision';
import type { VisionBoardInput } from '../../src/core/vision';
import type { ResolverKey } from '../../src/resolvers/api';
import { invokeData, PROJECT_PAGE } from '../support/invoke';
import { useLocalServer } from '../support/local-server';
import { loadWholeView } from '../support/prioritize-view';

const server = useLocalServer({ reset: ['site', 'kvs'] });

const data = <K extends ResolverKey>(
  functionKey: K,
  payload: unknown,
  moduleKey = PROJECT_PAGE.moduleKey,
  extension: Record<string, unknown> = PROJECT_PAGE.extension,
) => invokeData(server.url, functionKey, payload, 'local-po', { moduleKey, extension });

const BOARD: VisionBoardInput = {
  visionStatement: 'Every hiker finds the right trail.',
  targetGroup: 'Weekend hikers',
  needs: 'Safe trails',
  product: 'A trail finder',
  goals: [
    { id: 'g1', name: 'Retention', target: '40% monthly return', status: 'active', weight: 8 },
    { id: 'g2', name: 'Growth', target: '10k users', status: 'active', weight: 2 },
    { id: 'g3', name: 'Launch', target: 'Shipped', status: 'achieved', weight: 5 },
  ],
};

/** Tags the first two scored items [g1, g2] and [g1] (goals.tag refuses inactive goals); answers the keys. */
async function tagged() {
  await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
  const before = await loadWholeView(data, { boardId: 1 });
  const [a, b, c] = before.items.filter((i) => (i.score ?? 0) > 0).map((i) => i.key) as [
    string,
    string,
    string,
  ];
  await data('goals.tag', { issueKey: a, goals: ['g1', 'g2'] });
  await data('goals.tag', { issueKey: b, goals: ['g1'] });
  return { a, b, c };
}

/** The expected shares, from the items' scores (unscored and negative count 0). */
function expected(scores: ReadonlyArray<{ key: string; score: number | null }>, a: string, b: string) {
  const value = new Map(scores.map((s) => [s.key, Math.max(0, s.score ?? 0)] as const));
  const total = [...value.values()].reduce((x, y) => x + y, 0);
  const va = value.get(a) ?? 0;
  const vb = value.get(b) ?? 0;
  return {
    total,
    g1: (va / 2 + vb) / total,
    g2: va / 2 / total,
    unaligned: (total - va - vb) / total,
    unalignedCount: scores.length - 2,
  };
}

it('prioritize.load reports the goal coverage of the backlog, computed from scores and tags', async () => {
  const without = await loadWholeView(data, { boardId: 1 });
  expect(without.goalCoverage).toBeUndefined();

  const { a, b, c } = await tagged();
  const view = await loadWholeView(data, { boardId: 1 });
  const cov = view.goalCoverage;
  if (!cov) throw new Error('no goal coverage');
  const want = expected(view.items, a, b);

  expect(cov.totalValue).toBeCloseTo(want.total, 9);
  expect(cov.goals.map((g) => [g.goalId, g.name, g.weight, g.count])).toEqual([
    ['g1', 'Retention', 8, 2],
    ['g2', 'Growth', 2, 1],
  ]);
  expect(cov.goals[0]?.keys).toEqual([a, b]);
  expect(cov.goals[0]?.share).toBeCloseTo(want.g1, 9);
  expect(cov.goals[1]?.share).toBeCloseTo(want.g2, 9);
  expect(cov.unaligned.count).toBe(want.unalignedCount);
  expect(cov.unaligned.keys).toContain(c);
  expect(cov.unaligned.share).toBeCloseTo(want.unaligned, 9);
  expect(cov.inactive).toEqual([]);
  // The demo's own tags: goals this vision does not have (the two retagged issues no longer carry them).
  expect(cov.unknown.length).toBeGreaterThan(0);
  for (const u of cov.unknown) {
    expect(DEMO_GOAL_IDS).toContain(u.goalId);
    expect(u.keys.length).toBeGreaterThan(0);
    expect(u.keys).not.toContain(a);
    expect(u.keys).not.toContain(b);
  }
});

it("the gadget's goals panel shows the same coverage and the highest-value unaligned items", async () => {
  const gadget = (payload: unknown) =>
    data('gadget.health', payload, 'valuerank-health-gadget', { type: 'jira:dashboardGadget' });
  const none = await gadget({ boardId: 1, topN: 6, panels: ['goals'] });
  expect(none.goals).toBeNull();

  const { a, b } = await tagged();
  const view = await loadWholeView(data, { boardId: 1 });
  const health = await gadget({ boardId: 1, topN: 7, panels: ['goals'] });
  expect(health.panels).toEqual(['goals']);
  expect(health.top).toBeUndefined();
  const goals = health.goals;
  if (!goals) throw new Error('no goals panel');
  const want = expected(view.items, a, b);
  expect(goals.coverage.totalValue).toBeCloseTo(want.total, 9);
  expect(goals.coverage.goals[0]?.share).toBeCloseTo(want.g1, 9);
  expect(goals.coverage.goals[1]?.share).toBeCloseTo(want.g2, 9);
  expect(goals.coverage.unaligned.share).toBeCloseTo(want.unaligned, 9);
  expect(goals.coverage).toEqual(view.goalCoverage);

  // The unaligned items: highest score first (unscored last), ties in current order, at most 10.
  const unaligned = view.items
    .filter((i) => i.key !== a && i.key !== b)
    .sort((p, q) => (q.score ?? -Infinity) - (p.score ?? -Infinity) || p.rank - q.rank)
    .slice(0, 10)
    .map((i) => ({ key: i.key, summary: i.summary, score: i.score }));
  expect(goals.unaligned).toEqual(unaligned);
});
