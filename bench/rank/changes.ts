/**
 * The changes the benchmark plans: a target order that is the current order re-sorted by a value score.
 *
 * Every issue gets a deterministic pseudo-score, value / size: the value is a seeded number in [1, 100)
 * drawn from the issue key (so adding issues never reshuffles the others), the size its story points
 * (0.5 when 0, 3 when unestimated). Higher scores rank first; ties keep the current order.
 * - full shuffle: current = the backlog as given (file order); target = sorted by score.
 * - few re-scored / 10% re-scored: current = already sorted by the old scores; 5 issues (or 10% of them),
 *   chosen with a seeded generator, get a new value; target = sorted by the new scores.
 */
import type { Backlog, BenchIssue } from './data';

export type ChangeKind = 'few' | 'tenth' | 'shuffle';

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  few: 'few re-scored (5)',
  tenth: '10% re-scored',
  shuffle: 'full shuffle',
};

export const CHANGE_KINDS: readonly ChangeKind[] = ['few', 'tenth', 'shuffle'];

/** How many issues a re-scoring change gives new scores. */
export function rescoredCount(kind: ChangeKind, n: number): number {
  if (kind === 'few') return Math.min(5, n);
  if (kind === 'tenth') return Math.round(n / 10);
  return n;
}

export interface Change {
  kind: ChangeKind;
  current: string[];
  target: string[];
  /** Issues given a new score (all of them for a full shuffle). */
  rescored: number;
}

/** 32-bit FNV-1a. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: floats in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number | string): () => number {
  let state = (typeof seed === 'string' ? hash(seed) : seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seeded value score of one issue under a named scoring round. */
export function pseudoScore(issue: BenchIssue, round: string, seed: number): number {
  const value = 1 + 99 * seededRandom(`${seed}:${round}:${issue.key}`)();
  const size = issue.storyPoints === undefined ? 3 : Math.max(issue.storyPoints, 0.5);
  return value / size;
}

/** `issues` sorted by descending score, ties in their given order. */
function byScore(issues: readonly BenchIssue[], score: (issue: BenchIssue) => number): BenchIssue[] {
  return issues
    .map((issue, i) => ({ issue, i, s: score(issue) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.issue);
}

/** `count` distinct indices of [0, n), chosen with a seeded partial Fisher–Yates shuffle. */
function pickIndices(n: number, count: number, seed: string): Set<number> {
  const random = seededRandom(seed);
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return new Set(all.slice(0, count));
}

export function buildChange(backlog: Backlog, kind: ChangeKind, seed = 2026): Change {
  const keys = (issues: readonly BenchIssue[]): string[] => issues.map((i) => i.key);
  const old = (issue: BenchIssue): number => pseudoScore(issue, 'old', seed);
  if (kind === 'shuffle') {
    return {
      kind,
      current: keys(backlog.issues),
      target: keys(byScore(backlog.issues, old)),
      rescored: backlog.issues.length,
    };
  }
  const current = byScore(backlog.issues, old);
  const count = rescoredCount(kind, current.length);
  const chosen = pickIndices(current.length, count, `${seed}:${kind}:${backlog.name}`);
  const rescored = new Set([...chosen].map((i) => (current[i] as BenchIssue).key));
  const fresh = (issue: BenchIssue): number =>
    rescored.has(issue.key) ? pseudoScore(issue, `new:${kind}`, seed) : old(issue);
  return { kind, current: keys(current), target: keys(byScore(current, fresh)), rescored: count };
}
