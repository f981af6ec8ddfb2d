/** The pure part: plan each backlog × change, check the plan against the benchmark's own DP, time it. */
import { buildLargeSeed } from '../../dev/demo';
import { JIRA_MAX_ISSUES_PER_RANK_CALL, applyPlan, planRank, type RankPlan } from '../../src/core/rank-plan';
import { minimumCostExhaustive } from '../../test/support/rank-exhaustive';
import { buildChange, type Change, type ChangeKind } from './changes';
import type { Backlog, BenchIssue } from './data';
import { longestIncreasing, minimumByDp, positionsOf, sameOrder, simulateCalls } from './dp';

export const LIMIT = JIRA_MAX_ISSUES_PER_RANK_CALL;
/** Above this, the O(n²) DP is reported as too slow for the benchmark (it has not been, so far). */
export const DP_BUDGET_MS = 60_000;

export interface PureRow {
  backlog: string;
  source: string;
  change: ChangeKind;
  issues: number;
  /** Issues given a new score. */
  rescored: number;
  /** Rank calls in planRank's plan. */
  planCalls: number;
  /** The fewest calls possible, by the benchmark's own O(n²) DP. */
  dpCalls: number;
  /** Issues the plan moves, and the fewest any plan with dpCalls calls moves (DP). */
  moved: number;
  dpMoved: number;
  /** n − longest increasing subsequence: the fewest issues any plan must move. */
  minMoved: number;
  /** Naive strategies: one call per issue outside a longest increasing subsequence; everything in chunks of 50. */
  naivePerIssue: number;
  naiveChunks: number;
  /** planRank, median of `runs` runs. */
  planMs: number;
  runs: number;
  dpMs: number;
  /** src/core's own exhaustive checker, run too as a second opinion (undefined when skipped). */
  coreCheckCalls: number | undefined;
  coreCheckMs: number | undefined;
  /** Applying the plan (core's applyPlan and the benchmark's own simulator) gives the target. */
  appliesToTarget: boolean;
  /** Every check of the row passed. */
  ok: boolean;
  problems: string[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** The generated backlog: buildLargeSeed's issues, in the seed's rank order, with their story points. */
export function generatedBacklog(count: number): Backlog {
  const seed = buildLargeSeed(count);
  const rankOf = (i: (typeof seed.issues)[number]): string => String(i.fields.customfield_10019 ?? '');
  const issues = [...seed.issues]
    .sort((a, b) => (rankOf(a) < rankOf(b) ? -1 : rankOf(a) > rankOf(b) ? 1 : 0))
    .map((i): BenchIssue => {
      const points = i.fields.customfield_10016;
      return { key: i.key, storyPoints: typeof points === 'number' ? points : undefined };
    });
  return { name: `generated ${count}`, source: `buildLargeSeed(${count})`, issues };
}

export interface PureOptions {
  /** planRank runs per row; the median is reported. */
  runs?: number;
  /** Also run src/core's minimumCostExhaustive (a second opinion; O(n²) with allocations). */
  coreCheck?: boolean;
}

export function planRow(backlog: Backlog, change: Change, options: PureOptions = {}): PureRow {
  const runs = options.runs ?? 5;
  const { current, target } = change;
  const n = current.length;
  const problems: string[] = [];
  const times: number[] = [];
  let plan: RankPlan | undefined;
  for (let r = 0; r < runs; r++) {
    const run = timed(() => planRank(current, target));
    times.push(run.ms);
    plan ??= run.value;
  }
  if (!plan) throw new Error('no planRank run');
  const pos = positionsOf(current, target);
  const dp = timed(() => minimumByDp(pos, LIMIT));
  if (dp.ms > DP_BUDGET_MS) problems.push(`the O(n²) DP took ${(dp.ms / 1000).toFixed(0)} s`);
  const lis = longestIncreasing(pos);
  const core =
    options.coreCheck === false ? undefined : timed(() => minimumCostExhaustive(current, target, LIMIT));

  if (plan.calls.length !== dp.value.calls)
    problems.push(`planRank made ${plan.calls.length} calls, the DP minimum is ${dp.value.calls}`);
  if (plan.moved !== dp.value.moved)
    problems.push(
      `planRank moves ${plan.moved} issues, the DP's least for ${dp.value.calls} calls is ${dp.value.moved}`,
    );
  if (core && core.value.calls !== dp.value.calls)
    problems.push(
      `core's exhaustive checker says ${core.value.calls} calls, the benchmark's DP ${dp.value.calls}`,
    );
  let applies = false;
  try {
    const simulated = simulateCalls(current, plan.calls, LIMIT);
    const applied = applyPlan(current, plan);
    applies = sameOrder(simulated, target) && sameOrder(applied, target);
    if (!applies) problems.push('applying the plan does not give the target');
  } catch (error) {
    problems.push(`the plan cannot be applied: ${(error as Error).message}`);
  }
  return {
    backlog: backlog.name,
    source: backlog.source,
    change: change.kind,
    issues: n,
    rescored: change.rescored,
    planCalls: plan.calls.length,
    dpCalls: dp.value.calls,
    moved: plan.moved,
    dpMoved: dp.value.moved,
    minMoved: n - lis,
    naivePerIssue: n - lis,
    naiveChunks: Math.ceil(n / LIMIT),
    planMs: median(times),
    runs,
    dpMs: dp.ms,
    coreCheckCalls: core?.value.calls,
    coreCheckMs: core?.ms,
    appliesToTarget: applies,
    ok: problems.length === 0,
    problems,
  };
}

/** Every backlog × change. `progress` gets one line per row (stderr in the CLI). */
export function runPure(
  backlogs: readonly Backlog[],
  kinds: readonly ChangeKind[],
  options: PureOptions = {},
  progress: (line: string) => void = () => undefined,
): PureRow[] {
  const rows: PureRow[] = [];
  for (const backlog of backlogs) {
    for (const kind of kinds) {
      const row = planRow(backlog, buildChange(backlog, kind), options);
      progress(
        `${row.backlog} × ${kind}: ${row.planCalls} calls (DP ${row.dpCalls}), plan ${row.planMs.toFixed(1)} ms, ` +
          `DP ${row.dpMs.toFixed(0)} ms${row.ok ? '' : `: FAILED ${row.problems.join('; ')}`}`,
      );
      rows.push(row);
    }
  }
  return rows;
}
