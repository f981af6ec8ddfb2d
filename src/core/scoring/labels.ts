/**
 * How each built-in input is named for people. Kept free of runtime imports so the Custom UI can use it
 * without bundling the scoring code or zod.
 */
import type { BuiltinInput } from './mapping';

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
