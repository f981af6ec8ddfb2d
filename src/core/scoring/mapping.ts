/**
 * Where each scoring input comes from in a project's Jira fields. Stored per project, validated with
 * {@link FieldMappingSchema}; {@link proposeMapping} guesses a first version from the site's field list.
 *
 * Inputs (names usable in formulas):
 * - field-backed numbers — `storyPoints`, `effort`, `businessValue`, `timeCriticality`, `riskReduction`,
 *   `costOfDelay`, `reach`, `impact`, `confidence`, `ease`: a {@link NumberSource} (number field, numeric text,
 *   or a select whose option is looked up in `options` or read as a number). Must not be negative.
 * - `effort` falls back to `storyPoints` when it has no field of its own; `jobSize` (WSJF) and `duration`
 *   (CD3) are other names for `effort`.
 * - `timeCriticality` falls back to the due date step table when its field is unmapped or empty on an issue.
 * - `ease` (ICE) falls back to effort buckets (see the ICE model) when unmapped.
 * - `moscow`: a select mapped to Must/Should/Could/Won't by a case-insensitive table; as a number in formulas
 *   Must = 4, Should = 3, Could = 2, Won't = 1.
 * - `priority`: the system field by name (Highest..Lowest → 5..1 by default).
 * - `blockedCount`: how many issues this one blocks, counted from `issuelinks` (or supplied by the caller).
 * - `strategicFit`: supplied by the caller (the vision goals); never read from a field.
 * - `custom`: any number or select field by id, under a formula name of the PO's choosing.
 * - `rules`: "label `regulatory` adds 8 to riskReduction". Rules add to a value that is there; they do not
 *   stand in for an empty field. An input with rules but no field and no fallback starts from 0 (shown in the
 *   explanation as "no field").
 */
import { IDENTIFIER } from '../ids';
import { z } from 'zod';
import { BUILTIN_INPUTS, NUMBER_INPUTS, type BuiltinInput, type NumberInput } from './input-names';

export const MOSCOW_BUCKETS = ['must', 'should', 'could', 'wont'] as const;
export type MoscowBucket = (typeof MOSCOW_BUCKETS)[number];
/** A bucket's weight: its number in formulas and its rank in the order (higher first). */
export const MOSCOW_RANK: Readonly<Record<MoscowBucket, number>> = { must: 4, should: 3, could: 2, wont: 1 };
export const MOSCOW_LABEL: Readonly<Record<MoscowBucket, string>> = {
  must: 'Must',
  should: 'Should',
  could: 'Could',
  wont: "Won't",
};

export { NUMBER_INPUTS, type NumberInput };

export { BUILTIN_INPUTS, type BuiltinInput };

export { INPUT_LABELS } from './labels';

/** Further names a quoted formula name may use for a built-in input. */
export const INPUT_ALIASES: ReadonlyArray<{ name: BuiltinInput; label: string }> = [
  { name: 'riskReduction', label: 'Risk Reduction' },
  { name: 'riskReduction', label: 'Opportunity Enablement' },
  { name: 'riskReduction', label: 'RR|OE' },
  { name: 'storyPoints', label: 'Story point estimate' },
  { name: 'costOfDelay', label: 'CoD' },
];

export const DEFAULT_MOSCOW_TABLE: Readonly<Record<string, MoscowBucket>> = {
  'must have': 'must',
  must: 'must',
  m: 'must',
  'should have': 'should',
  should: 'should',
  s: 'should',
  'could have': 'could',
  could: 'could',
  c: 'could',
  "won't have": 'wont',
  "won't have (this time)": 'wont',
  "won't": 'wont',
  'wont have': 'wont',
  wont: 'wont',
  w: 'wont',
};

export const DEFAULT_PRIORITY_TABLE: Readonly<Record<string, number>> = {
  Highest: 5,
  High: 4,
  Medium: 3,
  Low: 2,
  Lowest: 1,
};

export interface DueDateTable {
  /** Value when the due date has passed. */
  overdue: number;
  /** Ascending: the first step with `days ≤ withinDays` applies (due today is 0 days). */
  steps: Array<{ withinDays: number; value: number }>;
  /** Value when due after the last step. */
  later: number;
}

/** Overdue → 20, due within 14 days → 13, 30 → 8, 90 → 3, later → 1. */
export const DEFAULT_DUE_DATE_TABLE: Readonly<DueDateTable> = {
  overdue: 20,
  steps: [
    { withinDays: 14, value: 13 },
    { withinDays: 30, value: 8 },
    { withinDays: 90, value: 3 },
  ],
  later: 1,
};

const RESERVED = new Set(['min', 'max']);
const fieldId = z.string().trim().min(1).max(255);
const fieldName = z.string().max(255).optional();
const finite = z.number();

export const NumberSourceSchema = z.object({
  fieldId,
  /** The field's name in Jira, for explanations ("Business Value (customfield_10030) = 8"). */
  fieldName,
  /** For select fields: option text → number, case-insensitive. */
  options: z.record(z.string().min(1), finite).optional(),
});
export type NumberSource = z.infer<typeof NumberSourceSchema>;

const DueDateTableSchema = z
  .object({
    overdue: finite,
    steps: z.array(z.object({ withinDays: z.number().int().min(0), value: finite })).max(20),
    later: finite,
  })
  .refine(
    (t) =>
      t.steps.every(
        (s, i) => i === 0 || s.withinDays > (t.steps[i - 1] as { withinDays: number }).withinDays,
      ),
    'steps must be in ascending order of withinDays',
  );

export const RuleSchema = z.object({
  field: z.enum(['labels', 'components']),
  /** The label or component name; matched case-insensitively. */
  value: z.string().trim().min(1),
  /** The input it adds to: a field-backed number input or a custom input name. */
  input: z.string().min(1),
  add: finite,
});
export type Rule = z.infer<typeof RuleSchema>;

export const CustomInputSchema = z.object({
  /** The name formulas use: an identifier, not a built-in input, not min or max. */
  name: z.string().regex(IDENTIFIER, 'must be an identifier: letters, digits, _; not starting with a digit'),
  fieldId,
  fieldName,
  /** A label a quoted formula name may use; defaults to the field name. */
  label: z.string().max(255).optional(),
  options: z.record(z.string().min(1), finite).optional(),
});
export type CustomInput = z.infer<typeof CustomInputSchema>;

export const FieldMappingSchema = z
  .object({
    storyPoints: NumberSourceSchema.optional(),
    businessValue: NumberSourceSchema.optional(),
    timeCriticality: NumberSourceSchema.optional(),
    riskReduction: NumberSourceSchema.optional(),
    reach: NumberSourceSchema.optional(),
    impact: NumberSourceSchema.optional(),
    confidence: NumberSourceSchema.optional(),
    /** Defaults to story points. */
    effort: NumberSourceSchema.optional(),
    /** ICE's ease; derived from effort buckets when unmapped. */
    ease: NumberSourceSchema.optional(),
    /** CD3's cost of delay; when unmapped CD3 uses businessValue + timeCriticality + riskReduction. */
    costOfDelay: NumberSourceSchema.optional(),
    moscow: z
      .object({ fieldId, fieldName, table: z.record(z.string().min(1), z.enum(MOSCOW_BUCKETS)).optional() })
      .optional(),
    priority: z
      .object({
        fieldId: fieldId.default('priority'),
        fieldName,
        table: z.record(z.string().min(1), finite).optional(),
      })
      .optional(),
    /** Feeds timeCriticality when its field is unmapped or empty on an issue. */
    dueDate: z
      .object({ fieldId: fieldId.default('duedate'), fieldName, table: DueDateTableSchema.optional() })
      .optional(),
    rules: z.array(RuleSchema).max(200).optional(),
    blockedCount: z
      .object({
        fieldId: fieldId.default('issuelinks'),
        /** The link type name, case-insensitive; default `Blocks`. */
        linkType: z.string().min(1).optional(),
        /** Count blocked issues that are already done too (default false). */
        countDone: z.boolean().optional(),
      })
      .optional(),
    /** Use the strategic fit the caller supplies per issue (the vision goals). */
    strategicFit: z.boolean().optional(),
    custom: z.array(CustomInputSchema).max(50).optional(),
    /** Why each input maps where it does (proposeMapping writes one per guess). */
    notes: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((m, ctx) => {
    const builtins = new Set<string>(BUILTIN_INPUTS);
    const names = new Set<string>();
    (m.custom ?? []).forEach((c, i) => {
      const clash = builtins.has(c.name)
        ? 'is a built-in input'
        : RESERVED.has(c.name.toLowerCase())
          ? 'is a function name'
          : names.has(c.name)
            ? 'is used twice'
            : undefined;
      if (clash)
        ctx.addIssue({ code: 'custom', path: ['custom', i, 'name'], message: `"${c.name}" ${clash}` });
      names.add(c.name);
    });
    const targets = new Set<string>([...NUMBER_INPUTS, ...names]);
    (m.rules ?? []).forEach((r, i) => {
      if (!targets.has(r.input))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'input'],
          message: `"${r.input}" is not an input a rule can add to (${[...targets].join(', ')})`,
        });
    });
  });
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

// ---------------------------------------------------------------------------------------------------------
// proposeMapping

export interface JiraFieldInfo {
  id: string;
  name: string;
  custom: boolean;
  schema?: { type: string; custom?: string; system?: string; items?: string } | undefined;
}

export interface BoardInfo {
  /** The board's estimation field, e.g. `customfield_10016`. */
  estimationFieldId?: string | undefined;
}

const normalizeName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Name patterns per input, tried in order (on the lower-cased name with punctuation as spaces). */
const NAME_PATTERNS: ReadonlyArray<{ input: NumberInput | 'moscow'; patterns: RegExp[] }> = [
  { input: 'storyPoints', patterns: [/^story points?$/, /^story point estimate$/] },
  { input: 'businessValue', patterns: [/^business value\b/, /^user business value\b/] },
  { input: 'timeCriticality', patterns: [/^time critical/] },
  { input: 'riskReduction', patterns: [/^risk reduction/, /opportunity enablement/, /^rr oe$/] },
  { input: 'reach', patterns: [/^reach$/] },
  { input: 'impact', patterns: [/^impact$/] },
  { input: 'confidence', patterns: [/^confidence$/] },
  { input: 'effort', patterns: [/^effort$/, /^job size$/] },
  { input: 'ease', patterns: [/^ease$/] },
  { input: 'costOfDelay', patterns: [/^cost of delay$/] },
  { input: 'moscow', patterns: [/\bmoscow\b/] },
];

const typeOf = (f: JiraFieldInfo): string => f.schema?.type ?? 'unknown';
const describeField = (f: JiraFieldInfo): string => `"${f.name}" (${f.id}, ${typeOf(f)})`;

/**
 * Guesses a mapping from the site's fields (`GET /rest/api/3/field`) and the board's estimation field.
 * Matches names case-insensitively; only number and option (select) fields qualify, MoSCoW only a select.
 * Each guess, and each near miss, leaves a note under the input's name.
 */
export function proposeMapping(fields: readonly JiraFieldInfo[], board: BoardInfo = {}): FieldMapping {
  const mapping: FieldMapping = {};
  const notes: Record<string, string> = {};
  const qualifies = (f: JiraFieldInfo, input: string): boolean =>
    input === 'moscow' ? typeOf(f) === 'option' : typeOf(f) === 'number' || typeOf(f) === 'option';

  const estimation = board.estimationFieldId
    ? fields.find((f) => f.id === board.estimationFieldId)
    : undefined;
  if (board.estimationFieldId) {
    mapping.storyPoints = {
      fieldId: board.estimationFieldId,
      ...(estimation ? { fieldName: estimation.name } : {}),
    };
    notes.storyPoints = `The board's estimation field${estimation ? ` ${describeField(estimation)}` : ` (${board.estimationFieldId})`}.`;
  }

  for (const { input, patterns } of NAME_PATTERNS) {
    if (input === 'storyPoints' && mapping.storyPoints) continue;
    const named: JiraFieldInfo[] = [];
    for (const pattern of patterns)
      for (const f of fields) if (pattern.test(normalizeName(f.name)) && !named.includes(f)) named.push(f);
    const fitting = named.filter((f) => qualifies(f, input));
    const chosen = fitting[0];
    const others = fitting.slice(1).map(describeField);
    const rejected = named.filter((f) => !qualifies(f, input)).map(describeField);
    const tail =
      (others.length ? ` Also found ${others.join(', ')}; check which one the team fills in.` : '') +
      (rejected.length
        ? ` Ignored ${rejected.join(', ')}: only ${input === 'moscow' ? 'select' : 'number and select'} fields qualify.`
        : '');
    if (!chosen) {
      if (rejected.length) notes[input] = `Not mapped.${tail}`;
      continue;
    }
    const kind = typeOf(chosen) === 'option' ? 'select' : 'number';
    if (input === 'moscow') {
      mapping.moscow = { fieldId: chosen.id, fieldName: chosen.name, table: { ...DEFAULT_MOSCOW_TABLE } };
      notes.moscow = `Guessed from the name of the select field ${describeField(chosen)}; options map to Must/Should/Could/Won't by the default table.${tail}`;
    } else {
      mapping[input] = { fieldId: chosen.id, fieldName: chosen.name };
      const selectNote =
        kind === 'select'
          ? ' It is a select: give options that are not numbers a number in its option table.'
          : '';
      notes[input] =
        `Guessed from the name of the ${kind} field ${describeField(chosen)}.${selectNote}${tail}`;
    }
  }

  if (!mapping.effort && mapping.storyPoints)
    notes.effort = `No effort field found; effort is the story points (${mapping.storyPoints.fieldId}).`;
  const system = (id: string): JiraFieldInfo | undefined =>
    fields.find((f) => f.id === id || f.schema?.system === id);
  const priority = system('priority');
  if (priority) {
    mapping.priority = {
      fieldId: priority.id,
      fieldName: priority.name,
      table: { ...DEFAULT_PRIORITY_TABLE },
    };
    notes.priority = 'The system Priority field: Highest..Lowest → 5..1.';
  }
  const due = system('duedate');
  if (due) {
    mapping.dueDate = {
      fieldId: due.id,
      fieldName: due.name,
      table: structuredClone(DEFAULT_DUE_DATE_TABLE) as DueDateTable,
    };
    notes.dueDate = `The system Due date field: fills Time Criticality on issues where ${
      mapping.timeCriticality ? 'the Time Criticality field is empty' : 'it has no field'
    } (overdue → 20, within 14 days → 13, 30 → 8, 90 → 3, later → 1).`;
  }
  const links = system('issuelinks');
  if (links) {
    mapping.blockedCount = { fieldId: links.id, linkType: 'Blocks' };
    notes.blockedCount = 'Counts the open issues this one blocks, from its "Blocks" links.';
  }
  mapping.notes = notes;
  return mapping;
}
