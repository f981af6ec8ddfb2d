/**
 * Testability smells of one requirement or criterion: the words of each smell vocabulary found in the
 * text, with character offsets. Vocabularies are compiled once per config (see `vocabulary.ts` for the
 * entry syntax) and matched token by token, so the cost is linear in the text.
 */
import { DEFAULT_CONFIG, type CriteriaConfig } from './config';
import {
  AUXILIARIES,
  CLAUSE_OPENERS,
  clauseStarts,
  DETERMINERS,
  GRADABLE_ADJECTIVES,
  gradedWords,
  isVerbForm,
  MODALS,
  NUMBER_WORDS,
  PREPOSITIONS,
  sentences,
  tokenize,
  type Token,
} from './nlp';
import { valence } from './sentiment';
import { tag, type Pos } from './tagger';
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
  /** Whether evaluative words of the sentiment lexicon are subjective (entry `@sentiment`). */
  sentiment: boolean;
  /** Words removed from the subjective vocabulary by the config: never subjective from the lexicon. */
  notSubjective: Set<string>;
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
  let sentiment = false;
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
      if (entry === '@sentiment') {
        sentiment = true;
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
    sentiment,
    notSubjective: new Set(config.vocabulary.subjective.remove.map((w) => w.trim().toLowerCase())),
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

/**
 * The index after a bracketed reference at k ("shall (3.3.4.6) be", "shall [SRS255] provide"): a requirement
 * number or a citation, not part of the sentence; k itself when there is none.
 */
function skipReference(tokens: readonly Token[], k: number): number {
  const open = tokens[k]?.text;
  if (open !== '(' && open !== '[') return k;
  const close = open === '(' ? ')' : ']';
  for (let m = k + 1; m < Math.min(tokens.length, k + 6); m++) {
    const t = tokens[m] as Token;
    if (t.text === close) return m + 1;
    if (t.type === 'word' && !/\d/.test(t.text) && !/^\p{Lu}+$/u.test(t.text)) return k;
  }
  return k;
}

/** A demonstrative that refers forward: a colon closes its clause within a few words ("These are:"). */
function cataphoric(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const t = tokens[k] as Token;
    if (t.text === ':') return true;
    if (t.type === 'punct') return false;
  }
  return false;
}

/** "be" and the raising verbs of an extraposed subject ("it seems / proves / remains … to …"). */
const BE = new Set(['is', 'was', 'be', 'being', 'becomes', 'seems', 'appears', 'prove', 'proves', 'remains']);

/**
 * The expletive "it" of "it is necessary to …", "it shall be possible that …": a placeholder subject,
 * not a reference to anything.
 */
function expletiveIt(tokens: readonly Token[], i: number): boolean {
  let k = skipReference(tokens, i + 1);
  let words = 0;
  while (
    k < tokens.length &&
    words < 3 &&
    (MODALS.has((tokens[k] as Token).lower) || (tokens[k] as Token).lower === 'not')
  ) {
    k = skipReference(tokens, k + 1);
    words++;
  }
  if (!BE.has(tokens[k]?.lower ?? '')) return false;
  for (let m = k + 1; m < Math.min(tokens.length, k + 6); m++) {
    const t = tokens[m] as Token;
    // "It is assumed, that …": a comma before the extraposed clause
    if (t.text === ',' && tokens[m + 1]?.lower === 'that') continue;
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

/** Tags of words that can carry a judgement or a vague amount (not verbs, nouns or names). */
const MODIFIER_POS = new Set<Pos>(['ADJ', 'ADV', 'DET', 'NUM', 'PRON', 'X', 'INTJ', 'SCONJ', 'ADP', 'PART']);
/** Smells whose single words are adjectives, adverbs or quantifiers. */
const MODIFIER_SMELLS = new Set<SmellKind>(['subjective', 'ambiguous']);
/** Linking verbs: an adjective or adverb after them describes the subject. */
const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'remain',
  'remains',
  'stay',
  'stays',
  'become',
  'becomes',
  'seem',
  'seems',
]);
const NOUN_POS = new Set<Pos>(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Words after which "that" opens a content clause (a complementizer), not a pronoun: verbs, adjectives, "so". */
const COMPLEMENTIZER_HOSTS = new Set<Pos>(['VERB', 'ADJ', 'SCONJ', 'ADV']);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'that']);
const CONDITIONS = new Set([
  'if',
  'when',
  'whenever',
  'unless',
  'where',
  'wherever',
  'whether',
  'case',
  'once',
]);
/** Personal and demonstrative pronouns that refer back to a noun phrase. */
const REFERRING = new Set(['it', 'its', 'this', 'that', 'these', 'those', 'they', 'them', 'their']);
const POSSESSIVES = new Set(['its', 'their']);
const PLURAL_PRONOUNS = new Set(['these', 'those', 'they', 'them', 'their']);
/**
 * Singular "they": they/them/their refer to one person as well ("a guide … their profile"). A singular noun
 * naming a person or a role takes them: the agent suffixes of English (-er, -or, -ist, -ant, -ent, -ee) and
 * a few common person nouns.
 */
const SINGULAR_THEY = new Set(['they', 'them', 'their']);
const PERSON_NOUN =
  /(?:er|or|ist|ant|ent|ee)$|^(?:person|guide|member|admin|guest|staff|owner|host|child|individual|someone|somebody|anyone|everyone)$/;
/** Nouns used as singular and plural alike. */
const EITHER_NUMBER = new Set(['data', 'media', 'criteria', 'people', 'staff', 'personnel', 'information']);
const NEGATIVE_DETERMINERS = new Set(['no', 'none', 'nothing', 'nobody', 'no one', 'neither', 'nor']);
/** Words that introduce the value of a vague word right after it: "quickly (within 2 s)". */
const QUANTIFIER_LINKS = new Set([
  '(',
  ',',
  ':',
  '-',
  '–',
  '—',
  'within',
  'under',
  'below',
  'i.e',
  'ie',
  'namely',
]);
const LIMITS = new Set([
  'minimum',
  'maximum',
  'minimal',
  'maximal',
  'optimum',
  'highest',
  'lowest',
  'max',
  'min',
]);
const AS_POSSIBLE = new Set([
  'possible',
  'practicable',
  'practical',
  'feasible',
  'necessary',
  'needed',
  'required',
  'reasonable',
  'can',
  'appropriate',
]);
/** Verbs of the open-ended smell that are only open-ended as verbs ("supports" yes, "the support team" no). */
const OPEN_VERB_ENTRIES = /^(support|minimi[sz]e|maximi[sz]e|optimi[sz]e|improve|enhance|handle|manage)~$/;

/** The index of the sentence of each token (sentences of `nlp.sentences`). */
function sentenceIndex(text: string, tokens: readonly Token[]): number[] {
  const spans = sentences(text);
  const out = new Array<number>(tokens.length).fill(0);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (s < spans.length - 1 && t.start >= (spans[s] as { end: number }).end) s++;
    out[i] = s;
  }
  return out;
}

/** A number follows within a few words of token `i` in the same sentence, introduced as its value. */
function quantifiedAfter(
  tokens: readonly Token[],
  sentence: readonly number[],
  i: number,
  end: number,
): boolean {
  let linked = false;
  for (let k = end; k < Math.min(tokens.length, end + 8); k++) {
    const t = tokens[k] as Token;
    if (sentence[k] !== sentence[i]) return false;
    if (QUANTIFIER_LINKS.has(t.lower) || (t.lower === 'up' && tokens[k + 1]?.lower === 'to')) linked = true;
    else if (t.type === 'punct' && /^[;!?]$/.test(t.text)) return false;
    if (t.type === 'number' && linked) return true;
  }
  return false;
}

/** A number right next to a limit word: "maximum 10 users", "a minimum of 3", "5 at most". */
function hasValueNear(tokens: readonly Token[], i: number, end: number): boolean {
  for (let k = end; k < Math.min(tokens.length, end + 4); k++) {
    const t = tokens[k] as Token;
    if (isNumber(t)) return true;
    if (t.type === 'punct' && !/^[(:=]$/.test(t.text)) break;
  }
  const before = tokens[i - 1];
  return !!before && before.type === 'number';
}

/**
 * All smell words of a text, longest match first; a match inside a longer one is dropped; a word that
 * carries several smells is returned once per smell. Words in quotes, proper names (tagged PROPN, or
 * capitalised inside a clause: "shows Easy, Moderate and Hard", "the Best Western list") are names, not
 * claims. Parts of speech come from the tagger (`tagger.ts`).
 */
export function detectSmells(
  text: string,
  config: CriteriaConfig = DEFAULT_CONFIG,
  tokens: readonly Token[] = tokenize(text),
): SmellMatch[] {
  const lex = compileLexicon(config);
  const starts = clauseStarts(text, tokens);
  const quoted = quotedSpans(text);
  const { pos, lemma } = tag(text, tokens);
  const sentence = sentenceIndex(text, tokens);
  const capital = (i: number) => /^\p{Lu}\p{Ll}/u.test(tokens[i]?.text ?? '');
  const isName = (i: number): boolean => {
    const t = tokens[i] as Token;
    if (quoted.some((q) => q.start < t.start && t.end < q.end)) return true;
    if (!capital(i)) return false;
    // a capitalised term spelled out before its acronym ("Very High Frequency (VHF)", "Least Recently Used
    // (LRU)") is a name, wherever it starts
    let first = i;
    while (first > 0 && first > i - 6 && capital(first - 1)) first--;
    for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) {
      const w = tokens[k] as Token;
      if (w.text === '(') {
        const a = tokens[k + 1];
        const initial = tokens[first]?.text[0];
        if (a && /^\p{Lu}{2,}s?$/u.test(a.text) && tokens[k + 2]?.text === ')' && a.text[0] === initial)
          return true;
        break;
      }
      if (!capital(k) && !/^(?:of|and|for|the|to|in|-)$/.test(w.lower)) break;
    }
    // a run of capitalised proper nouns ("Best Western") is a name even at a clause start
    if (pos[i] === 'PROPN' && ((capital(i + 1) && pos[i + 1] === 'PROPN') || (!starts[i] && capital(i - 1))))
      return true;
    if (starts[i]) return false;
    const prev = tokens[i - 1];
    return !!prev && prev.type === 'word' && /^\p{Ll}/u.test(prev.text);
  };
  /** The token that opens the clause of token i. */
  const clauseOpener = (i: number): Token | undefined => {
    for (let k = i; k >= 0; k--) {
      if (sentence[k] !== sentence[i]) return undefined;
      if (starts[k]) {
        const t = tokens[k] as Token;
        return CLAUSE_OPENERS.has(tokens[k - 1]?.lower ?? '') ? tokens[k - 1] : t;
      }
    }
    return undefined;
  };
  /**
   * Whether the personal or demonstrative pronoun at i has a likely antecedent: the nearest noun before
   * it in the same sentence agrees with it in number ("the user … its name", "the files … them"). With no
   * noun before it in the sentence, the antecedent is in another sentence or nowhere; with a nearest noun
   * of the other number, it is not the nearest noun phrase: both are vague references (Berry et al.).
   * An object pronoun skips the nouns of its own clause (binding: "the admin deletes them" is not the admin).
   */
  const antecedentBefore = (i: number): boolean => {
    // singular they: a person or role named earlier in the sentence ("a guide … their profile")
    if (SINGULAR_THEY.has((tokens[i] as Token).lower))
      for (let k = i - 1; k >= 0 && sentence[k] === sentence[i]; k--) {
        const w = (tokens[k] as Token).lower;
        if (pos[k] === 'NOUN' && !/[^su']s$/.test(w) && PERSON_NOUN.test(w)) return true;
      }
    let from = i - 1;
    // an object pronoun never refers to the subject of its own clause ("the admin deletes them"); a
    // possessive may ("the TCS protects its links": binding Principle B concerns objects, not possessives)
    const possessive = POSSESSIVES.has((tokens[i] as Token).lower);
    if ((tokens[i] as Token).lower === 'them' || (pos[i - 1] === 'VERB' && !possessive))
      while (from > 0 && !starts[from + 1] && sentence[from] === sentence[i]) from--;
    for (let k = from; k >= 0 && sentence[k] === sentence[i]; k--) {
      if (pos[k] !== 'NOUN' && pos[k] !== 'PROPN') continue;
      const w = (tokens[k] as Token).lower;
      if (EITHER_NUMBER.has(w)) return true;
      // a plural noun, or the plural of an acronym ("FCRs", "AVs")
      const plural =
        (pos[k] === 'NOUN' && /[^su']s$/.test(w)) || /^\p{Lu}{2,}s$/u.test((tokens[k] as Token).text);
      const pronoun = (tokens[i] as Token).lower;
      if (!plural && SINGULAR_THEY.has(pronoun) && PERSON_NOUN.test(w)) return true;
      return plural === PLURAL_PRONOUNS.has(pronoun);
    }
    return false;
  };
  /**
   * An adverb of manner: it says how an action is done ("navigate easily", "integrates seamlessly"), the
   * action itself stays checkable. A judging adverb that grades an adjective ("aesthetically pleasing",
   * "nicely formatted" read as ADJ) is still subjective.
   */
  const mannerAdverb = (i: number): boolean =>
    pos[i] === 'ADV' &&
    pos[i + 1] !== 'ADJ' &&
    pos[i + 1] !== 'ADV' &&
    tokens[i + 1]?.lower !== 'to' &&
    // after a linking verb it is a predicate, not a manner ("the response is fast")
    !COPULAS.has(tokens[i - 1]?.lower ?? '');
  /** Whether the pattern match of `p` at tokens [i, end) is the smell here, in context. */
  const inContext = (p: Pattern, i: number, end: number): boolean => {
    const t = tokens[i] as Token;
    const single = end === i + 1;
    const next = tokens[end];
    const nextPos = pos[end];
    if (p.exception) return true;
    if (single && MODIFIER_SMELLS.has(p.smell) && !MODIFIER_POS.has(pos[i] as Pos)) return false;
    switch (p.smell) {
      case 'ambiguous':
        // "immediately after the save", "directly upon login": the next step after a named event, an order
        if (
          single &&
          /^(?:immediately|directly|instantly)$/.test(t.lower) &&
          /^(?:after|before|upon|on|following|when|once)$/.test(next?.lower ?? '')
        )
          return false;
        // "rather than", "too" meaning "also": degree words only before what they grade
        if ((t.lower === 'rather' || t.lower === 'too') && !(nextPos === 'ADJ' || nextPos === 'ADV'))
          return false;
        if (t.lower === 'long' && (tokens[i - 1]?.lower === 'as' || tokens[i - 1]?.lower === 'how'))
          return false;
        return !quantifiedAfter(tokens, sentence, i, end);
      case 'subjective':
        if (single && mannerAdverb(i)) return false;
        return !quantifiedAfter(tokens, sentence, i, end);
      case 'open-ended':
        if (single && OPEN_VERB_ENTRIES.test(p.entry) && pos[i] !== 'VERB') return false;
        if (single && LIMITS.has(t.lower) && hasValueNear(tokens, i, end)) return false;
        return true;
      case 'superlative':
        if (single && LIMITS.has(t.lower) && hasValueNear(tokens, i, end)) return false;
        return true;
      case 'comparative':
        return !hasReference(tokens, i, lex.comparativeReference);
      case 'negative': {
        if (!NEGATIVE_DETERMINERS.has(p.tokens.map((x) => (x.kind === 'word' ? x.value : '#')).join(' ')))
          return true;
        // "no" before a noun or a bound ("no user", "no more than 5") names an absence or a limit
        if (
          t.lower === 'no' &&
          single &&
          next &&
          next.type === 'word' &&
          nextPos !== 'VERB' &&
          nextPos !== 'AUX'
        )
          return false;
        // a condition: "if no file is selected", "when nothing matches"
        const opener = clauseOpener(i);
        return !(opener && CONDITIONS.has(opener.lower));
      }
      case 'vague-pronoun': {
        // "These are: …", "This includes: …": the demonstrative points forward to the list after the colon
        if (single && DEMONSTRATIVES.has(t.lower) && cataphoric(tokens, i)) return false;
        // "means that …", "it is appropriate that …", "so that …": a complementizer opening a clause
        if (single && t.lower === 'that' && COMPLEMENTIZER_HOSTS.has(pos[i - 1] as Pos)) return false;
        if (single && DEMONSTRATIVES.has(t.lower) && !pronounUse(tokens, i)) return false;
        if (t.text === 'IT' || (t.lower === 'it' && expletiveIt(tokens, i))) return false;
        // "the files that are …": a relative pronoun after its noun (below), not a demonstrative
        if (single && REFERRING.has(t.lower) && !(t.lower === 'that' && NOUN_POS.has(pos[i - 1] as Pos)))
          return !antecedentBefore(i);
        if (single && RELATIVES.has(t.lower)) {
          // a relative pronoun right after its noun ("the file, which …", "users who …", "in which")
          let k = i - 1;
          if (tokens[k]?.text === ',') k--;
          if (tokens[k] && PREPOSITIONS.has(tokens[k]?.lower ?? '')) k--;
          if (k >= 0 && NOUN_POS.has(pos[k] as Pos)) return false;
        }
        return true;
      }
      default:
        return true;
    }
  };
  const found: (SmellMatch & { exception: boolean; first: number })[] = [];
  const push = (smell: SmellKind, i: number, end: number, entry: string, exception = false) => {
    const t = tokens[i] as Token;
    const last = tokens[end - 1] as Token;
    found.push({
      smell,
      words: text.slice(t.start, last.end),
      start: t.start,
      end: last.end,
      entry,
      exception,
      first: i,
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'word' && isName(i)) continue;
    const candidates = lex.byFirst.get(t.lower);
    const list = isNumber(t) ? [...(candidates ?? []), ...lex.numberFirst] : (candidates ?? []);
    for (const p of list) {
      if (p.clauseStart && !starts[i]) continue;
      const end = matchAt(tokens, i, p);
      if (end < 0 || !inContext(p, i, end)) continue;
      push(p.smell, i, end, p.entry, p.exception);
    }
    if (t.type !== 'word') continue;
    // "as fast as possible", "as few clicks as needed": a superlative in disguise (INCOSE R33)
    if (t.lower === 'as' && lex.morphology.est) {
      for (let k = i + 2; k <= Math.min(tokens.length - 2, i + 4); k++) {
        if (tokens[k]?.lower !== 'as') continue;
        const head = pos[i + 1];
        if (
          (head === 'ADJ' || head === 'ADV' || head === 'DET') &&
          AS_POSSIBLE.has(tokens[k + 1]?.lower ?? '')
        )
          push('superlative', i, k + 2, 'as … as possible');
        break;
      }
    }
    const tg = pos[i] as Pos;
    if (tg !== 'ADJ' && tg !== 'ADV') continue;
    // an evaluative adjective or adverb of the sentiment lexicon ("a nice layout", "works smoothly")
    if (
      lex.sentiment &&
      !lex.notSubjective.has(t.lower) &&
      !lex.byFirst.has(t.lower) &&
      !/(?:ed|er|est)$/.test(t.lower) &&
      valence(t.lower) >= 2 &&
      !mannerAdverb(i) &&
      !quantifiedAfter(tokens, sentence, i, i + 1)
    )
      push('subjective', i, i + 1, '@sentiment');
    const graded = (suffix: RegExp, known: Set<string>) =>
      known.has(t.lower) || (suffix.test(t.lower) && lemma(i) !== t.lower && lemma(i).length >= 2);
    if (lex.morphology.est && graded(/(?:est)$/, lex.superlatives)) push('superlative', i, i + 1, '@est');
    if (
      lex.morphology.er &&
      graded(/(?:er)$/, lex.comparatives) &&
      !hasReference(tokens, i, lex.comparativeReference) &&
      !quantifiedAfter(tokens, sentence, i, i + 1)
    )
      push('comparative', i, i + 1, '@er');
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
  'uncertain-verb': {
    message: (w) => `"${w}" leaves open whether the behaviour is required at all.`,
    suggestion: () => 'Say what the product does ("shall", "does"), or drop the criterion if it is optional.',
  },
};
