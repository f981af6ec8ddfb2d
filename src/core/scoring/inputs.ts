/**
 * Reads a model's inputs from one issue's fields, following the mapping, and says for each where its value
 * came from in words a Product Owner can check by hand ("Business Value (customfield_10030) = 8").
 *
 * A plan is built once per model and mapping ({@link planInputs}); reading an issue then runs one small closure
 * per input, so scoring a large backlog does no lookups by name.
 */
import type { KnownInput } from './formula';
import { readNumber } from '../backlog/items';
import type { BuiltinInput, FieldMapping, MoscowBucket, NumberInput, NumberSource, Rule } from './mapping';
import {
  BUILTIN_INPUTS,
  DEFAULT_DUE_DATE_TABLE,
  DEFAULT_MOSCOW_TABLE,
  DEFAULT_PRIORITY_TABLE,
  INPUT_ALIASES,
  INPUT_LABELS,
  MOSCOW_LABEL,
  MOSCOW_RANK,
} from './mapping';
import { customInputLabel } from './labels';
import { describe, normalizeOption, optionLookup, readDate, readOptionText } from './read';

export interface InputProblem {
  /** `unmapped`: no field is mapped for it; `missing`: empty on this issue; `invalid`: there but unusable. */
  kind: 'unmapped' | 'missing' | 'invalid';
  reason: string;
}

/** One input as the explanation shows it. Treat as immutable: identical readings are shared between issues. */
export interface InputReading {
  /** The name formulas use, e.g. `businessValue`. */
  name: string;
  label: string;
  /** The value used; null when missing or invalid. */
  value: number | null;
  /** Where the value came from, e.g. `Business Value (customfield_10030) = 8`. */
  source: string;
  /** The field value as Jira gave it. */
  raw?: unknown;
  /** The input this one is another name for, e.g. `jobSize` read from `storyPoints`. */
  from?: string;
  /** The MoSCoW bucket, for `moscow`. */
  bucket?: MoscowBucket;
  problem?: InputProblem;
}

/** Per-issue facts that do not come from the issue's fields. */
export interface IssueContext {
  /** Today as a day number (see `today` in ./read). */
  today: number;
  blockedCount?: number | undefined;
  strategicFit?: number | undefined;
}

export interface EaseFromEffort {
  /** Ascending: the first step with `effort ≤ maxEffort` gives the ease. */
  steps: ReadonlyArray<{ maxEffort: number; ease: number }>;
  /** Ease when effort is above the last step. */
  above: number;
}

/** Effort ≤ 1 → ease 10, ≤ 2 → 9, ≤ 3 → 8, ≤ 5 → 7, ≤ 8 → 6, ≤ 13 → 5, ≤ 20 → 4, ≤ 40 → 3, ≤ 100 → 2, more → 1. */
export const DEFAULT_EASE_FROM_EFFORT: EaseFromEffort = {
  steps: [
    { maxEffort: 1, ease: 10 },
    { maxEffort: 2, ease: 9 },
    { maxEffort: 3, ease: 8 },
    { maxEffort: 5, ease: 7 },
    { maxEffort: 8, ease: 6 },
    { maxEffort: 13, ease: 5 },
    { maxEffort: 20, ease: 4 },
    { maxEffort: 40, ease: 3 },
    { maxEffort: 100, ease: 2 },
  ],
  above: 1,
};

export interface PlanOptions {
  easeFromEffort?: EaseFromEffort | undefined;
}

type Fields = Readonly<Record<string, unknown>>;
type Resolver = (fields: Fields, ctx: IssueContext) => InputReading;

export interface InputPlan {
  names: readonly string[];
  read(fields: Fields, ctx: IssueContext): InputReading[];
}

/** Every input a formula may name under this mapping: built-ins, custom inputs, and their labels. */
/** Every input a formula may name under this mapping: built-ins, custom inputs, and their labels. */
export function knownInputs(mapping: FieldMapping): KnownInput[] {
  const out: KnownInput[] = BUILTIN_INPUTS.map((name) => ({ name, label: INPUT_LABELS[name] }));
  out.push(...INPUT_ALIASES);
  for (const name of BUILTIN_INPUTS) {
    const src = mapping[name as keyof FieldMapping] as { fieldName?: string } | undefined;
    if (src && typeof src === 'object' && 'fieldId' in src && src.fieldName)
      out.push({ name, label: src.fieldName });
  }
  for (const c of mapping.custom ?? []) {
    out.push({ name: c.name, label: customInputLabel(c) });
    if (c.fieldName && c.label) out.push({ name: c.name, label: c.fieldName });
  }
  return out;
}

// Hot paths avoid global lookups (`Number.isFinite`, `Array.isArray`, `new Array`): test runners that run code
// in a vm context (jest) make every global lookup slow, and these run several times per issue.
const isArray: (v: unknown) => v is unknown[] = Array.isArray;
/** Finite, without a global lookup: NaN and ±Infinity give NaN here. */
const finite = (x: number): boolean => x - x === 0;

/**
 * Readings that are the same on every issue that has them (a plain number, an empty field, a date) are built
 * once, frozen and shared between issues; {@link isShared} lets the scorer memoize by them.
 */
const SHARED = new WeakSet<InputReading>();
const share = (r: InputReading): InputReading => {
  if (r.problem) Object.freeze(r.problem);
  SHARED.add(Object.freeze(r));
  return r;
};
export const isShared = (r: InputReading): boolean => SHARED.has(r);

/**
 * A bounded memo, private to one plan: field values repeat across a backlog (options, labels, Fibonacci
 * numbers), so their readings and source texts are built once rather than once per issue.
 */
class Memo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(
    private readonly make: (key: K) => V,
    private readonly limit = 4096,
  ) {}

  get(key: K): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = this.make(key);
      if (this.map.size < this.limit) this.map.set(key, v);
    }
    return v;
  }

  clear(): void {
    this.map.clear();
  }
}

/** A bounded memo whose values are made by the caller. */
class Lazy<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit = 1024) {}

  get(key: K, make: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = make();
      if (this.map.size < this.limit) this.map.set(key, v);
    }
    return v;
  }
}

const failed = (
  name: string,
  label: string,
  kind: InputProblem['kind'],
  reason: string,
  source: string,
  raw?: unknown,
): InputReading => ({ name, label, value: null, source, raw, problem: { kind, reason } });

const where = (src: { fieldId: string; fieldName?: string | undefined }, label: string): string =>
  `${src.fieldName ?? label} (${src.fieldId})`;

/** The text of the common select shapes without allocating; undefined for anything else. */
function optionText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (raw !== null && typeof raw === 'object' && !isArray(raw)) {
    const o = raw as { value?: unknown; name?: unknown };
    if (typeof o.value === 'string') return o.value;
    if (typeof o.name === 'string') return o.name;
  }
  return undefined;
}

/** What a select-like text reads as. */
type Outcome =
  { value: number; source: string; bucket?: MoscowBucket } | { missing: true } | { reason: string };

/** Reads the text of a select-like field (fast for the common shapes) and maps it through a memo. */
function readSelect(raw: unknown, memo: Memo<string, Outcome>): Outcome {
  let text = optionText(raw);
  if (text === undefined) {
    const t = readOptionText(raw);
    if (t.state === 'missing') return { missing: true };
    if (t.state === 'invalid') return { reason: t.reason };
    text = t.value;
  }
  return memo.get(text);
}

interface From {
  name: string;
  label: string;
}

function numberResolver(
  name: string,
  label: string,
  src: NumberSource,
  fieldLabel: string,
  nonNegative: boolean,
  from?: From,
): Resolver {
  const lookup = optionLookup(src.options);
  const at = where(src, fieldLabel);
  const wrap = from
    ? (reason: string) => `${label} comes from ${from.label}: ${reason}`
    : (reason: string) => reason;
  const emptyReason = wrap(`${at} is empty`);
  const emptySource = `${at} is empty`;
  // A plain number reads the same on every issue that has it: one frozen reading, shared.
  const numbers = new Memo<number, InputReading>((v) => {
    const reading: InputReading = { name, label, value: v, source: `${at} = ${v}`, raw: v };
    if (from) reading.from = from.name;
    return share(reading);
  });
  const empty = share(failed(name, label, 'missing', emptyReason, emptySource, null));
  const texts = new Memo<string, Outcome>((text) => {
    const key = normalizeOption(text);
    if (key === '') return { missing: true };
    const value = lookup.get(key) ?? readNumber(text);
    if (value === undefined)
      return {
        reason: lookup.size
          ? `${describe(text)} is not a number and is not in the option table`
          : `${describe(text)} is not a number`,
      };
    return { value, source: `${at} = ${describe(text)} → ${value}` };
  });
  return (fields) => {
    const raw = fields[src.fieldId];
    let value: number;
    let source: string;
    if (typeof raw === 'number' && finite(raw)) {
      // -0 reads as 0 but keeps its raw value, so it does not share the reading of 0.
      if ((!nonNegative || raw >= 0) && !(raw === 0 && 1 / raw < 0)) return numbers.get(raw);
      value = raw === 0 ? 0 : raw;
      source = `${at} = ${value}`;
    } else if (raw === null) {
      return empty;
    } else if (raw === undefined) {
      return failed(name, label, 'missing', emptyReason, emptySource, raw);
    } else {
      const o: Outcome =
        typeof raw === 'number'
          ? { reason: `${String(raw)} is not a finite number` }
          : typeof raw === 'object' || typeof raw === 'string'
            ? readSelect(raw, texts)
            : { reason: `expected a number, got ${describe(raw)}` };
      if ('missing' in o) return failed(name, label, 'missing', emptyReason, emptySource, raw);
      if ('reason' in o)
        return failed(name, label, 'invalid', wrap(`${at}: ${o.reason}`), `${at}: ${o.reason}`, raw);
      value = o.value === 0 ? 0 : o.value;
      source = o.source;
    }
    if (nonNegative && value < 0)
      return failed(name, label, 'invalid', wrap(`${at} is ${value}; it must not be negative`), source, raw);
    const reading: InputReading = { name, label, value, source, raw };
    if (from) reading.from = from.name;
    return reading;
  };
}

const unmapped = (
  name: string,
  label: string,
  reason = `${label} is not mapped to a Jira field`,
): Resolver => {
  const reading = share(failed(name, label, 'unmapped', reason, 'not mapped'));
  return () => reading;
};

function dueDateResolver(mapping: FieldMapping, label: string): Resolver | undefined {
  const due = mapping.dueDate;
  if (!due) return undefined;
  const table = due.table ?? DEFAULT_DUE_DATE_TABLE;
  const at = where(due, 'Due date');
  const last = table.steps.at(-1)?.withinDays ?? 0;
  const name = 'timeCriticality';
  const missing = (raw: unknown) => failed(name, label, 'missing', `${at} is empty`, `${at} is empty`, raw);
  const emptyNull = share(missing(null));
  let memoToday = NaN;
  // A date reads the same on every issue that has it (for one "today"): one shared reading per date text.
  const memo = new Memo<string, InputReading>((text) => {
    const r = readDate(text);
    if (r.state === 'missing') return share(missing(text));
    if (r.state === 'invalid')
      return share(
        failed(name, label, 'invalid', `${label} from ${at}: ${r.reason}`, `${at}: ${r.reason}`, text),
      );
    const days = r.value - memoToday;
    const plural = (n: number) => (n === 1 ? 'day' : 'days');
    let value = table.later;
    let rule = `due in ${days} ${plural(days)}, later than ${last}`;
    if (days < 0) {
      value = table.overdue;
      rule = `${-days} ${plural(-days)} overdue`;
    } else {
      const step = table.steps.find((s) => days <= s.withinDays);
      if (step) {
        value = step.value;
        rule = `due in ${days} ${plural(days)}, within ${step.withinDays}`;
      }
    }
    return share({ name, label, value, source: `${at} = ${text}: ${rule} → ${value}`, raw: text });
  });
  return (fields, ctx) => {
    const raw = fields[due.fieldId];
    if (ctx.today !== memoToday) {
      memo.clear();
      memoToday = ctx.today;
    }
    if (raw === null) return emptyNull;
    if (raw === undefined) return missing(raw);
    if (typeof raw === 'string') return memo.get(raw);
    const reason = `expected a date (YYYY-MM-DD), got ${describe(raw)}`;
    return failed(name, label, 'invalid', `${label} from ${at}: ${reason}`, `${at}: ${reason}`, raw);
  };
}

/** Tries `first`; when it is unmapped or empty on the issue, tries `second`. */
function fallback(first: Resolver, second: Resolver, label: string): Resolver {
  const combine = (a: InputReading, b: InputReading): InputReading => {
    const reason =
      a.problem?.kind === 'unmapped'
        ? `${label} is not mapped, and ${b.problem?.reason}`
        : `${a.problem?.reason}, and ${b.problem?.reason}`;
    return failed(a.name, label, 'missing', reason, `${a.source}; ${b.source}`, a.raw);
  };
  const pairs = new Memo<InputReading, Memo<InputReading, InputReading>>(
    (a) => new Memo((b) => share(combine(a, b)), 64),
    64,
  );
  return (fields, ctx) => {
    const a = first(fields, ctx);
    if (!a.problem || a.problem.kind === 'invalid') return a;
    const b = second(fields, ctx);
    if (!b.problem || b.problem.kind === 'invalid') return b;
    return isShared(a) && isShared(b) ? pairs.get(a).get(b) : combine(a, b);
  };
}

function easeResolver(effort: Resolver, table: EaseFromEffort): Resolver {
  const label = INPUT_LABELS.ease;
  const derive = (effortValue: number, source: string): { value: number; source: string } => {
    const step = table.steps.find((s) => effortValue <= s.maxEffort);
    const ease = step ? step.ease : table.above;
    const rule = step ? `effort ≤ ${step.maxEffort}` : `effort > ${table.steps.at(-1)?.maxEffort ?? 0}`;
    return { value: ease, source: `derived from effort: ${source}; ${rule} → ease ${ease}` };
  };
  return (fields, ctx) => {
    const e = effort(fields, ctx);
    if (e.problem || e.value === null) {
      const kind = e.problem?.kind === 'invalid' ? 'invalid' : 'missing';
      const reason = `Ease is not mapped, so it is derived from effort: ${e.problem?.reason ?? 'no effort'}`;
      return failed('ease', label, kind, reason, `derived from effort: ${e.source}`, e.raw);
    }
    const d = derive(e.value, e.source);
    return { name: 'ease', label, value: d.value, source: d.source, raw: e.raw };
  };
}

/** A select-like field mapped through a table (MoSCoW, priority). */
function selectResolver(
  name: string,
  label: string,
  src: { fieldId: string; fieldName?: string | undefined },
  outcome: (text: string, at: string) => Outcome,
): Resolver {
  const at = where(src, label);
  const memo = new Memo<string, Outcome>((text) =>
    normalizeOption(text) === '' ? { missing: true } : outcome(text, at),
  );
  return (fields) => {
    const raw = fields[src.fieldId];
    const o: Outcome = raw === null || raw === undefined ? { missing: true } : readSelect(raw, memo);
    if ('missing' in o) return failed(name, label, 'missing', `${at} is empty`, `${at} is empty`, raw);
    if ('reason' in o) return failed(name, label, 'invalid', `${at}: ${o.reason}`, `${at}: ${o.reason}`, raw);
    const reading: InputReading = { name, label, value: o.value, source: o.source, raw };
    if (o.bucket) reading.bucket = o.bucket;
    return reading;
  };
}

function moscowResolver(mapping: FieldMapping): Resolver {
  const m = mapping.moscow;
  if (!m) return unmapped('moscow', INPUT_LABELS.moscow);
  const lookup = optionLookup({ ...DEFAULT_MOSCOW_TABLE, ...(m.table ?? {}) });
  return selectResolver('moscow', INPUT_LABELS.moscow, m, (text, at) => {
    const bucket = lookup.get(normalizeOption(text));
    if (bucket === undefined)
      return { reason: `option ${describe(text)} is not in the MoSCoW table (Must, Should, Could, Won't)` };
    const value = MOSCOW_RANK[bucket];
    return { value, bucket, source: `${at} = ${describe(text)} → ${MOSCOW_LABEL[bucket]} (${value})` };
  });
}

function priorityResolver(mapping: FieldMapping): Resolver {
  const p = mapping.priority;
  if (!p) return unmapped('priority', INPUT_LABELS.priority);
  const lookup = optionLookup({ ...DEFAULT_PRIORITY_TABLE, ...(p.table ?? {}) });
  return selectResolver('priority', INPUT_LABELS.priority, p, (text, at) => {
    const value = lookup.get(normalizeOption(text));
    if (value === undefined) return { reason: `${describe(text)} is not in the priority table` };
    return { value, source: `${at} = ${describe(text)} → ${value}` };
  });
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function blockedResolver(mapping: FieldMapping): Resolver {
  const name = 'blockedCount';
  const label = INPUT_LABELS.blockedCount;
  const b = mapping.blockedCount;
  const linkType = normalizeOption(b?.linkType ?? 'Blocks');
  const at = b ? where(b, 'Linked issues') : '';
  return (fields, ctx) => {
    if (ctx.blockedCount !== undefined) {
      const v = ctx.blockedCount;
      return Number.isFinite(v) && v >= 0
        ? { name, label, value: v, source: `supplied = ${v}` }
        : failed(
            name,
            label,
            'invalid',
            `Blocked issues: the supplied ${describe(v)} is not a count`,
            'supplied',
          );
    }
    if (!b)
      return failed(name, label, 'unmapped', 'Blocked issues are neither mapped nor supplied', 'not mapped');
    const raw = fields[b.fieldId];
    if (raw === undefined)
      return failed(name, label, 'missing', `Blocked issues: ${at} was not read`, `${at} was not read`);
    if (raw !== null && !Array.isArray(raw)) {
      const reason = `expected a list of links, got ${describe(raw)}`;
      return failed(name, label, 'invalid', `Blocked issues (${at}): ${reason}`, `${at}: ${reason}`, raw);
    }
    const keys: string[] = [];
    for (const link of raw ?? []) {
      const l = rec(link);
      const type = rec(l?.type);
      const target = rec(l?.outwardIssue);
      if (!target || typeof type?.name !== 'string' || normalizeOption(type.name) !== linkType) continue;
      const done = rec(rec(rec(target.fields)?.status)?.statusCategory)?.key === 'done';
      if (done && !b.countDone) continue;
      keys.push(typeof target.key === 'string' ? target.key : '?');
    }
    const list = keys.length ? ` (${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''})` : '';
    const source = `${at}: blocks ${keys.length}${b.countDone ? '' : ' open'} issues${list}`;
    return { name, label, value: keys.length, source, raw };
  };
}

function fitResolver(mapping: FieldMapping): Resolver {
  const name = 'strategicFit';
  const label = INPUT_LABELS.strategicFit;
  return (_fields, ctx) => {
    if (!mapping.strategicFit)
      return failed(name, label, 'unmapped', 'Strategic fit is not switched on in the mapping', 'not used');
    const v = ctx.strategicFit;
    if (v === undefined)
      return failed(name, label, 'missing', 'Strategic fit was not supplied for this issue', 'not supplied');
    if (!Number.isFinite(v) || v < 0)
      return failed(name, label, 'invalid', `Strategic fit ${describe(v)} is not a number ≥ 0`, 'supplied');
    return { name, label, value: v, source: `supplied by the vision goals = ${v}` };
  };
}

/**
 * Adds the label/component rules for one input on top of its base reading. An input with no field at all
 * starts from 0; an input whose field is empty on the issue stays missing.
 */
function withRules(inner: Resolver, rules: readonly Rule[], label: string, nonNegative: boolean): Resolver {
  if (rules.length === 0) return inner;
  const norm = new Memo<string, string>(normalizeOption);
  const prepared = rules.map((r) => ({
    field: r.field,
    value: normalizeOption(r.value),
    add: r.add,
    text: `; ${r.add < 0 ? '−' : '+'} ${Math.abs(r.add)} (${r.field === 'labels' ? 'label' : 'component'} "${r.value}")`,
  }));
  const lists = [...new Set(rules.map((r) => r.field))];
  // A shared base reading plus the same matching rules gives the same reading: share that too.
  const derived = new Memo<InputReading, Lazy<number, InputReading>>(() => new Lazy(), 256);
  const has = (list: readonly unknown[], wanted: string): boolean => {
    for (const item of list) {
      const t = optionText(item);
      if (t !== undefined && norm.get(t) === wanted) return true;
    }
    return false;
  };
  return (fields, ctx) => {
    const base = inner(fields, ctx);
    const noField = base.problem?.kind === 'unmapped';
    if (base.problem && !noField) return base;
    for (const kind of lists) {
      const list = fields[kind];
      if (list !== null && list !== undefined && !isArray(list)) {
        const reason = `${label}: the rules read ${kind}, which is not a list (${describe(list)})`;
        return failed(base.name, base.label, 'invalid', reason, base.source, base.raw);
      }
    }
    let value = noField ? 0 : (base.value as number);
    let source = noField ? 'no field: 0' : base.source;
    let matched = false;
    let mask = 0;
    for (let i = 0; i < prepared.length; i += 1) {
      const r = prepared[i] as (typeof prepared)[number];
      const list = fields[r.field];
      if (!isArray(list) || !has(list, r.value)) continue;
      matched = true;
      mask |= 1 << i;
      value += r.add;
      source += r.text;
    }
    if (matched) source = `${source} = ${value}`;
    if (nonNegative && value < 0)
      return failed(
        base.name,
        base.label,
        'invalid',
        `${label} is ${value} after the rules; it must not be negative`,
        source,
        base.raw,
      );
    if (!matched && !noField) return base;
    // Readings may be shared between issues: build a new one, never change one.
    const build = (): InputReading => {
      const reading: InputReading = { name: base.name, label: base.label, value, source };
      if (!noField) reading.raw = base.raw;
      if (base.from) reading.from = base.from;
      return reading;
    };
    if (!isShared(base) || prepared.length > 30) return build();
    return derived.get(base).get(mask, () => share(build()));
  };
}

/** Builds the resolver of one input; undefined for a name the mapping does not know. */
export function resolverFor(
  name: string,
  mapping: FieldMapping,
  options: PlanOptions = {},
): Resolver | undefined {
  const rulesFor = (...inputs: string[]) => (mapping.rules ?? []).filter((r) => inputs.includes(r.input));
  const number = (input: NumberInput, as: string = input, from?: From): Resolver => {
    const src = mapping[input];
    const label = INPUT_LABELS[as as BuiltinInput];
    if (src) return numberResolver(as, label, src, INPUT_LABELS[input], true, from);
    return unmapped(
      as,
      label,
      from
        ? `${label} comes from ${from.label}, which is not mapped to a Jira field`
        : `${label} is not mapped to a Jira field`,
    );
  };
  const custom = (mapping.custom ?? []).find((c) => c.name === name);
  if (custom) {
    const label = customInputLabel(custom);
    return withRules(
      numberResolver(custom.name, label, custom, label, false),
      rulesFor(custom.name),
      label,
      false,
    );
  }
  switch (name) {
    case 'storyPoints':
    case 'businessValue':
    case 'riskReduction':
    case 'reach':
    case 'impact':
    case 'confidence':
    case 'costOfDelay':
      return withRules(number(name), rulesFor(name), INPUT_LABELS[name], true);
    case 'effort':
    case 'jobSize':
    case 'duration': {
      // effort's own field, else the story points; the rules for either apply under every name.
      const base: NumberInput = mapping.effort ? 'effort' : 'storyPoints';
      const from = base === name ? undefined : { name: base, label: INPUT_LABELS[base] };
      const rules = mapping.effort ? rulesFor('effort') : rulesFor('storyPoints', 'effort');
      return withRules(number(base, name, from), rules, INPUT_LABELS[name], true);
    }
    case 'timeCriticality': {
      const label = INPUT_LABELS.timeCriticality;
      const due = dueDateResolver(mapping, label);
      const field = number('timeCriticality');
      return withRules(due ? fallback(field, due, label) : field, rulesFor(name), label, true);
    }
    case 'ease': {
      const base = mapping.ease
        ? number('ease')
        : easeResolver(
            resolverFor('effort', mapping, options) as Resolver,
            options.easeFromEffort ?? DEFAULT_EASE_FROM_EFFORT,
          );
      return withRules(base, rulesFor('ease'), INPUT_LABELS.ease, true);
    }
    case 'moscow':
      return moscowResolver(mapping);
    case 'priority':
      return priorityResolver(mapping);
    case 'blockedCount':
      return blockedResolver(mapping);
    case 'strategicFit':
      return fitResolver(mapping);
    default:
      return undefined;
  }
}

/** Plans the reading of `names` (all known to the mapping; see {@link knownInputs}). */
export function planInputs(
  names: readonly string[],
  mapping: FieldMapping,
  options: PlanOptions = {},
): InputPlan {
  const resolvers = names.map((name) => {
    const r = resolverFor(name, mapping, options);
    if (!r) throw new Error(`Unknown input "${name}"`);
    return r;
  });
  const n = resolvers.length;
  return {
    names,
    read(fields, ctx) {
      const out: InputReading[] = [];
      for (let i = 0; i < n; i += 1) out.push((resolvers[i] as Resolver)(fields, ctx));
      return out;
    },
  };
}
