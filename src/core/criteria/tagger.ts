/**
 * Part-of-speech tags for the criteria checks, from winkNLP and its English light model (MIT, plain
 * JavaScript, no downloads at run time; docs/adr/0007-nlp-library.md). Only the tagger runs (pipe
 * `['pos']`): sentences and clauses come from `nlp.ts`. Tags are Universal Dependencies POS tags (ADJ, ADV,
 * NOUN, PROPN, VERB, AUX, DET, PRON, ADP, CCONJ, SCONJ, PART, NUM, PUNCT, ...), aligned to the tokens of
 * `nlp.tokenize`. Deterministic: the same text always gets the same tags.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from './nlp';

export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

type Wink = ReturnType<typeof winkNLP>;
let engine: Wink | undefined;
/** The tagger, loaded on first use (about 0.3 s once per process). */
function wink(): Wink {
  engine ??= winkNLP(model, ['pos']);
  return engine;
}

export interface Tagged {
  /** The POS tag of each `nlp.tokenize` token (the tag of its head part for hyphenated words). */
  pos: Pos[];
  /** The lemma of token i ("faster" → "fast", "best" → "good"), computed on demand. */
  lemma: (i: number) => string;
}

/**
 * Tags `tokens` (from `nlp.tokenize(text)`). winkNLP splits some of our tokens ("user-friendly" → user, -,
 * friendly; "can't" → ca, n't): a token gets the tag of its last word part, except contractions, which keep
 * the first ("can't" → AUX).
 */
export function tag(text: string, tokens: readonly Token[]): Tagged {
  const pos = new Array<Pos>(tokens.length).fill('X');
  if (tokens.length === 0) return { pos, lemma: () => '' };
  const nlp = wink();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(nlp.its.precedingSpaces);
  const tags = doc.tokens().out(nlp.its.pos) as string[];
  const wStart: number[] = [];
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as string;
    at += (spaces[k] as string).length;
    // wink normally reproduces the text; if it did not, find the token from where we are
    if (text.startsWith(v, at)) wStart.push(at);
    else {
      const found = text.indexOf(v, at);
      at = found < 0 ? at : found;
      wStart.push(at);
    }
    at += v.length;
  }
  let k = 0;
  const owner: number[] = new Array<number>(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (k < values.length && (wStart[k] as number) + (values[k] as string).length <= t.start) k++;
    let chosen = -1;
    for (let m = k; m < values.length && (wStart[m] as number) < t.end; m++) {
      const tg = tags[m] as Pos;
      if (tg === 'PUNCT') continue;
      if (chosen >= 0 && tg === 'PART' && /^n['’]t$/i.test(values[m] as string)) continue;
      chosen = m;
    }
    if (chosen >= 0) {
      pos[i] = tags[chosen] as Pos;
      owner[i] = chosen;
    } else if (k < values.length) pos[i] = tags[k] as Pos;
  }
  const lemmas = new Map<number, string>();
  const lemma = (i: number): string => {
    const m = owner[i] ?? -1;
    if (m < 0) return tokens[i]?.lower ?? '';
    let l = lemmas.get(m);
    if (l === undefined) {
      l = String(
        doc
          .tokens()
          .itemAt(m)
          .out(nlp.its.lemma as never),
      ).toLowerCase();
      lemmas.set(m, l);
    }
    return l;
  };
  return { pos, lemma };
}
