/**
 * The scoring models. Each is a formula over named inputs (the built-in ones are written in the same formula
 * language a PO uses for custom models), so every score is explained the same way and can be redone by hand.
 *
 * - `wsjf` (SAFe): (businessValue + timeCriticality + riskReduction) / jobSize. Job size is the effort (by
 *   default the story points) and must be more than 0.
 * - `rice`: reach × impact × confidence / effort. Confidence is a percentage (0–100, divided by 100) unless
 *   `confidenceUnit: 'fraction'` (0–1). Effort must be more than 0.
 * - `ice`: impact × confidence × ease. Confidence is on ICE's own 1–10 scale (at most 10) unless
 *   `confidenceUnit: 'percent'`, then it is divided by 10. Ease is the mapped `ease` input; when unmapped it is
 *   derived from effort by the `easeFromEffort` buckets (default: effort ≤ 1 → 10, ≤ 2 → 9, ≤ 3 → 8, ≤ 5 → 7,
 *   ≤ 8 → 6, ≤ 13 → 5, ≤ 20 → 4, ≤ 40 → 3, ≤ 100 → 2, more → 1).
 * - `value-effort`: businessValue / effort; effort must be more than 0.
 * - `cd3` (Cost of Delay Divided by Duration): costOfDelay / duration when the mapping has a Cost of Delay
 *   field, else (businessValue + timeCriticality + riskReduction) / duration; duration is the effort, > 0.
 * - `custom`: the PO's formula; it needs every input it names.
 * - `moscow`: the MoSCoW bucket first (Must > Should > Could > Won't), then a tie-break model inside a bucket.
 *   The score is the bucket plus the tie-break's value; ordering compares the pair (bucket rank, value) as a
 *   tuple — there is deliberately no single combined number (see ./order).
 *
 * Strategic fit: when the mapping switches `strategicFit` on and the model sets `fitWeight` (> 0), the score is
 * multiplied by (1 + fitWeight × strategicFit); the multiplier is part of the formula the explanation shows.
 * The fit must be supplied per issue (≥ 0); an issue without one is unscored, not scored without the bonus.
 */
import { z } from 'zod';
import type { Expr, Formula } from './formula';
import { compileFormula, formulaFromAst, substitution } from './formula';
import type { EaseFromEffort, InputPlan } from './inputs';
import { knownInputs, planInputs } from './inputs';
import type { FieldMapping } from './mapping';
import { BUILTIN_INPUTS } from './mapping';

const fitWeight = z.number().min(0).max(100).optional();

const EaseFromEffortSchema = z
  .object({
    steps: z
      .array(z.object({ maxEffort: z.number().min(0), ease: z.number().min(1).max(10) }))
      .min(1)
      .max(20),
    above: z.number().min(1).max(10),
  })
  .refine(
    (t) =>
      t.steps.every((s, i) => i === 0 || s.maxEffort > (t.steps[i - 1] as { maxEffort: number }).maxEffort),
    'steps must be in ascending order of maxEffort',
  );

export const WsjfModelSchema = z.object({ kind: z.literal('wsjf'), fitWeight });
export const RiceModelSchema = z.object({
  kind: z.literal('rice'),
  confidenceUnit: z.enum(['percent', 'fraction']).optional(),
  fitWeight,
});
export const IceModelSchema = z.object({
  kind: z.literal('ice'),
  confidenceUnit: z.enum(['points', 'percent']).optional(),
  easeFromEffort: EaseFromEffortSchema.optional(),
  fitWeight,
});
export const ValueEffortModelSchema = z.object({ kind: z.literal('value-effort'), fitWeight });
export const Cd3ModelSchema = z.object({ kind: z.literal('cd3'), fitWeight });
export const CustomModelSchema = z.object({
  kind: z.literal('custom'),
  /** Shown in the UI; the formula is what scores. */
  name: z.string().max(100).optional(),
  formula: z.string().min(1).max(500),
  fitWeight,
});
const SCORE_MODEL_SCHEMAS = [
  WsjfModelSchema,
  RiceModelSchema,
  IceModelSchema,
  ValueEffortModelSchema,
  Cd3ModelSchema,
  CustomModelSchema,
] as const;
export const TiebreakModelSchema = z.discriminatedUnion('kind', SCORE_MODEL_SCHEMAS);
export const MoscowModelSchema = z.object({ kind: z.literal('moscow'), tiebreak: TiebreakModelSchema });
export const ModelConfigSchema = z.discriminatedUnion('kind', [...SCORE_MODEL_SCHEMAS, MoscowModelSchema]);
export type TiebreakModel = z.infer<typeof TiebreakModelSchema>;
export type ModelConfig = z.infer<typeof ModelConfigSchema>;
export type ModelKind = ModelConfig['kind'];

export interface ModelInfo {
  label: string;
  /** The inputs it needs with the default options (see {@link requiredInputs} for a given mapping). */
  required: readonly string[];
  formula: string;
}

export const MODELS: Readonly<Record<ModelKind, ModelInfo>> = {
  wsjf: {
    label: 'WSJF',
    required: ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'],
    formula: '(businessValue + timeCriticality + riskReduction) / jobSize',
  },
  rice: {
    label: 'RICE',
    required: ['reach', 'impact', 'confidence', 'effort'],
    formula: 'reach * impact * confidence / 100 / effort',
  },
  ice: { label: 'ICE', required: ['impact', 'confidence', 'ease'], formula: 'impact * confidence * ease' },
  'value-effort': {
    label: 'Value / effort',
    required: ['businessValue', 'effort'],
    formula: 'businessValue / effort',
  },
  cd3: {
    label: 'CD3',
    required: ['businessValue', 'timeCriticality', 'riskReduction', 'duration'],
    formula: '(businessValue + timeCriticality + riskReduction) / duration',
  },
  custom: { label: 'Custom formula', required: [], formula: '' },
  moscow: { label: 'MoSCoW', required: ['moscow'], formula: 'MoSCoW bucket, then the tie-break model' },
};

/** A check on one input's value beyond its reading: a reason when the value cannot be used. */
export type InputCheck = (value: number) => string | undefined;

export interface CompiledModel {
  config: ModelConfig;
  kind: ModelKind;
  /** The formula that gives the value (MoSCoW: the tie-break's). */
  formula: Formula;
  /** The formula as the explanation shows it. */
  formulaText: string;
  /** Reads 'moscow' first for MoSCoW, then the formula's inputs. */
  plan: InputPlan;
  /** For each formula input, its index in the plan's readings. */
  slots: readonly number[];
  bucketed: boolean;
  checks: ReadonlyMap<string, InputCheck>;
  /** The substituted line from input texts in formula order. */
  substitute: (values: readonly string[]) => string;
}

export type CompileModelResult = { ok: true; model: CompiledModel } | { ok: false; error: string };

const positive =
  (label: string, model: string): InputCheck =>
  (v) =>
    v > 0 ? undefined : `${label} is ${v}; ${model} divides by it, so it must be more than 0`;
const atMost =
  (label: string, max: number, hint: string): InputCheck =>
  (v) =>
    v <= max ? undefined : `${label} is ${v}, above ${max}; ${hint}`;

interface BaseModel {
  text: string;
  checks: Array<[string, InputCheck]>;
  easeFromEffort?: EaseFromEffort | undefined;
}

function baseModel(model: TiebreakModel, mapping: FieldMapping): BaseModel | string {
  switch (model.kind) {
    case 'wsjf':
      return {
        text: MODELS.wsjf.formula,
        checks: [['jobSize', positive('Job size', 'WSJF')]],
      };
    case 'rice': {
      const fraction = model.confidenceUnit === 'fraction';
      return {
        text: fraction ? 'reach * impact * confidence / effort' : MODELS.rice.formula,
        checks: [
          ['effort', positive('Effort', 'RICE')],
          [
            'confidence',
            fraction
              ? atMost('Confidence', 1, 'RICE is set to read confidence as a fraction (0–1)')
              : atMost('Confidence', 100, 'RICE reads confidence as a percentage (0–100)'),
          ],
        ],
      };
    }
    case 'ice': {
      const percent = model.confidenceUnit === 'percent';
      return {
        text: percent ? 'impact * confidence / 10 * ease' : MODELS.ice.formula,
        checks: [
          [
            'confidence',
            percent
              ? atMost('Confidence', 100, 'ICE is set to read confidence as a percentage (0–100)')
              : atMost(
                  'Confidence',
                  10,
                  'ICE reads confidence as points from 1 to 10; for a percentage, set “ICE reads confidence as” to a percentage in the model settings',
                ),
          ],
        ],
        easeFromEffort: model.easeFromEffort,
      };
    }
    case 'value-effort':
      return {
        text: MODELS['value-effort'].formula,
        checks: [['effort', positive('Effort', 'Value / effort')]],
      };
    case 'cd3':
      return {
        text: mapping.costOfDelay ? 'costOfDelay / duration' : MODELS.cd3.formula,
        checks: [['duration', positive('Duration', 'CD3')]],
      };
    case 'custom': {
      const compiled = compileFormula(model.formula, knownInputs(mapping));
      if (!compiled.ok) return `The formula does not compile: ${compiled.error.message}`;
      return { text: model.formula, checks: [] };
    }
  }
}

/** Multiplies by (1 + weight × strategicFit) when the mapping supplies fit and the model weighs it. */
function withFit(ast: Expr, weight: number | undefined, mapping: FieldMapping): Expr {
  if (!mapping.strategicFit || weight === undefined || weight === 0) return ast;
  return {
    kind: 'bin',
    op: '*',
    left: ast,
    right: {
      kind: 'bin',
      op: '+',
      left: { kind: 'num', value: 1 },
      right: {
        kind: 'bin',
        op: '*',
        left: { kind: 'num', value: weight },
        right: { kind: 'input', name: 'strategicFit' },
      },
    },
  };
}

/** Compiles a model for a mapping once; scoring an issue then only reads and evaluates. Never throws. */
export function compileModel(config: ModelConfig, mapping: FieldMapping): CompileModelResult {
  const parsed = ModelConfigSchema.safeParse(config);
  if (!parsed.success)
    return {
      ok: false,
      error: `The model settings are invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    };
  const tiebreak = config.kind === 'moscow' ? config.tiebreak : config;
  const base = baseModel(tiebreak, mapping);
  if (typeof base === 'string') return { ok: false, error: base };
  const known = tiebreak.kind === 'custom' ? knownInputs(mapping) : [...BUILTIN_INPUTS];
  const compiled = compileFormula(base.text, known);
  /* istanbul ignore next: built-in formulas compile; custom ones were checked in baseModel */
  if (!compiled.ok) return { ok: false, error: compiled.error.message };
  const formula = formulaFromAst(withFit(compiled.formula.ast, tiebreak.fitWeight, mapping), base.text);
  const bucketed = config.kind === 'moscow';
  const names = bucketed ? ['moscow', ...formula.inputs.filter((n) => n !== 'moscow')] : [...formula.inputs];
  let plan: InputPlan;
  try {
    plan = planInputs(names, mapping, { easeFromEffort: base.easeFromEffort });
  } catch (e) {
    /* istanbul ignore next: every known input has a resolver */
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return {
    ok: true,
    model: {
      config,
      kind: config.kind,
      formula,
      formulaText: bucketed ? `MoSCoW bucket, then ${formula.canonical}` : formula.canonical,
      plan,
      slots: formula.inputs.map((n) => names.indexOf(n)),
      bucketed,
      checks: new Map(base.checks),
      substitute: substitution(formula.ast, formula.inputs),
    },
  };
}

/** The inputs a model reads under a mapping, e.g. for WSJF `businessValue, timeCriticality, riskReduction, jobSize`. */
export function requiredInputs(config: ModelConfig, mapping: FieldMapping): string[] {
  const compiled = compileModel(config, mapping);
  return compiled.ok ? [...compiled.model.plan.names] : [];
}

/**
 * Problems with a model under a mapping that would leave every issue unscored or surprise the PO: the formula
 * does not compile, a required input has no field, fit is weighed but not supplied.
 */
export function checkModel(config: ModelConfig, mapping: FieldMapping): string[] {
  const compiled = compileModel(config, mapping);
  if (!compiled.ok) return [compiled.error];
  const problems: string[] = [];
  const readings = compiled.model.plan.read({}, { today: 0 });
  for (const r of readings) if (r.problem?.kind === 'unmapped') problems.push(r.problem.reason);
  const tiebreak = config.kind === 'moscow' ? config.tiebreak : config;
  if (tiebreak.fitWeight && !mapping.strategicFit)
    problems.push('The model weighs strategic fit, but the mapping does not switch strategic fit on');
  return problems;
}
