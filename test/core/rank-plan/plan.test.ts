import { applyPlan, applyRankCall, planRank } from '../../../src/core/rank-plan';
import { minimumCallsExhaustive, minimumCostExhaustive } from '../../support/rank-exhaustive';
import { planProblem } from './check';

const keys = (text: string): string[] => (text === '' ? [] : text.split(' '));
const range = (n: number): string[] => Array.from({ length: n }, (_, i) => `K-${i + 1}`);

describe('applyRankCall (Jira semantics)', () => {
  const order = keys('A B C D E');

  it('places the issues, in the given order, right before or after the anchor', () => {
    expect(applyRankCall(order, { issues: ['E', 'A'], before: 'C' })).toEqual(keys('B E A C D'));
    expect(applyRankCall(order, { issues: ['E', 'A'], after: 'C' })).toEqual(keys('B C E A D'));
    expect(applyRankCall(order, { issues: ['B'], before: 'A' })).toEqual(keys('B A C D E'));
    expect(applyRankCall(order, { issues: ['A'], after: 'E' })).toEqual(keys('B C D E A'));
    expect(order).toEqual(keys('A B C D E'));
  });

  it('rejects calls Jira would reject', () => {
    expect(() => applyRankCall(order, { issues: ['A'] })).toThrow(RangeError);
    expect(() => applyRankCall(order, { issues: ['A'], before: 'B', after: 'C' })).toThrow(RangeError);
    expect(() => applyRankCall(order, { issues: [], before: 'B' })).toThrow(RangeError);
    expect(() => applyRankCall(order, { issues: ['A', 'B'], before: 'B' })).toThrow(/anchor B/);
    expect(() => applyRankCall(order, { issues: ['X'], before: 'B' })).toThrow(/X/);
    expect(() => applyRankCall(order, { issues: ['A'], before: 'X' })).toThrow(/X/);
    expect(() => applyRankCall(order, { issues: ['A', 'A'], before: 'B' })).toThrow(/twice/);
  });

  it('applies a plan call by call', () => {
    const plan = {
      calls: [
        { issues: ['E'], before: 'A' },
        { issues: ['A'], after: 'D' },
      ],
    };
    expect(applyPlan(order, plan)).toEqual(keys('E B C D A'));
  });
});

describe('planRank', () => {
  const plan = (current: string, target: string, maxPerCall?: number) => {
    const result = planRank(keys(current), keys(target), maxPerCall ? { maxPerCall } : {});
    expect(planProblem(keys(current), keys(target), result, maxPerCall ?? 50)).toBeUndefined();
    return result;
  };

  it('makes no call when the order is already right, empty or a single issue', () => {
    expect(plan('A B C D', 'A B C D')).toEqual({ calls: [], moved: 0, stayers: 4 });
    expect(plan('', '')).toEqual({ calls: [], moved: 0, stayers: 0 });
    expect(plan('A', 'A')).toEqual({ calls: [], moved: 0, stayers: 1 });
  });

  it('moves one issue to the top or to the bottom with one call', () => {
    expect(plan('A B C D E', 'E A B C D')).toEqual({
      calls: [{ issues: ['E'], before: 'A' }],
      moved: 1,
      stayers: 4,
    });
    expect(plan('A B C D E', 'B C D E A')).toEqual({
      calls: [{ issues: ['A'], after: 'E' }],
      moved: 1,
      stayers: 4,
    });
  });

  it('swaps two issues with one call', () => {
    expect(plan('A B', 'B A').calls).toHaveLength(1);
    expect(plan('A B', 'B A').moved).toBe(1);
  });

  it('reverses with all issues but one moved, in as few calls as the limit allows', () => {
    expect(plan('A B C D E', 'E D C B A')).toMatchObject({ moved: 4, stayers: 1 });
    expect(plan('A B C D E', 'E D C B A').calls).toHaveLength(1);
    expect(plan('A B C D E', 'E D C B A', 2).calls).toHaveLength(2);
    expect(plan('A B C D E', 'E D C B A', 1).calls).toHaveLength(4);
    const n = 120;
    const reversed = planRank(range(n), range(n).reverse());
    expect(reversed).toMatchObject({ moved: n - 1, stayers: 1 });
    expect(reversed.calls).toHaveLength(3);
    expect(planProblem(range(n), range(n).reverse(), reversed, 50)).toBeUndefined();
  });

  it('chunks a long gap, each chunk anchored to the chunk placed before it', () => {
    // the only optimum keeps F G in place: five issues after G, two per call
    expect(plan('A B C D E F G', 'F G E D C B A', 2)).toEqual({
      calls: [
        { issues: ['E', 'D'], after: 'G' },
        { issues: ['C', 'B'], after: 'D' },
        { issues: ['A'], after: 'B' },
      ],
      moved: 5,
      stayers: 2,
    });
    // the only optimum keeps A B: the gap at the very start is anchored before the first issue kept
    expect(plan('A B C D E F G', 'G F E D C A B', 2)).toEqual({
      calls: [
        { issues: ['G', 'F'], before: 'A' },
        { issues: ['E', 'D'], after: 'F' },
        { issues: ['C'], after: 'D' },
      ],
      moved: 5,
      stayers: 2,
    });
  });

  it('moves one more issue when that joins two runs into one call', () => {
    // keeping a longest increasing run (A B C) needs two calls, for D and for E; keeping A and C needs
    // one call, D B E after A, at the price of one more moved issue
    const current = 'A B C D E';
    const target = 'A D B E C';
    const lisCalls = 2;
    for (const limit of [3, 50]) {
      const result = plan(current, target, limit);
      expect(result.calls).toHaveLength(1); // D B E after A, or B E C after D
      expect(result).toMatchObject({ moved: 3, stayers: 2 });
      expect(minimumCostExhaustive(keys(current), keys(target), limit)).toEqual({ calls: 1, moved: 3 });
      expect(result.calls.length).toBeLessThan(lisCalls);
    }
    // with 2 per call joining does not pay: the plan keeps the longest run and moves only D and E
    expect(plan(current, target, 2)).toMatchObject({ moved: 2, stayers: 3 });
    expect(plan(current, target, 2).calls).toHaveLength(2);
  });

  it('joins runs at scale: 80 pairwise swaps take 2 calls, not 20 or more', () => {
    const current = range(80);
    // neighbours swapped in pairs: K-2 K-1 K-4 K-3 …; moving the fewest issues moves one of each pair,
    // 40, and at most 2 of them share a gap, so that needs at least 20 calls
    const target = range(80).map((_, i) => current[i % 2 === 0 ? i + 1 : i - 1] as string);
    expect(planRank(current, target, { maxPerCall: 1 }).moved).toBe(40);
    const result = planRank(current, target);
    expect(result.calls).toHaveLength(2);
    expect(minimumCallsExhaustive(current, target, 50)).toBe(2);
    expect(planProblem(current, target, result, 50)).toBeUndefined();
  });

  it('agrees with the exhaustive checker on mixed cases', () => {
    const current = range(30);
    const target = [...current.slice(20), ...current.slice(0, 10).reverse(), ...current.slice(10, 20)];
    for (const limit of [1, 4, 50]) {
      const result = planRank(current, target, { maxPerCall: limit });
      expect({ calls: result.calls.length, moved: result.moved }).toEqual(
        minimumCostExhaustive(current, target, limit),
      );
      expect(planProblem(current, target, result, limit)).toBeUndefined();
    }
  });

  it('names the offending key when the target is not a permutation of the current order', () => {
    expect(() => planRank(keys('A B C'), keys('A B X'))).toThrow(/X/);
    expect(() => planRank(keys('A B C'), keys('A B'))).toThrow(/C/);
    expect(() => planRank(keys('A B'), keys('A B B'))).toThrow(/B/);
    expect(() => planRank(keys('A B B'), keys('A B B'))).toThrow(/B appears twice/);
    expect(() => planRank(keys('A B'), keys('A B B'))).toThrow(RangeError);
  });

  it('rejects a limit that is not a positive integer', () => {
    for (const maxPerCall of [0, -1, 1.5, NaN, Infinity])
      expect(() => planRank(keys('A B'), keys('B A'), { maxPerCall })).toThrow(RangeError);
  });
});
