/**
 * The measured accuracy of the criteria checks on human-labelled data: requirement smells (DS2, DS4),
 * user-story defects (UStAI) and role/goal/benefit extraction (Dalpiaz backlogs). Used by `run.ts` and by
 * the regression test `test/core/criteria/eval.test.ts`.
 */
import { checkText } from '../../src/core/criteria/check';
import { DEFAULT_CONFIG, type CriteriaConfig } from '../../src/core/criteria/config';
import { checkStory, parseStory } from '../../src/core/criteria/story';
import type { Finding, FindingKind } from '../../src/core/criteria/types';
import {
  LABELLED_SMELLS,
  readDalpiaz,
  readSmells,
  readUstai,
  type LabelledRequirement,
  type LabelledSmell,
  type Span,
} from './data';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
  /** Positives in the gold labels. */
  support: number;
}

export function score(c: Counts): Score {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1, support: c.tp + c.fn };
}

const count = (gold: boolean, predicted: boolean, c: Counts) => {
  if (gold && predicted) c.tp++;
  else if (predicted) c.fp++;
  else if (gold) c.fn++;
};

export interface SmellScores {
  dataset: string;
  requirements: number;
  /** Requirement level: does the requirement get a finding of the smell? */
  requirement: Record<LabelledSmell, Score>;
}

/** One requirement checked exactly as `valuerank criteria --as criterion` checks it. */
export function userFindings(text: string, config: CriteriaConfig = DEFAULT_CONFIG): Finding[] {
  return checkText(text, 'criterion', config).findings;
}

/**
 * The smell kinds a finding reports: its kind and the others it lists (a word flagged by several smells is
 * one finding, `detail: "also: ambiguous, …"`).
 */
export function kindsOf(f: Finding): string[] {
  const also = /^also: (.*)$/.exec(f.detail ?? '')?.[1];
  return [f.kind, ...(also ? also.split(/,\s*/) : [])];
}

/**
 * Requirement-level precision/recall/F1 of what a user sees: each requirement checked as one criterion with
 * `config` (the product defaults unless given), a smell predicted when a finding reports it.
 */
export function evaluateSmells(
  rows: readonly LabelledRequirement[],
  dataset: string,
  config: CriteriaConfig = DEFAULT_CONFIG,
): SmellScores {
  const req = Object.fromEntries(LABELLED_SMELLS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    LabelledSmell,
    Counts
  >;
  for (const row of rows) {
    const reported = new Set(userFindings(row.text, config).flatMap(kindsOf));
    for (const smell of LABELLED_SMELLS) count(row.labels[smell].length > 0, reported.has(smell), req[smell]);
  }
  const requirement = Object.fromEntries(LABELLED_SMELLS.map((k) => [k, score(req[k])])) as Record<
    LabelledSmell,
    Score
  >;
  return { dataset, requirements: rows.length, requirement };
}

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== '');

/** Share of requirements that carry each smell in the gold labels. */
export function baseRates(rows: readonly LabelledRequirement[]): Record<LabelledSmell, number> {
  return Object.fromEntries(
    LABELLED_SMELLS.map((k) => [k, rows.filter((r) => r.labels[k].length > 0).length / rows.length]),
  ) as Record<LabelledSmell, number>;
}

/**
 * How well one data set's own marked words find the smell in the other: the requirement-level F1 of a
 * lexicon made of every single word the `from` annotators marked for that smell, applied to `to`. A low
 * figure means the two sets disagree on what the smell is, not that a detector is weak.
 */
export function lexiconTransfer(
  from: readonly LabelledRequirement[],
  to: readonly LabelledRequirement[],
): Record<LabelledSmell, Score> {
  const tokens = (text: string) => new Set(wordsOf(text));
  const toTokens = to.map((r) => tokens(r.text));
  return Object.fromEntries(
    LABELLED_SMELLS.map((k) => {
      const lexicon = [...new Set(from.flatMap((r) => r.labels[k]).filter((w) => /^[\p{L}']+$/u.test(w)))];
      const c: Counts = { tp: 0, fp: 0, fn: 0 };
      to.forEach((r, i) => {
        const seen = toTokens[i] as Set<string>;
        count(
          r.labels[k].length > 0,
          lexicon.some((w) => seen.has(w)),
          c,
        );
      });
      return [k, score(c)];
    }),
  ) as Record<LabelledSmell, Score>;
}

/** F1 the ARTA tool published for the same smells (requirement level). */
export const ARTA_F1: Partial<Record<LabelledSmell, number>> = {
  subjective: 0.4,
  ambiguous: 0.4,
  'open-ended': 0.28,
  superlative: 0.5,
  comparative: 0.62,
  negative: 0.44,
  'vague-pronoun': 0.23,
};

export type StoryKind = Extract<
  FindingKind,
  'story-not-atomic' | 'story-not-minimal' | 'story-no-role' | 'story-vague'
>;

/** Gold label of each story finding kind on UStAI. */
const STORY_GOLD: Record<StoryKind, (s: ReturnType<typeof readUstai>[number]) => boolean> = {
  'story-not-atomic': (s) => s.atomic === 'conjunctions',
  'story-not-minimal': (s) => s.minimal !== '' && s.minimal !== 'minimal',
  'story-no-role': (s) => s.sound === 'no_valid_role',
  'story-vague': (s) => s.unambiguous === 'Vagueness',
};

export function evaluateStories(config: CriteriaConfig = DEFAULT_CONFIG): {
  stories: number;
  scores: Record<StoryKind, Score>;
} {
  const stories = readUstai();
  const c = Object.fromEntries(Object.keys(STORY_GOLD).map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    StoryKind,
    Counts
  >;
  for (const s of stories) {
    const { findings } = checkStory(s.text, config);
    for (const kind of Object.keys(STORY_GOLD) as StoryKind[]) {
      // A weak role ("As a user") is a hint, not a defect.
      const predicted = findings.some((f) => f.kind === kind && f.detail !== 'weak-role');
      count(STORY_GOLD[kind](s), predicted, c[kind]);
    }
  }
  const scores = Object.fromEntries(
    (Object.keys(STORY_GOLD) as StoryKind[]).map((k) => [k, score(c[k])]),
  ) as Record<StoryKind, Score>;
  return { stories: stories.length, scores };
}

export type DalpiazKind = Extract<FindingKind, 'story-not-atomic' | 'story-no-role' | 'story-no-goal'>;

/**
 * Two actions are joined when the conjunction comes right before the second one (after "to", "also",
 * "then" or an adverb at most): "correct or delete", "search the repository and browse"; not "know when
 * an object or component is likely to expire", where "or" joins two nouns between the actions.
 */
const JOINED = /(?:\b(?:and|or)\b|&)(?:\s*,)?(?:\s+(?:to|also|then|\w+ly))?\s*$/i;

/**
 * Story checks on the Dalpiaz backlogs, from their spans: not atomic = two Actions (verbs the annotators
 * marked) of the goal joined by "and"/"or"/"&" ({@link JOINED}: "upload and download"); no role = no Persona
 * span (nearly every story has one, so a `story-no-role` there is mostly a role the annotators accepted); no
 * goal = no Action.
 */

export function evaluateDalpiazStories(config: CriteriaConfig = DEFAULT_CONFIG): {
  stories: number;
  scores: Record<DalpiazKind, Score>;
} {
  const stories = readDalpiaz();
  const gold: Record<DalpiazKind, (s: (typeof stories)[number]) => boolean> = {
    'story-not-atomic': (s) =>
      s.actions.some((x, i) =>
        s.actions
          .slice(i + 1)
          .some((y) => JOINED.test(s.text.slice(Math.min(x.end, y.end), Math.max(x.start, y.start)))),
      ),
    'story-no-role': (s) => s.role === undefined,
    'story-no-goal': (s) => s.actions.length === 0 && s.goal === undefined,
  };
  const kinds = Object.keys(gold) as DalpiazKind[];
  const c = Object.fromEntries(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<DalpiazKind, Counts>;
  for (const s of stories) {
    const { findings } = checkStory(s.text, config);
    for (const kind of kinds)
      count(
        gold[kind](s),
        findings.some((f) => f.kind === kind && f.detail !== 'weak-role'),
        c[kind],
      );
  }
  return {
    stories: stories.length,
    scores: Object.fromEntries(kinds.map((k) => [k, score(c[k])])) as Record<DalpiazKind, Score>,
  };
}

export type PartName = 'role' | 'goal' | 'benefit';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** A gold span without surrounding white space and final punctuation (annotators vary on those). */
function tidy(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s.,;:!?]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export function evaluateParts(): {
  stories: number;
  exact: Record<PartName, Score>;
  overlap: Record<PartName, Score>;
} {
  const stories = readDalpiaz();
  const parts: PartName[] = ['role', 'goal', 'benefit'];
  const exact = Object.fromEntries(parts.map((p) => [p, { tp: 0, fp: 0, fn: 0 }])) as Record<
    PartName,
    Counts
  >;
  const overlap = Object.fromEntries(parts.map((p) => [p, { tp: 0, fp: 0, fn: 0 }])) as Record<
    PartName,
    Counts
  >;
  for (const s of stories) {
    const parsed = parseStory(s.text);
    for (const p of parts) {
      const gold = s[p];
      const got = parsed[p];
      if (gold && got) {
        const g = tidy(s.text, gold);
        const same = g.start === got.start && g.end === got.end;
        if (same) exact[p].tp++;
        else {
          exact[p].fp++;
          exact[p].fn++;
        }
        if (overlaps(gold, got)) overlap[p].tp++;
        else {
          overlap[p].fp++;
          overlap[p].fn++;
        }
      } else if (got) {
        exact[p].fp++;
        overlap[p].fp++;
      } else if (gold) {
        exact[p].fn++;
        overlap[p].fn++;
      }
    }
  }
  const map = (c: Record<PartName, Counts>) =>
    Object.fromEntries(parts.map((p) => [p, score(c[p])])) as Record<PartName, Score>;
  return { stories: stories.length, exact: map(exact), overlap: map(overlap) };
}

/**
 * A cross-file direction: the rules as developed while looking at `tunedOn` (see docs/criteria.md, "Measured
 * accuracy", for which file was looked at for which change), reported on the other file.
 */
export interface Direction {
  tunedOn: 'DS2' | 'DS4';
  reportedOn: 'DS2' | 'DS4';
  scores: SmellScores;
}

export interface Evaluation {
  /** Both directions, measured with the product's default config (what users see). */
  directions: Direction[];
  /** Gold base rate per smell, per data set. */
  baseRates: Record<'DS2' | 'DS4', Record<LabelledSmell, number>>;
  /** Lexicon transfer between the two sets (see lexiconTransfer). */
  transfer: { ds2ToDs4: Record<LabelledSmell, Score>; ds4ToDs2: Record<LabelledSmell, Score> };
  stories: ReturnType<typeof evaluateStories>;
  dalpiaz: ReturnType<typeof evaluateDalpiazStories>;
  parts: ReturnType<typeof evaluateParts>;
}

export function evaluateAll(config: CriteriaConfig = DEFAULT_CONFIG): Evaluation {
  const ds2 = readSmells('DS2');
  const ds4 = readSmells('DS4');
  return {
    directions: [
      { tunedOn: 'DS2', reportedOn: 'DS4', scores: evaluateSmells(ds4, 'DS4', config) },
      { tunedOn: 'DS4', reportedOn: 'DS2', scores: evaluateSmells(ds2, 'DS2', config) },
    ],
    baseRates: { DS2: baseRates(ds2), DS4: baseRates(ds4) },
    transfer: { ds2ToDs4: lexiconTransfer(ds2, ds4), ds4ToDs2: lexiconTransfer(ds4, ds2) },
    stories: evaluateStories(config),
    dalpiaz: evaluateDalpiazStories(config),
    parts: evaluateParts(),
  };
}
