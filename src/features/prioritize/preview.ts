/** The Prioritize view and the preview of a reorder, made from an analysis. */
import { planRank, type RankCall, type RankPlan } from '../../core/rank-plan';
import { goalCoverage, type CoverageReport } from '../../core/vision';
import type { PreviewView, PrioritizeView, RankCallView } from './api';
import { fingerprintOf, prioritizedItems, type Analysis } from './analyze';
import type { Rights } from './board';

/** Jira's limit on issues per rank call, which the naive "re-rank everything" strategy chunks by. */
const CHUNK = 50;

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

export function prioritizeView(a: Analysis, rights: Rights, undoAvailable: boolean): PrioritizeView {
  const unscored = a.scores.filter((s) => s.status === 'unscored').length;
  const coverage = backlogCoverage(a);
  return {
    board: { id: a.board.id, name: a.board.name, projectKey: a.board.projectKey },
    model: a.model,
    mapping: a.mapping,
    mappingProposed: a.mappingProposed,
    mappingNotes: [
      ...Object.entries(a.mapping.notes ?? {}).map(([input, note]) => `${input}: ${note}`),
      ...(unscored > 0
        ? [`${unscored} of ${a.scores.length} issues are unscored; they go to the bottom.`]
        : []),
    ],
    canEditMapping: rights.canEditMapping,
    canRank: rights.canRank,
    items: prioritizedItems(a),
    cycles: a.cycles,
    undoAvailable,
    ...(coverage ? { goalCoverage: coverage } : {}),
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

export function previewOf(a: Analysis, plan: RankPlan = planRank(a.before, a.after)): PreviewView {
  const from = new Map(a.before.map((k, i) => [k, i + 1] as const));
  const to = new Map(a.after.map((k, i) => [k, i + 1] as const));
  const moved = movedKeys(plan);
  const warnings: PreviewView['warnings'] = [];
  for (const key of moved) {
    const boards = a.otherBoards.get(key) ?? [];
    for (const board of boards)
      warnings.push({
        key,
        message: `Jira's rank is global: moving ${key} also moves it on board ${board}.`,
      });
  }
  for (const cycle of a.cycles)
    warnings.push({
      key: cycle[0],
      message: `These issues block each other in a cycle, so their links are ignored: ${[...cycle, cycle[0]].join(' → ')}.`,
    });
  const unscored = a.scores.filter((s) => s.status === 'unscored').length;
  if (unscored > 0)
    warnings.push({
      message: `${unscored} issue${unscored === 1 ? ' is' : 's are'} unscored and go${unscored === 1 ? 'es' : ''} to the bottom, in their current order.`,
    });
  return {
    fingerprint: fingerprintOf(a),
    before: a.before,
    after: a.after,
    moved: plan.moved,
    calls: plan.calls.map(callView),
    naive: { perMovedIssue: plan.moved, chunksOf50: Math.ceil(a.before.length / CHUNK) },
    moves: moved
      .map((key) => ({ key, from: from.get(key) ?? 0, to: to.get(key) ?? 0 }))
      .sort((x, y) => x.to - y.to),
    warnings,
  };
}
