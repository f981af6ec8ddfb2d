/**
 * The Readiness rules form's model: the rule groups with a one-line explanation per finding kind, the
 * draft the form edits (list settings as text, one entry per line) and the config it sends, the dirty
 * check, and the server's `path: message` details matched to the fields they are about.
 */
import type { Answers } from '../../bridge';
import { kindLabel } from '../criteria/labels';
import {
  ISSUE_KINDS,
  SMELL_KINDS,
  STORY_KINDS,
  STRUCTURE_KINDS,
  type FindingKind,
  type SmellKind,
} from '../../../../src/core/criteria/types';

export type ConfigView = Answers['readiness.rules.get'];
export type Config = ConfigView['config'];
export type SeveritySetting = Config['severity'][FindingKind];

export const SEVERITY_SETTINGS: ReadonlyArray<{ value: SeveritySetting; label: string }> = [
  { value: 'error', label: 'Error (blocks Ready)' },
  { value: 'warning', label: 'Warning' },
  { value: 'info', label: 'Info' },
  { value: 'off', label: 'Off' },
];

export const RULE_GROUPS: ReadonlyArray<{ id: string; title: string; kinds: readonly FindingKind[] }> = [
  { id: 'smells', title: 'Testability smells', kinds: SMELL_KINDS },
  { id: 'structure', title: 'Structure', kinds: STRUCTURE_KINDS },
  { id: 'issue', title: 'Per issue', kinds: ISSUE_KINDS },
  { id: 'story', title: 'User story', kinds: STORY_KINDS },
];

/** One line per finding kind: what it flags (docs/criteria.md, "Findings"). */
export const KIND_EXPLANATION: Record<FindingKind, string> = {
  subjective: 'A judgement no test can check: "user-friendly", "intuitive".',
  ambiguous: 'A vague amount, time or degree: "quickly", "several", "usually".',
  loophole: 'An escape clause that makes the criterion optional: "if possible", "as appropriate".',
  'open-ended': 'A list or scope left open: "etc.", "and so on", "supports".',
  superlative: 'A best or worst with nothing to measure it by: "fastest", "best".',
  comparative: 'A comparison with no reference: "faster", "better" (see comparative reference below).',
  negative: 'A criterion stated as what must not happen: "cannot", "never".',
  'vague-pronoun': 'A pronoun whose reference is unclear: "It shows the total".',
  'uncertain-verb': 'A verb that leaves the behaviour optional: "may", "might", "could", "be able to".',
  'gwt-incomplete': 'A Given/When/Then scenario without a Then (or without a Given: a warning).',
  'not-atomic': 'One criterion that checks more than one behaviour ("and", two sentences, two Whens).',
  'not-measurable': 'A quality claim with no number to test it against: "Search is fast".',
  duplicate: 'A criterion that repeats another, word for word or nearly (see duplicate overlap).',
  'missing-criteria': 'No acceptance criteria section, or an empty one.',
  'too-few-criteria': 'Fewer top-level criteria than the minimum below.',
  'too-many-criteria': 'More top-level criteria than the maximum below.',
  unreadable: 'The description is not a document, or has broken or unknown parts.',
  truncated: 'The description or a criterion is too long; only its start was checked.',
  'open-question': 'An open question for the Product Owner on the issue (Questions for the PO).',
  'story-no-role': 'The story names no user role, or a role that is not a user ("As the system").',
  'story-no-goal': 'The story says who, but not what they want.',
  'story-no-benefit': 'The story has no "so that …": why it is wanted.',
  'story-not-atomic': 'The story asks for more than one thing ("… and …").',
  'story-not-minimal': 'The story carries extra material: brackets, examples, a second sentence.',
  'story-vague': 'The goal of the story is a judgement or a loophole: "an intuitive planner".',
};

export const SMELL_LABEL = Object.fromEntries(SMELL_KINDS.map((k) => [k, kindLabel(k)])) as Record<
  SmellKind,
  string
>;

export const COMPARATIVE_REFERENCE: ReadonlyArray<{ value: Config['comparativeReference']; label: string }> =
  [
    { value: 'number', label: 'Not flagged when "than" and a number follow ("more than 5")' },
    { value: 'any', label: 'Not flagged when any "than …" or "compared to …" follows' },
    { value: 'none', label: 'Always flagged' },
  ];

/** What the form edits: the config, with its lists and numbers as the text typed. */
export interface Draft {
  config: Config;
  min: string;
  max: string;
  overlap: string;
  headings: string;
  issueTypes: string;
  vocabulary: Record<SmellKind, { add: string; remove: string }>;
}

const lines = (list: readonly string[]) => list.join('\n');
const entries = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
/** A number as typed; not a number stays as typed so the server names the field. */
const numberOf = (text: string): number | string => {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
};

export function draftOf(config: Config): Draft {
  return {
    config,
    min: String(config.bounds.min),
    max: String(config.bounds.max),
    overlap: String(config.duplicateOverlap),
    headings: lines(config.headings),
    issueTypes: lines(config.story.issueTypes),
    vocabulary: Object.fromEntries(
      SMELL_KINDS.map((k) => [
        k,
        { add: lines(config.vocabulary[k].add), remove: lines(config.vocabulary[k].remove) },
      ]),
    ) as Draft['vocabulary'],
  };
}

/** The config the draft stands for (as sent to the server; it checks it). */
export function configOf(draft: Draft): Config {
  const { criteriaFieldId: _field, ...rest } = draft.config;
  void _field;
  return {
    ...rest,
    ...(draft.config.criteriaFieldId ? { criteriaFieldId: draft.config.criteriaFieldId } : {}),
    bounds: { min: numberOf(draft.min), max: numberOf(draft.max) } as Config['bounds'],
    duplicateOverlap: numberOf(draft.overlap) as number,
    headings: entries(draft.headings),
    story: { ...draft.config.story, issueTypes: entries(draft.issueTypes) },
    vocabulary: Object.fromEntries(
      SMELL_KINDS.map((k) => [
        k,
        { add: entries(draft.vocabulary[k].add), remove: entries(draft.vocabulary[k].remove) },
      ]),
    ) as Config['vocabulary'],
  };
}

/** JSON with sorted keys: equal configs give equal strings whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const sameConfig = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The server's details (`path: message`) about `path` or anything under it. */
export function problemsAt(details: readonly string[], ...paths: string[]): string[] {
  return details.filter((d) => {
    const at = d.slice(0, d.indexOf(':'));
    return paths.some((p) => at === p || at.startsWith(`${p}.`));
  });
}
