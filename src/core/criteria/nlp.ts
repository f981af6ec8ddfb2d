/**
 * Small, general English text tools for the criteria checks: tokens with character offsets, sentence
 * and clause boundaries, and the regular comparative/superlative morphology of gradable adjectives.
 * No dictionaries of sentences, no tagger: closed word classes and a list of common base forms.
 */

/** A word list written as white-space separated words. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** A phrase list written as comma-separated entries (entries never contain commas). */
export function phrases(text: string): string[] {
  return text
    .split(',')
    .map((e) => e.replace(/\s+/g, ' ').trim())
    .filter((e) => e !== '');
}

export interface Token {
  /** The text as written. */
  text: string;
  /** Lower case, typographic apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  type: 'word' | 'number' | 'punct';
}

const TOKEN =
  /(\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:-\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*)*)|(\p{N}+(?:[.,]\p{N}+)*)|([^\s\p{L}\p{N}])/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const t = m[0];
    out.push({
      text: t,
      lower: t.includes('’') ? t.toLowerCase().replace(/’/g, "'") : t.toLowerCase(),
      start: m.index,
      end: m.index + t.length,
      type: m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'punct',
    });
  }
  return out;
}

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  words(`
    e.g eg i.e ie etc vs cf mr mrs ms dr prof st no nos fig approx incl resp min max sec ca esp al viz ref
    vol jr sr inc
`),
);

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentence spans: a sentence ends at `.`, `!` or `?` followed by white space and an upper-case letter,
 * a digit or a quote (not after a known abbreviation or a single letter), or at a blank line.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && text[i + 1] === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["')\]]/.test(text[j] ?? '')) j++;
    if (j < text.length && !/\s/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k] ?? '')) k++;
    if (k < text.length && !/[\p{Lu}\p{N}"'“‘(]/u.test(text[k] ?? '')) continue;
    if (c === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (before.length === 1 || ABBREVIATIONS.has(before) || ABBREVIATIONS.has(before.replace(/\./g, '')))
        continue;
    }
    push(j);
    start = j;
  }
  push(text.length);
  return out;
}

/** Words that open a new clause when they follow a comma or start a sentence. */
export const CLAUSE_OPENERS = new Set(
  words(`
    and or but so then because if when whenever while where unless until after before once since although
    though otherwise however therefore thus also hence
`),
);

/**
 * For each token, whether it starts a clause: first token of a sentence, after `;`, `:`, `,`, `(`,
 * a dash, a line break, or a clause opener (`and`, `but`, `if`, `when`, ...), possibly followed by a comma.
 */
export function clauseStarts(text: string, tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  const sentenceStarts = new Set(sentences(text).map((s) => s.start));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'word') continue;
    if (i === 0 || sentenceStarts.has(t.start)) {
      out[i] = true;
      continue;
    }
    const prev = tokens[i - 1] as Token;
    const gap = text.slice(prev.end, t.start);
    if (gap.includes('\n')) out[i] = true;
    else if (prev.type === 'punct' && /^[;:,(—–-]$/.test(prev.text)) out[i] = true;
    else if (prev.type === 'word' && CLAUSE_OPENERS.has(prev.lower)) out[i] = true;
  }
  return out;
}

/** Common gradable English adjectives (base forms) that take `-er`/`-est`. */
export const GRADABLE_ADJECTIVES = words(`
    big bright broad busy cheap clean clear close cold cool costly crisp dark deep dense dirty dry dull
    early easy fair fast fat few fine firm flat free fresh friendly full funny great hard happy healthy
    heavy high hot huge keen kind large lazy light likely long loose loud low lucky mild narrow near neat
    new nice noisy old plain poor pretty proud pure quick quiet rapid rare rich rough safe sharp short
    simple slim slow small smart smooth soft soon sound steep strict strong sure tall thick thin tight tiny
    tough true ugly vast warm weak wealthy wide wise young accurate lean handy tidy speedy hungry costly
    lengthy shallow silly steady sturdy subtle tricky wordy
`);

const IRREGULAR_COMPARATIVES = words(`
    better worse more less fewer lesser
`);
const IRREGULAR_SUPERLATIVES = words(`
    best worst most least fewest farthest furthest utmost uttermost foremost
`);

/** The `-er` and `-est` forms of a base adjective by the regular spelling rules. */
export function gradeForms(base: string): { comparative: string; superlative: string } {
  const b = base.toLowerCase();
  if (/[^aeiou]y$/.test(b)) {
    const stem = b.slice(0, -1);
    return { comparative: `${stem}ier`, superlative: `${stem}iest` };
  }
  if (b.endsWith('e')) return { comparative: `${b}r`, superlative: `${b}st` };
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(b)) {
    const last = b.slice(-1);
    return { comparative: `${b}${last}er`, superlative: `${b}${last}est` };
  }
  return { comparative: `${b}er`, superlative: `${b}est` };
}

export interface GradedWords {
  comparatives: Set<string>;
  superlatives: Set<string>;
}

export function gradedWords(bases: readonly string[] = GRADABLE_ADJECTIVES): GradedWords {
  const comparatives = new Set(IRREGULAR_COMPARATIVES);
  const superlatives = new Set(IRREGULAR_SUPERLATIVES);
  for (const base of bases) {
    const f = gradeForms(base);
    comparatives.add(f.comparative);
    superlatives.add(f.superlative);
  }
  return { comparatives, superlatives };
}

/** Modal and auxiliary verbs. */
export const MODALS = new Set(
  words(`
    shall should must will would can could may might need needs
`),
);
export const AUXILIARIES = new Set(
  words(`
    is are was were be been being am has have had does do did isn't aren't wasn't doesn't don't didn't can't
    won't shouldn't mustn't cannot hasn't haven't
`),
);

export const DETERMINERS = new Set(
  words(`
    a an the this that these those my your his her its our their each every all any some no another other
    both either neither such
`),
);

export const PREPOSITIONS = new Set(
  words(`
    of in on at to for from with by about into onto over under between through across via per within without
    against among after before during upon as
`),
);

export const SUBJECT_PRONOUNS = new Set(
  words(`
    i we you he she it they
`),
);

/**
 * Common English verbs (base form), used to recognise coordinated actions ("save and export").
 * Many double as nouns; callers combine this with the words around.
 */
export const VERBS = new Set(
  words(`accept access achieve acknowledge act activate adapt add adjust administer adopt advise aggregate alert
  allocate allow alter analyse analyze annotate answer append apply approve archive arrange ask assess assign
  assist associate attach attempt audit authenticate authorise authorize automate avoid back balance ban become begin
  block book break browse build buy calculate call cancel capture categorise categorize change charge chat check
  choose classify clean clear click clone close collaborate collapse collect combine comment communicate
  compare compile complete compose compute configure confirm connect consider consume contact contain
  continue contribute control convert copy correct count create crop customise customize cut deactivate
  debug decide decline decrease decrypt define delete deliver deny deploy describe deselect design detect
  determine develop disable discard disconnect discover display distribute do document donate download
  drag draw drive drop duplicate edit email embed enable encourage encrypt end enforce engage enhance enroll
  enrol ensure enter establish estimate evaluate examine exchange exclude execute exit expand expect explain
  explore export expose extend extract fail fetch fill filter find finish fix flag focus follow forecast
  format forward gather generate get give go grant group guide handle have help hide highlight hire hold
  identify ignore implement import improve include increase index inform initiate input insert inspect
  install integrate interact invite invoke join keep know label launch learn leave limit link list load
  locate lock log login logout look maintain make manage map mark match measure merge migrate minimise
  minimize mitigate model modify monitor move navigate need notify obtain offer open operate optimise
  optimize order organise organize override own parse participate paste pause pay perform persist pick pin
  place plan play populate post predict prefer prepare present preserve prevent preview print prioritise
  prioritize process produce promote prompt protect provide publish pull purchase purge push put query
  queue rank rate reach read receive recognise recognize recommend reconcile record recover redirect reduce
  refresh register reject release reload remember remind remove rename render reopen reorder repeat replace
  reply report request require reschedule reset resize resolve respond restart restore restrict resume
  retrieve retry return reuse review revoke roll rotate run save scale scan schedule score scroll search
  see select sell send separate serve set share show sign simulate skip sort specify split start stay stop
  store stream submit subscribe suggest summarise summarize supply support suspend switch sync synchronise
  synchronize tag take test track trade train transfer transform translate trigger try turn undo uninstall
  unlock unsubscribe update upgrade upload use validate verify view visualise visualize vote wait want
  warn watch withdraw work wrap write zoom`),
);

/** True for a word that is a verb of the list, or its `-s`/`-es`/`-ed`/`-ing` form. */
export function isVerbForm(lower: string): boolean {
  if (VERBS.has(lower)) return true;
  const candidates = [
    lower.replace(/s$/, ''),
    lower.replace(/es$/, ''),
    lower.replace(/ies$/, 'y'),
    lower.replace(/ed$/, ''),
    lower.replace(/d$/, ''),
    lower.replace(/ied$/, 'y'),
    lower.replace(/ing$/, ''),
    lower.replace(/ing$/, 'e'),
    lower.replace(/([^aeiou])\1(ed|ing)$/, '$1'),
  ];
  return candidates.some((c) => c !== lower && VERBS.has(c));
}

/** Numbers written as words (for measurability). */
export const NUMBER_WORDS = new Set(
  words(`
    zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    sixty hundred thousand million half once twice dozen
`),
);

/** Text normalised for comparing criteria: lower case, letters and digits only, single spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
