/**
 * Ordering and ties.
 *
 * The order compares tuples, best first: scored before unscored; then the MoSCoW bucket rank (Must 4 ..
 * Won't 1; 0 for the other models, so it never decides); then the value, higher first; then the issue key
 * (natural order: TRAIL-2 before TRAIL-10) so the order is total and reproducible. There is no combined number
 * (bucket · 1e9 + value would lose precision); {@link sortKey} gives the tuple.
 *
 * Rounding rule for comparing values: values are compared at {@link SIGNIFICANT_DIGITS} significant digits
 * (`Number(value.toPrecision(12))`), so floating-point noise such as 0.1 + 0.2 versus 0.3 does not split a
 * tie, while any real difference between hand-entered inputs is far larger. Two scores tie exactly when their
 * buckets and rounded values are equal; it is an equivalence, so tie groups are well defined. `value` itself
 * stays exact.
 */
import { MOSCOW_RANK } from './mapping';
import type { Score, ScoredScore } from './score';

export const SIGNIFICANT_DIGITS = 12;

/** The value as ordering and ties compare it. */
export const comparable = (value: number): number => {
  const v = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return v === 0 ? 0 : v;
};

/** The tuple the order compares, higher first: [bucket rank, value]; undefined for an unscored issue. */
export function sortKey(score: Score): readonly [bucket: number, value: number] | undefined {
  if (score.status !== 'scored') return undefined;
  return [score.bucket ? MOSCOW_RANK[score.bucket] : 0, comparable(score.value)];
}

const KEY = /^(.*?)(\d+)$/;

/** An issue key split once for natural ordering: `TRAIL-10` → `TRAIL-`, 10 (no number: the key, NaN). */
interface KeyParts {
  key: string;
  prefix: string;
  num: number;
}

const keyParts = (key: string): KeyParts => {
  const m = KEY.exec(key);
  return m ? { key, prefix: m[1] as string, num: Number(m[2]) } : { key, prefix: key, num: NaN };
};

function compareParts(a: KeyParts, b: KeyParts): number {
  if (a.prefix === b.prefix && a.num !== b.num && a.num === a.num && b.num === b.num) return a.num - b.num;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Natural order of issue keys: by project, then by number. */
export function compareKeys(a: string, b: string): number {
  return compareParts(keyParts(a), keyParts(b));
}

/** An entry prepared for ordering: the tuple and the key parts computed once. */
export interface Ranked {
  score: Score;
  scored: boolean;
  bucket: number;
  value: number;
  key: KeyParts;
}

export function ranked(score: Score): Ranked {
  const key = sortKey(score);
  return {
    score,
    scored: key !== undefined,
    bucket: key?.[0] ?? 0,
    value: key?.[1] ?? 0,
    key: keyParts(score.key),
  };
}

/** Negative when `a` comes before `b`. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.scored !== b.scored) return a.scored ? -1 : 1;
  if (a.bucket !== b.bucket) return b.bucket - a.bucket;
  if (a.value !== b.value) return b.value > a.value ? 1 : -1;
  return compareParts(a.key, b.key);
}

/** Negative when `a` ranks before `b` (see the module notes for the order). */
export function compareScores(a: Score, b: Score): number {
  return compareRanked(ranked(a), ranked(b));
}

/** The scores in rank order, best first. Each tuple is computed once. */
export function orderScores(scores: readonly Score[]): Score[] {
  return scores
    .map(ranked)
    .sort(compareRanked)
    .map((r) => r.score);
}

/**
 * Groups of two or more issue keys whose scores are tied (same bucket, same value at 12 significant digits),
 * best group first, keys in natural order within a group. Unscored issues never tie.
 */
export function tieGroups(scores: readonly Score[]): string[][] {
  const sorted = scores
    .filter((s): s is ScoredScore => s.status === 'scored')
    .map(ranked)
    .sort(compareRanked);
  const groups: string[][] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as Ranked;
    let j = i + 1;
    while (
      j < sorted.length &&
      (sorted[j] as Ranked).bucket === first.bucket &&
      (sorted[j] as Ranked).value === first.value
    )
      j += 1;
    if (j - i > 1) groups.push(sorted.slice(i, j).map((r) => r.score.key));
    i = j;
  }
  return groups;
}
