/** The value/effort matrix. */
import fc from 'fast-check';
import { median, QUADRANTS, valueEffortQuadrants } from '../../../src/core/health';
import { item } from './fixtures';

describe('valueEffortQuadrants', () => {
  it('hand example: split at the medians; exactly at a median counts as high', () => {
    const report = valueEffortQuadrants([
      item('Q-1', 10, { storyPoints: 1 }),
      item('Q-2', 9, { storyPoints: 8 }),
      item('Q-3', 1, { storyPoints: 2 }),
      item('Q-4', 2, { storyPoints: 13 }),
      item('Q-5', 5, { storyPoints: 3 }),
      item('Q-6', 4), // no estimate
      item('Q-7', null, { storyPoints: 5 }), // no score
      item('Q-8', null, { storyPoints: -1 }), // neither (a negative estimate reads as none)
    ]);
    // Efforts of Q-1..Q-5 sorted: 1 2 3 8 13 → median 3. Scores sorted: 1 2 5 9 10 → median 5.
    expect(report.medians).toEqual({ effort: 3, value: 5 });
    expect(report.points.map((p) => [p.key, p.x, p.y, p.quadrant])).toEqual([
      ['Q-1', 1, 10, 'quick-win'], // 1 < 3 low effort, 10 ≥ 5 high value
      ['Q-2', 8, 9, 'big-bet'], // 8 ≥ 3, 9 ≥ 5
      ['Q-3', 2, 1, 'filler'], // 2 < 3, 1 < 5
      ['Q-4', 13, 2, 'time-sink'], // 13 ≥ 3, 2 < 5
      ['Q-5', 3, 5, 'big-bet'], // both exactly at the median: high and high
    ]);
    expect(report.counts).toEqual({ 'quick-win': 1, 'big-bet': 2, filler: 1, 'time-sink': 1 });
    expect(report.missing).toEqual([
      { key: 'Q-6', summary: 'Summary of Q-6', missing: ['effort'] },
      { key: 'Q-7', summary: 'Summary of Q-7', missing: ['score'] },
      { key: 'Q-8', summary: 'Summary of Q-8', missing: ['score', 'effort'] },
    ]);
  });

  it('even counts: the median is the mean of the middle two', () => {
    // Efforts 1 2 3 5 → (2 + 3) / 2 = 2.5; scores 4 6 7 9 → (6 + 7) / 2 = 6.5.
    expect(median([5, 1, 3, 2])).toBe(2.5);
    const report = valueEffortQuadrants([
      item('E-1', 9, { storyPoints: 1 }), // low effort, high value
      item('E-2', 4, { storyPoints: 2 }), // low, low
      item('E-3', 7, { storyPoints: 3 }), // high, high
      item('E-4', 6, { storyPoints: 5 }), // high effort, low value
    ]);
    expect(report.medians).toEqual({ effort: 2.5, value: 6.5 });
    expect(report.points.map((p) => p.quadrant)).toEqual(['quick-win', 'filler', 'big-bet', 'time-sink']);
  });

  it('empty, all-unscored, all-unestimated, and all-equal backlogs', () => {
    const none = { 'quick-win': 0, 'big-bet': 0, filler: 0, 'time-sink': 0 };
    expect(valueEffortQuadrants([])).toEqual({ points: [], counts: none, medians: null, missing: [] });
    expect(valueEffortQuadrants([item('U-1', null, { storyPoints: 3 })]).missing).toHaveLength(1);
    expect(valueEffortQuadrants([item('U-2', 4)])).toMatchObject({ medians: null, points: [] });
    // All equal: every item sits on both medians, so all are big bets.
    const same = valueEffortQuadrants([
      item('S-1', 2, { storyPoints: 3 }),
      item('S-2', 2, { storyPoints: 3 }),
    ]);
    expect(same.counts['big-bet']).toBe(2);
    expect(median([])).toBeNaN();
  });

  it('property: the quadrants partition the estimated-and-scored items', () => {
    const arb = fc.array(
      fc.record({
        score: fc.option(fc.integer({ min: -3, max: 9 }), { nil: null }),
        points: fc.option(fc.constantFrom(0, 1, 2, 3, 5, 8), { nil: undefined }),
      }),
      { maxLength: 50 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const list = rows.map((r, i) => item(`P-${i}`, r.score, { storyPoints: r.points }));
        const report = valueEffortQuadrants(list);
        const complete = rows.filter((r) => r.score !== null && r.points !== undefined).length;
        expect(report.points).toHaveLength(complete);
        expect(QUADRANTS.reduce((sum, q) => sum + report.counts[q], 0)).toBe(complete);
        expect(report.points.length + report.missing.length).toBe(rows.length);
        const keys = [...report.points.map((p) => p.key), ...report.missing.map((m) => m.key)];
        expect(new Set(keys).size).toBe(rows.length);
        for (const p of report.points) {
          const high = p.y >= report.medians!.value;
          const heavy = p.x >= report.medians!.effort;
          expect(p.quadrant).toBe(high ? (heavy ? 'big-bet' : 'quick-win') : heavy ? 'time-sink' : 'filler');
        }
      }),
    );
  });
});
