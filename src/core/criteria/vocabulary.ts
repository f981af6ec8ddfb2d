/**
 * Default vocabularies of the testability smells: general English words and phrases that make a
 * requirement hard to verify, after ISO/IEC/IEEE 29148 (5.2.7, "requirements language criteria") and the
 * INCOSE Guide for Writing Requirements (vague terms, escape clauses, open-ended clauses, absolutes).
 *
 * Entry syntax (also for the per-project `vocabulary.<smell>.add` lists):
 * - words separated by spaces match consecutive tokens, case-insensitively (`if possible`);
 * - `word~` also matches the inflections `-s`, `-es`, `-d`, `-ed`, `-ing` (`support~`);
 * - `#` matches any number, in digits or words (`at least #`);
 * - `^entry` matches only at the start of a clause (`^it`);
 * - `!entry` is an exception: a match of this smell inside the exception's words is dropped
 *   (`!as well as` keeps "well" from matching there).
 * Comparatives and superlatives also come from the regular `-er`/`-est` forms of common adjectives.
 */
import { phrases as list } from './nlp';
import type { SmellKind } from './types';

export const DEFAULT_VOCABULARY: Record<SmellKind, readonly string[]> = {
  subjective: list(`
    user-friendly, user friendly, friendly, easy, easily, easy to use, easy-to-use, simple, simply,
    intuitive, intuitively, nice, nicely, good, beautiful, beautifully, attractive, elegant, pleasant,
    pleasing, clean, cleanly, seamless, seamlessly, smooth, smoothly, convenient, conveniently, comfortable,
    modern, powerful, flexible, robust, efficient, efficiently, effective, effectively, cost-effective,
    cost effective, straightforward, state-of-the-art, cutting-edge, high-quality, high quality,
    professional, sleek, polished, helpful, useful, meaningful, understandable, readable, natural,
    naturally, excellent, awesome, perfect, perfectly, satisfying, engaging, enjoyable, appealing, obvious,
    obviously, lightweight, well-designed, well designed, well-defined, well defined, well-structured,
    well-documented, user-centric, elegantly, fun, cool, better user experience, sufficient, sufficiently,
  `),
  ambiguous: list(`
    fast, quick, quickly, slow, slowly, rapid, rapidly, soon, promptly, timely, in a timely manner,
    in real time, instantly, instantaneously, immediately, responsive, large, small, big, huge, tiny,
    enormous, high, low, long, brief, several, some, many, few, a few, various, numerous, much, a lot,
    lots of, plenty, countless, significant, significantly, substantial, substantially, considerable,
    considerably, minimal, maximal, sizeable, sizable, massive, little, a little, a bit, approximately,
    approx, roughly, about #, around #, nearly, almost, almost always, virtually, normally, usually,
    generally, typically, often, frequently, sometimes, occasionally, rarely, seldom, regularly,
    periodically, commonly, mostly, mainly, largely, partially, partly, reasonably, relatively, fairly,
    quite, rather, very, extremely, highly, too, sufficiently, adequately, appropriately, properly,
    suitably, appropriate, adequate, reasonable, suitable, sufficient, necessary, normal, typical, certain,
    specific, relevant, similar, other, others, different, standard, common, general, special, particular,
    related, additional, various, multiple, acceptable, proper, correct, correctly, valid, real-time,
    near real-time, may, might, could, be able to, capable of, possible, possibly, probably, likely,
  `),
  loophole: list(`
    if possible, where possible, whenever possible, when possible, as far as possible, as much as possible,
    as little as possible, as soon as possible, to the extent possible, to the extent practical,
    to the extent practicable, if practical, if practicable, where practicable, where practical,
    as appropriate, where appropriate, if appropriate, when appropriate, as applicable, where applicable,
    if applicable, when applicable, as required, if required, where required, when required, as needed,
    if needed, where needed, when needed, as necessary, if necessary, where necessary, when necessary,
    to the extent necessary, if feasible, where feasible, as feasible, optionally, preferably, preferred,
    ideally, if desired, as desired, at the discretion of, unless otherwise, aim to, aims to, strive to,
    endeavour to, endeavor to, where relevant, if relevant, as relevant, if available, when available,
    where available, as available, in principle,
  `),
  'open-ended': list(`
    etc, et cetera, and so on, and so forth, and the like, or similar, and similar, and more, among others,
    amongst others, such as, including but not limited to, but not limited to, not limited to, e.g,
    for example, for instance, and/or, support~, provide support, as a minimum, at a minimum, at minimum,
    minimise~, minimize~, maximise~, maximize~, optimise~, optimize~, optimal, optimally, improve~,
    enhance~, any other, or other, and other, all relevant, all necessary, all other, as well as possible,
    every possible, all possible, and others, or others, whatever, whichever, anything, everything,
    appropriate, appropriately, adequate, adequately, acceptable, suitable, suitably, proper, properly,
    satisfactory, sufficient, sufficiently,
  `),
  superlative: list(`
    @est, most, least, best, worst, fewest, utmost, optimum, !at least #, !at most #,
  `),
  comparative: list(`
    @er, more, less, fewer, better, worse, greater, lesser, !more or less, !no more than #,
  `),
  negative: list(`
    not, no, never, none, nothing, nobody, no one, nowhere, neither, nor, cannot, can't, don't, doesn't,
    didn't, won't, isn't, aren't, wasn't, weren't, shouldn't, mustn't, couldn't, wouldn't, haven't, hasn't,
    !not only, !no longer,
  `),
  // Pronouns whose referent the reader must guess: personal and demonstrative ones opening a clause,
  // indefinite pronouns, and quantifiers used as pronouns ("one of", "any of": which one?).
  'vague-pronoun': list(`
    ^it, ^this, ^that, ^these, ^those, ^they, ^them, someone, somebody, something, anyone, anybody,
    everyone, everybody, whoever, whatever, whichever, who, whom, whose, what, anything, everything,
    another, one of, any of, some of, either of, all of, each of, none of,
  `),
};
