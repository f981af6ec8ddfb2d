/** How findings read in the UI. */
import type { Answers } from '../../bridge';

export type Finding = Answers['readiness.check']['findings'][number];
export type Severity = Finding['severity'];

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export const KIND_LABEL: Record<string, string> = {
  subjective: 'Subjective',
  ambiguous: 'Ambiguous',
  loophole: 'Loophole',
  'open-ended': 'Open-ended',
  superlative: 'Superlative',
  comparative: 'Comparative',
  negative: 'Negative',
  'vague-pronoun': 'Vague pronoun',
  'uncertain-verb': 'Uncertain verb',
  'gwt-incomplete': 'Given/When/Then incomplete',
  'not-atomic': 'Not atomic',
  'not-measurable': 'Not measurable',
  duplicate: 'Duplicate',
  'missing-criteria': 'No acceptance criteria',
  'too-few-criteria': 'Too few criteria',
  'too-many-criteria': 'Too many criteria',
  unreadable: 'Unreadable',
  truncated: 'Truncated',
  'open-question': 'Open question for the PO',
  'story-no-role': 'Story: no role',
  'story-no-goal': 'Story: no goal',
  'story-no-benefit': 'Story: no benefit',
  'story-not-atomic': 'Story: not atomic',
  'story-not-minimal': 'Story: not minimal',
  'story-vague': 'Story: vague',
};

export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;
