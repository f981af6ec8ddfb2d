/**
 * How many issues a reorder moves, as one number every screen shows (preview, apply summary, history, undo):
 * the issues *out of place* = n − the longest run of issues already in target order (a longest increasing
 * subsequence of their current positions, taken in target order). It is the fewest issues any reorder must
 * move, and it is symmetric: from A to B it is the same as from B back to A (a permutation and its inverse
 * have longest increasing subsequences of the same length), so an apply and its undo report the same count.
 *
 * The planner may move a few more issues to save rank calls (see ./plan.ts); that is its business, not the
 * count people are told.
 */
import { targetPositions } from './plan';

/** Length of a longest strictly increasing subsequence, O(n log n). */
export function longestIncreasing(values: ArrayLike<number>): number {
  const tails: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tails[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

/**
 * The issues out of place between two orders of the same issues: n − LIS. Issues present in only one of the
 * two orders are left out (they are neither in place nor out of place).
 */
export function outOfPlace(current: readonly string[], target: readonly string[]): number {
  const inTarget = new Set(target);
  const inCurrent = new Set(current);
  const a = current.filter((k) => inTarget.has(k));
  const b = target.filter((k) => inCurrent.has(k));
  if (a.length === 0) return 0;
  return a.length - longestIncreasing(targetPositions(a, b));
}
