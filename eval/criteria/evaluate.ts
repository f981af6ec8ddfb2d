/**
 * The measured accuracy of the criteria checks on human-labelled data: requirement smells (DS2, DS4),
 * user-story defects (UStAI) and role/goal/benefit extraction (Dalpiaz backlogs). Used by `run.ts` and by
 * the regression test `test/core/criteria/eval.test.ts`.
 */
import { CriteriaConfigSchema, DEFAULT_CONFIG, type CriteriaConfig } from '../../src/core/criteria/config';
import { detectSmells } from '../../src/core/criteria/smells';
import { checkStory, parseStory } from '../../src/core/criteria/story';
import { SMELL_KINDS, type FindingKind, type SmellKind } from '../../src/core/criteria/types';
import { readDalpiaz, readSmells, readUstai, type LabelledRequirement, type Span } from './data';

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
  /** Requirement level: does the requirement have the smell? */
  requirement: Record<SmellKind, Score>;
  /** Word level: marked words (each occurrence counted once per requirement) found vs flagged. */
  word: Record<SmellKind, Score>;
}

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== '');

export function evaluateSmells(
  rows: readonly LabelledRequirement[],
  dataset: string,
  config: CriteriaConfig = DEFAULT_CONFIG,
): SmellScores {
  const req = Object.fromEntries(SMELL_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    SmellKind,
    Counts
  >;
  const word = Object.fromEntries(SMELL_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    SmellKind,
    Counts
  >;
  for (const row of rows) {
    const matches = detectSmells(row.text, config);
    for (const smell of SMELL_KINDS) {
      const gold = row.labels[smell];
      const flagged = matches.filter((m) => m.smell === smell);
      count(gold.length > 0, flagged.length > 0, req[smell]);
      const goldWords = new Set(gold.flatMap(wordsOf));
      const predicted = new Set(flagged.flatMap((m) => wordsOf(m.words)));
      for (const w of predicted) {
        if (goldWords.has(w)) word[smell].tp++;
        else word[smell].fp++;
      }
      for (const w of goldWords) if (!predicted.has(w)) word[smell].fn++;
    }
  }
  const map = (c: Record<SmellKind, Counts>) =>
    Object.fromEntries(SMELL_KINDS.map((k) => [k, score(c[k])])) as Record<SmellKind, Score>;
  return { dataset, requirements: rows.length, requirement: map(req), word: map(word) };
}

/**
 * The smell definitions both data sets were annotated with, as a criteria config. Their annotators mark
 * every comparative and superlative, bounded or not ("no more than 5", "at least 3"); ValueRank's default
 * lets a bound pass, as the issue asks ("comparative without a reference"). The smell tables are measured
 * with this profile; the product defaults' F1 is reported beside it. Nothing else differs.
 */
export const ANNOTATION_PROFILE: CriteriaConfig = CriteriaConfigSchema.parse({
  comparativeReference: 'none',
  vocabulary: {
    superlative: { remove: ['!at least #', '!at most #'] },
    comparative: { remove: ['!no more than #'] },
  },
});

/** Share of requirements that carry each smell in the gold labels. */
export function baseRates(rows: readonly LabelledRequirement[]): Record<SmellKind, number> {
  return Object.fromEntries(
    SMELL_KINDS.map((k) => [k, rows.filter((r) => r.labels[k].length > 0).length / rows.length]),
  ) as Record<SmellKind, number>;
}

/**
 * How well one data set's own marked words find the smell in the other: the requirement-level F1 of a
 * lexicon made of every single word the `from` annotators marked for that smell, applied to `to`. A low
 * figure means the two sets disagree on what the smell is, not that a detector is weak.
 */
export function lexiconTransfer(
  from: readonly LabelledRequirement[],
  to: readonly LabelledRequirement[],
): Record<SmellKind, Score> {
  const tokens = (text: string) => new Set(wordsOf(text));
  const toTokens = to.map((r) => tokens(r.text));
  return Object.fromEntries(
    SMELL_KINDS.map((k) => {
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
  ) as Record<SmellKind, Score>;
}

/** F1 the ARTA tool published for the same smells (requirement level). */
export const ARTA_F1: Partial<Record<SmellKind, number>> = {
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

export interface Evaluation {
  /** Measured with ANNOTATION_PROFILE (the annotators' definitions). */
  smells: SmellScores[];
  /** The same, with the product's default config. */
  smellsDefault: SmellScores[];
  /** Gold base rate per smell, per data set. */
  baseRates: Record<'DS2' | 'DS4', Record<SmellKind, number>>;
  /** Lexicon transfer between the two sets (see lexiconTransfer). */
  transfer: { ds2ToDs4: Record<SmellKind, Score>; ds4ToDs2: Record<SmellKind, Score> };
  stories: ReturnType<typeof evaluateStories>;
  parts: ReturnType<typeof evaluateParts>;
}

export function evaluateAll(config: CriteriaConfig = DEFAULT_CONFIG): Evaluation {
  const ds2 = readSmells('DS2');
  const ds4 = readSmells('DS4');
  return {
    smells: [evaluateSmells(ds2, 'DS2', ANNOTATION_PROFILE), evaluateSmells(ds4, 'DS4', ANNOTATION_PROFILE)],
    smellsDefault: [evaluateSmells(ds2, 'DS2', config), evaluateSmells(ds4, 'DS4', config)],
    baseRates: { DS2: baseRates(ds2), DS4: baseRates(ds4) },
    transfer: { ds2ToDs4: lexiconTransfer(ds2, ds4), ds4ToDs2: lexiconTransfer(ds4, ds2) },
    stories: evaluateStories(config),
    parts: evaluateParts(),
  };
}
