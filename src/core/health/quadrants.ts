/**
 * The value/effort matrix: x = effort (story points), y = value (score), split at the medians.
 *
 * Only items with both an estimate and a score take part, and the medians are theirs. Median: the middle
 * value of the sorted list, or the mean of the two middle values for an even count. An item exactly at a
 * median counts as HIGH on that axis (so with all efforts equal, every item is high effort). Quadrants:
 * `quick-win` (high value, low effort), `big-bet` (high value, high effort), `filler` (low value, low
 * effort), `time-sink` (low value, high effort). Items missing either number are listed separately with
 * what they miss.
 */
import type { HealthItem } from './types';
import { effortOf, scoreOf } from './types';

export const QUADRANTS = ['quick-win', 'big-bet', 'filler', 'time-sink'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface QuadrantPoint {
  key: string;
  summary: string;
  /** Effort: story points. */
  x: number;
  /** Value: the score. */
  y: number;
  quadrant: Quadrant;
}

export interface QuadrantReport {
  /** Items with both numbers, in current rank order. */
  points: QuadrantPoint[];
  counts: Record<Quadrant, number>;
  /** The split points; null when no item has both numbers. */
  medians: { effort: number; value: number } | null;
  /** Items missing the score, the estimate or both, in current rank order. */
  missing: Array<{ key: string; summary: string; missing: Array<'score' | 'effort'> }>;
}

/** The median of numbers (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : (sorted[mid - 1] as number) / 2 + (sorted[mid] as number) / 2;
}

export function quadrantOf(x: number, y: number, medians: { effort: number; value: number }): Quadrant {
  const highValue = y >= medians.value;
  const highEffort = x >= medians.effort;
  if (highValue) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'time-sink' : 'filler';
}

export function valueEffortQuadrants(items: readonly HealthItem[]): QuadrantReport {
  const complete: Array<{ item: HealthItem; x: number; y: number }> = [];
  const missing: QuadrantReport['missing'] = [];
  for (const item of items) {
    const y = scoreOf(item);
    const x = effortOf(item);
    if (x !== undefined && y !== undefined) complete.push({ item, x, y });
    else {
      const what: Array<'score' | 'effort'> = [];
      if (y === undefined) what.push('score');
      if (x === undefined) what.push('effort');
      missing.push({ key: item.key, summary: item.summary, missing: what });
    }
  }
  const counts: Record<Quadrant, number> = { 'quick-win': 0, 'big-bet': 0, filler: 0, 'time-sink': 0 };
  if (complete.length === 0) return { points: [], counts, medians: null, missing };
  const medians = { effort: median(complete.map((c) => c.x)), value: median(complete.map((c) => c.y)) };
  const points = complete.map(({ item, x, y }): QuadrantPoint => {
    const quadrant = quadrantOf(x, y, medians);
    counts[quadrant] += 1;
    return { key: item.key, summary: item.summary, x, y, quadrant };
  });
  return { points, counts, medians, missing };
}
