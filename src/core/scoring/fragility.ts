/**
 * Fragile positions: an issue is fragile when moving one of its inputs one step on that input's scale (story
 * points 5 → 8, business value 8 → 13) would move it more than `threshold` places in the score order. Such an
 * issue's place rests on an estimate nobody should trust to one step.
 *
 * One step from a value v is the nearest scale value above v and the nearest below it (v need not be on the
 * scale: 4 story points step to 3 and 5). An input that another name reads (job size is the story points)
 * steps under its own name: every formula input read from it changes together. A step that makes the issue
 * unscorable (a job size of 0, a confidence above 100 %) is skipped. Rules apply to the final value: a step
 * moves the value the formula uses.
 *
 * Cost: one sort, then for each issue and each input with a scale two re-evaluations and two binary searches:
 * O(n log n + n · inputs · log n).
 */
import type { FieldMapping } from './mapping';
import type { ModelConfig } from './models';
import { compileModel } from './models';
import type { Ranked } from './order';
import { comparable, compareRanked, ranked } from './order';
import type { Score, ScoredScore } from './score';

/** 1, 2, 3, 5, 8, 13, 20, 40, 100: the planning-poker Fibonacci scale. */
export const FIBONACCI: readonly number[] = [1, 2, 3, 5, 8, 13, 20, 40, 100];

/** Scales per input name; inputs without a scale are not stepped. */
export const DEFAULT_SCALES: Readonly<Record<string, readonly number[]>> = {
  storyPoints: FIBONACCI,
  effort: FIBONACCI,
  businessValue: FIBONACCI,
  timeCriticality: FIBONACCI,
  riskReduction: FIBONACCI,
};

export interface FragilityOptions {
  model: ModelConfig;
  mapping: FieldMapping;
  /** An issue is fragile when one step moves it by more than this many places; default 3. */
  threshold?: number;
}

export interface Fragility {
  key: string;
  /** The input stepped, e.g. `storyPoints`. */
  input: string;
  from: number;
  to: number;
  /** Places moved: positive is up (towards the top), negative down. */
  places: number;
}

function neighbours(scale: readonly number[], v: number): number[] {
  let below: number | undefined;
  let above: number | undefined;
  for (const s of scale) {
    if (s < v && (below === undefined || s > below)) below = s;
    if (s > v && (above === undefined || s < above)) above = s;
  }
  return [below, above].filter((x): x is number => x !== undefined);
}

/** How many entries of `sorted` (other than the one at `self`) come before `probe`. */
function positionOf(sorted: readonly Ranked[], probe: Ranked, self: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRanked(sorted[mid] as Ranked, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return self < lo ? lo - 1 : lo;
}

/**
 * The fragile issues, in score order, each with its worst single step. Unscored issues are left out (they have
 * no place to lose).
 */
export function fragileIssues(
  scores: readonly Score[],
  scales: Readonly<Record<string, readonly number[]>> = DEFAULT_SCALES,
  options: FragilityOptions,
): Fragility[] {
  const threshold = options.threshold ?? 3;
  const compiled = compileModel(options.model, options.mapping);
  if (!compiled.ok) return [];
  const model = compiled.model;
  const sorted = scores
    .filter((s): s is ScoredScore => s.status === 'scored')
    .map(ranked)
    .sort(compareRanked);
  const out: Fragility[] = [];
  const names = model.formula.inputs;
  const base = new Float64Array(names.length);
  const trial = new Float64Array(names.length);
  for (let p = 0; p < sorted.length; p += 1) {
    const entry = sorted[p] as Ranked;
    const score = entry.score as ScoredScore;
    const inputs = score.explanation.inputs;
    // The formula's inputs by position, and for each the input it is read from (job size ← story points).
    const readings = names.map((name) => inputs.find((r) => r.name === name));
    if (readings.some((r) => r === undefined || r.value === null)) continue;
    readings.forEach((r, i) => (base[i] = r?.value as number));
    const roots = readings.map((r) => (r?.from ?? r?.name) as string);
    let worst: Fragility | undefined;
    for (const root of new Set(roots)) {
      const first = roots.indexOf(root);
      const reading = readings[first] as (typeof readings)[number] & { value: number };
      const scale = scales[root] ?? scales[reading.name];
      if (!scale) continue;
      const slots = roots.flatMap((r, i) => (r === root ? [i] : []));
      for (const to of neighbours(scale, reading.value)) {
        trial.set(base);
        let usable = true;
        for (const i of slots) {
          trial[i] = to;
          if (model.checks.get(names[i] as string)?.(to) !== undefined) usable = false;
        }
        const value = usable ? model.formula.run(trial) : NaN;
        if (!(value - value === 0)) continue; // unscorable or not finite: skipped
        const probe: Ranked = { ...entry, value: comparable(value) };
        const places = p - positionOf(sorted, probe, p);
        if (!worst || Math.abs(places) > Math.abs(worst.places))
          worst = { key: score.key, input: root, from: reading.value, to, places };
      }
    }
    if (worst && Math.abs(worst.places) > threshold) out.push(worst);
  }
  return out;
}
