/** How well the order follows value: top overlap, Spearman, Kendall tau-b, the cost of a reorder. */
import fc from 'fast-check';
import { kendallTauB, orderHealth, valueOrderKeys } from '../../../src/core/health';
import type { HealthItem } from '../../../src/core/health';
import { applyPlan, planRank } from '../../../src/core/rank-plan';
import { comparable } from '../../../src/core/scoring';
import { item } from './fixtures';

describe('orderHealth', () => {
  // Current order: K-1 (3), K-2 (5), U-1 (unscored), K-3 (5), K-4 (1), K-5 (4).
  const items = [
    item('K-1', 3),
    item('K-2', 5),
    item('U-1', null),
    item('K-3', 5),
    item('K-4', 1),
    item('K-5', 4),
  ];

  it('hand example', () => {
    const h = orderHealth(items);
    // Scored items in current order: K-1 K-2 K-3 K-4 K-5 → current ranks x = 1 2 3 4 5 (mean 3).
    // Value order: K-2, K-3 (5, tied), K-5 (4), K-1 (3), K-4 (1). Average value ranks: K-2 and K-3 share
    // (1 + 2) / 2 = 1.5; K-5 3; K-1 4; K-4 5. In current order y = 4 1.5 1.5 5 3 (mean 15 / 5 = 3).
    // dx = -2 -1 0 1 2; dy = 1 -1.5 -1.5 2 0.
    // Σ dx·dy = -2 + 1.5 + 0 + 2 + 0 = 1.5; Σ dx² = 10; Σ dy² = 1 + 2.25 + 2.25 + 4 + 0 = 9.5.
    // ρ = 1.5 / √(10 · 9.5) = 1.5 / √95 ≈ 0.1539.
    expect(h.spearman).toBeCloseTo(1.5 / Math.sqrt(95), 12);
    // Kendall, values in current order 3 5 5 1 4: n0 = 10 pairs, 1 tied (5, 5) → n2 = 1.
    // Concordant (earlier worth more): (3,1) (5,1) (5,4) (5,1) (5,4) = 5; discordant: (3,5) (3,5) (3,4) (1,4) = 4.
    // τb = (5 - 4) / √(10 · (10 - 1)) = 1 / √90 ≈ 0.1054.
    expect(h.kendallTauB).toBeCloseTo(1 / Math.sqrt(90), 12);
    // k = min(20, 5) = 5: every scored item is in both tops.
    expect(h).toMatchObject({ scored: 5, topSize: 5, topOverlap: 1 });
    // Value order of the backlog: K-2 K-3 K-5 K-1 K-4 U-1. Keeping K-2, K-3, K-5 in place (in order in both)
    // leaves one gap after K-5: K-1, K-4, U-1 → one rank call moving 3 issues (keeping the longer common
    // run K-2 K-3 K-4 would also move 3 but split them into two gaps: 2 calls).
    expect(valueOrderKeys(items)).toEqual(['K-2', 'K-3', 'K-5', 'K-1', 'K-4', 'U-1']);
    expect(h.reorder).toEqual({ moved: 3, calls: 1, stayers: 3 });
  });

  it('top overlap with k = 20: a backlog ordered exactly against value', () => {
    // 25 items, current order by ascending score 1..25. Top 20 by value: scores 25..6 = current positions
    // 6..25; top 20 by rank: positions 1..20; both: positions 6..20 = 15 items → 15 / 20 = 0.75.
    const reversed = Array.from({ length: 25 }, (_, i) => item(`R-${i + 1}`, i + 1));
    const h = orderHealth(reversed);
    expect(h.topSize).toBe(20);
    expect(h.topOverlap).toBe(0.75);
    expect(h.spearman).toBeCloseTo(-1, 12);
    expect(h.kendallTauB).toBeCloseTo(-1, 12);
    const sorted = orderHealth([...reversed].reverse());
    expect([sorted.spearman, sorted.kendallTauB, sorted.topOverlap]).toEqual([1, 1, 1]);
    expect(sorted.reorder).toEqual({ moved: 0, calls: 0, stayers: 25 });
  });

  it('edge cases: empty, single, all unscored, all tied', () => {
    const none = { moved: 0, calls: 0, stayers: 0 };
    expect(orderHealth([])).toEqual({
      scored: 0,
      topSize: 0,
      topOverlap: null,
      spearman: null,
      kendallTauB: null,
      reorder: none,
    });
    expect(orderHealth([item('S-1', 4)])).toMatchObject({ topOverlap: 1, spearman: null, kendallTauB: null });
    const unscored = orderHealth([item('U-1', null), item('U-2', null)]);
    expect(unscored).toMatchObject({
      scored: 0,
      spearman: null,
      reorder: { moved: 0, calls: 0, stayers: 2 },
    });
    // All tied: no variance in value ranks, so no correlation; ties never need a move.
    const tied = orderHealth([item('T-1', 2), item('T-2', 2), item('T-3', 2)]);
    expect(tied).toMatchObject({ spearman: null, kendallTauB: null, topOverlap: 1, reorder: { moved: 0 } });
    expect(kendallTauB([])).toBeNull();
  });

  /** Spearman recomputed the naive way: ranks by counting, then the textbook Pearson formula. */
  function naiveSpearman(list: readonly HealthItem[]): number | null {
    const scored = list.filter((i) => i.score !== null && Number.isFinite(i.score));
    const n = scored.length;
    if (n < 2) return null;
    const v = scored.map((i) => comparable(i.score as number));
    const x = scored.map((_, i) => i + 1);
    const y = v.map((vi) => {
      const above = v.filter((w) => w > vi).length;
      const equal = v.filter((w) => w === vi).length;
      return above + (equal + 1) / 2; // average of ranks above+1 .. above+equal
    });
    const mean = (a: number[]): number => a.reduce((s, t) => s + t, 0) / a.length;
    const mx = mean(x);
    const my = mean(y);
    const cov = x.reduce((s, xi, i) => s + (xi - mx) * (y[i]! - my), 0);
    const vx = x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
    const vy = y.reduce((s, yi) => s + (yi - my) ** 2, 0);
    return vy === 0 ? null : cov / Math.sqrt(vx * vy);
  }

  /** Kendall tau-b the O(n²) way. */
  function naiveKendall(list: readonly HealthItem[]): number | null {
    const v = list.filter((i) => i.score !== null && Number.isFinite(i.score)).map((i) => i.score as number);
    let c = 0;
    let d = 0;
    let tiesY = 0;
    for (let i = 0; i < v.length; i++)
      for (let j = i + 1; j < v.length; j++) {
        if (v[i]! > v[j]!) c++;
        else if (v[i]! < v[j]!) d++;
        else tiesY++;
      }
    const n0 = (v.length * (v.length - 1)) / 2;
    return n0 === 0 || n0 === tiesY ? null : (c - d) / Math.sqrt(n0 * (n0 - tiesY));
  }

  it('property: matches an independent, naive recomputation', () => {
    const arb = fc.array(fc.option(fc.integer({ min: -4, max: 12 }), { nil: null, freq: 5 }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(arb, (scores) => {
        const list = scores.map((s, i) => item(`N-${i + 1}`, s));
        const h = orderHealth(list);
        const rho = naiveSpearman(list);
        const tau = naiveKendall(list);
        if (rho === null) expect(h.spearman).toBeNull();
        else expect(h.spearman).toBeCloseTo(rho, 9);
        if (tau === null) expect(h.kendallTauB).toBeNull();
        else expect(h.kendallTauB).toBeCloseTo(tau, 9);
        for (const r of [h.spearman, h.kendallTauB, h.topOverlap]) {
          if (r === null) continue;
          expect(r).toBeGreaterThanOrEqual(-1);
          expect(r).toBeLessThanOrEqual(1);
        }
        if (h.topOverlap !== null) expect(h.topOverlap).toBeGreaterThanOrEqual(0);
        // The reorder counts are those of a plan that really reaches the value order.
        const current = list.map((i) => i.key);
        const plan = planRank(current, valueOrderKeys(list));
        expect(applyPlan(current, plan)).toEqual(valueOrderKeys(list));
        expect(h.reorder).toEqual({ moved: plan.moved, calls: plan.calls.length, stayers: plan.stayers });
        expect(h.reorder.moved + h.reorder.stayers).toBe(list.length);
      }),
      { numRuns: 300 },
    );
  });
});
