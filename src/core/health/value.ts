/** The top of the backlog by value, with ties shown as ties. */
import type { HealthItem, ValueEntry } from './types';
import { countOf, tieRanks, valueOrder } from './types';

export interface TopEntry {
  key: string;
  summary: string;
  score: number;
  /** 1-based place in value order. */
  position: number;
  /** Competition rank: tied items share the best place of their group (1, 2, 2, 4). */
  rank: number;
  /** Whether another scored item, shown or not, has the same value. */
  tied: boolean;
  /** 1-based place in the current backlog order. */
  currentRank: number;
  ready: boolean | undefined;
}

/**
 * The `n` highest-value scored items (all of them when n exceeds their number; unscored items have no
 * value and are left out). Higher score first; tied scores keep their current rank order. `sorted`, when
 * given, must be `valueOrder(items)` (computed once for several functions).
 */
export function topByValue(
  items: readonly HealthItem[],
  n: number,
  sorted: readonly ValueEntry[] = valueOrder(items),
): TopEntry[] {
  const ranks = tieRanks(sorted);
  return sorted.slice(0, countOf(n)).map((e, i) => ({
    key: e.item.key,
    summary: e.item.summary,
    score: e.score,
    position: i + 1,
    rank: ranks[i]?.rank ?? i + 1,
    tied: ranks[i]?.tied ?? false,
    currentRank: e.index + 1,
    ready: e.item.ready,
  }));
}
