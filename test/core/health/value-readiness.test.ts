/** Top by value, readiness, the refinement agenda and the not-ready JQL. */
import fc from 'fast-check';
import {
  jqlString,
  keysJql,
  notReadyJql,
  readiness,
  refinementAgenda,
  topByValue,
} from '../../../src/core/health';
import type { HealthItem } from '../../../src/core/health';
import { item } from './fixtures';

// Current rank order, top first.
const items: HealthItem[] = [
  item('A-1', 5, { ready: true }),
  item('A-2', null, { ready: false }),
  item('A-3', 8, {
    ready: false,
    topFinding: { kind: 'missing-criteria', message: 'No acceptance criteria' },
  }),
  item('A-4', 5),
  item('A-5', 0.1 + 0.2, { ready: true }), // 0.30000000000000004: ties with 0.3 at 12 significant digits
  item('A-6', 0.3, {
    ready: false,
    topFinding: { kind: 'subjective', message: '"user-friendly" is subjective' },
  }),
  item('A-7', NaN, { ready: true }), // NaN reads as unscored
];

describe('topByValue', () => {
  it('higher score first; ties keep current rank order and share their rank', () => {
    // Value order: A-3 (8); A-1, A-4 (5, tied: A-1 ranks higher now); A-5, A-6 (0.3, tied).
    expect(topByValue(items, 10).map((e) => [e.key, e.position, e.rank, e.tied, e.currentRank])).toEqual([
      ['A-3', 1, 1, false, 3],
      ['A-1', 2, 2, true, 1],
      ['A-4', 3, 2, true, 4],
      ['A-5', 4, 4, true, 5],
      ['A-6', 5, 4, true, 6],
    ]);
  });

  it('cuts at n, marking a tie that continues past the cut', () => {
    const top = topByValue(items, 2);
    expect(top.map((e) => e.key)).toEqual(['A-3', 'A-1']);
    expect(top[1]).toMatchObject({ tied: true, score: 5, summary: 'Summary of A-1', ready: true });
  });

  it('edge cases: n = 0, n negative or fractional, empty and all-unscored backlogs', () => {
    expect(topByValue(items, 0)).toEqual([]);
    expect(topByValue(items, -3)).toEqual([]);
    expect(topByValue(items, 1.9).map((e) => e.key)).toEqual(['A-3']);
    expect(topByValue([], 20)).toEqual([]);
    expect(topByValue([item('U-1', null), item('U-2', null)], 20)).toEqual([]);
  });

  it('property: non-increasing scores, at most n, a subset of the scored items', () => {
    const arb = fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 50 }), (scores, n) => {
        const list = scores.map((s, i) => item(`P-${i + 1}`, s));
        const top = topByValue(list, n);
        expect(top.length).toBe(Math.min(n, scores.filter((s) => s !== null).length));
        top.forEach((e, i) => {
          if (i > 0) {
            expect(e.score).toBeLessThanOrEqual(top[i - 1]!.score);
            if (e.score === top[i - 1]!.score) expect(e.currentRank).toBeGreaterThan(top[i - 1]!.currentRank);
          }
        });
      }),
    );
  });
});

describe('readiness', () => {
  it('hand example: the top 3 by value and the whole backlog', () => {
    const r = readiness(items, 3);
    // Top 3 by value: A-3 (not ready), A-1 (ready), A-4 (unchecked) → 1 / 3 ready.
    expect(r.top).toEqual({
      requested: 3,
      total: 3,
      ready: 1,
      notReady: 1,
      unchecked: 1,
      share: 1 / 3,
      notReadyKeys: ['A-3'],
      uncheckedKeys: ['A-4'],
    });
    // All 7: ready, A-7 (3); not ready, A-6 (3); unchecked A-4 (1) → 3 / 7.
    expect(r.all).toEqual({
      total: 7,
      ready: 3,
      notReady: 3,
      unchecked: 1,
      share: 3 / 7,
      notReadyKeys: ['A-2', 'A-3', 'A-6'],
      uncheckedKeys: ['A-4'],
    });
  });

  it('empty backlog, all unscored, and n larger than the backlog', () => {
    const empty = readiness([], 20);
    expect(empty.all).toMatchObject({ total: 0, share: 0 });
    expect(empty.top).toMatchObject({ requested: 20, total: 0, share: 0 });
    const unscored = readiness([item('U-1', null, { ready: true })], 20);
    expect(unscored.top.total).toBe(0);
    expect(unscored.all.share).toBe(1);
    expect(readiness(items, 500).top.total).toBe(5); // only 5 items are scored
  });

  it('property: shares in [0, 1] and counts add up', () => {
    const arb = fc.array(
      fc.record({
        score: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
        ready: fc.constantFrom(true, false, undefined),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 60 }), (rows, n) => {
        const r = readiness(
          rows.map((row, i) => item(`R-${i}`, row.score, { ready: row.ready })),
          n,
        );
        for (const group of [r.top, r.all]) {
          expect(group.share).toBeGreaterThanOrEqual(0);
          expect(group.share).toBeLessThanOrEqual(1);
          expect(group.ready + group.notReady + group.unchecked).toBe(group.total);
        }
        expect(r.top.total).toBeLessThanOrEqual(n);
      }),
    );
  });
});

describe('refinementAgenda', () => {
  it('the highest-value items that are not ready (or unchecked), with their top finding', () => {
    // Value order A-3, A-1 (ready: skipped), A-4, A-5 (ready: skipped), A-6; A-2 is unscored.
    expect(refinementAgenda(items, 10)).toEqual([
      {
        key: 'A-3',
        summary: 'Summary of A-3',
        score: 8,
        position: 1,
        rank: 1,
        status: 'not-ready',
        finding: { kind: 'missing-criteria', message: 'No acceptance criteria' },
        openQuestions: 0,
      },
      {
        key: 'A-4',
        summary: 'Summary of A-4',
        score: 5,
        position: 3,
        rank: 2,
        status: 'unchecked',
        finding: null,
        openQuestions: 0,
      },
      {
        key: 'A-6',
        summary: 'Summary of A-6',
        score: 0.3,
        position: 5,
        rank: 4,
        status: 'not-ready',
        finding: { kind: 'subjective', message: '"user-friendly" is subjective' },
        openQuestions: 0,
      },
    ]);
    expect(refinementAgenda(items, 2).map((e) => e.key)).toEqual(['A-3', 'A-4']);
    expect(refinementAgenda([], 5)).toEqual([]);
    expect(refinementAgenda(items, 0)).toEqual([]);
  });

  it('lists the items with open questions for the PO first, each group in value order', () => {
    const asked = items.map((i) =>
      i.key === 'A-6' ? { ...i, openQuestions: 2 } : i.key === 'A-1' ? { ...i, openQuestions: 1 } : i,
    );
    // A-1 is ready (the checker did not block it): it stays off the agenda whatever its questions.
    expect(refinementAgenda(asked, 10).map((e) => [e.key, e.openQuestions])).toEqual([
      ['A-6', 2],
      ['A-3', 0],
      ['A-4', 0],
    ]);
    expect(refinementAgenda(asked, 1).map((e) => e.key)).toEqual(['A-6']);
  });
});

describe('not-ready JQL', () => {
  it('quotes and escapes every value', () => {
    expect(jqlString('A-1')).toBe('"A-1"');
    expect(jqlString('x" OR project = "Y\\')).toBe('"x\\" OR project = \\"Y\\\\"');
    expect(jqlString('a\nb')).toBe('"a\\nb"');
  });

  it('builds the property query and the key list', () => {
    expect(notReadyJql(['A-3', 'A-6', 'A-3'], 'TRAIL')).toEqual({
      byProperty:
        'project = "TRAIL" AND issue.property[valuerank-readiness].ready = "false" ORDER BY Rank ASC',
      byKeys: 'key in ("A-3", "A-6") ORDER BY Rank ASC',
    });
    expect(notReadyJql([], 'X" OR "1"="1').byProperty).toBe(
      'project = "X\\" OR \\"1\\"=\\"1" AND issue.property[valuerank-readiness].ready = "false" ORDER BY Rank ASC',
    );
  });

  it('a key list only for 1..100 keys', () => {
    const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `K-${i + 1}`);
    expect(keysJql([])).toBeNull();
    expect(keysJql(keys(100))).toMatch(/^key in \("K-1", .*"K-100"\) ORDER BY Rank ASC$/);
    expect(keysJql(keys(101))).toBeNull();
  });

  it('property: a quoted value has no unescaped quote inside', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const inner = jqlString(s).slice(1, -1);
        expect(inner.replace(/\\[\\"nrt]/g, '')).not.toMatch(/["\\\n\r\t]/);
      }),
    );
  });
});
