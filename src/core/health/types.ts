/**
 * The backlog as the health dashboard sees it: items in current rank order (index 0 is the top), each with
 * its value score, estimate, readiness and goals. Keys must be unique.
 */
import { comparable } from '../scoring/order';

export interface HealthFinding {
  kind: string;
  message: string;
}

export interface HealthItem {
  key: string;
  summary: string;
  /** The value score; null when unscored (NaN and ±Infinity also read as unscored). */
  score: number | null;
  /** The estimate; null/undefined when unestimated (negative or non-finite also read as unestimated). */
  storyPoints: number | null | undefined;
  /** The acceptance-criteria verdict; undefined when not checked. */
  ready: boolean | undefined;
  /** The most important finding of the criteria check, if any. */
  topFinding?: HealthFinding | undefined;
  /** Ids of the vision goals the item serves. */
  goals?: readonly string[] | undefined;
  /**
   * Why an unscored item has no score: a cause shared by items failing the same way (`invalid:confidence`,
   * `missing:businessValue`, `model`) and one item's reason in words.
   */
  unscored?: { cause: string; reason: string } | undefined;
  /** Questions for the PO still open on the item (0 or undefined: none). */
  openQuestions?: number | undefined;
  /** When the oldest open question was asked (ISO instant). */
  oldestQuestion?: string | undefined;
}

/** The score when it is a finite number, else undefined. */
export const scoreOf = (item: HealthItem): number | undefined =>
  typeof item.score === 'number' && Number.isFinite(item.score) ? item.score : undefined;

/** The estimate when it is a finite number ≥ 0, else undefined. */
export const effortOf = (item: HealthItem): number | undefined =>
  typeof item.storyPoints === 'number' && Number.isFinite(item.storyPoints) && item.storyPoints >= 0
    ? item.storyPoints
    : undefined;

/** `n` as a count: a whole number ≥ 0 (fractions round down; NaN and negatives give 0). */
export const countOf = (n: number): number =>
  Number.isFinite(n) ? Math.max(0, Math.floor(n)) : n > 0 ? Infinity : 0;

/** A scored item with its current index (0 = top of the backlog) and its value as ties compare it. */
export interface ValueEntry {
  item: HealthItem;
  index: number;
  score: number;
  /** The score at 12 significant digits: equal exactly when tied (the scoring order's rule). */
  value: number;
}

/**
 * The scored items in value order: higher score first; ties (equal at 12 significant digits, as in the
 * scoring order) keep their current rank order.
 */
export function valueOrder(items: readonly HealthItem[]): ValueEntry[] {
  const entries: ValueEntry[] = [];
  const seen = new Map<number, number>(); // comparable() per distinct score: backlogs repeat scores a lot
  items.forEach((item, index) => {
    const score = scoreOf(item);
    if (score === undefined) return;
    let value = seen.get(score);
    if (value === undefined) seen.set(score, (value = comparable(score)));
    entries.push({ item, index, score, value });
  });
  return entries.sort((a, b) => (a.value !== b.value ? (b.value > a.value ? 1 : -1) : a.index - b.index));
}

/** For each entry of a value order: its competition rank (1, 2, 2, 4) and whether it ties with another. */
export function tieRanks(sorted: readonly ValueEntry[]): Array<{ rank: number; tied: boolean }> {
  const out: Array<{ rank: number; tied: boolean }> = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as ValueEntry).value === (sorted[i] as ValueEntry).value) j += 1;
    for (let k = i; k < j; k++) out.push({ rank: i + 1, tied: j - i > 1 });
    i = j;
  }
  return out;
}
