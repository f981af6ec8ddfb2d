/**
 * How each built-in input is named for people. Kept free of runtime imports so the Custom UI can use it
 * without bundling the scoring code or zod.
 */
import type { BuiltinInput } from './input-names';

export const INPUT_LABELS: Readonly<Record<BuiltinInput, string>> = {
  storyPoints: 'Story Points',
  effort: 'Effort',
  businessValue: 'Business Value',
  timeCriticality: 'Time Criticality',
  riskReduction: 'Risk Reduction / Opportunity Enablement',
  costOfDelay: 'Cost of Delay',
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  ease: 'Ease',
  jobSize: 'Job size',
  duration: 'Duration',
  moscow: 'MoSCoW',
  priority: 'Priority',
  blockedCount: 'Blocked issues',
  strategicFit: 'Strategic fit',
};

/** The models' names as people know them. */
export const MODEL_LABELS = {
  wsjf: 'WSJF',
  rice: 'RICE',
  ice: 'ICE',
  'value-effort': 'Value / effort',
  moscow: 'MoSCoW',
  cd3: 'CD3',
  custom: 'Custom formula',
} as const;

/** The shape of a model that names it (a `ModelConfig`, without importing it). */
interface NamedModel {
  kind: string;
  name?: string | undefined;
  tiebreak?: NamedModel;
}

/**
 * The one label of a model, on every screen, in the CLI and in stored history: `WSJF`,
 * `MoSCoW, then WSJF`, `Cost-weighted (custom)`, `Custom formula`. A bare kind is named too.
 */
export function modelLabel(model: NamedModel | string): string {
  if (typeof model === 'string') return (MODEL_LABELS as Record<string, string>)[model] ?? model;
  if (model.kind === 'moscow' && model.tiebreak) return `MoSCoW, then ${modelLabel(model.tiebreak)}`;
  if (model.kind === 'custom') return model.name ? `${model.name} (custom)` : MODEL_LABELS.custom;
  return (MODEL_LABELS as Record<string, string>)[model.kind] ?? model.kind;
}

/** A custom input as people see it: its label, else its field's name, else its own name. */
export const customInputLabel = (c: {
  name: string;
  label?: string | undefined;
  fieldName?: string | undefined;
}) => c.label ?? c.fieldName ?? c.name;

/** How an input is named for people under a mapping: a custom input's label, a built-in's, else the name. */
export function inputLabel(
  mapping: {
    custom?:
      ReadonlyArray<{ name: string; label?: string | undefined; fieldName?: string | undefined }> | undefined;
  },
  name: string,
): string {
  const custom = mapping.custom?.find((c) => c.name === name);
  if (custom) return customInputLabel(custom);
  return (INPUT_LABELS as Readonly<Record<string, string>>)[name] ?? name;
}
