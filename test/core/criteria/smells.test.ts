/**
 * Testability smells with the part-of-speech tagger: one test per error pattern seen on text the project
 * had never seen (issue 12), the uncertain-verb kind, every kind a word carries, and the speed of the tagger.
 */
import { checkIssue, CriteriaConfigSchema, DEFAULT_CONFIG, detectSmells } from '../../../src/core/criteria';
import { tokenize } from '../../../src/core/criteria/nlp';
import { tag } from '../../../src/core/criteria/tagger';
import type { SmellKind } from '../../../src/core/criteria/types';
import { describeTiming, timeAgainstReference } from '../../support/timing';

const found = (text: string, smell?: SmellKind) =>
  detectSmells(text)
    .filter((m) => smell === undefined || m.smell === smell)
    .map((m) => m.words);
const pairs = (text: string) => detectSmells(text).map((m) => [m.smell, m.words]);

describe('tagger', () => {
  it('tags our tokens with Universal POS tags, hyphenated words and contractions included', () => {
    const text = "The user-friendly page can't load faster than the best one.";
    const tokens = tokenize(text);
    const { pos, lemma } = tag(text, tokens);
    const at = (w: string) => pos[tokens.findIndex((t) => t.text === w)];
    expect(at('user-friendly')).toBe('ADJ');
    expect(at("can't")).toBe('AUX');
    expect(at('page')).toBe('NOUN');
    expect(at('faster')).toBe('ADV');
    expect(lemma(tokens.findIndex((t) => t.text === 'best'))).toBe('good');
    expect(tag('', [])).toMatchObject({ pos: [] });
  });
});

describe('error patterns from unseen text', () => {
  it('"rather than" is a choice, not a vague degree; "rather slow" is', () => {
    expect(found('Prefer the cached copy rather than the remote one.', 'ambiguous')).toEqual([]);
    expect(found('The import is rather slow.', 'ambiguous')).toEqual(['rather', 'slow']);
  });

  it('"one or more" is a count, not a comparison', () => {
    expect(found('One or more files can be attached.', 'comparative')).toEqual([]);
    expect(found('Two or more reviewers approve it.', 'comparative')).toEqual([]);
    expect(found('Attach more files.', 'comparative')).toEqual(['more']);
  });

  it('a superlative inside a proper name is a name', () => {
    expect(found('The list shows hotels of the Best Western chain.', 'superlative')).toEqual([]);
    expect(found('Best Western hotels are listed first.', 'superlative')).toEqual([]);
    expect(found('The list shows the best hotels.', 'superlative')).toEqual(['best']);
  });

  it('a relative pronoun right after its antecedent is not vague', () => {
    expect(found('The report lists the files which were changed.', 'vague-pronoun')).toEqual([]);
    expect(found('Users who own a board can archive it.', 'vague-pronoun')).toEqual([]);
    expect(found('The folder, in which the files are kept, is shared.', 'vague-pronoun')).toEqual([]);
    expect(found('The cart is saved. It shows the total.', 'vague-pronoun')).toEqual(['It']);
  });

  it('"at least" / "no more than" with a number is a bound', () => {
    const text = 'Passwords have at least 8 characters and no more than 64 characters.';
    expect(pairs(text)).toEqual([]);
    expect(found('Backups run at least once a day.', 'superlative')).toEqual([]);
    expect(found('The report shows at least the totals.', 'superlative')).toEqual(['least']);
  });

  it('a vague word already quantified right after it is not vague', () => {
    expect(found('The page responds quickly (within 2 seconds).', 'ambiguous')).toEqual([]);
    expect(found('The page responds quickly, i.e. within 2 seconds.', 'ambiguous')).toEqual([]);
    expect(found('The page responds quickly.', 'ambiguous')).toEqual(['quickly']);
  });

  it('"no" before a noun and "if no …" conditions are not negative statements', () => {
    expect(found('If no file is selected, the Save button is disabled.', 'negative')).toEqual([]);
    expect(found('The system shows no results for an empty query.', 'negative')).toEqual([]);
    expect(found('The service shall not lose data.', 'negative')).toEqual(['shall not']);
    expect(found('Nothing is deleted.', 'negative')).toEqual(['Nothing']);
  });

  it('"as <adjective> as possible" is a superlative without a list entry', () => {
    expect(found('Make the page load as fast as possible.', 'superlative')).toEqual(['as fast as possible']);
    expect(found('Keep the form as short as practicable.', 'superlative')).toEqual([
      'as short as practicable',
    ]);
  });

  it('minimum and maximum without a value are flagged; with one they are not', () => {
    expect(found('The dialog shows the maximum upload size.', 'superlative')).toEqual(['maximum']);
    expect(found('The dialog shows the maximum upload size.', 'open-ended')).toEqual(['maximum']);
    expect(pairs('Uploads have a maximum of 10 MB.')).toEqual([]);
    expect(pairs('Allow minimum 3 reviewers.')).toEqual([]);
  });

  it('implicit negatives (avoid, prevent, prohibit) are negative statements', () => {
    expect(
      found('The system shall avoid duplicate entries and prevent double bookings.', 'negative'),
    ).toEqual(['avoid', 'prevent']);
    expect(found('Sharing is prohibited.', 'negative')).toEqual(['prohibited']);
  });

  it('a word that is both subjective and ambiguous is reported under both kinds', () => {
    const smells = detectSmells('The search is efficient.').filter((m) => m.words === 'efficient');
    expect(smells.map((m) => m.smell).sort()).toEqual(['ambiguous', 'subjective']);
    const issue = checkIssue({ description: '## Acceptance criteria\n- The search is efficient' });
    const finding = issue.findings.find((f) => f.words === 'efficient');
    expect(finding).toMatchObject({ kind: 'subjective', detail: 'also: ambiguous' });
  });

  it('judgements of speed, sufficiency and normality are subjective as well as ambiguous (round 4)', () => {
    for (const [text, word] of [
      ['The response is fast.', 'fast'],
      ['The buffer is sufficient.', 'sufficient'],
      ['Under normal load the page opens.', 'normal'],
    ])
      expect(
        detectSmells(text as string)
          .filter((m) => m.words === word)
          .map((m) => m.smell)
          .filter((k) => k === 'subjective' || k === 'ambiguous')
          .sort(),
      ).toEqual(['ambiguous', 'subjective']);
    // a value right after the word still makes it measurable
    expect(found('The response is fast (within 200 ms).', 'subjective')).toEqual([]);
  });
});

describe('parts of speech keep verbs and nouns out of adjective smells', () => {
  it('"clean" the verb, "support" the noun, "light" the noun are not smells', () => {
    expect(found('Clean the cache after an import.', 'subjective')).toEqual([]);
    expect(found('The layout is clean.', 'subjective')).toEqual(['clean']);
    expect(found('The support team gets an email.', 'open-ended')).toEqual([]);
    expect(found('The app supports dark mode.', 'open-ended')).toEqual(['supports']);
  });

  it('comparatives and superlatives come from the tagger and morphology, not from a list', () => {
    expect(pairs('Show a shinier, cheaper icon and the safest route.')).toEqual([
      ['comparative', 'shinier'],
      ['comparative', 'cheaper'],
      ['superlative', 'safest'],
    ]);
    expect(found('The user, the order number and the other tester', 'comparative')).toEqual([]);
  });
});

describe('generalisation to unseen requirements (issue 12, round 2)', () => {
  it('an evaluative adjective or adverb of the sentiment lexicon is subjective without a list entry', () => {
    expect(found('The dashboard gives a wonderful overview.', 'subjective')).toEqual(['wonderful']);
    expect(found('The editor is wonderfully fast.', 'subjective')).toEqual(['wonderfully']);
    expect(found('This is a glorious screen.', 'subjective')).toEqual(['glorious']);
    // nouns and verbs with a valence are not judgements; nor are states, participles and graded forms
    expect(found('The support team gets an email.', 'subjective')).toEqual([]);
    expect(found('A failed job is retried on a secure, free connection.', 'subjective')).toEqual([]);
    expect(found('Add a clear label.', 'subjective')).toEqual([]);
    // a word of another smell stays with its own kind
    expect(found('Coverage is appropriate.', 'subjective')).toEqual([]);
  });

  it('an adverb of manner says how an action is done, not whether it is good (round 3)', () => {
    expect(found('The editor works wonderfully.', 'subjective')).toEqual([]);
    expect(found('Users can easily navigate the help topics.', 'subjective')).toEqual([]);
    expect(found('The tool integrates seamlessly with Git.', 'subjective')).toEqual([]);
    // an adverb grading an adjective is a judgement; so is the adjective
    expect(found('The page is aesthetically pleasing.', 'subjective')).toEqual(['aesthetically', 'pleasing']);
    expect(found('The editor is easy to use.', 'subjective')).toEqual(['easy to use']);
    // the criterion still claims a quality with no number: not measurable, and it blocks
    const issue = checkIssue({
      description:
        '## Acceptance criteria\n- The export runs smoothly\n- The app integrates seamlessly with Slack',
    });
    expect(issue.findings.filter((f) => f.kind === 'not-measurable').map((f) => f.words)).toEqual([
      'smoothly',
      'seamlessly',
    ]);
    expect(issue.verdict.ready).toBe(false);
  });

  it('adjectives of priority (important, essential) say how much a requirement matters, not a quality', () => {
    expect(found('It is important that every error is logged.', 'subjective')).toEqual([]);
    expect(found('Audit logs are an essential feature.', 'subjective')).toEqual([]);
    expect(found('The screen is a useful overview.', 'subjective')).toEqual(['useful']);
  });

  it('what a part withstands or keeps is a property, not a judgement: fault tolerant, intact (round 3)', () => {
    expect(found('The system shall be two fault tolerant.', 'subjective')).toEqual([]);
    expect(found('Keep the stored data intact.', 'subjective')).toEqual([]);
  });

  it('the lexicon follows the config: "@sentiment" can be removed, and so can one of its words', () => {
    const off = CriteriaConfigSchema.parse({ vocabulary: { subjective: { remove: ['@sentiment'] } } });
    const oneWord = CriteriaConfigSchema.parse({ vocabulary: { subjective: { remove: ['Wonderful'] } } });
    const text = 'The dashboard gives a wonderful overview.';
    expect(detectSmells(text, off)).toEqual([]);
    expect(detectSmells(text, oneWord)).toEqual([]);
  });

  it('ambiguous: the vague terms of ISO/IEC/IEEE 29148 and INCOSE R7, not modals or plain determiners', () => {
    expect(found('Coverage is adequate under normal load.', 'ambiguous')).toEqual(['adequate', 'normal']);
    expect(found('Use minimal memory and a reasonable timeout.', 'ambiguous')).toEqual([
      'minimal',
      'reasonable',
    ]);
    expect(found('Other users with a different, standard or certain role may see it.', 'ambiguous')).toEqual(
      [],
    );
  });

  it('a pronoun is vague when its antecedent is in another sentence or is not the nearest noun', () => {
    expect(found('Each user is identified by its name.', 'vague-pronoun')).toEqual([]);
    expect(found('The files are kept until the admin deletes them.', 'vague-pronoun')).toEqual([]);
    expect(found('The users save the file so that they can reopen it.', 'vague-pronoun')).toEqual(['they']);
    expect(found('The admin sees the logs, and this must be fast.', 'vague-pronoun')).toEqual(['this']);
    expect(found('The cart is saved. Its total is shown.', 'vague-pronoun')).toEqual(['Its']);
    expect(found('The reports that are saved are listed.', 'vague-pronoun')).toEqual([]);
  });

  it('complementizer "that", forward-pointing demonstratives and bracketed references are not vague (round 3)', () => {
    // "that" opening a content clause after a verb or adjective is not a pronoun
    expect(found('Remote observing means that users can observe from home.', 'vague-pronoun')).toEqual([]);
    expect(found('It is appropriate that changes are logged.', 'vague-pronoun')).toEqual([]);
    // "These are:" points to the list that follows
    expect(found('There are general constraints. These are: cost and weight.', 'vague-pronoun')).toEqual([]);
    expect(found('There are general constraints. These are stored.', 'vague-pronoun')).toEqual(['These']);
    // a requirement number between the modal and "be" leaves the expletive "it" expletive
    expect(found('It shall (3.3.4.6) be possible to reassign a task.', 'vague-pronoun')).toEqual([]);
    expect(found('It shall [SRS255] be possible to reassign a task.', 'vague-pronoun')).toEqual([]);
    expect(found('It is assumed, that the store keeps the data.', 'vague-pronoun')).toEqual([]);
  });

  it('a possessive may refer to its own subject; an acronym with -s is plural (round 3)', () => {
    expect(found('The TCS shall be designed to protect its data links.', 'vague-pronoun')).toEqual([]);
    expect(found('The TCS shall protect their data links.', 'vague-pronoun')).toEqual(['their']);
    expect(
      found('All healthy FCRs shall be incorporated as they become available.', 'vague-pronoun'),
    ).toEqual([]);
  });

  it('"immediately after <event>" is an order of steps; "immediately" alone is a vague time (round 3)', () => {
    expect(found('The draft is saved immediately after each edit.', 'ambiguous')).toEqual([]);
    expect(found('The draft is saved immediately.', 'ambiguous')).toEqual(['immediately']);
  });

  it('a capitalised term spelled out before its acronym is a name (round 3)', () => {
    expect(found('The radio supports Very High Frequency (VHF) bands.', 'ambiguous')).toEqual([]);
    expect(found('The page is very slow (VHF).', 'ambiguous')).toEqual(['very', 'slow']);
  });

  it('reads singular they: a person or a role takes they, them and their', () => {
    expect(
      found('Selecting a guide opens their profile with their upcoming tours.', 'vague-pronoun'),
    ).toEqual([]);
    expect(found('When a customer pays, they get a receipt.', 'vague-pronoun')).toEqual([]);
    // a thing does not: "the file … their" still has no antecedent
    expect(found('The file is uploaded with their metadata.', 'vague-pronoun')).toEqual(['their']);
  });
});

describe('uncertain-verb', () => {
  it('flags may, might, could, be able to, capable of as their own kind, not as ambiguous', () => {
    expect(pairs('The user may be able to export the list.')).toEqual([
      ['uncertain-verb', 'may'],
      ['uncertain-verb', 'able to'],
    ]);
    expect(found('The job might fail and could retry.', 'uncertain-verb')).toEqual(['might', 'could']);
    expect(found('The user may be able to export the list.', 'ambiguous')).toEqual([]);
    expect(found('The user may not delete the list.', 'uncertain-verb')).toEqual([]);
  });

  it('has a default severity (info) and a vocabulary like every smell', () => {
    expect(DEFAULT_CONFIG.severity['uncertain-verb']).toBe('info');
    const off = CriteriaConfigSchema.parse({ severity: { 'uncertain-verb': 'off' } });
    expect(off.severity['uncertain-verb']).toBe('off');
    const edited = CriteriaConfigSchema.parse({ vocabulary: { 'uncertain-verb': { add: ['hopefully'] } } });
    expect(found('It hopefully works.', 'uncertain-verb')).toEqual([]);
    expect(
      detectSmells('It hopefully works.', edited)
        .filter((m) => m.smell === 'uncertain-verb')
        .map((m) => m.words),
    ).toEqual(['hopefully']);
  });
});

describe('speed', () => {
  it('tags and checks a 10 KB criterion text in a small fraction of the reference workload', () => {
    const sentence =
      'The system shall respond faster than the old one and show the best results, which are stored. ';
    let text = '';
    while (text.length < 10_000) text += sentence;
    detectSmells(text); // loads the model once
    const t = timeAgainstReference(() => detectSmells(text), 15, 5);
    console.log(describeTiming(`smells of a ${text.length} character text`, t));
    // the reference (sorting 100,000 numbers) takes about 5–10 ms on a quiet machine
    expect(t.ratio).toBeLessThan(0.8);
  });
});
