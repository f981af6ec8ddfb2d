/** Strategic fit and goal coverage. */
import fc from 'fast-check';
import { goalCoverage, strategicFit } from '../../../src/core/vision';
import { board, boardArb, goal } from './fixtures';

// Active: g1 (5), g2 (3): total active weight 5 + 3 = 8. g3 achieved (10) and g4 dropped (1) do not count.
const b = board({
  goals: [goal('g1', 5), goal('g2', 3), goal('g3', 10, 'achieved'), goal('g4', 1, 'dropped')],
});

describe('strategicFit', () => {
  it('sums the weights of the active goals served over the total active weight', () => {
    expect(strategicFit(['g1'], b)).toBe(5 / 8); // 0.625
    expect(strategicFit(['g1', 'g2'], b)).toBe(1); // (5 + 3) / 8
    expect(strategicFit(['g3', 'g4'], b)).toBe(0); // inactive goals add nothing
    expect(strategicFit(['g2', 'g2', 'g9'], b)).toBe(3 / 8); // repeats and unknown ids add nothing
    expect(strategicFit([], b)).toBe(0);
  });

  it('is 0 when the board has no active weight', () => {
    expect(strategicFit(['g1'], board({ goals: [] }))).toBe(0);
    expect(strategicFit(['g1'], board({ goals: [goal('g1', 0)] }))).toBe(0); // 0 / 0
    expect(strategicFit(['g1'], board({ goals: [goal('g1', 4, 'achieved')] }))).toBe(0);
  });

  it('property: fit is within 0..1 and serving more goals never lowers it', () => {
    fc.assert(
      fc.property(boardArb, fc.subarray(['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'gx']), (bd, ids) => {
        const fit = strategicFit(ids, bd);
        expect(fit).toBeGreaterThanOrEqual(0);
        expect(fit).toBeLessThanOrEqual(1);
        expect(strategicFit([...ids, 'g1'], bd)).toBeGreaterThanOrEqual(fit);
      }),
    );
  });
});

describe('goalCoverage', () => {
  it('hand example: value split among active goals, unaligned, inactive and unknown references', () => {
    const report = goalCoverage(
      [
        { key: 'A-1', value: 10, goals: ['g1'] }, // g1 += 10
        { key: 'A-2', value: 6, goals: ['g1', 'g2'] }, // g1 += 3, g2 += 3
        { key: 'A-3', value: null, goals: ['g2'] }, // unscored: counts, adds 0
        { key: 'A-4', value: 4, goals: [] }, // unaligned += 4
        { key: 'A-5', value: -2, goals: ['g3'] }, // negative counts as 0; only an achieved goal: unaligned
        { key: 'A-6', value: 5, goals: ['g2', 'g9'] }, // g9 unknown: g2 += 5
      ],
      b,
    );
    // total = 10 + 6 + 0 + 4 + 0 + 5 = 25
    expect(report.totalValue).toBe(25);
    expect(report.goals).toEqual([
      // g1: 10 + 3 = 13 → 13 / 25 = 0.52
      { goalId: 'g1', name: 'Goal g1', weight: 5, count: 2, keys: ['A-1', 'A-2'], value: 13, share: 0.52 },
      // g2: 3 + 0 + 5 = 8 → 8 / 25 = 0.32
      {
        goalId: 'g2',
        name: 'Goal g2',
        weight: 3,
        count: 3,
        keys: ['A-2', 'A-3', 'A-6'],
        value: 8,
        share: 0.32,
      },
    ]);
    // unaligned: 4 + 0 = 4 → 4 / 25 = 0.16; 0.52 + 0.32 + 0.16 = 1
    expect(report.unaligned).toEqual({ count: 2, keys: ['A-4', 'A-5'], value: 4, share: 0.16 });
    expect(report.inactive).toEqual([{ goalId: 'g3', status: 'achieved', keys: ['A-5'] }]);
    expect(report.unknown).toEqual([{ goalId: 'g9', keys: ['A-6'] }]);
  });

  it('an empty or valueless backlog has all shares 0', () => {
    expect(goalCoverage([], b)).toMatchObject({ totalValue: 0, unaligned: { count: 0, share: 0 } });
    const valueless = goalCoverage([{ key: 'A-1', value: null, goals: ['g1'] }], b);
    expect(valueless.goals.map((g) => [g.count, g.share])).toEqual([
      [1, 0],
      [0, 0],
    ]);
  });

  it('property: shares in [0, 1]; goal shares sum ≤ 1 and with the unaligned share make 1', () => {
    const itemsArb = fc.array(
      fc.record({
        key: fc.string({ minLength: 1, maxLength: 5 }),
        value: fc.option(fc.double({ min: -100, max: 1e6, noNaN: true }), { nil: null }),
        goals: fc.subarray(['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'gx']),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(boardArb, itemsArb, (bd, items) => {
        const report = goalCoverage(items, bd);
        const shares = report.goals.map((g) => g.share);
        for (const s of [...shares, report.unaligned.share]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
        const sum = shares.reduce((x, y) => x + y, 0);
        expect(sum).toBeLessThanOrEqual(1 + 1e-9); // floating-point rounding only
        if (report.totalValue > 0) expect(sum + report.unaligned.share).toBeCloseTo(1, 9);
        const active = new Set(bd.goals.filter((g) => g.status === 'active').map((g) => g.id));
        const aligned = items.filter((i) => i.goals.some((g) => active.has(g))).length;
        expect(report.unaligned.count).toBe(items.length - aligned);
      }),
    );
  });
});
