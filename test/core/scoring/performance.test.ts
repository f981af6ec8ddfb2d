/**
 * Scoring 10,000 issues must take at most 2.5 times a fixed reference workload (sorting 100,000 numbers).
 * The backlog is Trailhead-shaped and exercises the slower paths too: a label rule, the due-date fallback for
 * empty time criticality, select options, some unscored. Timed interleaved with the reference in the same run
 * (load on the shared cores slows both alike), after one warm-up run (the first also pays for the JIT).
 */
import { fragileIssues } from '../../../src/core/scoring/fragility';
import { proposeMapping } from '../../../src/core/scoring/mapping';
import type { FieldMapping } from '../../../src/core/scoring/mapping';
import type { ModelConfig } from '../../../src/core/scoring/models';
import { orderScores } from '../../../src/core/scoring/order';
import { scoreBacklog } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD_FIELDS, issue } from './fixtures';
import { describeTiming, timeAgainstReference, type Timing } from '../../support/timing';

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

function time(model: ModelConfig): { timing: Timing; scored: number } {
  const scored = scoreBacklog(ISSUES, MAPPING, model, { now: NOW }).filter(
    (s) => s.status === 'scored',
  ).length;
  const timing = timeAgainstReference(() => void scoreBacklog(ISSUES, MAPPING, model, { now: NOW }), 5, 1);
  return { timing, scored };
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
  ])('scores 10,000 issues within 2.5 times the reference workload: %s', (name, model) => {
    const { timing, scored } = time(model);
    console.log(describeTiming(`scoreBacklog ${name}, 10,000 issues (${scored} scored)`, timing));
    expect(scored).toBeGreaterThan(8000);
    expect(timing.ratio).toBeLessThan(2.5);
  });

  it('orders 10,000 scores and finds the fragile ones within 40 times the reference workload', () => {
    const model: ModelConfig = { kind: 'wsjf' };
    const scores = scoreBacklog(ISSUES, MAPPING, model, { now: NOW });
    const fragile = fragileIssues(scores, undefined, { model, mapping: MAPPING });
    const order = timeAgainstReference(() => void orderScores(scores), 5, 1);
    const fragility = timeAgainstReference(
      () => void fragileIssues(scores, undefined, { model, mapping: MAPPING }),
      5,
      1,
    );
    console.log(
      `${describeTiming('orderScores 10,000', order)}; ${describeTiming(`fragileIssues 10,000 (${fragile.length} fragile)`, fragility)}`,
    );
    expect(fragility.ratio).toBeLessThan(40);
  });
});
