import { longestIncreasing, outOfPlace, planRank } from '../../../src/core/rank-plan';
import { restoreTarget } from '../../../src/features/prioritize/jobs';

/** A deterministic shuffle (mulberry32). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('outOfPlace: the one moved/restored count', () => {
  it('is n minus the longest increasing subsequence', () => {
    expect(longestIncreasing([])).toBe(0);
    expect(longestIncreasing([3, 1, 2, 5, 4])).toBe(3);
    expect(outOfPlace(['A', 'B', 'C'], ['A', 'B', 'C'])).toBe(0);
    expect(outOfPlace(['A', 'B', 'C', 'D'], ['D', 'A', 'B', 'C'])).toBe(1);
    expect(outOfPlace(['A', 'B', 'C', 'D'], ['D', 'C', 'B', 'A'])).toBe(3);
  });

  it('is the same for a reorder and its undo, and never more than the planner moves', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `T-${i + 1}`);
    for (let seed = 1; seed <= 20; seed += 1) {
      const before = shuffled(keys, seed);
      const after = shuffled(keys, seed * 7919);
      const applied = outOfPlace(before, after);
      // Undo plans from the applied order back to the snapshot (restoreTarget: nothing joined meanwhile).
      const undone = outOfPlace(after, restoreTarget(before, after));
      expect(undone).toBe(applied);
      expect(planRank(before, after).moved).toBeGreaterThanOrEqual(applied);
    }
  });

  it('leaves out issues that are in only one of the orders', () => {
    expect(outOfPlace(['A', 'X', 'B', 'C'], ['C', 'A', 'B', 'Y'])).toBe(1);
  });
});
