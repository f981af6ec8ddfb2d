/**
 * An independent checker for the rank planner, written without its tricks: a plain O(n²) DP over every
 * increasing subsequence of current positions (taken in target order) as the set of issues that stay,
 * comparing (calls, moved) pairs directly. Lives with the tests (the app uses `planRank`); the tests and bench:rank use it.
 */

export interface PlanCost {
  calls: number;
  moved: number;
}

const better = (p: PlanCost, q: PlanCost): boolean =>
  p.calls < q.calls || (p.calls === q.calls && p.moved < q.moved);

/** The least (calls, moved), lexicographically, of any plan from `current` to `target`. */
export function minimumCostExhaustive(
  current: readonly string[],
  target: readonly string[],
  maxPerCall: number,
): PlanCost {
  if (current.length !== target.length || new Set(current).size !== current.length)
    throw new RangeError('target must be a permutation of current');
  const at = new Map(current.map((key, i) => [key, i] as const));
  const pos = target.map((key) => {
    const i = at.get(key);
    if (i === undefined) throw new RangeError(`target issue ${key} is not in the current order`);
    return i;
  });
  const n = pos.length;
  if (n === 0) return { calls: 0, moved: 0 };
  const gap = (size: number): PlanCost => ({ calls: Math.ceil(size / maxPerCall), moved: size });
  const plus = (p: PlanCost, q: PlanCost): PlanCost => ({
    calls: p.calls + q.calls,
    moved: p.moved + q.moved,
  });
  // keep[i]: the best cost of target issues 0..i when issue i stays (and so ends a gap).
  const keep: PlanCost[] = [];
  let answer: PlanCost | undefined;
  for (let i = 0; i < n; i++) {
    let cost = gap(i); // i is the first stayer
    for (let j = 0; j < i; j++) {
      if ((pos[j] as number) >= (pos[i] as number)) continue;
      const candidate = plus(keep[j] as PlanCost, gap(i - j - 1));
      if (better(candidate, cost)) cost = candidate;
    }
    keep.push(cost);
    const total = plus(cost, gap(n - 1 - i)); // i is the last stayer
    if (answer === undefined || better(total, answer)) answer = total;
  }
  return answer as PlanCost;
}

/** The least number of rank calls of any plan from `current` to `target`. */
export function minimumCallsExhaustive(
  current: readonly string[],
  target: readonly string[],
  maxPerCall: number,
): number {
  return minimumCostExhaustive(current, target, maxPerCall).calls;
}
