import fc from 'fast-check';
import {
  checkCriteria,
  checkIssue,
  CriteriaConfigSchema,
  DEFAULT_CONFIG,
  detectSmells,
  FINDING_KINDS,
  qualityScore,
  readConfig,
  type Criterion,
  type CriteriaConfigInput,
  type Finding,
  type FindingKind,
} from '../../../src/core/criteria';
import { doc, h, p, task, tasks, ul } from './adf-builders';

const criterion = (text: string, extra: Partial<Criterion> = {}): Criterion => ({
  text,
  kind: 'bullet',
  depth: 0,
  source: { format: 'text', line: 0, start: 0, end: text.length },
  origin: 'description',
  ...extra,
});

const gwt = (...lines: string[]): Criterion => {
  let text = '';
  const steps = lines.map((l) => {
    if (text !== '') text += '\n';
    const step = {
      keyword: (/^\w+/.exec(l)?.[0].toLowerCase() ?? 'given') as 'given',
      text: l,
      start: text.length,
    };
    text += l;
    return step;
  });
  return criterion(text, { kind: 'gwt', steps });
};

const findingsOf = (text: string | Criterion, config = DEFAULT_CONFIG) =>
  checkCriteria([typeof text === 'string' ? criterion(text) : text], config);
const kindsOf = (text: string | Criterion, config = DEFAULT_CONFIG) =>
  findingsOf(text, config).map((f) => f.kind);
const wordsOf = (text: string, kind: FindingKind) =>
  findingsOf(text)
    .filter((f) => f.kind === kind)
    .map((f) => f.words);

describe('testability smells', () => {
  it.each<[FindingKind, string, string[], string]>([
    [
      'subjective',
      'The settings page is user-friendly and intuitive',
      ['user-friendly', 'intuitive'],
      'The settings page has 4 tabs',
    ],
    [
      'ambiguous',
      'Search results appear quickly for several keywords',
      ['quickly', 'several'],
      'Search results appear within 2 s for 3 keywords',
    ],
    [
      'loophole',
      'Send a reminder if possible, where applicable by SMS',
      ['if possible', 'where applicable'],
      'Send a reminder 24 hours before the due date',
    ],
    ['open-ended', 'Export to CSV, JSON, etc.', ['etc'], 'Export to CSV and JSON'],
    [
      'superlative',
      'Show the fastest route and the best match first',
      ['fastest', 'best'],
      'Passwords have at least 8 characters',
    ],
    [
      'comparative',
      'The new page loads faster and shows more results',
      ['faster', 'more'],
      'The new page loads in less than 2 s',
    ],
    [
      'negative',
      "The user cannot delete a locked item and doesn't see a delete button",
      ['cannot', "doesn't"],
      'Only the owner can delete a locked item',
    ],
    [
      'vague-pronoun',
      'The cart is saved. It shows the total',
      ['It'],
      'The cart is saved. The cart shows the total',
    ],
    [
      'vague-pronoun',
      'An email goes to one of the approvers',
      ['one of'],
      'An email goes to every approver of the request',
    ],
  ])('%s: flags "%s", not "%s"', (kind, positive, words, negative) => {
    expect(wordsOf(positive, kind)).toEqual(words);
    expect(kindsOf(negative)).not.toContain(kind);
  });

  it('offsets point at the flagged words in the criterion text', () => {
    const text = 'When saved, the dialog closes quickly and shows a nice message';
    for (const f of findingsOf(text).filter((x) => x.words !== undefined))
      expect(text.slice(f.start as number, f.end as number)).toBe(f.words);
    const quickly = findingsOf(text).find((f) => f.words === 'quickly');
    expect(quickly).toMatchObject({
      kind: 'ambiguous',
      criterion: 0,
      start: text.indexOf('quickly'),
      end: text.indexOf('quickly') + 7,
    });
  });

  it('does not flag "at least <number>", "more or less", the expletive "it is … to", names and quoted labels', () => {
    expect(wordsOf('Passwords have at least 8 characters', 'superlative')).toEqual([]);
    expect(wordsOf('It is possible to export the list', 'vague-pronoun')).toEqual([]);
    expect(wordsOf('The filter offers Easy, Moderate and Hard', 'subjective')).toEqual([]);
    expect(wordsOf('The button says "Quick save"', 'ambiguous')).toEqual([]);
    expect(wordsOf('Costs are no more than 5 euros', 'comparative')).toEqual([]);
  });

  it('comparatives: a numeric bound is not flagged by default; the reference rule is configurable', () => {
    const text = 'Loads faster than the old page and shows more than 5 rows';
    expect(wordsOf(text, 'comparative')).toEqual(['faster']);
    const any = CriteriaConfigSchema.parse({ comparativeReference: 'any' });
    expect(findingsOf(text, any).filter((f) => f.kind === 'comparative')).toEqual([]);
    const none = CriteriaConfigSchema.parse({ comparativeReference: 'none' });
    expect(
      findingsOf(text, none)
        .filter((f) => f.kind === 'comparative')
        .map((f) => f.words),
    ).toEqual(['faster', 'more']);
  });

  it('matches inflections of `word~` entries and multi-word phrases', () => {
    expect(wordsOf('The app supports dark mode', 'open-ended')).toEqual(['supports']);
    expect(wordsOf('Include all fields, and so on', 'open-ended')).toEqual(['and so on']);
  });

  it('reports a word flagged by several smells once, naming the others', () => {
    const f = findingsOf('The search is efficient').filter((x) => x.words === 'efficient' && x.detail);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'subjective', detail: 'also: ambiguous' });
  });

  it('uses general -er/-est morphology for comparatives and superlatives', () => {
    expect(detectSmells('a bigger, cheaper, easiest and safest way').map((m) => [m.smell, m.words])).toEqual([
      ['comparative', 'bigger'],
      ['comparative', 'cheaper'],
      ['superlative', 'easiest'],
      ['superlative', 'safest'],
    ]);
    expect(
      detectSmells('the user, the order number, the latest test request').filter(
        (m) => m.smell === 'comparative',
      ),
    ).toEqual([]);
  });
});

describe('structure', () => {
  it('gwt-incomplete: a missing Then, a missing Given, steps out of order; a complete scenario passes', () => {
    const noThen = findingsOf(gwt('Given a cart', 'When I pay')).filter((f) => f.kind === 'gwt-incomplete');
    expect(noThen.map((f) => f.detail)).toEqual(['missing-then']);
    expect(noThen[0]?.severity).toBe('error');
    const noGiven = findingsOf(gwt('When I pay', 'Then I get a receipt')).find(
      (f) => f.detail === 'missing-given',
    );
    expect(noGiven?.severity).toBe('warning');
    const order = findingsOf(gwt('Given a cart', 'Then I get a receipt', 'When I pay')).filter(
      (f) => f.kind === 'gwt-incomplete',
    );
    expect(order[0]).toMatchObject({ detail: 'out-of-order', words: 'When I pay' });
    expect(
      kindsOf(
        gwt('Given a cart with 2 items', 'When I pay', 'Then I get a receipt', 'And the cart is empty'),
      ),
    ).not.toContain('gwt-incomplete');
    const relaxed = CriteriaConfigSchema.parse({ gwt: { requireGiven: false } });
    expect(kindsOf(gwt('When I pay', 'Then I get a receipt'), relaxed)).not.toContain('gwt-incomplete');
  });

  it('not-atomic: two actions, two clauses, two sentences, two Whens; nouns joined by "and" are fine', () => {
    expect(
      findingsOf('The user can save the draft and export the report').find((f) => f.kind === 'not-atomic'),
    ).toMatchObject({
      words: 'and',
      detail: 'verbs',
    });
    expect(
      findingsOf('The total is shown and the user can pay').find((f) => f.kind === 'not-atomic')?.detail,
    ).toBe('clauses');
    expect(
      findingsOf('The total is shown. The user can pay by card.').find((f) => f.kind === 'not-atomic'),
    ).toMatchObject({
      detail: 'sentences',
      words: 'The user can pay by card.',
    });
    expect(
      findingsOf(gwt('Given a cart', 'When I pay', 'When I cancel', 'Then I see the cart')).find(
        (f) => f.kind === 'not-atomic',
      )?.detail,
    ).toBe('several-when');
    expect(kindsOf('The form asks for name and email')).not.toContain('not-atomic');
    expect(kindsOf('Prices between 5 and 10 euros are shown')).not.toContain('not-atomic');
  });

  it('not-measurable: a quality claim without a number', () => {
    expect(findingsOf('Search is fast').find((f) => f.kind === 'not-measurable')?.words).toBe('fast');
    expect(kindsOf('Search is reliable under load')).toContain('not-measurable');
    expect(kindsOf('Search answers within 200 ms for 95% of queries')).not.toContain('not-measurable');
    expect(kindsOf('Search returns matching tours')).not.toContain('not-measurable');
  });

  it('duplicate: the same or nearly the same criterion twice', () => {
    const f = checkCriteria([
      criterion('The user can reset the password by email'),
      criterion('The user can pick a theme'),
      criterion('The user can reset the password by email.'),
      criterion('the user can reset their password by email'),
    ]).filter((x) => x.kind === 'duplicate');
    expect(f.map((x) => [x.criterion, x.detail])).toEqual([
      [2, 'of:0'],
      [3, 'of:0'],
    ]);
    expect(
      checkCriteria([criterion('Admins can delete boards'), criterion('Viewers can read boards')]).map(
        (x) => x.kind,
      ),
    ).not.toContain('duplicate');
  });
});

describe('per issue', () => {
  const withCriteria = (...items: string[]) => doc(h(2, 'Acceptance criteria'), ul(...items));

  it('missing-criteria is an error: not ready, and nothing to check scores 30', () => {
    const r = checkIssue({ description: doc(p('Make the login faster.')) });
    expect(r.findings.map((f) => f.kind)).toEqual(['missing-criteria']);
    expect(r.verdict).toMatchObject({ ready: false, blocking: r.findings });
    expect(r.verdict.reasons).toContain('No acceptance criteria.');
    expect(r.score).toBe(30);
    expect(checkIssue({ description: doc(h(2, 'AC')) }).findings[0]?.message).toMatch(/empty/);
  });

  it('too-few and too-many criteria, with configurable bounds', () => {
    expect(checkIssue({ description: withCriteria('Shows 3 tabs') }).findings.map((f) => f.kind)).toContain(
      'too-few-criteria',
    );
    const many = withCriteria(...Array.from({ length: 13 }, (_, i) => `Rule ${i} holds for item ${i}`));
    expect(checkIssue({ description: many }).findings.map((f) => f.kind)).toContain('too-many-criteria');
    const loose = CriteriaConfigSchema.parse({ bounds: { min: 1, max: 20 } });
    const kinds = checkIssue({ description: many }, loose).findings.map((f) => f.kind);
    expect(kinds).not.toContain('too-many-criteria');
    expect(checkIssue({ description: withCriteria('Shows 3 tabs') }, loose).findings).toEqual([]);
  });

  it('a clean issue is ready with score 100', () => {
    const r = checkIssue({
      summary: 'As a hiker, I want to filter tours by difficulty, so that I find tours I can walk',
      description: withCriteria(
        'The filter offers 3 levels',
        'Choosing a level shows only tours of that level',
      ),
      issueType: 'Story',
    });
    expect(r.findings).toEqual([]);
    expect(r.verdict.ready).toBe(true);
    expect(r.score).toBe(100);
    expect(r.story).toMatchObject({
      origin: 'summary',
      role: { text: 'hiker' },
      goal: { text: 'filter tours by difficulty' },
    });
  });

  it('counts task progress', () => {
    const r = checkIssue({
      description: doc(
        h(2, 'AC'),
        tasks(task('CSV export works', 'DONE'), task('PDF export works'), task('Print works', 'DONE')),
      ),
    });
    expect(r.progress).toEqual({ done: 2, total: 3 });
  });

  it('prefers the configured criteria field when it has criteria', () => {
    const r = checkIssue({
      description: withCriteria('From the description A', 'From the description B'),
      criteriaField: '- Field rule one\n- Field rule two',
    });
    expect(r.criteria.map((c) => [c.text, c.origin])).toEqual([
      ['Field rule one', 'field'],
      ['Field rule two', 'field'],
    ]);
    const empty = checkIssue({
      description: withCriteria('From the description A', 'From the description B'),
      criteriaField: null,
    });
    expect(empty.criteria.map((c) => c.origin)).toEqual(['description', 'description']);
  });
});

describe('verdict, score and config', () => {
  const desc = doc(h(2, 'AC'), ul('The page has a nice layout', 'The page loads in 2 s'));

  it('readiness follows the configured severities; "off" removes a rule', () => {
    const base = checkIssue({ description: desc });
    expect(base.findings.map((f) => f.kind)).toEqual(['subjective']);
    // subjective criteria block by default
    expect(base.verdict.ready).toBe(false);
    expect(base.verdict.blocking.map((f) => f.words)).toEqual(['nice']);
    const lenient = checkIssue(
      { description: desc },
      CriteriaConfigSchema.parse({ severity: { subjective: 'warning' } }),
    );
    expect(lenient.verdict).toEqual({ ready: true, blocking: [], reasons: [] });
    expect(lenient.score).toBe(95);
    const off = checkIssue(
      { description: desc },
      CriteriaConfigSchema.parse({ severity: { subjective: 'off' } }),
    );
    expect(off.findings).toEqual([]);
  });

  it('vocabularies can be extended and trimmed per project', () => {
    const config = CriteriaConfigSchema.parse({
      vocabulary: {
        subjective: { add: ['snappy'], remove: ['user-friendly'] },
        ambiguous: { add: ['a handful of'] },
      },
    });
    const kinds = (t: string) => findingsOf(t, config).map((f) => [f.kind, f.words]);
    expect(kinds('The page is user-friendly')).toEqual([['not-measurable', 'user-friendly']]);
    expect(kinds('The page is snappy')).toContainEqual(['subjective', 'snappy']);
    expect(kinds('Show a handful of tips')).toContainEqual(['ambiguous', 'a handful of']);
  });

  it('the score is 100 minus capped, weighted penalties, and never rises when a finding is added', () => {
    const f = (kind: FindingKind, severity: Finding['severity']): Finding => ({
      kind,
      severity,
      message: '',
      suggestion: '',
    });
    expect(qualityScore([])).toBe(100);
    expect(qualityScore([f('subjective', 'warning'), f('negative', 'info')])).toBe(94);
    expect(qualityScore(Array.from({ length: 20 }, () => f('ambiguous', 'warning')))).toBe(70);
    expect(qualityScore(FINDING_KINDS.map((k) => f(k, 'error')))).toBe(0);
    const arbFinding = fc.record({
      kind: fc.constantFrom(...FINDING_KINDS),
      severity: fc.constantFrom<Finding['severity']>('error', 'warning', 'info'),
    });
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 30 }), arbFinding, (list, extra) => {
        const a = qualityScore(list.map((x) => f(x.kind, x.severity)));
        const b = qualityScore([...list, extra].map((x) => f(x.kind, x.severity)));
        return b <= a && b >= 0 && a <= 100;
      }),
    );
  });

  it('the config schema has defaults, validates, and reports problems', () => {
    const d = CriteriaConfigSchema.parse({});
    expect(d.bounds).toEqual({ min: 2, max: 12 });
    expect(d.severity['missing-criteria']).toBe('error');
    expect(d.vocabulary.loophole).toEqual({ add: [], remove: [] });
    const input: CriteriaConfigInput = { bounds: { min: 5, max: 3 } };
    const bad = readConfig(input);
    expect(bad.config).toEqual(DEFAULT_CONFIG);
    expect(bad.problems.join()).toMatch(/bounds/);
    expect(readConfig({ severity: { subjective: 'fatal' } }).problems).toHaveLength(1);
    expect(readConfig(undefined).problems).toEqual([]);
    expect(CriteriaConfigSchema.parse(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });
});
