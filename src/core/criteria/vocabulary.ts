/**
 * Default vocabularies of the testability smells: general English words and phrases that make a
 * requirement hard to verify. They are written from the requirements-engineering literature, not from the
 * annotations of any evaluation file:
 * - ISO/IEC/IEEE 29148:2018, 5.2.7 "requirements language criteria": superlatives, subjective language,
 *   vague pronouns, ambiguous adverbs and adjectives, open-ended non-verifiable terms, comparative phrases,
 *   loopholes, negative statements;
 * - D. M. Berry, E. Kamsties, M. M. Krieger, "From contract drafting to software specification: linguistic
 *   sources of ambiguity" (the ambiguity handbook, 2003): vague quantifiers, degree and frequency adverbs,
 *   "all/each/any" scope, pronoun reference, "and/or";
 * - H. Femmer et al., "Rapid quality assurance with Requirements Smells" (Smella, JSS 2017): subjective
 *   language, ambiguous adverbs and adjectives, loopholes, open-ended terms, superlatives, comparatives,
 *   negative words, vague pronouns, uncertain (weak) verbs;
 * - INCOSE Guide for Writing Requirements (R7 vague terms, R8 escape clauses, R9 open-ended clauses,
 *   R16 "not", R26 superlatives, R33 "as … as possible");
 * - general English evaluative (sentiment-bearing) adjectives and adverbs of quality judgement, and the
 *   AFINN-165 valence list (F. Å. Nielsen, 2011) for the ones not listed here (`@sentiment`).
 *
 * Single words of the adjective/adverb smells (subjective, ambiguous) match only where the tagger reads an
 * adjective, adverb, determiner or number ("clear the cache" is a verb, "high" in "High Street" a name); the
 * comparative and superlative forms come from the tagger and the morphology (`@er`, `@est`), not from lists.
 *
 * Entry syntax (also for the per-project `vocabulary.<smell>.add` lists):
 * - words separated by spaces match consecutive tokens, case-insensitively (`if possible`);
 * - `word~` also matches the inflections `-s`, `-es`, `-d`, `-ed`, `-ing` (`support~`);
 * - `#` matches any number, in digits or words (`at least #`);
 * - `^entry` matches only at the start of a clause (`^it`);
 * - `!entry` is an exception: a match of this smell inside the exception's words is dropped
 *   (`!as well as` keeps "well" from matching there).
 * - `@er` / `@est`: comparative / superlative adjectives and adverbs found by the tagger and morphology.
 * - `@sentiment` (subjective): adjectives and adverbs with a positive valence (≥ 2) in the AFINN-165 sentiment
 *   lexicon (`sentiment.ts`); removing a word from `subjective` removes it from the lexicon too.
 */
import { phrases as list } from './nlp';
import type { SmellKind } from './types';

export const DEFAULT_VOCABULARY: Record<SmellKind, readonly string[]> = {
  // 29148 "subjective language" (user friendly, easy to use, cost effective), Femmer's subjective
  // language, and general evaluative adjectives/adverbs: a judgement of quality, ease, look or feel.
  // Judgements of speed (fast, quick, rapid, slow), sufficiency (sufficient, adequate) and normality
  // (normal, typical, average) depend on the reader as much as on a quantity: they carry both kinds.
  subjective: list(`
    @sentiment, user-friendly, user friendly, friendly, easy, easily, easy to use, easy-to-use, simple, simply, intuitive, intuitively, nice, nicely, good, bad, poor, poorly, great,
    excellent, outstanding, superior, inferior, beautiful, beautifully, attractive, elegant, elegantly,
    pleasant, pleasing, ugly, clean, cleanly, neat, seamless, seamlessly, smooth, smoothly, convenient,
    conveniently, inconvenient, comfortable, uncomfortable, modern, powerful, flexible, flexibly, robust,
    efficient, efficiently, inefficient, effective, effectively, ineffective, cost-effective,
    cost effective, straightforward, state-of-the-art, cutting-edge, high-quality, high quality,
    low-quality, professional, sleek, polished, helpful, useful, useless, understandable, readable,
    awesome, perfect, perfectly, satisfying, satisfactory, unsatisfactory, engaging, enjoyable, appealing,
    obvious, obviously, lightweight, well-designed, well designed, well-defined, well defined,
    well-structured, well-documented, well-organized, well-organised, user-centric, fun, cool, annoying,
    confusing, cumbersome, tedious, awkward, complicated, pretty, graceful, gracefully, user
    experience, look and feel, look-and-feel, ergonomic, aesthetic, aesthetically, visually appealing,
    with ease, hassle-free, painless, effortless, effortlessly,
    fast, quick, rapid, slow, sufficient, adequate, normal, typical, average,
  `),
  // 29148 "ambiguous adverbs and adjectives", Berry's vague quantifiers and degree/frequency/time words,
  // INCOSE R7 vague terms (efficient, effective, flexible are also judgements: both kinds): words with no
  // agreed value. Not modal verbs (`uncertain-verb`), not plain
  // determiners ("other", "different", "certain", "standard").
  ambiguous: list(`
    fast, quick, quickly, slow, slowly, rapid, rapidly, soon, promptly, timely, in a timely manner,
    instantly, instantaneously, immediately, responsive, large, small, big, huge, tiny, enormous, several,
    some, many, few, a few, various, numerous, much, a lot, lots of, plenty of, countless, significant,
    significantly, substantial, substantially, considerable, considerably, sizeable, sizable, massive,
    a little, a bit, approximately, approx, roughly, about #, around #, nearly, almost, virtually,
    normally, usually, generally, typically, often, frequently, sometimes, occasionally, rarely, seldom,
    regularly, periodically, commonly, mostly, mainly, largely, partially, partly, relatively, fairly,
    quite, rather, very, extremely, highly, too, slightly, somewhat, moderately, reasonably well,
    to some extent, to a certain extent, in most cases, in some cases, as a rule, shortly,
    efficient, efficiently, effective, effectively, flexible, adequate, adequately, sufficient,
    sufficiently, minimal, normal, typical, reasonable, reasonably, approximate, almost always,
  `),
  // 29148/INCOSE R8 escape clauses: the requirement applies only when someone decides it does.
  loophole: list(`
    if possible, where possible, whenever possible, when possible, as far as possible, as much as possible,
    to the extent possible, to the extent practical, to the extent practicable, if practical,
    if practicable, where practicable, where practical, as appropriate, where appropriate,
    if appropriate, when appropriate, as applicable, where applicable, if applicable, when applicable,
    as required, if required, where required, when required, as needed, if needed, where needed,
    when needed, as necessary, if necessary, where necessary, when necessary, to the extent necessary,
    if feasible, where feasible, as feasible, optionally, preferably, preferred, ideally, if desired,
    as desired, at the discretion of, unless otherwise, aim to, aims to, strive to, endeavour to,
    endeavor to, where relevant, if relevant, as relevant, if available, when available, where available,
    as available, in principle, if any, as possible, if so desired, at its discretion,
  `),
  // 29148 "open-ended, non-verifiable terms" (provide support, but not limited to, as a minimum), INCOSE
  // R9 open-ended clauses and Femmer's open-ended terms: lists left open, goals without an end point.
  'open-ended': list(`
    etc, et cetera, and so on, and so forth, and the like, or similar, and similar, and more, among others,
    amongst others, including but not limited to, but not limited to, not limited to, and/or, support~,
    provide support, as a minimum, at a minimum, at minimum, minimise~, minimize~, maximise~, maximize~,
    optimise~, optimize~, optimal, optimally, optimum, improve~, enhance~, any other, or other,
    and other, all relevant, all necessary, all other, every possible, all possible, and others, or others,
    whatever, whichever, anything, everything, such as, e.g, for example, for instance, including,
    and any, or any, at least the following, as well as possible, to name a few, where relevant,
    minimum, maximum, minimal, maximal, sufficient, sufficiently, adequate, adequately, satisfactory,
    appropriate, appropriately, acceptable, suitable, as needed, capable of handling, handle~,
    manage~, deal with, take care of, take into account, take into consideration, allow for,
  `),
  // 29148/INCOSE R26 superlatives; the `-est` forms come from the tagger (`@est`). "As fast as
  // possible" (INCOSE R33) is a superlative in disguise. A bound ("at least 8") is not.
  superlative: list(`
    @est, most, least, best, worst, fewest, utmost, optimum, optimal, maximum, minimum, highest, lowest,
    !at least #, !at most #, !at least every #, !at least once, !at least twice,
    !at least a #, !at least an #, !at most a #, !at most an #, !at most once, !most recent,
  `),
  // 29148 comparative phrases; the `-er` forms come from the tagger (`@er`). A bound with a number is
  // not flagged by default (`comparativeReference`).
  comparative: list(`
    @er, more, less, fewer, better, worse, greater, lesser, !more or less, !no more than #,
    !one or more, !two or more, !# or more, !# or fewer, !# or less, !more than one, !no less than #,
    !not more than #, !not less than #, !no fewer than #, !not fewer than #, !once more, !any more,
    !no longer, !rather than, !more and more,
  `),
  // 29148/INCOSE R16 negative statements and Femmer's negative words; implicit negatives (avoid,
  // prevent, prohibit) say what must not happen as much as "not" does. "no" before a noun and
  // conditions ("if no …") are handled in code.
  negative: list(`
    not, no, never, none, nothing, nobody, no one, nowhere, neither, nor, cannot, can't, don't, doesn't,
    didn't, won't, isn't, aren't, wasn't, weren't, shouldn't, mustn't, couldn't, wouldn't, haven't,
    hasn't, avoid~, prevent~, prohibit~, forbid, forbids, forbidden, preclude~, disallow~, refrain from,
    must not, shall not, may not, under no circumstances, at no time, in no case, !not only,
    !no longer, !if not, !whether or not, !or not,
  `),
  // 29148 vague pronouns and Berry's pronoun reference: personal and demonstrative pronouns opening a
  // clause, indefinite pronouns, and quantifiers used as pronouns ("one of", "any of": which one?). A
  // relative pronoun right after its noun ("the file, which …") is not vague (handled in code).
  'vague-pronoun': list(`
    it, its, this, that, these, those, they, them, their, someone, somebody, something, anyone, anybody,
    everyone, everybody, whoever, whatever, whichever, who, whom, whose, what, anything, everything,
    another, one of, any of, some of, either of, all of, each of, none of, the former,
    the latter, the above, the aforementioned,
  `),
  // Femmer's uncertain verbs / Smella "weak verbs", 29148's "may" (permission, not a requirement) and the
  // hedges of Berry's handbook: whether the behaviour is required at all is left open.
  'uncertain-verb': list(`
    may, might, could, able to, capable of, possibly, probably, perhaps, maybe, likely, unlikely,
    !may not,
  `),
};
