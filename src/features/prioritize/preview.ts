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

/** Keys a coverage answer lists per goal, unaligned and unknown (the counts and shares cover them all). */
export const COVERAGE_KEYS = 100;

/**
 * The coverage as views answer it (prioritize.load, the gadget's goals panel): every count and share, the
 * first {@link COVERAGE_KEYS} keys of each list, so the answer stays small for any backlog.
 */
export function trimCoverage(c: CoverageReport): CoverageReport {
  const cut = (keys: string[]) => keys.slice(0, COVERAGE_KEYS);
  return {
    ...c,
    goals: c.goals.map((g) => ({ ...g, keys: cut(g.keys) })),
    unaligned: { ...c.unaligned, keys: cut(c.unaligned.keys) },
    inactive: c.inactive.map((i) => ({ ...i, keys: cut(i.keys) })),
    unknown: c.unknown.map((u) => ({ ...u, keys: cut(u.keys) })),
  };
}

export const callView = (call: RankCall): RankCallView =>
  call.before !== undefined
    ? { issues: [...call.issues], before: call.before }
    : { issues: [...call.issues], after: call.after as string };

/** The keys the plan moves, in the order the calls move them. */
export function movedKeys(plan: Pick<RankPlan, 'calls'>): string[] {
  return plan.calls.flatMap((c) => c.issues);
}
