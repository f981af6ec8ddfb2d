/**
 * What would reverse two issues' order by score: the smallest single-input changes, each on that input's
 * scale (story points 5 → 8, business value 8 → 13), that put the lower issue's score above the higher's,
 * or the higher's below the lower's. The explainable answer to "what would change it?".
 *
 * One change moves one input of one issue to another value of its scale (the nearest first: `steps` counts
 * scale values passed, 1 = the neighbour); an input that another name reads (job size is the story points)
 * changes under its own name, with every formula input read from it. A value that makes the issue unscorable
 * is skipped. Reversed means strictly: the same bucket (MoSCoW) and a higher value at 12 significant digits;
 * issues in different MoSCoW buckets are reversed by no formula input (the answer is empty).
 */
import type { FieldMapping } from './mapping';
import type { CompiledModel, ModelConfig } from './models';
import { compileModel } from './models';
import { comparable, ranked } from './order';
import { formatScore, type ScoredScore } from './score';
import { DEFAULT_SCALES } from './fragility';

export interface Reversal {
  /** The issue whose input changes. */
  key: string;
  /** The input changed (the root name: `storyPoints`, not `jobSize`) and its label. */
  input: string;
  label: string;
  from: number;
  to: number;
  /** Scale values from `from` to `to` (1 = the next value on the scale). */
  steps: number;
  /** The score after the change, exact and as shown. */
  value: number;
  display: string;
}

export interface ReversalOptions {
  model: ModelConfig;
  mapping: FieldMapping;
  scales?: Readonly<Record<string, readonly number[]>>;
}

/** Scale values away from `v`, nearest first: those above ascending, those below descending. */
function away(scale: readonly number[], v: number): Array<{ to: number; steps: number }> {
  const up = [...scale].filter((s) => s > v).sort((a, b) => a - b);
  const down = [...scale].filter((s) => s < v).sort((a, b) => b - a);
  return [...up.map((to, i) => ({ to, steps: i + 1 })), ...down.map((to, i) => ({ to, steps: i + 1 }))].sort(
    (a, b) => a.steps - b.steps,
  );
}

/** For one issue: per input, the nearest scale value whose score satisfies `wins`. */
function changes(
  model: CompiledModel,
  score: ScoredScore,
  scales: Readonly<Record<string, readonly number[]>>,
  wins: (value: number) => boolean,
): Reversal[] {
  const names = model.formula.inputs;
  const readings = names.map((name) => score.explanation.inputs.find((r) => r.name === name));
  if (readings.some((r) => r === undefined || r.value === null)) return [];
  const base = readings.map((r) => r?.value as number);
  const roots = readings.map((r) => (r?.from ?? r?.name) as string);
  const out: Reversal[] = [];
  for (const root of new Set(roots)) {
    const first = roots.indexOf(root);
    const reading = readings[first] as NonNullable<(typeof readings)[number]> & { value: number };
    const scale = scales[root] ?? scales[reading.name];
    if (!scale) continue;
    const slots = roots.flatMap((r, i) => (r === root ? [i] : []));
    for (const { to, steps } of away(scale, reading.value)) {
      const trial = [...base];
      let usable = true;
      for (const i of slots) {
        trial[i] = to;
        if (model.checks.get(names[i] as string)?.(to) !== undefined) usable = false;
      }
      const value = usable ? model.formula.run(trial) : NaN;
      if (!Number.isFinite(value) || !wins(comparable(value))) continue;
      const label = score.explanation.inputs.find((r) => r.name === root)?.label ?? reading.label;
      out.push({
        key: score.key,
        input: root,
        label,
        from: reading.value,
        to,
        steps,
        value,
        display: formatScore(value),
      });
      break;
    }
  }
  return out;
}

/**
 * The single-input changes that would put `lower` above `higher` by score, fewest steps first (then the
 * lower issue's changes before the higher's, then by input name). Empty when the two are in different
 * MoSCoW buckets, when the model does not compile, or when no change on a scale is enough.
 */
export function reversals(higher: ScoredScore, lower: ScoredScore, options: ReversalOptions): Reversal[] {
  const compiled = compileModel(options.model, options.mapping);
  if (!compiled.ok) return [];
  const h = ranked(higher);
  const l = ranked(lower);
  if (h.bucket !== l.bucket) return [];
  const scales = options.scales ?? DEFAULT_SCALES;
  const up = changes(compiled.model, lower, scales, (v) => v > h.value);
  const down = changes(compiled.model, higher, scales, (v) => v < l.value);
  const order = (r: Reversal) => (r.key === lower.key ? 0 : 1);
  return [...up, ...down].sort(
    (a, b) =>
      a.steps - b.steps || order(a) - order(b) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0),
  );
}
