/**
 * What would reverse two issues' order, by hand. Model: value / effort (business value / story points),
 * Fibonacci scales (1, 2, 3, 5, 8, 13, 20, 40, 100).
 *
 *   R-1  BV 13, SP 2  → 6.5  (higher)
 *   R-2  BV  8, SP 3  → 2.667 (lower)
 *
 * R-2 up: BV 13 → 4.33 (no), 20 → 6.67 > 6.5: 2 steps. SP 2 → 4 (no), 1 → 8: 2 steps (5 lowers it).
 * R-1 down: BV 8 → 4 (no), 5 → 2.5 < 2.667: 2 steps. SP 3 → 4.33 (no), 5 → 2.6: 2 steps.
 */
import { FIBONACCI } from '../../../src/core/scoring/fragility';
import type { ModelConfig } from '../../../src/core/scoring/models';
import { reversals } from '../../../src/core/scoring/reversal';
import { scoreBacklog, type ScoredScore } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD, issue } from './fixtures';

const MODEL: ModelConfig = { kind: 'value-effort' };
const scales = { businessValue: FIBONACCI, storyPoints: FIBONACCI };

function scored(rows: Array<[string, Record<string, unknown>]>, model = MODEL): ScoredScore[] {
  const scores = scoreBacklog(
    rows.map(([key, fields]) => issue(key, fields)),
    TRAILHEAD,
    model,
    { now: NOW },
  );
  for (const s of scores) if (s.status !== 'scored') throw new Error(`${s.key} unscored: ${s.reason}`);
  return scores as ScoredScore[];
}

describe('reversals', () => {
  const [higher, lower] = scored([
    ['R-1', { [F.bv]: 13, [F.sp]: 2 }],
    ['R-2', { [F.bv]: 8, [F.sp]: 3 }],
  ]) as [ScoredScore, ScoredScore];

  it('finds the nearest scale value of each input that reverses the order, the lower issue first', () => {
    const found = reversals(higher, lower, { model: MODEL, mapping: TRAILHEAD, scales });
    expect(
      found.map(({ key, input, from, to, steps, display }) => ({ key, input, from, to, steps, display })),
    ).toEqual([
      { key: 'R-2', input: 'businessValue', from: 8, to: 20, steps: 2, display: '6.67' },
      { key: 'R-2', input: 'storyPoints', from: 3, to: 1, steps: 2, display: '8' },
      { key: 'R-1', input: 'businessValue', from: 13, to: 5, steps: 2, display: '2.5' },
      { key: 'R-1', input: 'storyPoints', from: 2, to: 5, steps: 2, display: '2.6' },
    ]);
    // Every change does reverse the order, and its label is the input's.
    for (const r of found) {
      expect(r.key === 'R-2' ? r.value > higher.value : r.value < lower.value).toBe(true);
      expect(r.label.length).toBeGreaterThan(0);
    }
  });

  it('is empty when nothing on the scales is enough, or the model has no scaled inputs', () => {
    const [a, b] = scored([
      ['R-3', { [F.bv]: 100, [F.sp]: 1 }],
      ['R-4', { [F.bv]: 1, [F.sp]: 100 }],
    ]) as [ScoredScore, ScoredScore];
    expect(reversals(a, b, { model: MODEL, mapping: TRAILHEAD, scales: { impact: FIBONACCI } })).toEqual([]);
  });

  it('never reverses issues in different MoSCoW buckets by a formula input', () => {
    const moscow: ModelConfig = { kind: 'moscow', tiebreak: { kind: 'value-effort' } };
    const [must, could] = scored(
      [
        ['M-1', { [F.moscow]: { value: 'Must have' }, [F.bv]: 1, [F.sp]: 8 }],
        ['M-2', { [F.moscow]: { value: 'Could have' }, [F.bv]: 20, [F.sp]: 1 }],
      ],
      moscow,
    ) as [ScoredScore, ScoredScore];
    expect(must.bucket).not.toBe(could.bucket);
    expect(reversals(must, could, { model: moscow, mapping: TRAILHEAD, scales })).toEqual([]);
  });
});
