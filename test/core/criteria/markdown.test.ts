/**
 * Markdown as real issue templates write it: HTML comments, rules and setext underlines, decorated titles,
 * template instructions and placeholders, Given/When/Then over nested and task items, multi-line stories.
 */
import { checkIssue, findCriteria, type Criterion } from '../../../src/core/criteria';
import { isCriteriaTitle } from '../../../src/core/criteria/blocks';
import { blankComments } from '../../../src/core/criteria/text';
import { doc, h, p, ul } from './adf-builders';

const texts = (cs: readonly Criterion[]) => cs.map((c) => c.text);
const found = (md: string) => findCriteria(md).criteria;
/** The raw text a criterion's source offsets point at. */
const at = (md: string, c: Criterion | undefined) =>
  c?.source.format === 'text' ? md.slice(c.source.start, c.source.end) : undefined;

describe('HTML comments, rules and underlines are never criteria', () => {
  it('skips template comments, one line or many, with three dashes or more, keeping offsets', () => {
    const md = [
      '## Acceptance Criteria',
      '',
      '<!--',
      'Everyone should be able to understand what is expected to be delivered',
      '--->',
      '<!-- one line --> - [ ] Tokens are charged at reply time',
      '- [ ] Offers expire after 7 days <!-- note -->',
      '',
      '## Definition of Ready Checklist',
    ].join('\n');
    const cs = found(md);
    expect(texts(cs)).toEqual(['Tokens are charged at reply time', 'Offers expire after 7 days']);
    expect(cs.map((c) => at(md, c))).toEqual([
      'Tokens are charged at reply time',
      'Offers expire after 7 days',
    ]);
    expect(blankComments('a<!-- b -->c\n<!--\nd')).toBe(`a${' '.repeat(10)}c\n    \n `);
    // a comment left open mid-line is text, as Markdown shows it
    expect(blankComments('x <!-- y')).toBe('x <!-- y');
  });

  it('treats ---, ***, ___, * * *, ===, <hr> as breaks, and setext underlines as headings', () => {
    const md = [
      'Acceptance Criteria',
      '===================',
      '',
      '- Orders list 20 per page',
      '',
      '* * *',
      '- - -',
      '___',
      '<hr>',
      '- Orders sort by date',
      '',
      'Notes',
      '=====',
      '',
      '- not a criterion',
    ].join('\n');
    expect(texts(found(md))).toEqual(['Orders list 20 per page', 'Orders sort by date']);
  });

  it('drops comments and text rules pasted into ADF paragraphs', () => {
    const adf = doc(
      h(2, 'Acceptance criteria'),
      p('<!--'),
      p('Everyone should be able to understand what is expected'),
      p('--->'),
      ul('Tokens are charged at reply time <!-- why -->', 'Offers expire after 7 days'),
      p('---'),
      p('==='),
    );
    expect(texts(findCriteria(adf).criteria)).toEqual([
      'Tokens are charged at reply time',
      'Offers expire after 7 days',
    ]);
  });
});

describe('decorated section titles', () => {
  it.each([
    '## :white_check_mark: Acceptance Criteria',
    '**Acceptance\\_Criteria**',
    '### Acceptance Criteria :rocket:',
    '<b>Acceptance criteria</b>',
    '## Desired Outcome/Acceptance Criteria',
    '## Acceptance Criteria (To be checked off **only** during Review)',
    '## 2. Definition of Done:',
  ])('"%s" opens the section', (title) => {
    expect(isCriteriaTitle(title.replace(/^#+\s*/, ''))).toBe(true);
    expect(
      texts(found(`Intro text.\n\n${title}\n\n- The badge shows 3 states\n- The badge links to the issue`)),
    ).toEqual(['The badge shows 3 states', 'The badge links to the issue']);
  });

  it('a setext title with decoration, and no false titles from sentences', () => {
    expect(texts(found(':memo: **Acceptance criteria**\n---\n- Exports 3 formats'))).toEqual([
      'Exports 3 formats',
    ]);
    expect(isCriteriaTitle('see the acceptance criteria')).toBe(false);
    expect(isCriteriaTitle('at 10:30:00 acceptance criteria')).toBe(false);
  });

  it('strips shortcodes, escapes, images and inline HTML from criteria text', () => {
    const md = [
      '## AC',
      '- :warning: The **limit** is 5\\_000 items<br>per page',
      '- The logo ![logo](/uploads/a.png) links to the home page',
      '- Tags &amp; labels <i>both</i> show',
    ].join('\n');
    expect(texts(found(md))).toEqual([
      'The limit is 5_000 items per page',
      'The logo links to the home page',
      'Tags & labels both show',
    ]);
  });
});

describe('template instructions and placeholders are skipped', () => {
  it('skips instruction paragraphs, placeholders, struck-through and bare labels; keeps real paragraphs', () => {
    const md = [
      '## Acceptance Criteria (To be checked off **only** during Review)',
      '',
      'This should be filled in prior to moving into ~"In Progress", but is not required upon first submitting the ticket.',
      '**This list needs to be reviewed by someone who did not work on the ticket.** Please do not pass Acceptance Criteria on a ticket you contributed code to.',
      '',
      '- [ ] ...',
      '- [ ] TBD',
      '- N/A',
      '1.',
      '~~- GIVEN the old dialog is shown~~',
      'AC1:',
      '- [ ] The form is visible on the /quest page',
      '- Etc.',
      '',
      'As the end user, I can see a message stating the section is being updated.',
    ].join('\n');
    expect(texts(found(md))).toEqual([
      'The form is visible on the /quest page',
      // "Etc." is not a placeholder: it is the open-ended smell
      'Etc.',
      'As the end user, I can see a message stating the section is being updated.',
    ]);
  });

  it('a template left empty has no criteria: not ready', () => {
    const r = checkIssue({
      description:
        '## Acceptance Criteria\n\n<!--\nWhat is expected\n--->\n\n- [ ] ...\n\n## Definition of Ready Checklist\n\n- [ ] Acceptance criteria\n',
    });
    expect(r.criteria).toEqual([]);
    expect(r.verdict.ready).toBe(false);
    expect(r.findings.map((f) => f.message)).toEqual(['The acceptance criteria section is empty.']);
  });
});

describe('Given/When/Then over nested items', () => {
  it('reads a Given item with nested When/Then/And items as one scenario, steps in order', () => {
    const md = [
      '## AC',
      '- Given I am composing the first time',
      '  - When I press the [+] tab',
      '  - Then I see a bottom sheet with 3 options',
      '  - And I can press any of them',
      '',
      '- Given I am composing a post',
      '  - When I press the "Public" button',
      '  - I will see the audience selector',
      '',
      '- Same as above for a plus user',
    ].join('\n');
    const cs = found(md);
    expect(cs.map((c) => [c.kind, c.steps?.map((s) => s.keyword)])).toEqual([
      ['gwt', ['given', 'when', 'then', 'and']],
      ['gwt', ['given', 'when', 'and']],
      ['bullet', undefined],
    ]);
    expect(cs[0]?.text).toBe(
      'Given I am composing the first time\nWhen I press the [+] tab\nThen I see a bottom sheet with 3 options\nAnd I can press any of them',
    );
    // the scenario's source runs from its first to its last step
    expect(at(md, cs[0])).toMatch(/^Given I am composing the first time[\s\S]*And I can press any of them$/);
    const checked = checkIssue({ description: md });
    expect(
      checked.findings.filter((f) => f.kind === 'gwt-incomplete').map((f) => [f.criterion, f.detail]),
    ).toEqual([[1, 'missing-then']]);
  });

  it('a task item opens a scenario its nested steps continue; the task keeps its state', () => {
    const md = [
      '## Acceptance Criteria',
      '**Background **',
      "Given I'm in the console",
      '',
      '- [ ] Given I select a filter',
      '  - When a new post is added in that filter',
      '  - Then the "See latest" count goes up by 1',
      '- [x] Given a cart with 2 items, when I pay, then the order is saved',
      '- [ ] When I save, the draft is kept',
    ].join('\n');
    const cs = found(md);
    expect(cs.map((c) => [c.kind, c.state, c.steps?.map((s) => s.keyword)])).toEqual([
      ['task', 'TODO', ['given', 'when', 'then']],
      ['task', 'DONE', ['given', 'when', 'then']],
      ['task', 'TODO', undefined],
    ]);
    const r = checkIssue({ description: md });
    expect(r.progress).toEqual({ done: 1, total: 3 });
    expect(r.findings.filter((f) => f.kind === 'gwt-incomplete')).toEqual([]);
  });

  it('keeps flat Given/when/then items as one scenario, as before', () => {
    const cs = found(
      '## Acceptance\n- Given the user is on the Discovery screen,\n- when the user taps Discovery,\n- then the feed scrolls to the top.',
    );
    expect(cs.map((c) => c.steps?.map((s) => s.keyword))).toEqual([['given', 'when', 'then']]);
  });
});

describe('multi-line story templates', () => {
  it('reads "**As a** …" / "<br>**I want** …" / "<br>**so that** …" as one story', () => {
    const description = [
      '**As a** hiker',
      '<br>**I want** to filter tours by difficulty',
      '<br>**so that** I find tours I can walk',
      '',
      '## Acceptance criteria',
      '- The filter offers 3 levels',
      '- Choosing a level lists only tours of that level',
    ].join('\n');
    const r = checkIssue({ summary: 'Tour filter', description, issueType: 'Story' });
    expect(r.story).toMatchObject({
      origin: 'description',
      role: { text: 'hiker' },
      goal: { text: 'filter tours by difficulty' },
    });
    expect(r.story?.benefit?.text).toMatch(/^I find tours I can walk/);
    expect(r.findings.filter((f) => f.kind.startsWith('story-'))).toEqual([]);
  });

  it('reads the same story on one line with <br> and in ADF paragraphs with hard breaks', () => {
    const one = checkIssue({
      description:
        '**As a** hiker<br>**I want** to filter tours<br>**so that** I find tours\n\n## AC\n- a 1\n- b 2',
    });
    expect(one.story?.goal?.text).toBe('filter tours');
    const adf = checkIssue({
      description: doc(
        p('As a hiker\nI want to filter tours\nso that I find tours'),
        h(2, 'Acceptance criteria'),
        ul('The filter offers 3 levels', 'Choosing a level lists only tours of that level'),
      ),
    });
    expect(adf.story).toMatchObject({ role: { text: 'hiker' }, goal: { text: 'filter tours' } });
  });
});
