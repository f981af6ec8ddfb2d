/**
 * Words the Prioritize view shows for models and inputs. Input labels come from the scoring core's
 * import-free `labels` module (the rest of the core would bring zod into the bundle); the explanation of
 * each score (inputs, sources, formula) always comes from the server.
 */
import { NUMBER_INPUTS } from '../../../../src/core/scoring/input-names';
import { INPUT_LABELS as CORE_INPUT_LABELS } from '../../../../src/core/scoring/labels';
export { MODEL_LABELS, modelLabel } from '../../../../src/core/scoring/labels';
import type { FieldMapping, ModelConfig } from '../../../../src/core/scoring';

export type ModelKind = ModelConfig['kind'];
export type TiebreakKind = Exclude<ModelKind, 'moscow'>;

export const MODEL_KINDS: readonly ModelKind[] = [
  'wsjf',
  'rice',
  'ice',
  'value-effort',
  'moscow',
  'cd3',
  'custom',
];
export const TIEBREAK_KINDS: readonly TiebreakKind[] = [
  'wsjf',
  'rice',
  'ice',
  'value-effort',
  'cd3',
  'custom',
];

export const MODEL_HINTS: Readonly<Record<ModelKind, string>> = {
  wsjf: '(business value + time criticality + risk reduction) ÷ job size',
  rice: 'reach × impact × confidence ÷ effort',
  ice: 'impact × confidence × ease',
  'value-effort': 'business value ÷ effort',
  moscow: 'Must > Should > Could > Won’t, then a tie-break model',
  cd3: 'cost of delay ÷ duration',
  custom: 'your own formula over the mapped inputs',
};

/** Same model for the purpose of "is this the project's model?". */
export function sameModel(a: ModelConfig | undefined, b: ModelConfig | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'moscow' && b.kind === 'moscow') return sameModel(a.tiebreak, b.tiebreak);
  if (a.kind === 'custom' && b.kind === 'custom')
    return a.formula.trim() === b.formula.trim() && a.fitWeight === b.fitWeight;
  // Built-in models: the same settings too (confidence unit, ease buckets, fit weight).
  return canonical(a) === canonical(b);
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([p], [q]) => p.localeCompare(q)),
        )
      : x,
  );

/** The field-backed inputs a mapping can point at a Jira field, in the order the settings list them. */
export const MAPPABLE_INPUTS = [...NUMBER_INPUTS, 'moscow'] as const;
export type MappableInput = (typeof MAPPABLE_INPUTS)[number];

export const INPUT_LABELS: Readonly<Record<string, string>> = CORE_INPUT_LABELS;

/** What falls back where when an input has no field of its own (shown next to empty mapping rows). */
export const INPUT_FALLBACKS: Readonly<Partial<Record<MappableInput, string>>> = {
  effort: 'uses Story Points',
  timeCriticality: 'uses the due date',
  ease: 'derived from effort',
  costOfDelay: 'CD3 adds business value, time criticality and risk reduction',
};

const SHORT: Readonly<Record<string, string>> = {
  storyPoints: 'SP',
  effort: 'Eff',
  businessValue: 'BV',
  timeCriticality: 'TC',
  riskReduction: 'RR',
  costOfDelay: 'CoD',
  reach: 'R',
  impact: 'I',
  confidence: 'C',
  ease: 'E',
  jobSize: 'JS',
  duration: 'D',
  moscow: 'M',
  priority: 'P',
  blockedCount: 'Blk',
  strategicFit: 'Fit',
};

export const inputLabel = (name: string): string => INPUT_LABELS[name] ?? name;
export const inputShort = (name: string): string => SHORT[name] ?? name;

/** `story points`, for sentences ("fragile: story points 5→8 moves it 7 places"). */
export const inputWords = (name: string): string =>
  INPUT_LABELS[name]?.split(' / ')[0]?.toLowerCase() ??
  name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

type Source = { fieldId: string; fieldName?: string | undefined };

/** The Jira field an input reads, under a mapping (aliases followed: job size → effort → story points). */
export function sourceOf(name: string, mapping: FieldMapping): Source | undefined {
  const m = mapping as Record<string, unknown>;
  const direct = (key: string): Source | undefined => {
    const v = m[key];
    return v && typeof v === 'object' && 'fieldId' in v ? (v as Source) : undefined;
  };
  switch (name) {
    case 'jobSize':
    case 'duration':
    case 'effort':
      return direct('effort') ?? direct('storyPoints');
    case 'ease':
      return direct('ease') ?? direct('effort') ?? direct('storyPoints');
    case 'timeCriticality':
      return direct('timeCriticality') ?? direct('dueDate');
    case 'strategicFit':
      return undefined;
    default: {
      const custom = mapping.custom?.find((c) => c.name === name);
      return custom ?? direct(name);
    }
  }
}

/** Field ids the mapping names, and those its notes mention ("customfield_10030"): suggestions for the form. */
export function knownFieldIds(
  mapping: FieldMapping,
  notes: readonly string[],
): Array<{ id: string; name?: string }> {
  const out = new Map<string, string | undefined>();
  const add = (id: string, name?: string) => {
    if (!out.has(id) || (name && !out.get(id))) out.set(id, name);
  };
  for (const value of Object.values(mapping as Record<string, unknown>)) {
    if (value && typeof value === 'object' && 'fieldId' in value) {
      const s = value as Source;
      add(s.fieldId, s.fieldName);
    }
  }
  for (const c of mapping.custom ?? []) add(c.fieldId, c.fieldName);
  const texts = [...notes, ...Object.values(mapping.notes ?? {})];
  for (const text of texts)
    for (const m of text.matchAll(/"([^"]+)" \(([A-Za-z0-9_.-]+),/g)) add(m[2] as string, m[1]);
  for (const text of texts) for (const m of text.matchAll(/\b(customfield_\d+)\b/g)) add(m[1] as string);
  return [...out].map(([id, name]) => (name ? { id, name } : { id }));
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

const pointsFormat = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2))));
export const formatPoints = (n: number | undefined): string => (n === undefined ? '—' : pointsFormat(n));

export { formatWhen } from '../../format';
