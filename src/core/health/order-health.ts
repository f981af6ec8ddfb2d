/**
 * How well the current backlog order follows value.
 *
 * Only scored items have a value place, so the measures compare the scored items' current order (their
 * relative rank) with their value order (higher score first; ties, as the scoring order defines them,
 * keep current order):
 * - `topOverlap`: of the top k by value, the share that is also in the top k by current rank, with
 *   k = min(20, number of scored items); null when none is scored.
 * - `spearman`: Spearman's rank correlation, the Pearson correlation of the current ranks (1..n) and the
 *   value ranks (tied values get the average of the ranks they span); 1 means the order is exactly by
 *   value, -1 exactly reversed. Null for fewer than 2 scored items or when all values tie (no variance).
 * - `kendallTauB`: Kendall's tau-b over the same pairs, (C - D) / sqrt(n0 · (n0 - n2)) with n0 = n(n-1)/2
 *   and n2 the pairs tied in value (current ranks never tie); O(n log n) by merge sort. Null as above.
 * - `reorder`: what re-ranking the whole backlog into value order (scored by value, then the unscored in
 *   their current order) costs, planned by the core rank planner: issues moved and Jira rank calls.
 */
import { planRank } from '../rank-plan';
import type { HealthItem, ValueEntry } from './types';
import { scoreOf, valueOrder } from './types';

export const TOP_OVERLAP_SIZE = 20;

export interface OrderHealth {
  /** Scored items, the population of the measures below. */
  scored: number;
  /** k = min(20, scored). */
  topSize: number;
  topOverlap: number | null;
  spearman: number | null;
  kendallTauB: number | null;
  reorder: { moved: number; calls: number; stayers: number };
}

/** Average value ranks (1 = highest value) of entries in value order; ties share their mean rank. */
export function averageRanks(sorted: readonly ValueEntry[]): Float64Array {
  const ranks = new Float64Array(sorted.length);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as ValueEntry).value === (sorted[i] as ValueEntry).value) j += 1;
    const mean = (i + 1 + j) / 2; // mean of ranks i+1 .. j
    for (let k = i; k < j; k++) ranks[k] = mean;
    i = j;
  }
  return ranks;
}

/** Pearson correlation of x and y; null when n < 2 or either has no variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Pairs i < j with a[i] < a[j] (the later item worth strictly more), by merge sort; sorts `a` descending. */
function countRisingPairs(a: Float64Array): number {
  const buffer = new Float64Array(a.length);
  let count = 0;
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if ((a[i] as number) >= (a[j] as number)) buffer[k++] = a[i++] as number;
        else {
          count += mid - i; // a[j] exceeds every remaining left value
          buffer[k++] = a[j++] as number;
        }
      }
      while (i < mid) buffer[k++] = a[i++] as number;
      while (j < hi) buffer[k++] = a[j++] as number;
      for (let t = lo; t < hi; t++) a[t] = buffer[t] as number;
    }
  }
  return count;
}

/** Kendall's tau-b between current order and value, over values listed in current order. */
export function kendallTauB(valuesInCurrentOrder: readonly number[]): number | null {
  const n = valuesInCurrentOrder.length;
  if (n < 2) return null;
  const n0 = (n * (n - 1)) / 2;
  const counts = new Map<number, number>();
  for (const v of valuesInCurrentOrder) counts.set(v, (counts.get(v) ?? 0) + 1);
  let n2 = 0;
  for (const t of counts.values()) n2 += (t * (t - 1)) / 2;
  if (n0 === n2) return null;
  const discordant = countRisingPairs(Float64Array.from(valuesInCurrentOrder));
  const concordant = n0 - n2 - discordant;
  return Math.max(-1, Math.min(1, (concordant - discordant) / Math.sqrt(n0 * (n0 - n2))));
}

/** The whole backlog in value order: scored items by value, then the unscored in current order. */
export function valueOrderKeys(
  items: readonly HealthItem[],
  sorted: readonly ValueEntry[] = valueOrder(items),
): string[] {
  return [
    ...sorted.map((e) => e.item.key),
    ...items.filter((item) => scoreOf(item) === undefined).map((item) => item.key),
  ];
}

/** How well the current order agrees with value: the cheap measures (no rank plan, no Kendall tau). */
export type OrderAgreement = Pick<OrderHealth, 'scored' | 'topSize' | 'topOverlap' | 'spearman'>;

/** `sorted`, when given, must be `valueOrder(items)`. */
export function orderAgreement(
  items: readonly HealthItem[],
  sorted: readonly ValueEntry[] = valueOrder(items),
): OrderAgreement {
  return measure(items, sorted).agreement;
}

function measure(
  items: readonly HealthItem[],
  sorted: readonly ValueEntry[],
): { agreement: OrderAgreement; valuesInCurrentOrder: number[] } {
  const n = sorted.length;
  const k = Math.min(TOP_OVERLAP_SIZE, n);

  // Current rank among the scored items (1..n) by backlog index, then per entry in value order.
  const rankAt = new Int32Array(items.length);
  let scored = 0;
  items.forEach((item, i) => {
    if (scoreOf(item) !== undefined) rankAt[i] = ++scored;
  });
  const x = new Float64Array(n);
  const valuesInCurrentOrder = new Array<number>(n);
  let overlap = 0;
  for (let i = 0; i < n; i++) {
    const e = sorted[i] as ValueEntry;
    const rank = rankAt[e.index] as number;
    x[i] = rank;
    valuesInCurrentOrder[rank - 1] = e.value;
    if (i < k && rank <= k) overlap += 1;
  }
  return {
    agreement: {
      scored: n,
      topSize: k,
      topOverlap: k > 0 ? overlap / k : null,
      spearman: pearson(x, averageRanks(sorted)),
    },
    valuesInCurrentOrder,
  };
}

/** `sorted`, when given, must be `valueOrder(items)`. */
export function orderHealth(
  items: readonly HealthItem[],
  sorted: readonly ValueEntry[] = valueOrder(items),
): OrderHealth {
  const { agreement, valuesInCurrentOrder } = measure(items, sorted);
  const plan = planRank(
    items.map((item) => item.key),
    valueOrderKeys(items, sorted),
  );
  return {
    ...agreement,
    kendallTauB: kendallTauB(valuesInCurrentOrder),
    reorder: { moved: plan.moved, calls: plan.calls.length, stayers: plan.stayers },
  };
}
