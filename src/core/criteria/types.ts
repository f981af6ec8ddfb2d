/** Shared types of the acceptance-criteria finder and checker. */

export type CriterionKind = 'bullet' | 'task' | 'gwt' | 'table-row' | 'paragraph';

/** Where a criterion came from, for highlighting it in place. */
export type SourceRef =
  /** ADF: indices into the successive `content` arrays from the document root; `paths` lists every node. */
  | { format: 'adf'; path: number[]; paths: number[][] }
  /**
   * Text (wiki markup, Markdown, plain): character offsets into the source text and its 0-based first
   * line (for text whose line breaks were flattened into spaces, the line of the restored text).
   */
  | { format: 'text'; line: number; start: number; end: number };

export type GwtKeyword = 'given' | 'when' | 'then' | 'and' | 'but';

export interface GwtStep {
  keyword: GwtKeyword;
  /** The step as written, keyword included. */
  text: string;
  /** Offset of the step in the criterion text. */
  start: number;
}

export interface Criterion {
  text: string;
  kind: CriterionKind;
  /** Task items only. */
  state?: 'DONE' | 'TODO';
  /** Nesting depth: 0 for top-level items, 1 for items of a nested list, ... */
  depth: number;
  /** Index of the parent criterion for nested list items. */
  parent?: number;
  /** Given/When/Then scenarios: the steps, in order, and the "Scenario:" title if any. */
  steps?: GwtStep[];
  title?: string;
  source: SourceRef;
  /** Which input it was found in. */
  origin: 'description' | 'field';
}

export const SMELL_KINDS = [
  'subjective',
  'ambiguous',
  'loophole',
  'open-ended',
  'superlative',
  'comparative',
  'negative',
  'vague-pronoun',
  'uncertain-verb',
] as const;
export type SmellKind = (typeof SMELL_KINDS)[number];

export const STRUCTURE_KINDS = ['gwt-incomplete', 'not-atomic', 'not-measurable', 'duplicate'] as const;
export const ISSUE_KINDS = [
  'missing-criteria',
  'too-few-criteria',
  'too-many-criteria',
  'unreadable',
  'truncated',
  'open-question',
] as const;
export const STORY_KINDS = [
  'story-no-role',
  'story-no-goal',
  'story-no-benefit',
  'story-not-atomic',
  'story-not-minimal',
  'story-vague',
] as const;

export const FINDING_KINDS = [...SMELL_KINDS, ...STRUCTURE_KINDS, ...ISSUE_KINDS, ...STORY_KINDS] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Index into `CheckResult.criteria` for per-criterion findings. */
  criterion?: number;
  /** The words the finding is about, as written. */
  words?: string;
  /**
   * Character offsets of `words`: into the criterion's text for per-criterion findings, into
   * `CheckResult.story.text` for story findings.
   */
  start?: number;
  end?: number;
  message: string;
  suggestion: string;
  /** A finer reason code, e.g. `weak-role`, `missing-then`, `sentences`. */
  detail?: string;
}

export interface Part {
  text: string;
  start: number;
  end: number;
}

export interface ParsedStory {
  role?: Part;
  goal?: Part;
  benefit?: Part;
}

export interface CheckResult {
  criteria: Criterion[];
  findings: Finding[];
  verdict: {
    ready: boolean;
    blocking: Finding[];
    /** Which readiness conditions failed, in words (`verdict.ts`); empty when ready. */
    reasons?: string[];
  };
  /** 0–100: 100 minus the weighted penalties of the findings, floored at 0. */
  score: number;
  /** Task items (task lists and `[ ]`/`[x]` items): how many are done. */
  progress: { done: number; total: number };
  /** The user story statement checked, when one was found (or the issue is a story). */
  story?: ParsedStory & { text: string; origin: 'summary' | 'description' };
}
