import { CriteriaConfigSchema, findCriteria, type Criterion } from '../../../src/core/criteria';
import { isCriteriaTitle } from '../../../src/core/criteria/blocks';
import { restoreLineBreaks } from '../../../src/core/criteria/text';
import { bold, doc, expand, h, li, lines, ol, p, panel, table, task, tasks, ul } from './adf-builders';

const texts = (cs: readonly Criterion[]) => cs.map((c) => c.text);

describe('section titles', () => {
  it.each([
    'Acceptance criteria',
    'Acceptance Criteria:',
    'ACCEPTANCE CRITERIA',
    'AC',
    'AC:',
    'A/C:',
    'Acceptance',
    'Definition of done',
    'Definition of Done:',
    '✅ Acceptance criteria',
    '**Acceptance criteria**',
    'Product Acceptance Criteria',
    '1. Acceptance criteria',
  ])('"%s" opens a criteria section', (t) => expect(isCriteriaTitle(t)).toBe(true));

  it.each([
    'Notes',
    'Acceptance of the terms was late',
    'See the AC',
    'Background',
    'ACME',
    'Access control',
  ])('"%s" does not', (t) => expect(isCriteriaTitle(t)).toBe(false));

  it('accepts project titles from the config', () => {
    const config = CriteriaConfigSchema.parse({ headings: ['Akzeptanzkriterien'] });
    const found = findCriteria(doc(h(2, 'Akzeptanzkriterien'), ul('Eins geht', 'Zwei geht')), config);
    expect(texts(found.criteria)).toEqual(['Eins geht', 'Zwei geht']);
  });
});

describe('ADF descriptions', () => {
  it('reads the bullet list under an "Acceptance criteria" heading, up to the next heading of that level', () => {
    const d = doc(
      p('As a hiker, I want to filter tours so that I find one I can walk.'),
      h(2, 'Acceptance criteria'),
      ul('Tours can be filtered by difficulty', 'The filter is kept when I come back'),
      h(3, 'Edge cases'),
      ul('No tours match: an empty state is shown'),
      h(2, 'Notes'),
      ul('Not a criterion'),
    );
    const found = findCriteria(d);
    expect(found.section).toBe(true);
    expect(found.format).toBe('adf');
    expect(texts(found.criteria)).toEqual([
      'Tours can be filtered by difficulty',
      'The filter is kept when I come back',
      'No tours match: an empty state is shown',
    ]);
    expect(found.criteria.every((c) => c.kind === 'bullet' && c.depth === 0)).toBe(true);
    expect(found.criteria[0]?.source).toEqual({ format: 'adf', path: [2, 0], paths: [[2, 0]] });
    expect(found.criteria[2]?.source).toMatchObject({ path: [4, 0] });
    expect(found.preamble.join(' ')).toContain('As a hiker');
  });

  it('reads a section under a bold-only paragraph, up to the next bold-only paragraph', () => {
    const d = doc(
      bold('Acceptance Criteria:'),
      ol('Prices show in the member currency', 'Totals round to 2 decimals'),
      p('Each order line shows its tax'),
      bold('Out of scope'),
      ul('Refunds'),
    );
    const found = findCriteria(d);
    expect(texts(found.criteria)).toEqual([
      'Prices show in the member currency',
      'Totals round to 2 decimals',
      'Each order line shows its tax',
    ]);
    expect(found.criteria.map((c) => c.kind)).toEqual(['bullet', 'bullet', 'paragraph']);
  });

  it('finds titles with emoji, "AC" and "Definition of done"', () => {
    expect(
      texts(findCriteria(doc(h(3, '✅ Acceptance criteria'), ul('A works', 'B works'))).criteria),
    ).toEqual(['A works', 'B works']);
    expect(texts(findCriteria(doc(bold('AC'), ul('A works'))).criteria)).toEqual(['A works']);
    expect(texts(findCriteria(doc(h(2, 'Definition of done'), ul('Code reviewed'))).criteria)).toEqual([
      'Code reviewed',
    ]);
    expect(texts(findCriteria(doc(p('Acceptance criteria:'), ul('Plain title works'))).criteria)).toEqual([
      'Plain title works',
    ]);
  });

  it('reads a title and its criteria in one paragraph ("Acceptance criteria: …" with hard breaks)', () => {
    const d = doc(
      p('Context first.'),
      lines('Acceptance criteria: totals are shown', 'discounts are applied'),
    );
    expect(texts(findCriteria(d).criteria)).toEqual(['totals are shown', 'discounts are applied']);
  });

  it('keeps task states and counts them', () => {
    const d = doc(h(2, 'Acceptance criteria'), tasks(task('Export to CSV', 'DONE'), task('Export to PDF')));
    const found = findCriteria(d);
    expect(found.criteria.map((c) => [c.kind, c.text, c.state])).toEqual([
      ['task', 'Export to CSV', 'DONE'],
      ['task', 'Export to PDF', 'TODO'],
    ]);
  });

  it('makes nested lists sub-criteria with a parent, or joins them into the parent when configured', () => {
    const d = doc(
      h(2, 'Acceptance criteria'),
      ul(li('The report lists', ul('open issues', 'closed issues')), 'The report can be printed'),
    );
    const sub = findCriteria(d).criteria;
    expect(sub.map((c) => [c.text, c.depth, c.parent])).toEqual([
      ['The report lists', 0, undefined],
      ['open issues', 1, 0],
      ['closed issues', 1, 0],
      ['The report can be printed', 0, undefined],
    ]);
    expect(sub[1]?.source).toMatchObject({ path: [1, 0, 1, 0] });
    const joined = findCriteria(d, CriteriaConfigSchema.parse({ nestedLists: 'join' })).criteria;
    expect(texts(joined)).toEqual([
      'The report lists; open issues; closed issues',
      'The report can be printed',
    ]);
  });

  it('reads nested task lists as sub-criteria', () => {
    const nestedTasks = {
      type: 'taskList',
      attrs: { localId: 'a' },
      content: [
        task('Parent'),
        { type: 'taskList', attrs: { localId: 'b' }, content: [task('Child', 'DONE')] },
      ],
    };
    const found = findCriteria(doc(h(2, 'AC'), nestedTasks));
    expect(found.criteria.map((c) => [c.text, c.depth, c.parent, c.state])).toEqual([
      ['Parent', 0, undefined, 'TODO'],
      ['Child', 1, 0, 'DONE'],
    ]);
  });

  it('groups Given/When/Then paragraphs into scenarios; "Scenario:" and a new Given start the next one', () => {
    const d = doc(
      h(2, 'Acceptance criteria'),
      p('Scenario: search by name'),
      p('Given a catalogue of 3 tours'),
      p('When I search "lake"'),
      p('Then I see 1 tour'),
      p('And the search term stays in the box'),
      p('Given no tours'),
      p('When I search "lake"'),
      p('Then I see "No tours found"'),
    );
    const found = findCriteria(d);
    expect(found.criteria).toHaveLength(2);
    const [a, b] = found.criteria as [Criterion, Criterion];
    expect(a.kind).toBe('gwt');
    expect(a.title).toBe('search by name');
    expect(a.steps?.map((s) => s.keyword)).toEqual(['given', 'when', 'then', 'and']);
    expect(a.text.split('\n')).toHaveLength(4);
    expect(a.steps?.[2]).toEqual({
      keyword: 'then',
      text: 'Then I see 1 tour',
      start: a.text.indexOf('Then'),
    });
    expect(a.source).toMatchObject({ format: 'adf', path: [2], paths: [[2], [3], [4], [5]] });
    expect(b.steps?.map((s) => s.keyword)).toEqual(['given', 'when', 'then']);
  });

  it('reads Given/When/Then lines split by hard breaks, and inline "Given …, when …, then …"', () => {
    const d = doc(
      h(2, 'AC'),
      lines('Given I am signed in', 'When I open my profile', 'Then I see my name'),
      p('Given an empty cart, when I check out, then I am asked to add an item'),
    );
    const found = findCriteria(d);
    expect(found.criteria.map((c) => c.steps?.map((s) => s.keyword))).toEqual([
      ['given', 'when', 'then'],
      ['given', 'when', 'then'],
    ]);
    expect(found.criteria[1]?.steps?.[1]?.text).toBe('when I check out');
  });

  it('keeps a "When …" sentence that no Then follows as a plain criterion', () => {
    const found = findCriteria(
      doc(h(2, 'AC'), ul('When the upload fails, an error is shown', 'Files up to 10 MB')),
    );
    expect(found.criteria.map((c) => c.kind)).toEqual(['bullet', 'bullet']);
  });

  it('reads a table with Given | When | Then columns, one scenario per row', () => {
    const d = doc(
      h(2, 'Acceptance criteria'),
      table(
        ['Given', 'When', 'Then'],
        ['a cart with 2 items', 'I remove one', 'the cart shows 1 item'],
        ['an empty cart', 'I check out', ''],
      ),
    );
    const found = findCriteria(d);
    expect(found.criteria.map((c) => [c.kind, c.text])).toEqual([
      ['table-row', 'Given a cart with 2 items\nWhen I remove one\nThen the cart shows 1 item'],
      ['table-row', 'Given an empty cart\nWhen I check out'],
    ]);
    expect(found.criteria[0]?.source).toMatchObject({ path: [1, 1] });
  });

  it('reads other tables row by row', () => {
    const d = doc(
      h(2, 'AC'),
      table(['Field', 'Rule'], ['Email', 'must contain @'], ['Name', 'max 40 characters']),
    );
    expect(texts(findCriteria(d).criteria)).toEqual(['Email | must contain @', 'Name | max 40 characters']);
  });

  it('finds criteria under headings inside panels and expands, and titled expands', () => {
    const inPanel = doc(
      p('Intro'),
      panel(h(3, 'Acceptance criteria'), ul('Inside the panel')),
      ul('After the panel'),
    );
    expect(texts(findCriteria(inPanel).criteria)).toEqual(['Inside the panel']);
    const titled = doc(expand('Acceptance criteria', ul('In the expand', 'Also here')), p('Outside'));
    expect(texts(findCriteria(titled).criteria)).toEqual(['In the expand', 'Also here']);
    const panelInSection = doc(
      h(2, 'Acceptance criteria'),
      panel(ul('In a panel in the section')),
      p('Below'),
    );
    expect(texts(findCriteria(panelInSection).criteria)).toEqual(['In a panel in the section', 'Below']);
  });

  it('reads Markdown-like lines typed into a paragraph', () => {
    const d = doc(h(2, 'AC'), lines('1. First rule holds', '2. Second rule holds'));
    expect(texts(findCriteria(d).criteria)).toEqual(['1. First rule holds', '2. Second rule holds']);
  });

  it('has no criteria without a section, and all of a dedicated field', () => {
    const d = doc(p('Fix the login page.'), ul('Step one'));
    expect(findCriteria(d).criteria).toEqual([]);
    expect(findCriteria(d).section).toBe(false);
    const field = findCriteria(doc(ul('Login works with SSO', 'Login works with a password')), undefined, {
      whole: true,
    });
    expect(field.criteria.map((c) => [c.text, c.origin])).toEqual([
      ['Login works with SSO', 'field'],
      ['Login works with a password', 'field'],
    ]);
  });
});

describe('wiki markup', () => {
  const wiki = [
    'h2. Story',
    'As a coach, I want to see my team so that I can plan.',
    'h3. Acceptance Criteria',
    '* The roster lists every player',
    '** with their position',
    '# Players can be sorted by name',
    '||Given||When||Then||',
    '|a roster of 11|I sort by name|Abe comes first|',
    'h3. Notes',
    '* not a criterion',
  ].join('\n');

  it('reads h3. sections, * and # items (nested by marker length) and ||Given||When||Then|| tables', () => {
    const found = findCriteria(wiki);
    expect(found.format).toBe('wiki');
    expect(found.criteria.map((c) => [c.kind, c.text, c.depth])).toEqual([
      ['bullet', 'The roster lists every player', 0],
      ['bullet', 'with their position', 1],
      ['bullet', 'Players can be sorted by name', 0],
      ['table-row', 'Given a roster of 11\nWhen I sort by name\nThen Abe comes first', 0],
    ]);
    const first = found.criteria[0]?.source;
    expect(first).toEqual({
      format: 'text',
      line: 3,
      start: wiki.indexOf('The roster'),
      end: wiki.indexOf('The roster') + 29,
    });
  });

  it('reads *bold* titles and {panel} blocks', () => {
    const text = '*Acceptance Criteria*\n* One works\n* Two works\n\n*Notes*\n* no';
    expect(texts(findCriteria(text).criteria)).toEqual(['One works', 'Two works']);
    const panelled =
      'Intro\n{panel:title=Acceptance Criteria|borderStyle=solid}\n* In panel\n* Also in panel\n{panel}\n* After';
    expect(texts(findCriteria(panelled).criteria)).toEqual(['In panel', 'Also in panel']);
  });

  it('strips inline markup from criteria', () => {
    const found = findCriteria('h3. AC\n* Call {{setRange}} on [the store|http://x.io] with *bold* text');
    expect(found.criteria[0]?.text).toBe('Call setRange on the store with bold text');
  });
});

describe('Markdown and plain text', () => {
  it('reads ## sections, task boxes, numbered and bulleted items, and | tables |', () => {
    const md = [
      '## Acceptance criteria',
      '- [ ] Draft is saved every 30 s',
      '- [x] Saved drafts are listed',
      '1. A draft can be deleted',
      '* A draft can be renamed',
      '',
      '| Given | When | Then |',
      '|---|---|---|',
      '| a draft | I publish it | it leaves the list |',
      '',
      '## Out of scope',
      '- Sharing',
    ].join('\n');
    const found = findCriteria(md);
    expect(found.format).toBe('markdown');
    expect(found.criteria.map((c) => [c.kind, c.text, c.state])).toEqual([
      ['task', 'Draft is saved every 30 s', 'TODO'],
      ['task', 'Saved drafts are listed', 'DONE'],
      ['bullet', 'A draft can be deleted', undefined],
      ['bullet', 'A draft can be renamed', undefined],
      ['table-row', 'Given a draft\nWhen I publish it\nThen it leaves the list', undefined],
    ]);
  });

  it('reads a plain "Acceptance criteria:" line and one criterion per line, joining continuation lines', () => {
    const found = findCriteria(
      'Context here.\n\nAcceptance criteria:\nThe form has 3 fields\nEach field is\nrequired\n',
    );
    expect(texts(found.criteria)).toEqual(['The form has 3 fields', 'Each field is required']);
  });

  it('reads "Acceptance criteria: …" on one line', () => {
    expect(texts(findCriteria('Acceptance criteria: the page shows 10 rows').criteria)).toEqual([
      'the page shows 10 rows',
    ]);
  });

  it('reads Gherkin in a code block', () => {
    const md =
      '## AC\n```\nFeature: login\nScenario: ok\n  Given a user\n  When she logs in\n  Then she sees the home page\n```';
    const found = findCriteria(md);
    expect(found.criteria.map((c) => [c.kind, c.title, c.steps?.length])).toEqual([['gwt', 'ok', 3]]);
  });

  it('restores line breaks of imported text flattened into runs of spaces, keeping offsets', () => {
    const flat = 'Intro text.    Acceptance Criteria:  - One is done  - Two is done';
    const restored = restoreLineBreaks(flat);
    expect(restored).toHaveLength(flat.length);
    expect(restored.split('\n').map((l) => l.trim())).toEqual([
      'Intro text.',
      'Acceptance Criteria:',
      '- One is done',
      '- Two is done',
    ]);
    const found = findCriteria(flat);
    expect(texts(found.criteria)).toEqual(['One is done', 'Two is done']);
    const src = found.criteria[1]?.source;
    expect(src?.format === 'text' && flat.slice(src.start, src.end)).toBe('Two is done');
    expect(texts(findCriteria('A/C:  1. one works 2. two works 3. three works').criteria)).toEqual([
      'one works',
      'two works',
      'three works',
    ]);
  });
});
