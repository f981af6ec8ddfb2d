/**
 * LexoRank-style rank strings, as Jira Software stores them in its Rank field: `0|i0000f:` is bucket `0`,
 * a 6-digit base-36 integer part and an optional base-36 fraction after the colon (`0|i0000f:hzz`). Ranks
 * order by plain string comparison. New ranks are computed strictly between two neighbours (evenly spaced
 * when several are needed); when that would make strings too long, the caller rebalances the bucket.
 */

export const RANK_PATTERN = /^([0-2])\|([0-9a-z]{6}):([0-9a-z]*)$/;
/** Longer fractions than this ask for a rebalance (Jira rebalances well before its hard limit). */
export const MAX_FRACTION_DIGITS = 24;

const BASE = 36n;
const INTEGER_DIGITS = 6;
const INTEGER_SPACE = BASE ** BigInt(INTEGER_DIGITS);

interface ParsedRank {
  bucket: number;
  /** integer part followed by the fraction, as base-36 digits */
  digits: string;
}

/** Any rank Jira could hold (`bucket|digits:digits`); ranks outside this module's own format are ordered by
 * string comparison all the same, and replaced by a rebalance as soon as one must be computed next to them. */
export const LOOSE_RANK_PATTERN = /^[0-2]\|[0-9a-z]+:[0-9a-z]*$/;

export function isLexoRank(value: unknown): value is string {
  return typeof value === 'string' && LOOSE_RANK_PATTERN.test(value);
}

function parse(rank: string): ParsedRank | undefined {
  const m = RANK_PATTERN.exec(rank);
  if (!m || m[3]?.endsWith('0')) return undefined;
  return { bucket: Number(m[1]), digits: `${m[2] ?? ''}${m[3] ?? ''}` };
}

function toBigInt(digits: string): bigint {
  let n = 0n;
  for (const ch of digits) n = n * BASE + BigInt(parseInt(ch, 36));
  return n;
}

function toDigits(n: bigint, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = (n % BASE).toString(36) + s;
    n /= BASE;
  }
  return s;
}

function format(bucket: number, digits: string): string {
  const integer = digits.slice(0, INTEGER_DIGITS);
  const fraction = digits.slice(INTEGER_DIGITS).replace(/0+$/, '');
  return `${bucket}|${integer}:${fraction}`;
}

/** `count` evenly spaced ranks in a fresh bucket, leaving room before the first and after the last. */
export function initialRanks(count: number, bucket = 0): string[] {
  const ranks: string[] = [];
  let width = INTEGER_DIGITS;
  let space = INTEGER_SPACE;
  while (space / BigInt(count + 1) < 2n) {
    width++;
    space *= BASE;
  }
  const step = space / BigInt(count + 1);
  for (let i = 1; i <= count; i++) ranks.push(format(bucket, toDigits(step * BigInt(i), width)));
  return ranks;
}

/**
 * `count` ranks strictly between `prev` and `next` (either may be absent: the start or end of the bucket),
 * in ascending order. Undefined when the neighbours are not in this module's format, lie in different
 * buckets, or the result would need more than MAX_FRACTION_DIGITS: the caller should rebalance then.
 */
export function ranksBetween(
  prev: string | undefined,
  next: string | undefined,
  count: number,
): string[] | undefined {
  if (count <= 0) return [];
  const a = prev === undefined ? undefined : parse(prev);
  const b = next === undefined ? undefined : parse(next);
  if ((prev !== undefined && !a) || (next !== undefined && !b)) return undefined;
  const bucket = a?.bucket ?? b?.bucket ?? 0;
  if (a && b && a.bucket !== b.bucket) return undefined;
  if (prev !== undefined && next !== undefined && prev >= next) return undefined;
  let width = Math.max(a?.digits.length ?? INTEGER_DIGITS, b?.digits.length ?? INTEGER_DIGITS);
  for (;;) {
    if (width - INTEGER_DIGITS > MAX_FRACTION_DIGITS) return undefined;
    const low = a ? toBigInt(a.digits.padEnd(width, '0')) : 0n;
    const high = b
      ? toBigInt(b.digits.padEnd(width, '0'))
      : INTEGER_SPACE * BASE ** BigInt(width - INTEGER_DIGITS);
    const gap = high - low;
    if (gap > BigInt(count + 1)) {
      const ranks: string[] = [];
      for (let i = 1; i <= count; i++) {
        const value = low + (gap * BigInt(i)) / BigInt(count + 1);
        ranks.push(format(bucket, toDigits(value, width)));
      }
      return ranks;
    }
    width++;
  }
}

/** The bucket Jira moves to when it rebalances (0 → 1 → 2 → 0). */
export function nextBucket(rank: string | undefined): number {
  const bucket = rank === undefined ? 0 : (parse(rank)?.bucket ?? 0);
  return (bucket + 1) % 3;
}
