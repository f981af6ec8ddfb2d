/**
 * The written score: what Prioritize wrote to an issue (the `valuerank` issue property, `{ score, display,
 * model, at }` or `{ model, unscored, at }`, and the "Business value score" field) against the live score the
 * project's model gives now. The live score is the truth; the written copy is *stale* when another model
 * wrote it or it holds another value (its inputs changed since, or a reorder was undone).
 */
import { modelLabel } from './labels';
import { comparable } from './order';
import { formatScore } from './score';

export interface WrittenScore {
  /** null when the property says the issue was unscored. */
  score: number | null;
  /** The model kind that wrote it (`wsjf`, `rice`, …), when the property says. */
  model: string | undefined;
  /** When it was written (ISO), when the property says. */
  at: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The `valuerank` property as a written score; null when nothing was written. */
export function readWrittenScore(property: unknown): WrittenScore | null {
  if (!property || typeof property !== 'object' || Array.isArray(property)) return null;
  const p = property as { score?: unknown; model?: unknown; unscored?: unknown; at?: unknown };
  const score = typeof p.score === 'number' && Number.isFinite(p.score) ? p.score : null;
  if (score === null && p.unscored === undefined) return null;
  return { score, model: str(p.model), at: str(p.at) };
}

export interface LiveScore {
  /** The model kind the project scores with now. */
  model: string;
  /** null when the model cannot score the issue. */
  score: number | null;
}

const shown = (score: number | null) => (score === null ? 'unscored' : formatScore(score));
const day = (at: string | undefined) => (at ? ` on ${at.slice(0, 10)}` : '');

/**
 * Why the written score is stale, in one sentence; undefined when it agrees with the live one (same model,
 * same value at the scoring order's precision) or when nothing was written. `field` is the value of the
 * "Business value score" field when it was read (null: empty).
 */
export function writtenStaleness(
  live: LiveScore,
  written: WrittenScore | null,
  field?: number | null,
): string | undefined {
  const same = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : comparable(a) === comparable(b);
  if (written) {
    if (written.model !== undefined && written.model !== live.model)
      return `The written score (${shown(written.score)}, ${modelLabel(written.model)}${day(written.at)}) is stale: the project scores with ${modelLabel(live.model)} now.`;
    if (!same(written.score, live.score))
      return `The written score (${shown(written.score)}${day(written.at)}) is stale: the issue's inputs give ${shown(live.score)} now.`;
  }
  if (field !== undefined && (written || field !== null) && !same(field, live.score))
    return `The Business value score field (${shown(field)}) is stale: the issue's inputs give ${shown(live.score)} now.`;
  return undefined;
}
