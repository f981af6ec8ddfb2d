/**
 * Testability smells of one requirement or criterion: the words of each smell vocabulary found in the
 * text, with character offsets. Vocabularies are compiled once per config (see `vocabulary.ts` for the
 * entry syntax) and matched token by token, so the cost is linear in the text.
 */
import { DEFAULT_CONFIG, type CriteriaConfig } from './config';
import {
  AUXILIARIES,
  clauseStarts,
  DETERMINERS,
  GRADABLE_ADJECTIVES,
  gradedWords,
  isVerbForm,
  MODALS,
  NUMBER_WORDS,
  tokenize,
  type Token,
} from './nlp';
import { SMELL_KINDS, type SmellKind } from './types';
import { DEFAULT_VOCABULARY } from './vocabulary';

type PatternToken = { kind: 'word'; value: string; forms: Set<string> } | { kind: 'number' };

interface Pattern {
  smell: SmellKind;
  entry: string;
  tokens: PatternToken[];
  clauseStart: boolean;
  exception: boolean;
}

export interface Lexicon {
  byFirst: Map<string, Pattern[]>;
  numberFirst: Pattern[];
  comparatives: Set<string>;
  superlatives: Set<string>;
  /** Whether the `-er`/`-est` forms are on (entries `@er`, `@est`). */
  morphology: { er: boolean; est: boolean };
  comparativeReference: 'number' | 'any' | 'none';
}

/** The inflections an entry word written `word~` also matches. */
export function inflections(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`, `${word}d`, `${word}ed`, `${word}ing`];
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return forms;
}

function compileEntry(smell: SmellKind, raw: string): Pattern | undefined {
  let entry = raw.trim();
  const exception = entry.startsWith('!');
  if (exception) entry = entry.slice(1).trim();
  const clauseStart = entry.startsWith('^');
  if (clauseStart) entry = entry.slice(1).trim();
  const tokens: PatternToken[] = [];
  for (const piece of entry.split(/\s+/)) {
    if (piece === '') continue;
    if (piece === '#') {
      tokens.push({ kind: 'number' });
      continue;
    }
    const inflect = piece.endsWith('~');
    const body = inflect ? piece.slice(0, -1) : piece;
    for (const t of tokenize(body)) {
      const forms = new Set(inflect && t.type === 'word' ? inflections(t.lower) : [t.lower]);
      tokens.push({ kind: 'word', value: t.lower, forms });
    }
  }
  if (tokens.length === 0) return undefined;
  return { smell, entry: raw.trim(), tokens, clauseStart, exception };
}

export function effectiveVocabulary(config: CriteriaConfig, smell: SmellKind): string[] {
  const edits = config.vocabulary[smell];
  const removed = new Set(edits.remove.map((w) => w.trim().toLowerCase()));
  const out = new Set<string>();
  for (const w of DEFAULT_VOCABULARY[smell]) if (!removed.has(w.toLowerCase())) out.add(w);
  for (const w of edits.add) out.add(w.trim());
  return [...out];
}

const lexicons = new WeakMap<CriteriaConfig, Lexicon>();

export function compileLexicon(config: CriteriaConfig = DEFAULT_CONFIG): Lexicon {
  const cached = lexicons.get(config);
  if (cached) return cached;
  const byFirst = new Map<string, Pattern[]>();
  const numberFirst: Pattern[] = [];
  const morphology = { er: false, est: false };
  for (const smell of SMELL_KINDS) {
    for (const entry of effectiveVocabulary(config, smell)) {
      if (entry === '@er') {
        morphology.er = true;
        continue;
      }
      if (entry === '@est') {
        morphology.est = true;
        continue;
      }
      const p = compileEntry(smell, entry);
      if (!p) continue;
      const first = p.tokens[0] as PatternToken;
      if (first.kind === 'number') numberFirst.push(p);
      else
        for (const form of first.forms) {
          const list = byFirst.get(form);
          if (list) list.push(p);
          else byFirst.set(form, [p]);
        }
    }
  }
  const graded = gradedWords(GRADABLE_ADJECTIVES);
  const lexicon: Lexicon = {
    byFirst,
    numberFirst,
    comparatives: graded.comparatives,
    superlatives: graded.superlatives,
    morphology,
    comparativeReference: config.comparativeReference,
  };
  lexicons.set(config, lexicon);
  return lexicon;
}

export interface SmellMatch {
  smell: SmellKind;
  /** The words as written in the text. */
  words: string;
  start: number;
  end: number;
  /** The vocabulary entry (or `@er`/`@est`) that matched. */
  entry: string;
}

const isNumber = (t: Token) => t.type === 'number' || NUMBER_WORDS.has(t.lower);

function matchAt(tokens: readonly Token[], i: number, p: Pattern): number {
  let k = i;
  for (const pt of p.tokens) {
    const t = tokens[k];
    if (!t) return -1;
    if (pt.kind === 'number') {
      if (!isNumber(t)) return -1;
    } else if (!pt.forms.has(t.lower)) return -1;
    k++;
  }
  return k;
}

const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);
const REFERENCE_WORDS = new Set(['than']);

/** A demonstrative used as a pronoun: followed by a verb, a modal, punctuation or nothing. */
function pronounUse(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.type === 'punct') return true;
  if (next.type !== 'word') return false;
  if (MODALS.has(next.lower) || AUXILIARIES.has(next.lower)) return true;
  if (DETERMINERS.has(next.lower)) return false;
  return /(?:s|ed)$/.test(next.lower) && isVerbForm(next.lower);
}

const BE = new Set(['is', 'was', 'be', 'being', 'becomes', 'seems', 'appears']);

/**
 * The expletive "it" of "it is necessary to …", "it shall be possible that …": a placeholder subject,
 * not a reference to anything.
 */
function expletiveIt(tokens: readonly Token[], i: number): boolean {
  let k = i + 1;
  while (
    k < tokens.length &&
    k <= i + 3 &&
    (MODALS.has((tokens[k] as Token).lower) || (tokens[k] as Token).lower === 'not')
  )
    k++;
  if (!BE.has(tokens[k]?.lower ?? '')) return false;
  for (let m = k + 1; m < Math.min(tokens.length, k + 6); m++) {
    const t = tokens[m] as Token;
    if (t.type === 'punct') return false;
    if (t.lower === 'to' || t.lower === 'that' || t.lower === 'for' || t.lower === 'whether')
      return m > k + 1;
  }
  return false;
}

/**
 * Whether the comparative at token i has the reference the config asks for: "than"/"compared to"/"relative
 * to" later in the same clause, followed by a number when `mode` is `number` ("more than 5", "less than
 * 2 s").
 */
function hasReference(tokens: readonly Token[], i: number, mode: 'number' | 'any' | 'none'): boolean {
  if (mode === 'none') return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 9); k++) {
    const t = tokens[k] as Token;
    if (t.type === 'punct' && /^[.;:!?]$/.test(t.text)) return false;
    let next = -1;
    if (REFERENCE_WORDS.has(t.lower)) next = k + 1;
    else if (
      (t.lower === 'compared' || t.lower === 'relative') &&
      /^(to|with)$/.test(tokens[k + 1]?.lower ?? '')
    )
      next = k + 2;
    if (next < 0) continue;
    if (mode === 'any') return true;
    const n = tokens[next];
    return !!n && isNumber(n);
  }
  return false;
}

/** Spans of quoted text ("Save", 'Hard', “Done”): names and labels, not claims. */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /"[^"\n]{1,80}"|“[^”\n]{1,80}”|‘[^’\n]{1,80}’|(?<=^|[\s(])'[^'\n]{1,60}'(?=[\s).,;:!?]|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * All smell words of a text, longest match first; a match inside a longer one is dropped. Words in quotes
 * and capitalised words inside a clause ("shows Easy, Moderate and Hard") are names, not claims.
 */
export function detectSmells(
  text: string,
  config: CriteriaConfig = DEFAULT_CONFIG,
  tokens: readonly Token[] = tokenize(text),
): SmellMatch[] {
  const lex = compileLexicon(config);
  const starts = clauseStarts(text, tokens);
  const quoted = quotedSpans(text);
  const isName = (i: number): boolean => {
    const t = tokens[i] as Token;
    if (quoted.some((q) => q.start < t.start && t.end < q.end)) return true;
    if (starts[i] || !/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
    const prev = tokens[i - 1];
    return !!prev && prev.type === 'word' && /^\p{Ll}/u.test(prev.text);
  };
  const found: (SmellMatch & { exception: boolean; first: number })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'word' && isName(i)) continue;
    const candidates = lex.byFirst.get(t.lower);
    const list = isNumber(t) ? [...(candidates ?? []), ...lex.numberFirst] : (candidates ?? []);
    for (const p of list) {
      if (p.clauseStart && !starts[i]) continue;
      const end = matchAt(tokens, i, p);
      if (end < 0) continue;
      if (p.smell === 'vague-pronoun' && !p.exception && end === i + 1 && DEMONSTRATIVES.has(t.lower))
        if (!pronounUse(tokens, i)) continue;
      if (p.smell === 'vague-pronoun' && (t.text === 'IT' || (t.lower === 'it' && expletiveIt(tokens, i))))
        continue;
      if (p.smell === 'comparative' && !p.exception && hasReference(tokens, i, lex.comparativeReference))
        continue;
      const last = tokens[end - 1] as Token;
      found.push({
        smell: p.smell,
        words: text.slice(t.start, last.end),
        start: t.start,
        end: last.end,
        entry: p.entry,
        exception: p.exception,
        first: i,
      });
    }
    if (t.type === 'word') {
      if (lex.morphology.est && lex.superlatives.has(t.lower))
        found.push({
          smell: 'superlative',
          words: t.text,
          start: t.start,
          end: t.end,
          entry: '@est',
          exception: false,
          first: i,
        });
      if (
        lex.morphology.er &&
        lex.comparatives.has(t.lower) &&
        !hasReference(tokens, i, lex.comparativeReference)
      )
        found.push({
          smell: 'comparative',
          words: t.text,
          start: t.start,
          end: t.end,
          entry: '@er',
          exception: false,
          first: i,
        });
    }
  }
  const exceptions = found.filter((f) => f.exception);
  const matches = found.filter(
    (f) =>
      !f.exception && !exceptions.some((e) => e.smell === f.smell && e.start <= f.start && f.end <= e.end),
  );
  const kept = matches.filter(
    (m) =>
      !matches.some(
        (o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start,
      ),
  );
  const seen = new Set<string>();
  const out: SmellMatch[] = [];
  for (const m of kept.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const key = `${m.smell}:${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ smell: m.smell, words: m.words, start: m.start, end: m.end, entry: m.entry });
  }
  return out;
}

export const SMELL_TEXT: Record<
  SmellKind,
  { message: (w: string) => string; suggestion: (w: string) => string }
> = {
  subjective: {
    message: (w) => `"${w}" is a matter of opinion: two testers can disagree on whether it holds.`,
    suggestion: (w) => `Replace "${w}" with an observable outcome (steps, clicks, time, errors).`,
  },
  ambiguous: {
    message: (w) => `"${w}" is vague: it has no agreed value or meaning.`,
    suggestion: (w) => `Replace "${w}" with a number and unit, a named list or an exact condition.`,
  },
  loophole: {
    message: (w) => `"${w}" is a loophole: it lets the requirement be skipped.`,
    suggestion: (w) => `Remove "${w}", or state exactly when the requirement applies.`,
  },
  'open-ended': {
    message: (w) => `"${w}" leaves the scope open, so the criterion can never be fully verified.`,
    suggestion: () => 'List every case that must hold, or state the limit.',
  },
  superlative: {
    message: (w) => `"${w}" is a superlative: best compared with what, measured how?`,
    suggestion: (w) => `State the measurable target instead of "${w}".`,
  },
  comparative: {
    message: (w) => `"${w}" compares without saying with what.`,
    suggestion: () => 'Add the reference ("faster than the current 3 s") or give an absolute target.',
  },
  negative: {
    message: (w) => `"${w}" states what must not happen; negative statements are hard to verify.`,
    suggestion: () => 'State the expected behaviour positively if you can, or make the exclusion explicit.',
  },
  'vague-pronoun': {
    message: (w) => `"${w}" does not say clearly what it refers to.`,
    suggestion: (w) => `Name the thing "${w}" stands for.`,
  },
};
