/**
 * Structural checks of criteria: Given/When/Then completeness, atomicity (one behaviour per criterion),
 * measurability of quality claims and duplicates. General rules over tokens; no sentence lists.
 */
import {
  AUXILIARIES,
  DETERMINERS,
  isVerbForm,
  MODALS,
  NUMBER_WORDS,
  PREPOSITIONS,
  sentences,
  SUBJECT_PRONOUNS,
  tokenize,
  VERBS,
  words,
  type Token,
} from './nlp';
import type { GwtKeyword, GwtStep } from './types';

export interface Coordination {
  /** The conjunction ("and", "or", "as well as"). */
  words: string;
  start: number;
  end: number;
  /** What it joins: two clauses (own subject or modal) or two verbs. */
  joins: 'clauses' | 'verbs';
}

const SKIPPABLE = new Set(
  words(`
    then also later afterwards finally still immediately not
`),
);
const OBJECT_STARTERS = new Set([
  ...DETERMINERS,
  ...PREPOSITIONS,
  'it',
  'them',
  'him',
  'me',
  'us',
  'you',
  'up',
  'out',
  'down',
  'back',
  'off',
  'away',
]);

/**
 * "and"/"or" joining two behaviours: another clause (a modal or a subject with a verb follows) or another
 * verb that takes its own object ("save and export the report"). Nouns joined by "and" are not flagged.
 */
export function coordinations(text: string, tokens: readonly Token[] = tokenize(text)): Coordination[] {
  const out: Coordination[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'word') continue;
    let conj: { start: number; end: number; next: number } | undefined;
    if (t.lower === 'and' || t.lower === 'or') {
      // "and/or" is an open-ended term, not a second behaviour
      if (tokens[i + 1]?.text === '/' || tokens[i - 1]?.text === '/') continue;
      conj = { start: t.start, end: t.end, next: i + 1 };
    } else if (t.lower === 'as' && tokens[i + 1]?.lower === 'well' && tokens[i + 2]?.lower === 'as') {
      conj = { start: t.start, end: (tokens[i + 2] as Token).end, next: i + 3 };
    }
    if (!conj) continue;
    // "between A and B", "both A and B", "either A or B" coordinate phrases, not behaviours
    const window = tokens.slice(Math.max(0, i - 6), i).map((w) => w.lower);
    if (window.includes('between') || window.includes('both') || window.includes('either')) continue;
    let k = conj.next;
    while (
      k < tokens.length &&
      ((tokens[k] as Token).text === ',' || SKIPPABLE.has((tokens[k] as Token).lower))
    )
      k++;
    while (
      k < tokens.length &&
      /ly$/.test((tokens[k] as Token).lower) &&
      (tokens[k] as Token).lower.length > 4
    )
      k++;
    const f = tokens[k];
    if (!f || f.type !== 'word') continue;
    const after = tokens[k + 1];
    const words = text.slice(conj.start, conj.end);
    if (MODALS.has(f.lower) || (AUXILIARIES.has(f.lower) && f.lower !== 'be')) {
      out.push({ words, start: conj.start, end: conj.end, joins: 'clauses' });
      continue;
    }
    if (SUBJECT_PRONOUNS.has(f.lower) && f.lower !== 'it' && after && after.type === 'word') {
      if (MODALS.has(after.lower) || AUXILIARIES.has(after.lower) || isVerbForm(after.lower)) {
        out.push({ words, start: conj.start, end: conj.end, joins: 'clauses' });
        continue;
      }
    }
    if (DETERMINERS.has(f.lower) || f.lower === 'it') {
      // "and the system sends", "and the user can"
      let m = k + 1;
      while (m < Math.min(tokens.length, k + 4) && !MODALS.has((tokens[m] as Token).lower)) m++;
      const v = tokens[m];
      if (v && MODALS.has(v.lower) && m <= k + 3) {
        out.push({ words, start: conj.start, end: conj.end, joins: 'clauses' });
        continue;
      }
    }
    if (f.lower === 'to' && after && VERBS.has(after.lower)) {
      out.push({ words, start: conj.start, end: conj.end, joins: 'verbs' });
      continue;
    }
    if (VERBS.has(f.lower)) {
      const prev = tokens[i - 1];
      const objectFollows =
        !!after &&
        after.type !== 'punct' &&
        (OBJECT_STARTERS.has(after.lower) || after.type === 'number' || NUMBER_WORDS.has(after.lower));
      const endFollows = !after || after.type === 'punct';
      const prevIsVerb = !!prev && prev.type === 'word' && (VERBS.has(prev.lower) || isVerbForm(prev.lower));
      if (objectFollows || (endFollows && prevIsVerb)) {
        out.push({ words, start: conj.start, end: conj.end, joins: 'verbs' });
        continue;
      }
    }
    if (/(?:s|ed)$/.test(f.lower) && isVerbForm(f.lower) && after && OBJECT_STARTERS.has(after.lower)) {
      const prev = tokens[i - 1];
      if (prev && prev.type === 'word' && !DETERMINERS.has(prev.lower))
        out.push({ words, start: conj.start, end: conj.end, joins: 'verbs' });
    }
  }
  return out;
}

/** Sentences of a criterion that have at least three words. */
export function substantialSentences(
  text: string,
  tokens: readonly Token[] = tokenize(text),
): { start: number; end: number }[] {
  return sentences(text).filter(
    (s) => tokens.filter((t) => t.type === 'word' && t.start >= s.start && t.end <= s.end).length >= 3,
  );
}

const GWT_ORDER: Record<Exclude<GwtKeyword, 'and' | 'but'>, number> = { given: 0, when: 1, then: 2 };

export interface GwtProblem {
  detail: 'missing-given' | 'missing-when' | 'missing-then' | 'out-of-order' | 'dangling-and';
  message: string;
  suggestion: string;
  step?: GwtStep;
}

export function gwtProblems(steps: readonly GwtStep[], requireGiven: boolean): GwtProblem[] {
  const out: GwtProblem[] = [];
  const seen = { given: false, when: false, then: false };
  let phase = -1;
  for (const step of steps) {
    if (step.keyword === 'and' || step.keyword === 'but') {
      if (phase < 0)
        out.push({
          detail: 'dangling-and',
          message: `"${step.keyword}" opens the scenario: it continues nothing.`,
          suggestion:
            'Start the scenario with Given (the context), then When (the action), then Then (the outcome).',
          step,
        });
      continue;
    }
    const p = GWT_ORDER[step.keyword];
    if (p < phase && !out.some((o) => o.detail === 'out-of-order'))
      out.push({
        detail: 'out-of-order',
        message: `"${cap(step.keyword)}" comes after "${cap(Object.keys(GWT_ORDER)[phase] ?? '')}": the steps are out of order.`,
        suggestion: 'Order the steps Given → When → Then; split into two scenarios if there are two actions.',
        step,
      });
    phase = Math.max(phase, p);
    seen[step.keyword] = true;
  }
  if (requireGiven && !seen.given)
    out.push({
      detail: 'missing-given',
      message: 'The scenario has no Given: the starting context is not stated.',
      suggestion: 'Add a "Given …" step that sets up the state the test starts from.',
    });
  if (!seen.when)
    out.push({
      detail: 'missing-when',
      message: 'The scenario has no When: the action under test is not stated.',
      suggestion: 'Add a "When …" step with the one action the user or system takes.',
    });
  if (!seen.then)
    out.push({
      detail: 'missing-then',
      message: 'The scenario has no Then: there is no expected outcome to verify.',
      suggestion: 'Add a "Then …" step with the observable result.',
    });
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Quality claims that need a number and a unit to be verifiable: adjectives and adverbs that claim a
 * quality. Nouns and verbs that only name one ("the file size", "when I load the page") are not claims.
 */
const QUALITY_TERMS = new Set(
  words(`
    fast faster fastest quick quickly quicker slow slowly rapid rapidly performant responsive efficient
    efficiently scalable instantly immediately real-time reliable reliably robust stable resilient
    fault-tolerant accurate accurately precise usable easy easily intuitive user-friendly learnable
    lightweight compact small smaller large larger huge timely secure securely intuitively seamless
    seamlessly smooth smoothly effortless effortlessly conveniently gracefully
`),
);

/** Offsets inside double quotes ("Easy", “Hard”): labels, not claims. */
function quotedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/"[^"\n]*"|“[^”\n]*”/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * The first quality claim of a text that has no number (in digits or words). Words in quotes and
 * capitalised words inside a sentence ("the level Easy") are names, not claims.
 */
export function unmeasuredClaim(text: string, tokens: readonly Token[] = tokenize(text)): Token | undefined {
  if (tokens.some((t) => t.type === 'number' || NUMBER_WORDS.has(t.lower))) return undefined;
  const quoted = quotedSpans(text);
  return tokens.find((t, i) => {
    if (t.type !== 'word' || !QUALITY_TERMS.has(t.lower)) return false;
    if (quoted.some(([a, b]) => t.start >= a && t.end <= b)) return false;
    const sentenceStart = i === 0 || /[.!?:;\n]\s*$/.test(text.slice(0, t.start));
    return sentenceStart || !/^\p{Lu}/u.test(t.text);
  });
}

const STOP = new Set(
  words(`
    the a an is are be to of and or in on for should shall must will can
`),
);

/** Content words of a text already passed through `normalise`. */
export function contentTokens(normalised: string): Set<string> {
  return new Set(normalised.split(' ').filter((w) => w !== '' && !STOP.has(w)));
}

/** Jaccard overlap of two token sets. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
