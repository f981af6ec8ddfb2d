import fc from 'fast-check';
import {
  initialRanks,
  isLexoRank,
  MAX_FRACTION_DIGITS,
  nextBucket,
  ranksBetween,
  RANK_PATTERN,
} from '../../../dev/site/lexorank';

const sorted = (xs: string[]): boolean => xs.every((x, i) => i === 0 || (xs[i - 1] as string) < x);

describe('lexorank', () => {
  it('spreads initial ranks evenly in Jira format', () => {
    const ranks = initialRanks(5);
    expect(ranks).toHaveLength(5);
    expect(sorted(ranks)).toBe(true);
    for (const r of ranks) expect(r).toMatch(RANK_PATTERN);
    expect(initialRanks(3, 2).every((r) => r.startsWith('2|'))).toBe(true);
    expect(isLexoRank('0|i0000f:')).toBe(true);
    expect(isLexoRank('0|i00360:')).toBe(true);
    expect(isLexoRank('rank 1')).toBe(false);
  });

  it('computes ranks strictly between neighbours, at the ends too', () => {
    const [a, b] = initialRanks(2) as [string, string];
    for (const [prev, next] of [
      [a, b],
      [undefined, a],
      [b, undefined],
      [undefined, undefined],
    ] as const) {
      const between = ranksBetween(prev, next, 7);
      expect(between).toHaveLength(7);
      const all = [prev, ...(between ?? []), next].filter((x): x is string => x !== undefined);
      expect(sorted(all)).toBe(true);
    }
  });

  it('grows variable length fractions and asks for a rebalance when they get too long', () => {
    const prev = '0|i00000:';
    let next = '0|i00001:';
    let steps = 0;
    for (;;) {
      const r = ranksBetween(prev, next, 1);
      if (!r) break;
      expect(prev < (r[0] as string) && (r[0] as string) < next).toBe(true);
      next = r[0] as string;
      steps++;
    }
    expect(steps).toBeGreaterThan(50);
    expect(next.length).toBeLessThanOrEqual(2 + 6 + 1 + MAX_FRACTION_DIGITS);
    expect(nextBucket(next)).toBe(1);
    expect(nextBucket('2|i00000:')).toBe(0);
  });

  it('refuses neighbours out of order or in other formats', () => {
    expect(ranksBetween('0|i00001:', '0|i00000:', 1)).toBeUndefined();
    expect(ranksBetween('0|hzzzzz:i0', undefined, 1)).toBeUndefined(); // trailing zero: not this module's format
    expect(ranksBetween('0|i00000:', '1|i00000:', 1)).toBeUndefined();
  });

  it('always lands strictly between any two ordered ranks (property)', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz'),
      minLength: 0,
      maxLength: 8,
    });
    const rank = fc
      .tuple(
        fc.string({
          unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz'),
          minLength: 6,
          maxLength: 6,
        }),
        digits,
      )
      .map(([i, f]) => `0|${i}:${f.replace(/0+$/, '')}`);
    fc.assert(
      fc.property(rank, rank, fc.integer({ min: 1, max: 50 }), (x, y, n) => {
        if (x === y) return;
        const [lo, hi] = x < y ? [x, y] : [y, x];
        const r = ranksBetween(lo, hi, n);
        if (!r) return; // too close: a rebalance would follow
        expect(sorted([lo, ...r, hi])).toBe(true);
        for (const s of r) expect(s).toMatch(RANK_PATTERN);
      }),
      { numRuns: 300 },
    );
  });
});
