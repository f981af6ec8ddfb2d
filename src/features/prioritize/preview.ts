/** Pieces of the Prioritize view and the preview of a reorder, made from an analysis (see ./snapshot). */
import type { RankCall, RankPlan } from '../../core/rank-plan';
import { goalCoverage, type CoverageReport } from '../../core/vision';
import type { RankCallView } from './api';
import type { Analysis } from './analyze';

/**
 * How the backlog's value spreads over the vision's active goals: each item's score as its value (unscored
 * counts as 0) and its goal tags. Undefined when the project has no vision.
 */
export function backlogCoverage(
  a: Pick<Analysis, 'issues' | 'scores' | 'vision'>,
): CoverageReport | undefined {
  const vision = a.vision;
  if (!vision) return undefined;
  return goalCoverage(
    a.issues.map((issue, i) => {
      const score = a.scores[i];
      return {
        key: issue.key,
        value: score?.status === 'scored' ? score.value : null,
        goals: vision.tags.get(issue.key) ?? [],
      };
    }),
    vision.board,
  );
}

export const callView = (call: RankCall): RankCallView =>
  call.before !== undefined
    ? { issues: [...call.issues], before: call.before }
    : { issues: [...call.issues], after: call.after as string };

/** The keys the plan moves, in the order the calls move them. */
export function movedKeys(plan: Pick<RankPlan, 'calls'>): string[] {
  return plan.calls.flatMap((c) => c.issues);
}
