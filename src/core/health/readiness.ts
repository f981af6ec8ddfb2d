/**
 * Readiness of the backlog (the acceptance-criteria verdict) and the refinement agenda.
 *
 * An item is ready when its verdict is `ready: true`, not ready when `false`, unchecked when undefined.
 * Shares are ready / total, so an unchecked item counts against readiness; 0 when there are no items.
 * An optional last argument `sorted` must be `valueOrder(items)` (computed once for several functions).
 */
import type { HealthFinding, HealthItem, ValueEntry } from './types';
import { countOf, tieRanks, valueOrder } from './types';

export interface ReadinessCounts {
  total: number;
  ready: number;
  notReady: number;
  unchecked: number;
  /** ready / total, 0..1; 0 when total is 0. */
  share: number;
  notReadyKeys: string[];
  uncheckedKeys: string[];
}

export interface Readiness {
  /** The top `requested` items by value (fewer when fewer are scored), keys in value order. */
  top: ReadinessCounts & { requested: number };
  /** The whole backlog, keys in current rank order. */
  all: ReadinessCounts;
}

export function countReadiness(items: readonly HealthItem[]): ReadinessCounts {
  const counts: ReadinessCounts = {
    total: items.length,
    ready: 0,
    notReady: 0,
    unchecked: 0,
    share: 0,
    notReadyKeys: [],
    uncheckedKeys: [],
  };
  for (const item of items) {
    if (item.ready === true) counts.ready += 1;
    else if (item.ready === false) {
      counts.notReady += 1;
      counts.notReadyKeys.push(item.key);
    } else {
      counts.unchecked += 1;
      counts.uncheckedKeys.push(item.key);
    }
  }
  counts.share = counts.total > 0 ? counts.ready / counts.total : 0;
  return counts;
}

/** Readiness of the top `topN` by value (default 20) and of the whole backlog. */
export function readiness(
  items: readonly HealthItem[],
  topN = 20,
  sorted: readonly ValueEntry[] = valueOrder(items),
): Readiness {
  const requested = countOf(topN);
  const top = sorted.slice(0, requested).map((e) => e.item);
  return { top: { ...countReadiness(top), requested }, all: countReadiness(items) };
}

export interface AgendaEntry {
  key: string;
  summary: string;
  score: number;
  /** 1-based place in value order, among all scored items. */
  position: number;
  /** Competition rank in value order (tied items share it). */
  rank: number;
  status: 'not-ready' | 'unchecked';
  /** The item's top finding; null when none was given. */
  finding: HealthFinding | null;
  /** Questions for the PO open on it (0: none). */
  openQuestions: number;
}

/**
 * The refinement agenda: the `n` highest-value scored items that are not ready, not-ready and unchecked
 * alike (an unchecked item needs a look as much), each with its top finding. Items with open questions for
 * the PO come first (an answer unblocks them soonest), each group in value order.
 */
export function refinementAgenda(
  items: readonly HealthItem[],
  n = 10,
  sorted: readonly ValueEntry[] = valueOrder(items),
): AgendaEntry[] {
  const limit = countOf(n);
  const ranks = tieRanks(sorted);
  const asking: AgendaEntry[] = [];
  const agenda: AgendaEntry[] = [];
  for (let i = 0; i < sorted.length && asking.length < limit; i++) {
    const e = sorted[i];
    if (!e || e.item.ready === true) continue;
    const finding = e.item.topFinding;
    const open = e.item.openQuestions ? openQuestionsOf(e.item) : 0;
    if (open === 0 && agenda.length >= limit) continue;
    (open > 0 ? asking : agenda).push({
      key: e.item.key,
      summary: e.item.summary,
      score: e.score,
      position: i + 1,
      rank: ranks[i]?.rank ?? i + 1,
      status: e.item.ready === false ? 'not-ready' : 'unchecked',
      finding: finding ? { kind: finding.kind, message: finding.message } : null,
      openQuestions: open,
    });
  }
  return [...asking, ...agenda].slice(0, limit);
}

/** The item's open questions for the PO as a count (0 when none or unknown). */
export const openQuestionsOf = (item: HealthItem): number => countOf(item.openQuestions ?? 0);
