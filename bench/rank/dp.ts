/**
 * The benchmark's own yardsticks, written apart from the planner (src/core/rank-plan) on purpose: an
 * exhaustive O(n²) dynamic programme for the fewest rank calls, a longest increasing subsequence, and a
 * simulator of Jira's rank call.
 *
 * Why the DP gives the minimum. Call the issues no call moves the stayers: they keep their relative order,
 * so they are an increasing subsequence of `pos` (current positions, in target order). Each moved issue has
 * a last call; the issues a call places for the last time end up side by side with no stayer between them,
 * so one call finishes issues of one gap between consecutive stayers only, at most `limit` of them: a gap
 * of g issues costs at least ceil(g / limit) calls, and exactly that by placing it chunk by chunk. So the
 * minimum is the least Σ ceil(g / limit) over all increasing subsequences; the DP tries every one (with at
 * least one stayer: keeping the first target issue never costs more than moving everything).
 */

export interface Cost {
  calls: number;
  moved: number;
}

/** pos[t]: the current index of the issue at target index t. */
export function positionsOf(current: readonly string[], target: readonly string[]): Int32Array {
  const at = new Map<string, number>();
  current.forEach((key, i) => at.set(key, i));
  if (at.size !== current.length || target.length !== current.length)
    throw new RangeError('current and target must hold the same distinct issues');
  const pos = new Int32Array(target.length);
  target.forEach((key, t) => {
    const i = at.get(key);
    if (i === undefined) throw new RangeError(`target issue ${key} is not in the current order`);
    pos[t] = i;
  });
  return pos;
}

/**
 * The least (calls, moved), lexicographically, over every non-empty increasing subsequence of `pos` kept
 * in place. best[i] is the cheapest cost of target issues before stayer i (1-based; 0 and n + 1 are
 * sentinels before and after everything), encoded as calls · (n + 1) + moved.
 */
export function minimumByDp(pos: Int32Array, limit: number): Cost {
  const n = pos.length;
  if (n === 0) return { calls: 0, moved: 0 };
  const unit = n + 1;
  const gapCost = new Float64Array(n + 1);
  for (let g = 0; g <= n; g++) gapCost[g] = Math.ceil(g / limit) * unit + g;
  const p = new Int32Array(n + 2);
  p[0] = -1;
  for (let i = 0; i < n; i++) p[i + 1] = pos[i] as number;
  p[n + 1] = n;
  const best = new Float64Array(n + 2).fill(Infinity);
  best[0] = 0;
  for (let i = 1; i <= n + 1; i++) {
    const pi = p[i] as number;
    let value = Infinity;
    // j = 0 with i = n + 1 would keep no issue at all: excluded (see above).
    for (let j = i === n + 1 ? 1 : 0; j < i; j++) {
      if ((p[j] as number) >= pi) continue;
      const v = (best[j] as number) + (gapCost[i - j - 1] as number);
      if (v < value) value = v;
    }
    best[i] = value;
  }
  const total = best[n + 1] as number;
  return { calls: Math.floor(total / unit), moved: total % unit };
}

/** The length of a longest increasing subsequence (patience sorting). */
export function longestIncreasing(pos: Int32Array): number {
  const tails: number[] = [];
  for (const x of pos) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tails[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

export interface Call {
  issues: readonly string[];
  before?: string;
  after?: string;
}

/**
 * The order after Jira's rank calls, made one by one: each puts its issues, in order, right before or after
 * its anchor. Throws on a call Jira would refuse (no or two anchors, anchor among the issues, over `limit`).
 */
export function simulateCalls(current: readonly string[], calls: readonly Call[], limit: number): string[] {
  let order = [...current];
  calls.forEach((call, c) => {
    const anchor = call.before ?? call.after;
    if (anchor === undefined || (call.before !== undefined && call.after !== undefined))
      throw new Error(`call ${c}: needs exactly one anchor`);
    if (call.issues.length === 0 || call.issues.length > limit)
      throw new Error(`call ${c}: ${call.issues.length} issues (1 to ${limit} allowed)`);
    const moving = new Set(call.issues);
    if (moving.size !== call.issues.length) throw new Error(`call ${c}: an issue is listed twice`);
    if (moving.has(anchor)) throw new Error(`call ${c}: the anchor ${anchor} is one of its issues`);
    const rest = order.filter((key) => !moving.has(key));
    if (rest.length + moving.size !== order.length)
      throw new Error(`call ${c}: an issue is not in the order`);
    const at = rest.indexOf(anchor);
    if (at < 0) throw new Error(`call ${c}: the anchor ${anchor} is not in the order`);
    const cut = call.before !== undefined ? at : at + 1;
    order = [...rest.slice(0, cut), ...call.issues, ...rest.slice(cut)];
  });
  return order;
}

export { sameOrder } from '../../src/core/rank-plan';
