/**
 * Planning 10,000 issues stays within 4 times a fixed reference workload (sorting 100,000 numbers), timed
 * interleaved with it in the same run so that load on the shared machine slows both alike.
 */
import { planRank } from '../../../src/core/rank-plan';
import { minimumCostExhaustive } from '../../support/rank-exhaustive';
import { describeTiming, timeAgainstReference } from '../../support/timing';
import { perturb, planProblem } from './check';

const range = (n: number): string[] => Array.from({ length: n }, (_, i) => `K-${i + 1}`);

describe('planRank performance', () => {
  const n = 10_000;
  const current = range(n);

  it.each([
    ['a full shuffle', 'shuffle', 1],
    ['10% re-scored', 'tenth', 2],
  ] as const)('plans %s of 10,000 issues within 4 times the reference workload', (label, kind, seed) => {
    const target = perturb(current, kind, seed);
    const plan = planRank(current, target);
    const t = timeAgainstReference(() => void planRank(current, target), 5, 1);
    console.log(
      `${describeTiming(`planRank, 10,000 issues, ${label}`, t)}; ${plan.calls.length} calls, ${plan.moved} moved`,
    );
    expect(t.ratio).toBeLessThan(4);
    expect(planProblem(current, target, plan, 50)).toBeUndefined();
  });

  it('matches the exhaustive checker at 3,000 issues', () => {
    const m = 3000;
    const target = perturb(range(m), 'tenth', 3);
    const plan = planRank(range(m), target);
    expect({ calls: plan.calls.length, moved: plan.moved }).toEqual(
      minimumCostExhaustive(range(m), target, 50),
    );
  });
});
