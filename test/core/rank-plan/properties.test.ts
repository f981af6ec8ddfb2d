/**
 * Properties of the rank planner on random orders: small shrinkable permutations, and large ones (up to
 * 3,000 issues) built from a seed — full shuffles, a few re-scored issues, 10% re-scored, local shuffles.
 */
import fc from 'fast-check';
import { planRank } from '../../../src/core/rank-plan';
import { minimumCostExhaustive } from '../../support/rank-exhaustive';
import { perturb, planProblem } from './check';
import type { Kind } from './check';

const range = (n: number): string[] => Array.from({ length: n }, (_, i) => `K-${i + 1}`);

describe('planRank properties', () => {
  it('small permutations: a valid plan with the least calls, then the least moves', () => {
    const caseOf = fc.integer({ min: 0, max: 14 }).chain((n) =>
      fc.record({
        target: fc.shuffledSubarray(range(n), { minLength: n, maxLength: n }),
        limit: fc.constantFrom(1, 2, 3, 4, 50),
      }),
    );
    fc.assert(
      fc.property(caseOf, ({ target, limit }) => {
        const current = range(target.length);
        const plan = planRank(current, target, { maxPerCall: limit });
        expect(planProblem(current, target, plan, limit)).toBeUndefined();
        expect({ calls: plan.calls.length, moved: plan.moved }).toEqual(
          minimumCostExhaustive(current, target, limit),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('large orders: applying the plan gives the target; limits, anchors and minimality hold', () => {
    const caseOf = fc.record({
      n: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 300, max: 3000 })),
      kind: fc.constantFrom<Kind>('shuffle', 'few', 'tenth', 'local'),
      limit: fc.constantFrom(1, 2, 3, 7, 50, 200),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(caseOf, ({ n, kind, limit, seed }) => {
        const current = range(n);
        const target = perturb(current, kind, seed);
        const plan = planRank(current, target, { maxPerCall: limit });
        expect(planProblem(current, target, plan, limit)).toBeUndefined();
        if (n <= 1500)
          expect({ calls: plan.calls.length, moved: plan.moved }).toEqual(
            minimumCostExhaustive(current, target, limit),
          );
      }),
      { numRuns: 60 },
    );
  });
});
