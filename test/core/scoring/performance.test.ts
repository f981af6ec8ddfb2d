/**
 * Scoring 10,000 issues must take well under 100 ms. The backlog is Trailhead-shaped and exercises the slower
 * paths too: a label rule, the due-date fallback for empty time criticality, select options, some unscored.
 * Timed after one warm-up run (the first run also pays for the JIT); the median of 5 runs must be under 100 ms.
 */
import { fragileIssues } from '../../../src/core/scoring/fragility';
import { proposeMapping } from '../../../src/core/scoring/mapping';
import type { FieldMapping } from '../../../src/core/scoring/mapping';
import type { ModelConfig } from '../../../src/core/scoring/models';
import { orderScores } from '../../../src/core/scoring/order';
import { scoreBacklog } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD_FIELDS, issue } from './fixtures';

const FIB = [1, 2, 3, 5, 8, 13, 20];
const MOSCOW = ['Must have', 'Should have', 'Could have', "Won't have"];

function backlog(n: number) {
  return Array.from({ length: n }, (_, i) =>
    issue(`TRAIL-${i + 1}`, {
      summary: `Issue ${i + 1}`,
      [F.sp]: i % 41 === 0 ? null : FIB[i % 7],
      [F.bv]: FIB[(i * 3) % 7],
      [F.tc]: i % 5 === 0 ? null : FIB[(i * 5) % 7],
      [F.rr]: FIB[(i * 2) % 7],
      [F.reach]: 100 * ((i % 10) + 1),
      [F.impact]: [0.25, 0.5, 1, 2, 3][i % 5],
      [F.confidence]: [50, 80, 100][i % 3],
      [F.moscow]: {
        self: 'https://trailhead.atlassian.net/rest/api/3/customFieldOption/10100',
        id: '10100',
        value: MOSCOW[i % 4],
      },
      priority: { name: ['Highest', 'High', 'Medium', 'Low', 'Lowest'][i % 5], id: String(i % 5) },
      labels: i % 9 === 0 ? ['regulatory', 'web'] : ['web'],
      duedate: i % 3 === 0 ? `2024-0${1 + (i % 9)}-1${i % 10}` : null,
    }),
  );
}

const MAPPING: FieldMapping = {
  ...proposeMapping(TRAILHEAD_FIELDS, { estimationFieldId: 'customfield_10016' }),
  rules: [{ field: 'labels', value: 'regulatory', input: 'riskReduction', add: 8 }],
};
const ISSUES = backlog(10_000);

function time(model: ModelConfig): { median: number; runs: number[]; scored: number } {
  scoreBacklog(ISSUES, MAPPING, model, { now: NOW }); // warm-up
  const runs: number[] = [];
  let scored = 0;
  for (let r = 0; r < 5; r += 1) {
    const t = performance.now();
    const scores = scoreBacklog(ISSUES, MAPPING, model, { now: NOW });
    runs.push(performance.now() - t);
    scored = scores.filter((s) => s.status === 'scored').length;
  }
  const median = [...runs].sort((a, b) => a - b)[2] as number;
  return { median, runs, scored };
}

describe('performance', () => {
  it.each<[string, ModelConfig]>([
    ['WSJF', { kind: 'wsjf' }],
    ['RICE', { kind: 'rice' }],
    ['MoSCoW + WSJF', { kind: 'moscow', tiebreak: { kind: 'wsjf' } }],
    [
      'custom formula',
      { kind: 'custom', formula: 'max(businessValue, 1) * priority / storyPoints + reach / 1000' },
    ],
  ])('scores 10,000 issues in well under 100 ms: %s', (name, model) => {
    const { median, runs, scored } = time(model);
    console.log(
      `scoreBacklog ${name}, 10,000 issues (${scored} scored): median ${median.toFixed(1)} ms; runs ${runs
        .map((r) => r.toFixed(1))
        .join(', ')} ms`,
    );
    expect(scored).toBeGreaterThan(8000);
    expect(median).toBeLessThan(100);
  });

  it('orders 10,000 scores and finds the fragile ones in reasonable time', () => {
    const model: ModelConfig = { kind: 'wsjf' };
    const scores = scoreBacklog(ISSUES, MAPPING, model, { now: NOW });
    let t = performance.now();
    orderScores(scores);
    const order = performance.now() - t;
    t = performance.now();
    const fragile = fragileIssues(scores, undefined, { model, mapping: MAPPING });
    const fragility = performance.now() - t;
    console.log(
      `orderScores 10,000: ${order.toFixed(1)} ms; fragileIssues 10,000: ${fragility.toFixed(1)} ms (${fragile.length} fragile)`,
    );
    expect(fragility).toBeLessThan(2000);
  });
});
