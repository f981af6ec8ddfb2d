/**
 * How much of the backlog the model scores, and the most common reason it does not — so a gadget never
 * shows an empty top list or "0 of 0" as if nothing were wrong ("ICE scores none of 305 issues: …").
 */
import type { Score } from '../scoring/score';
import type { HealthItem } from './types';
import { scoreOf } from './types';

export interface ScoringCoverage {
  total: number;
  scored: number;
  /** The cause most unscored items share (see `HealthItem.unscored`), with an example reason and its count. */
  mainCause: { cause: string; reason: string; count: number } | null;
}

export function scoringCoverage(items: readonly HealthItem[]): ScoringCoverage {
  let scored = 0;
  const causes = new Map<string, { cause: string; reason: string; count: number }>();
  for (const item of items) {
    if (scoreOf(item) !== undefined) {
      scored += 1;
      continue;
    }
    const cause = item.unscored?.cause ?? 'unknown';
    const seen = causes.get(cause);
    if (seen) seen.count += 1;
    else causes.set(cause, { cause, reason: item.unscored?.reason ?? 'it has no score', count: 1 });
  }
  let main: ScoringCoverage['mainCause'] = null;
  for (const c of causes.values()) if (!main || c.count > main.count) main = c;
  return { total: items.length, scored, mainCause: main };
}

/**
 * Why an issue is unscored (its `HealthItem.unscored`), grouped by its first problem: `invalid:<input>`,
 * `missing:<input>`, else `model`; undefined for a scored issue or none.
 */
export function unscoredCause(score: Score | undefined): { cause: string; reason: string } | undefined {
  if (!score || score.status === 'scored') return undefined;
  const invalid = score.invalid[0];
  if (invalid) return { cause: `invalid:${invalid.input}`, reason: invalid.reason };
  const missing = score.missing[0];
  if (missing) return { cause: `missing:${missing}`, reason: score.reason };
  return { cause: 'model', reason: score.reason };
}
