/**
 * The rank planner: the fewest Jira rank calls (then the fewest moved issues) that turn the current
 * backlog order into a target order. A call moves up to `maxPerCall` issues (Jira: 50) next to an anchor.
 *
 * Why the plan is optimal. Call the issues no call moves the *stayers*.
 * - Moving other issues never changes the relative order of stayers, so stayers form a common
 *   subsequence of the current and target orders; moved issues fill the *gaps* between consecutive
 *   stayers in target order (plus the gaps before the first and after the last stayer).
 * - Lower bound: the issues whose last move is one call lie next to each other when it is made and never
 *   move again, and stayers never move, so no stayer ends up between them: one call finishes issues of
 *   one gap only, at most `maxPerCall` of them. A gap of g issues therefore needs ceil(g / maxPerCall)
 *   calls, whatever the calls are, so any plan with these stayers makes at least Σ ceil(g / maxPerCall).
 * - The bound is met: split each gap, in target order, into chunks of `maxPerCall`; the first chunk goes
 *   right after the gap's previous stayer (or right before its next stayer, for the gap at the very
 *   start), each later chunk right after the last issue of the chunk before. Every anchor is then a stayer
 *   or an issue already placed, each moved issue moves once, and the calls can be made in any gap order.
 * - Keeping no stayer at all is never better: keeping the first target issue in place costs no more calls
 *   and one move less. So the optimum is the minimum, lexicographically on (Σ ceil(g / maxPerCall), Σ g),
 *   over non-empty common subsequences: a longest one minimises Σ g only, and moving one more issue can
 *   join two gaps into one call (current A B C D E, target A D B E C: keeping A B C takes 2 calls, keeping
 *   A C takes 1).
 *
 * The search: a DP over target positions t = 1..n (0 is a sentinel stayer before everything) where
 * best(t) is the cheapest plan prefix keeping t, over earlier stayers j placed earlier in the current order.
 * With t = L·a + b and j = L·c + d (L = maxPerCall, 0 ≤ b, d < L), the gap cost ceil((t - j - 1) / L) is
 * (a - c) + f(b, d), f = 1 when d ≤ b - 2, -1 when b = 0 and d = L - 1, else 0. Costs are exact integers,
 * calls·(n + 1) + moved, so best(t) = min over j of [best(j) - c·(n + 1) - j] + f(b, d)·(n + 1) + terms of
 * t: three dominance queries (current position below t's, residue d in a prefix or suffix range) on an
 * offline 2-D Fenwick tree of prefix minima. O(n log² n) time, O(n log n) memory, for any limit.
 */
import type { RankCall, RankPlan } from './apply';

export const JIRA_MAX_ISSUES_PER_RANK_CALL = 50;

export interface PlanOptions {
  /** Most issues per rank call; Jira's limit, 50, by default. */
  maxPerCall?: number;
}

/** The current index of each target issue, in target order. Throws RangeError naming an offending key. */
export function targetPositions(current: readonly string[], target: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  current.forEach((key, i) => {
    if (index.has(key)) throw new RangeError(`issue ${key} appears twice in the current order`);
    index.set(key, i);
  });
  const pos = new Int32Array(target.length);
  const seen = new Set<string>();
  target.forEach((key, t) => {
    const i = index.get(key);
    if (i === undefined) throw new RangeError(`target issue ${key} is not in the current order`);
    if (seen.has(key)) throw new RangeError(`issue ${key} appears twice in the target order`);
    seen.add(key);
    pos[t] = i;
  });
  if (target.length !== current.length) {
    const missing = current.find((key) => !seen.has(key));
    throw new RangeError(`issue ${missing ?? '?'} of the current order is missing from the target order`);
  }
  return pos;
}

export function checkLimit(maxPerCall: number): number {
  if (!Number.isInteger(maxPerCall) || maxPerCall < 1)
    throw new RangeError(`maxPerCall must be a positive integer, not ${maxPerCall}`);
  return maxPerCall;
}

/** Lower bound: the index of the first element of `keys[from, to)` that is ≥ value. */
function lowerBound(keys: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Offline 2-D Fenwick tree over points (x, y) known in advance: the outer tree is over x, each outer node
 * keeps the distinct y of its points, sorted, with a prefix-minimum and a suffix-minimum inner tree.
 * Queries: the minimum value (and its point) over points with x < X and y ≤ Y, or x < X and y ≥ Y.
 */
class DominanceMin {
  private readonly start: Int32Array;
  private readonly keys: Int32Array;
  private readonly pre: Float64Array;
  private readonly preArg: Int32Array;
  private readonly suf: Float64Array;
  private readonly sufArg: Int32Array;
  /** The best value and point of the last query (Infinity / -1 when none). */
  value = Infinity;
  arg = -1;

  /** xs in [0, size), ys ≥ 0. */
  constructor(
    private readonly size: number,
    private readonly xs: Int32Array,
    private readonly ys: Int32Array,
  ) {
    const count = xs.length;
    const byY = Array.from({ length: count }, (_, i) => i).sort(
      (p, q) => (ys[p] as number) - (ys[q] as number) || p - q,
    );
    const counts = new Int32Array(size + 2);
    const last = new Int32Array(size + 2).fill(-1);
    const visit = (fill: ((node: number, y: number) => void) | undefined): void => {
      last.fill(-1);
      for (const p of byY) {
        const y = ys[p] as number;
        for (let node = (xs[p] as number) + 1; node <= size; node += node & -node) {
          if (last[node] === y) continue;
          last[node] = y;
          if (fill) fill(node, y);
          else counts[node + 1] = (counts[node + 1] as number) + 1;
        }
      }
    };
    visit(undefined);
    this.start = new Int32Array(size + 2);
    for (let node = 1; node <= size + 1; node++)
      this.start[node] = (this.start[node - 1] as number) + (counts[node] as number);
    const total = this.start[size + 1] as number;
    this.keys = new Int32Array(total);
    const next = this.start.slice();
    visit((node, y) => {
      this.keys[next[node] as number] = y;
      next[node] = (next[node] as number) + 1;
    });
    this.pre = new Float64Array(total).fill(Infinity);
    this.suf = new Float64Array(total).fill(Infinity);
    this.preArg = new Int32Array(total).fill(-1);
    this.sufArg = new Int32Array(total).fill(-1);
  }

  /** Offers point p's value; keeps the first of equal values. */
  update(p: number, value: number): void {
    const y = this.ys[p] as number;
    for (let node = (this.xs[p] as number) + 1; node <= this.size; node += node & -node) {
      const from = this.start[node] as number;
      const m = (this.start[node + 1] as number) - from;
      const at = lowerBound(this.keys, from, from + m, y) - from + 1; // 1-based, keys[at - 1] = y
      for (let i = at; i <= m; i += i & -i) {
        if (value < (this.pre[from + i - 1] as number)) {
          this.pre[from + i - 1] = value;
          this.preArg[from + i - 1] = p;
        }
      }
      for (let i = m - at + 1; i <= m; i += i & -i) {
        if (value < (this.suf[from + i - 1] as number)) {
          this.suf[from + i - 1] = value;
          this.sufArg[from + i - 1] = p;
        }
      }
    }
  }

  /** Sets value/arg to the minimum over points with x < X and y ≤ Y (when atMost) or y ≥ Y. */
  query(X: number, Y: number, atMost: boolean): void {
    this.value = Infinity;
    this.arg = -1;
    for (let node = X; node > 0; node -= node & -node) {
      const from = this.start[node] as number;
      const to = this.start[node + 1] as number;
      const tree = atMost ? this.pre : this.suf;
      const args = atMost ? this.preArg : this.sufArg;
      let i = atMost
        ? lowerBound(this.keys, from, to, Y + 1) - from
        : to - lowerBound(this.keys, from, to, Y);
      for (; i > 0; i -= i & -i) {
        const v = tree[from + i - 1] as number;
        if (v < this.value) {
          this.value = v;
          this.arg = args[from + i - 1] as number;
        }
      }
    }
  }
}

/**
 * The target indices of an optimal set of stayers, ascending: the non-empty common subsequence that
 * minimises (Σ ceil(g / limit), Σ g) over its gaps. `pos[t]` is the current index of target issue t.
 */
export function optimalStayers(pos: Int32Array, limit: number): number[] {
  const n = pos.length;
  if (n === 0) return [];
  const L = checkLimit(limit);
  const W = n + 1; // weight of one call: more than any number of moved issues
  // Point k = 0 is the sentinel (before everything); k = t + 1 is target issue t at x = pos[t] + 1.
  const xs = new Int32Array(n + 1);
  const ys = new Int32Array(n + 1);
  for (let k = 1; k <= n; k++) {
    xs[k] = (pos[k - 1] as number) + 1;
    ys[k] = k % L;
  }
  const tree = new DominanceMin(n + 1, xs, ys);
  const best = new Float64Array(n + 1);
  const parent = new Int32Array(n + 1).fill(-1);
  tree.update(0, 0);
  for (let k = 1; k <= n; k++) {
    const a = Math.floor(k / L);
    const b = k % L;
    const x = xs[k] as number;
    let value = Infinity;
    let arg = -1;
    const offer = (bonus: number): void => {
      if (tree.arg >= 0 && tree.value + bonus < value) {
        value = tree.value + bonus;
        arg = tree.arg;
      }
    };
    tree.query(x, Math.max(b - 1, 0), false); // d ≥ b - 1: f = 0
    offer(0);
    if (b >= 2) {
      tree.query(x, b - 2, true); // d ≤ b - 2: f = 1
      offer(W);
    }
    if (b === 0) {
      tree.query(x, L - 1, false); // d = L - 1: f = -1
      offer(-W);
    }
    const cost = value + a * W + k - 1;
    best[k] = cost;
    parent[k] = arg;
    tree.update(k, cost - a * W - k);
  }
  let end = 1;
  let total = Infinity;
  for (let k = 1; k <= n; k++) {
    const gap = n - k;
    const cost = (best[k] as number) + Math.ceil(gap / L) * W + gap;
    if (cost < total) {
      total = cost;
      end = k;
    }
  }
  const stayers: number[] = [];
  for (let k = end; k > 0; k = parent[k] as number) stayers.push(k - 1);
  return stayers.reverse();
}

/** The calls that place every non-stayer, gap by gap in target order, `limit` issues at a time. */
export function callsFor(target: readonly string[], stayers: readonly number[], limit: number): RankCall[] {
  const calls: RankCall[] = [];
  const bounds = [-1, ...stayers, target.length];
  for (let s = 1; s < bounds.length; s++) {
    const from = (bounds[s - 1] as number) + 1;
    const to = bounds[s] as number;
    for (let start = from; start < to; start += limit) {
      const issues = target.slice(start, Math.min(start + limit, to));
      if (start > 0) calls.push({ issues, after: target[start - 1] as string });
      else calls.push({ issues, before: target[to] as string });
    }
  }
  return calls;
}

/**
 * The plan with the fewest rank calls, then the fewest moved issues, from `current` to `target`.
 * Throws RangeError when `target` is not a permutation of `current`, naming an offending key.
 */
export function planRank(
  current: readonly string[],
  target: readonly string[],
  options: PlanOptions = {},
): RankPlan {
  const limit = checkLimit(options.maxPerCall ?? JIRA_MAX_ISSUES_PER_RANK_CALL);
  const pos = targetPositions(current, target);
  const n = pos.length;
  if (pos.every((p, t) => p === t)) return { calls: [], moved: 0, stayers: n };
  const stayers = optimalStayers(pos, limit);
  return { calls: callsFor(target, stayers, limit), moved: n - stayers.length, stayers: stayers.length };
}
