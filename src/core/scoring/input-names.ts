/**
 * The names of the field-backed numeric inputs. Free of runtime imports, so the Custom UI can list them
 * without bundling the scoring code or zod (see `labels.ts`).
 */
export const NUMBER_INPUTS = [
  'storyPoints',
  'effort',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'costOfDelay',
  'reach',
  'impact',
  'confidence',
  'ease',
] as const;
export type NumberInput = (typeof NUMBER_INPUTS)[number];

/** Every input a model or formula can name: the field-backed numbers and the derived inputs. */
export const BUILTIN_INPUTS = [
  ...NUMBER_INPUTS,
  'jobSize',
  'duration',
  'moscow',
  'priority',
  'blockedCount',
  'strategicFit',
] as const;
export type BuiltinInput = (typeof BUILTIN_INPUTS)[number];
