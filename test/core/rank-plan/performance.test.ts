/** Planning 10,000 issues stays well under a second, even on a slow shared machine. */
import { minimumCostExhaustive, planRank } from '../../../src/core/rank-plan';
import { perturb, planProblem } from './check';

const range = (n: number): string[] => Array.from({ length: n }, (_, i) => `K-${i + 1}`);

describe('planRank performance', () => {
  const n = 10_000;
  const current = range(n);

  it.each([
    ['a full shuffle', 'shuffle', 1],
    ['10% re-scored', 'tenth', 2],
  ] as const)('plans %s of 10,000 issues in under a second', (label, kind, seed) => {
    const target = perturb(current, kind, seed);
    const started = performance.now();
    const plan = planRank(current, target);
    const ms = performance.now() - started;
    console.log(
      `planRank, 10,000 issues, ${label}: ${ms.toFixed(0)} ms, ${plan.calls.length} calls, ${plan.moved} moved`,
    );
    expect(ms).toBeLessThan(1000);
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
