/**
 * Scores issues by business value. A score is absolute (it depends on the issue and the settings only, never
 * on the rest of the backlog), comes with an explanation that redoes the arithmetic by hand, and is never NaN,
 * Infinity or a silent 0: an issue that cannot be scored says which inputs are missing or invalid and why.
 *
 * Display: `explanation.result` shows the value rounded to at most 2 decimals ("3.2", "3.33"); a non-zero
 * value below 0.01 in size shows 2 significant digits instead ("0.0012") so it never reads as 0. `value`
 * keeps the exact number. Inputs in `substituted` are shown exactly as read.
 */
import { evaluateVector, formatLiteral } from './formula';
import type { InputReading } from './inputs';
import type { FieldMapping, MoscowBucket } from './mapping';
import { MOSCOW_LABEL, MOSCOW_RANK } from './mapping';
import type { CompiledModel, ModelConfig, ModelKind } from './models';
import { compileModel } from './models';
import { today } from './read';

export type ExplanationInput = InputReading;

export interface Explanation {
  inputs: ExplanationInput[];
  /** e.g. `(businessValue + timeCriticality + riskReduction) / jobSize` */
  formula: string;
  /** e.g. `(8 + 5 + 3) / 5`; `?` stands for a missing or invalid input. */
  substituted: string;
  /** e.g. `3.2`; `Must, 3.2` for MoSCoW; `unscored` when unscored. */
  result: string;
}

export interface ScoredScore {
  key: string;
  model: ModelKind;
  status: 'scored';
  /** The exact value; for MoSCoW the tie-break's value inside the bucket. */
  value: number;
  /** MoSCoW only. */
  bucket?: MoscowBucket;
  explanation: Explanation;
}

export interface UnscoredScore {
  key: string;
  model: ModelKind;
  status: 'unscored';
  /** All problems in one sentence each, joined by "; ". */
  reason: string;
  /** Inputs that are empty or have no field. */
  missing: string[];
  /** Inputs that are there but unusable, e.g. a negative or zero effort, or text in a number field. */
  invalid: Array<{ input: string; reason: string }>;
  explanation: Explanation;
}

export type Score = ScoredScore | UnscoredScore;

export interface IssueInput {
  key: string;
  fields: Readonly<Record<string, unknown>>;
}

export interface ScoreContext {
  /** Today, for due dates: a `YYYY-MM-DD` (the site's calendar day) or an instant (its UTC day). */
  now: Date | string;
  /** How many issues this one blocks, overriding the issue links. */
  blockedCount?: number | undefined;
  /** The issue's strategic fit (≥ 0), from the vision goals. */
  strategicFit?: number | undefined;
}

type PerKey = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

export interface BacklogContext {
  now: Date | string;
  /** Per issue key. */
  blockedCount?: PerKey | undefined;
  /** Per issue key. */
  strategicFit?: PerKey | undefined;
}

/** The displayed value: at most 2 decimals, except that a non-zero value never displays as 0. */
export function formatScore(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) < 0.01) return String(Number(value.toPrecision(2)));
  const rounded = Number(value.toFixed(2));
  return String(rounded === 0 ? 0 : rounded);
}

const UNSCORED = 'unscored';

function unscoredForModel(key: string, config: ModelConfig, error: string): UnscoredScore {
  return {
    key,
    model: config.kind,
    status: 'unscored',
    reason: error,
    missing: [],
    invalid: [],
    explanation: { inputs: [], formula: '', substituted: '', result: UNSCORED },
  };
}

/** The arithmetic part of a score: the same input values always give the same texts and value. */
type Outcome =
  | { ok: true; value: number; substituted: string; result: string }
  | { ok: false; reason: string; substituted: string };

/**
 * Outcomes by input values, as a trie of maps keyed by each value (no key strings built): in a backlog the
 * same few estimates repeat, so most issues reuse their texts instead of formatting new ones. Bounded.
 */
class OutcomeMemo {
  private readonly root = new Map<number, unknown>();
  private size = 0;

  constructor(private readonly limit = 50_000) {}

  get(values: Float64Array, n: number, last: number, make: () => Outcome): Outcome {
    let node = this.root;
    for (let i = 0; i <= n; i += 1) {
      const k = i < n ? (values[i] as number) : last;
      let next = node.get(k);
      if (next === undefined) {
        if (this.size >= this.limit) return make();
        next = i < n ? new Map<number, unknown>() : make();
        node.set(k, next);
        this.size += 1;
      }
      if (i === n) return next as Outcome;
      node = next as Map<number, unknown>;
    }
    /* istanbul ignore next */
    return make();
  }
}

function outcome(
  c: CompiledModel,
  values: Float64Array,
  texts: string[],
  bucket: MoscowBucket | undefined,
): Outcome {
  const n = c.formula.inputs.length;
  for (let j = 0; j < n; j += 1) texts[j] = formatLiteral(values[j] as number);
  const substituted = (bucket ? `${MOSCOW_LABEL[bucket]}, then ` : '') + c.substitute(texts);
  const raw = c.formula.run(values);
  if (!Number.isFinite(raw)) return { ok: false, reason: diagnoseAt(c, values), substituted };
  const value = raw === 0 ? 0 : raw;
  const shown = formatScore(value);
  return { ok: true, value, substituted, result: bucket ? `${MOSCOW_LABEL[bucket]}, ${shown}` : shown };
}

/** Scores one issue with a compiled model; `values` and `texts` are scratch space reused across issues. */
function scoreCompiled(
  c: CompiledModel,
  key: string,
  fields: Readonly<Record<string, unknown>>,
  ctx: { today: number; blockedCount?: number | undefined; strategicFit?: number | undefined },
  values: Float64Array,
  texts: string[],
  memo?: OutcomeMemo,
): Score {
  const readings = c.plan.read(fields, ctx);
  const slots = c.slots;
  let missing: string[] | undefined;
  let invalid: Array<{ input: string; reason: string }> | undefined;
  let reasons: string[] | undefined;
  for (let i = 0; i < readings.length; i += 1) {
    const r = readings[i] as InputReading;
    let why: string | undefined;
    if (r.problem) {
      why = r.problem.reason;
      if (r.problem.kind === 'invalid') (invalid ??= []).push({ input: r.name, reason: why });
      else (missing ??= []).push(r.name);
    } else {
      const check = c.checks.get(r.name);
      why = check && r.value !== null ? check(r.value) : undefined;
      if (why !== undefined) (invalid ??= []).push({ input: r.name, reason: why });
    }
    if (why !== undefined) (reasons ??= []).push(why);
  }
  const bucket = c.bucketed ? (readings[0] as InputReading).bucket : undefined;
  let substituted: string;
  if (reasons === undefined) {
    for (let j = 0; j < slots.length; j += 1)
      values[j] = (readings[slots[j] as number] as InputReading).value as number;
    const make = () => outcome(c, values, texts, bucket);
    const o = memo ? memo.get(values, slots.length, bucket ? MOSCOW_RANK[bucket] : 0, make) : make();
    if (o.ok) {
      const score: ScoredScore = {
        key,
        model: c.kind,
        status: 'scored',
        value: o.value,
        explanation: {
          inputs: readings,
          formula: c.formulaText,
          substituted: o.substituted,
          result: o.result,
        },
      };
      if (bucket) score.bucket = bucket;
      return score;
    }
    reasons = [o.reason];
    substituted = o.substituted;
  } else {
    for (let j = 0; j < slots.length; j += 1) {
      const r = readings[slots[j] as number] as InputReading;
      texts[j] = r.value === null ? '?' : formatLiteral(r.value);
    }
    const prefix = bucket ? `${MOSCOW_LABEL[bucket]}, then ` : c.bucketed ? '?, then ' : '';
    substituted = prefix + c.substitute(texts);
  }
  return {
    key,
    model: c.kind,
    status: 'unscored',
    reason: reasons.join('; '),
    missing: missing ?? [],
    invalid: invalid ?? [],
    explanation: { inputs: readings, formula: c.formulaText, substituted, result: UNSCORED },
  };
}

function diagnoseAt(c: CompiledModel, values: Float64Array): string {
  const result = evaluateVector(c.formula, values.subarray(0, c.formula.inputs.length));
  /* istanbul ignore next: only called when the fast path was not finite */
  return result.ok ? 'The result is not a finite number' : result.reason;
}

const lookup = (table: PerKey | undefined, key: string): number | undefined =>
  table === undefined
    ? undefined
    : table instanceof Map
      ? table.get(key)
      : (table as Record<string, number>)[key];

const keyOf = (issue: IssueInput): string =>
  typeof issue?.key === 'string' ? issue.key : String(issue?.key);
const fieldsOf = (issue: IssueInput): Readonly<Record<string, unknown>> =>
  issue?.fields !== null && typeof issue?.fields === 'object' ? issue.fields : {};

/**
 * Scores one issue. Throws only on a `now` that is not a date (a caller's mistake, not the issue's); settings
 * that cannot score (a custom formula that does not compile) give an unscored score saying so.
 */
export function scoreIssue(
  issue: IssueInput,
  mapping: FieldMapping,
  model: ModelConfig,
  context: ScoreContext,
): Score {
  const day = today(context.now);
  const compiled = compileModel(model, mapping);
  if (!compiled.ok) return unscoredForModel(keyOf(issue), model, compiled.error);
  const c = compiled.model;
  const n = c.formula.inputs.length;
  return scoreCompiled(
    c,
    keyOf(issue),
    fieldsOf(issue),
    { today: day, blockedCount: context.blockedCount, strategicFit: context.strategicFit },
    new Float64Array(n),
    new Array<string>(n),
  );
}

/**
 * Scores a backlog, in the order given. The model is compiled once; per issue only its readings, explanation
 * and score are allocated.
 */
export function scoreBacklog(
  issues: readonly IssueInput[],
  mapping: FieldMapping,
  model: ModelConfig,
  context: BacklogContext,
): Score[] {
  const day = today(context.now);
  const compiled = compileModel(model, mapping);
  if (!compiled.ok) return issues.map((i) => unscoredForModel(keyOf(i), model, compiled.error));
  const c = compiled.model;
  const n = c.formula.inputs.length;
  const values = new Float64Array(n);
  const texts = new Array<string>(n);
  const ctx: { today: number; blockedCount?: number | undefined; strategicFit?: number | undefined } = {
    today: day,
  };
  const memo = new OutcomeMemo();
  const out: Score[] = [];
  for (let i = 0; i < issues.length; i += 1) {
    const issue = issues[i] as IssueInput;
    const key = keyOf(issue);
    ctx.blockedCount = lookup(context.blockedCount, key);
    ctx.strategicFit = lookup(context.strategicFit, key);
    out.push(scoreCompiled(c, key, fieldsOf(issue), ctx, values, texts, memo));
  }
  return out;
}
