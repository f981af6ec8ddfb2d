/**
 * Fragility on a small backlog computed by hand. Model: value / effort (business value / story points).
 *
 *   key   BV  SP  score            position
 *   V-1   20   2  10               0
 *   V-2    5   2  2.5              1
 *   V-3    2   1  2                2
 *   V-4   13   7  1.857 (13/7)     3
 *   V-5   13   8  1.625            4
 *   V-6    8   5  1.6              5
 *   V-7    3   2  1.5              6
 *   V-8    5   5  1                7
 *   V-9    1   2  0.5              8
 *
 * One step on the Fibonacci scale (1, 2, 3, 5, 8, 13, 20, 40, 100); equal scores are ordered by key. New place =
 * the number of other issues that come before the new score; places = old − new (positive is up).
 *
 * V-1: BV 13 → 6.5, BV 40 → 20, SP 1 → 20, SP 3 → 6.67: still first. Worst 0.
 * V-2: BV 3 → 1.5: after V-1, V-3, V-4, V-5, V-6, before V-7 (tie, V-2 < V-7): place 5, −4.
 *      BV 8 → 4: place 1, 0. SP 1 → 5: 0. SP 3 → 1.667: after V-1, V-3, V-4 (1.857): place 3, −2.
 *      Worst: businessValue 5 → 3, −4.
 * V-3: BV 1 → 1: before V-8 (tie, V-3 < V-8), after the 6 above: place 6, −4. BV 3 → 3: place 1, +1.
 *      SP 2 → 1: −4 as well (not worse). Worst: businessValue 2 → 1, −4.
 * V-4: BV 8 → 8/7 = 1.143: place 6, −3. BV 20 → 2.857: place 1, +2. SP 7 is off the scale, steps to 5 and 8:
 *      SP 5 → 2.6: place 1, +2; SP 8 → 1.625: before V-5 (tie, V-4 < V-5): place 3, 0. Worst −3: not more than 3.
 * V-5: BV 8 → 1: place 6, −2. BV 20 → 2.5: after V-1, V-2 (tie, V-2 < V-5): place 2, +2. SP 5 → 2.6: place 1, +3.
 *      SP 13 → 1: −2. Worst +3: not more than 3.
 * V-6: BV 5 → 1: place 6, −1. BV 13 → 2.6: place 1, +4. SP 3 → 2.667: +4 (not worse). SP 8 → 1: −1.
 *      Worst: businessValue 8 → 13, +4.
 * V-7: BV 2 → 1: place 6, 0. BV 5 → 2.5: after V-1, V-2 (tie): place 2, +4. SP 1 → 3: place 1, +5. SP 3 → 1: 0.
 *      Worst: storyPoints 2 → 1, +5.
 * V-8: BV 3 → 0.6: 0. BV 8 → 1.6: after V-6 (tie, V-6 < V-8): place 6, +1. SP 3 → 1.667: place 4, +3. SP 8: 0.
 *      Worst +3: not more than 3.
 * V-9: BV 2 → 1: after V-8 (tie, V-8 < V-9): place 8, 0. SP 1 → 1: 0. SP 3 → 0.333: 0. Worst 0.
 */
import { FIBONACCI, fragileIssues } from '../../../src/core/scoring/fragility';
import type { ModelConfig } from '../../../src/core/scoring/models';
import { orderScores } from '../../../src/core/scoring/order';
import { scoreBacklog } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD, issue } from './fixtures';

const ROWS: Array<[string, number, number]> = [
  ['V-1', 20, 2],
  ['V-2', 5, 2],
  ['V-3', 2, 1],
  ['V-4', 13, 7],
  ['V-5', 13, 8],
  ['V-6', 8, 5],
  ['V-7', 3, 2],
  ['V-8', 5, 5],
  ['V-9', 1, 2],
];
const MODEL: ModelConfig = { kind: 'value-effort' };
// Shuffled input order: fragility works from the scores, not from the order they come in.
const issues = [...ROWS].reverse().map(([key, bv, sp]) => issue(key, { [F.bv]: bv, [F.sp]: sp }));
const scores = scoreBacklog(
  [...issues, issue('V-10', { [F.bv]: 8 })], // unscored: no place to lose
  TRAILHEAD,
  MODEL,
  { now: NOW },
);
const scales = { businessValue: FIBONACCI, storyPoints: FIBONACCI };

describe('fragileIssues', () => {
  it('orders the example as in the table', () => {
    expect(orderScores(scores).map((s) => s.key)).toEqual([...ROWS.map((r) => r[0]), 'V-10']);
  });

  it('finds the issues one step moves more than 3 places, with their worst step', () => {
    expect(fragileIssues(scores, scales, { model: MODEL, mapping: TRAILHEAD })).toEqual([
      { key: 'V-2', input: 'businessValue', from: 5, to: 3, places: -4 },
      { key: 'V-3', input: 'businessValue', from: 2, to: 1, places: -4 },
      { key: 'V-6', input: 'businessValue', from: 8, to: 13, places: 4 },
      { key: 'V-7', input: 'storyPoints', from: 2, to: 1, places: 5 },
    ]);
  });

  it('takes the threshold and the scales as given', () => {
    expect(fragileIssues(scores, scales, { model: MODEL, mapping: TRAILHEAD, threshold: 4 })).toEqual([
      { key: 'V-7', input: 'storyPoints', from: 2, to: 1, places: 5 },
    ]);
    // With a threshold of 2, V-4 (−3), V-5 (+3) and V-8 (+3) join.
    expect(
      fragileIssues(scores, scales, { model: MODEL, mapping: TRAILHEAD, threshold: 2 }).map((f) => [
        f.key,
        f.places,
      ]),
    ).toEqual([
      ['V-2', -4],
      ['V-3', -4],
      ['V-4', -3],
      ['V-5', 3],
      ['V-6', 4],
      ['V-7', 5],
      ['V-8', 3],
    ]);
    // Only business value on a scale: V-7's story points step is not tried; its BV 3 → 5 gives +4.
    expect(
      fragileIssues(scores, { businessValue: FIBONACCI }, { model: MODEL, mapping: TRAILHEAD }).map((f) => [
        f.key,
        f.input,
        f.places,
      ]),
    ).toEqual([
      ['V-2', 'businessValue', -4],
      ['V-3', 'businessValue', -4],
      ['V-6', 'businessValue', 4],
      ['V-7', 'businessValue', 4],
    ]);
    expect(fragileIssues(scores, {}, { model: MODEL, mapping: TRAILHEAD, threshold: 0 })).toEqual([]);
  });

  it('steps the story points under WSJF, where job size is read from them, and skips a step that cannot score', () => {
    const wsjf: ModelConfig = { kind: 'wsjf' };
    // (8 + 5 + 3) / SP with SP 1, 2, 3, 5, 8: 16, 8, 5.33, 3.2, 2, and a field of fillers at 4.5 .. 2.5.
    const rows = [1, 2, 3, 5, 8].map((sp, i) =>
      issue(`W-${i + 1}`, { [F.bv]: 8, [F.tc]: 5, [F.rr]: 3, [F.sp]: sp }),
    );
    const fillers = [9, 8, 7, 6, 5].map((bv, i) =>
      issue(`X-${i + 1}`, { [F.bv]: bv, [F.tc]: 0, [F.rr]: 0, [F.sp]: 2 }),
    );
    const s = scoreBacklog([...rows, ...fillers], TRAILHEAD, wsjf, { now: NOW });
    // Order: W-1 16, W-2 8, W-3 5.33, X-1 4.5, X-2 4, X-3 3.5, W-4 3.2, X-4 3, X-5 2.5, W-5 2 (places 0..9).
    // W-4 (place 6): SP 3 → 16/3, tie with W-3, after it: place 3, +3. SP 8 → 2: before W-5 (tie): place 8, −2.
    // X-4 (place 7): SP 1 → 6: after W-1, W-2: place 2, +5. SP 3 → 2: after W-5 (tie, W-5 < X-4): place 9, −2.
    // X-5 (place 8): SP 1 → 5: after W-1, W-2, W-3: place 3, +5.
    // and W-3 move 3 places at most (X-1 SP 3 → 3: place 6, −3; W-3 SP 5 → 3.2: place 5, −3).
    expect(fragileIssues(s, { storyPoints: [0, ...FIBONACCI] }, { model: wsjf, mapping: TRAILHEAD })).toEqual(
      [
        { key: 'X-4', input: 'storyPoints', from: 2, to: 1, places: 5 },
        { key: 'X-5', input: 'storyPoints', from: 2, to: 1, places: 5 },
      ],
    );
    // W-1 (SP 1): the step down to 0 would leave it unscored (job size must be > 0), so only 1 → 2 is tried:
    // 16 → 8, tie with W-2, still before it: 0 places.
    const all = fragileIssues(
      s,
      { storyPoints: [0, ...FIBONACCI] },
      { model: wsjf, mapping: TRAILHEAD, threshold: -1 },
    );
    expect(all[0]).toEqual({ key: 'W-1', input: 'storyPoints', from: 1, to: 2, places: 0 });
    expect(all.find((f) => f.key === 'W-4')).toEqual({
      key: 'W-4',
      input: 'storyPoints',
      from: 5,
      to: 3,
      places: 3,
    });
  });
});
