/**
 * How the backlog serves the vision's business goals.
 *
 * Strategic fit of an issue: the weights of the ACTIVE goals it serves, summed, divided by the total weight
 * of all active goals: 0..1, and 0 when the board has no active weight. Achieved and dropped goals, unknown
 * goal ids and repeated ids add nothing.
 *
 * Goal coverage: how the backlog's value spreads over the active goals. An item's value counts as
 * max(0, value) (an unscored item, `null`, adds 0 value but still counts). An item serving k active goals
 * gives each of them 1/k of its value, so the goal shares add up to the aligned share and, with the
 * unaligned share, to 1 (or all are 0 when the backlog has no value). Items serving no active goal are
 * unaligned; the ones that name only achieved/dropped goals or unknown ids are listed too, for clean-up.
 */
import type { GoalStatus, VisionBoard } from './schema';

const activeWeights = (board: VisionBoard): Map<string, number> =>
  new Map(board.goals.filter((g) => g.status === 'active').map((g) => [g.id, g.weight]));

/** The issue's strategic fit, 0..1, from the ids of the goals it serves. */
export function strategicFit(goalIdsOfIssue: readonly string[], board: VisionBoard): number {
  const weights = activeWeights(board);
  let total = 0;
  for (const w of weights.values()) total += w;
  if (total <= 0) return 0;
  let served = 0;
  for (const id of new Set(goalIdsOfIssue)) served += weights.get(id) ?? 0;
  return Math.min(1, served / total);
}

export interface CoverageItem {
  key: string;
  /** The item's value score; null when unscored. */
  value: number | null;
  /** Ids of the goals it serves. */
  goals: readonly string[];
}

export interface GoalCoverage {
  goalId: string;
  name: string;
  weight: number;
  /** Items serving this goal (each counted once, however many goals it serves). */
  count: number;
  keys: string[];
  /** The value attributed to this goal (shared equally among the active goals of each item). */
  value: number;
  /** value / total backlog value; 0 when the backlog has no value. */
  share: number;
}

export interface CoverageReport {
  /** Active goals, in board order. */
  goals: GoalCoverage[];
  unaligned: { count: number; keys: string[]; value: number; share: number };
  /** Sum of max(0, value) over all items. */
  totalValue: number;
  /** Items that name achieved/dropped goals, per such goal (board order). */
  inactive: Array<{ goalId: string; status: Exclude<GoalStatus, 'active'>; keys: string[] }>;
  /** Goal ids named by items but not on the board, with the items (first appearance order). */
  unknown: Array<{ goalId: string; keys: string[] }>;
}

function push(map: Map<string, string[]>, id: string, key: string): void {
  const keys = map.get(id);
  if (keys) keys.push(key);
  else map.set(id, [key]);
}

const positive = (value: number | null): number =>
  value !== null && Number.isFinite(value) && value > 0 ? value : 0;

export function goalCoverage(items: readonly CoverageItem[], board: VisionBoard): CoverageReport {
  const active = board.goals.filter((g) => g.status === 'active');
  const byId = new Map(board.goals.map((g) => [g.id, g]));
  const goals = new Map<string, GoalCoverage>(
    active.map((g) => [
      g.id,
      { goalId: g.id, name: g.name, weight: g.weight, count: 0, keys: [], value: 0, share: 0 },
    ]),
  );
  const inactive = new Map<string, string[]>();
  const unknown = new Map<string, string[]>();
  const unaligned = { count: 0, keys: [] as string[], value: 0, share: 0 };
  // Shares are summed as fractions of the total (not divided at the end), so tiny values cannot underflow.
  let totalValue = 0;
  for (const item of items) totalValue += positive(item.value);
  const fraction = (value: number): number => (totalValue > 0 ? value / totalValue : 0);

  for (const item of items) {
    const value = positive(item.value);
    const served: GoalCoverage[] = [];
    for (const id of new Set(item.goals)) {
      const coverage = goals.get(id);
      if (coverage) served.push(coverage);
      else push(byId.has(id) ? inactive : unknown, id, item.key);
    }
    if (served.length === 0) {
      unaligned.count += 1;
      unaligned.keys.push(item.key);
      unaligned.value += value;
      unaligned.share += fraction(value);
      continue;
    }
    for (const coverage of served) {
      coverage.count += 1;
      coverage.keys.push(item.key);
      coverage.value += value / served.length;
      coverage.share += fraction(value) / served.length;
    }
  }

  for (const coverage of goals.values()) coverage.share = Math.min(1, coverage.share);
  unaligned.share = Math.min(1, unaligned.share);
  return {
    goals: [...goals.values()],
    unaligned,
    totalValue,
    inactive: board.goals
      .filter((g) => g.status !== 'active' && inactive.has(g.id))
      .map((g) => ({
        goalId: g.id,
        status: g.status as Exclude<GoalStatus, 'active'>,
        keys: inactive.get(g.id) ?? [],
      })),
    unknown: [...unknown].map(([goalId, keys]) => ({ goalId, keys })),
  };
}
