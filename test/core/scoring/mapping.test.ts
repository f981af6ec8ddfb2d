import {
  DEFAULT_DUE_DATE_TABLE,
  DEFAULT_MOSCOW_TABLE,
  DEFAULT_PRIORITY_TABLE,
  FieldMappingSchema,
  proposeMapping,
} from '../../../src/core/scoring/mapping';
import { readDate, readNumeric, readOptionText, today } from '../../../src/core/scoring/read';
import { TRAILHEAD, TRAILHEAD_FIELDS } from './fixtures';

describe('readers of Jira field shapes', () => {
  it('reads numbers, numeric text and numeric select options', () => {
    expect(readNumeric(8)).toEqual({ state: 'ok', value: 8 });
    expect(readNumeric(' 2.5 ')).toEqual({ state: 'ok', value: 2.5 });
    expect(readNumeric({ id: '1', value: '13' })).toEqual({ state: 'ok', value: 13 });
    expect(readNumeric([{ value: '5' }])).toEqual({ state: 'ok', value: 5 });
    expect(readNumeric({ name: '3' })).toEqual({ state: 'ok', value: 3 });
    const table = new Map([['high', 8]]);
    expect(readNumeric({ value: 'High' }, table)).toEqual({ state: 'ok', value: 8 });
    expect(readNumeric('HIGH', table)).toEqual({ state: 'ok', value: 8 });
  });

  it('tells empty from invalid, with a reason', () => {
    expect(readNumeric(null)).toEqual({ state: 'missing' });
    expect(readNumeric(undefined)).toEqual({ state: 'missing' });
    expect(readNumeric('')).toEqual({ state: 'missing' });
    expect(readNumeric([])).toEqual({ state: 'missing' });
    expect(readNumeric('high')).toEqual({ state: 'invalid', reason: '"high" is not a number' });
    expect(readNumeric(true)).toEqual({ state: 'invalid', reason: 'expected a number, got true' });
    expect(readNumeric(Infinity)).toEqual({ state: 'invalid', reason: 'Infinity is not a finite number' });
    expect(readNumeric({ value: 'High' })).toEqual({
      state: 'invalid',
      reason: 'option "High" is not a number and has no number in the option table',
    });
    expect(readNumeric([{ value: '1' }, { value: '2' }])).toEqual({
      state: 'invalid',
      reason: 'has 2 options selected (1, 2); one is expected',
    });
    expect(readNumeric({ id: 7 })).toEqual({
      state: 'invalid',
      reason: 'expected an option like {"value": "..."}, got {"id":7}',
    });
  });

  it('reads option texts and dates', () => {
    expect(readOptionText({ value: 'Must have' })).toEqual({ state: 'ok', value: 'Must have' });
    expect(readOptionText({ name: 'High', id: '2' })).toEqual({ state: 'ok', value: 'High' });
    expect(readOptionText(42)).toEqual({ state: 'invalid', reason: 'expected an option, got 42' });
    expect(readDate('2024-05-20')).toEqual({ state: 'ok', value: 19863 });
    expect(readDate('2024-02-30')).toEqual({
      state: 'invalid',
      reason: '"2024-02-30" is not a date (YYYY-MM-DD)',
    });
    expect(readDate(20240520)).toEqual({
      state: 'invalid',
      reason: 'expected a date (YYYY-MM-DD), got 20240520',
    });
    expect(readDate(null)).toEqual({ state: 'missing' });
  });

  it('takes "now" as a calendar day or an instant (its UTC day), and refuses anything else', () => {
    expect(today('2024-05-20')).toBe(19863);
    expect(today('2024-05-20T23:30:00Z')).toBe(19863);
    expect(today(new Date(Date.UTC(2024, 4, 20, 12)))).toBe(19863);
    expect(() => today('soon')).toThrow('now is not a valid date: "soon"');
  });
});

describe('FieldMappingSchema', () => {
  it('accepts the Trailhead mapping with rules, custom inputs and tables', () => {
    const parsed = FieldMappingSchema.parse({
      ...TRAILHEAD,
      moscow: { fieldId: 'customfield_10036', table: { 'Must-have': 'must' } },
      dueDate: {},
      blockedCount: {},
      rules: [{ field: 'labels', value: 'regulatory', input: 'riskReduction', add: 8 }],
      custom: [{ name: 'teamFit', fieldId: 'customfield_10038', options: { Pathfinders: 3, Summit: 1 } }],
      strategicFit: true,
    });
    expect(parsed.dueDate).toEqual({ fieldId: 'duedate' });
    expect(parsed.blockedCount).toEqual({ fieldId: 'issuelinks' });
    expect(parsed.priority).toEqual({ fieldId: 'priority', fieldName: 'Priority' });
  });

  it('refuses what would break formulas or rules', () => {
    const issues = (m: unknown) =>
      FieldMappingSchema.safeParse(m).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ custom: [{ name: '2fast', fieldId: 'customfield_5' }] })).toEqual([
      'custom.0.name: must be an identifier: letters, digits, _; not starting with a digit',
    ]);
    expect(
      issues({
        custom: [
          { name: 'businessValue', fieldId: 'customfield_1' },
          { name: 'Max', fieldId: 'customfield_2' },
          { name: 'x', fieldId: 'customfield_3' },
          { name: 'x', fieldId: 'customfield_4' },
        ],
        rules: [{ field: 'labels', value: 'regulatory', input: 'moscow', add: 8 }],
      }),
    ).toEqual([
      'custom.0.name: "businessValue" is a built-in input',
      'custom.1.name: "Max" is a function name',
      'custom.3.name: "x" is used twice',
      expect.stringMatching(
        /^rules\.0\.input: "moscow" is not an input a rule can add to \(storyPoints, .*, x\)$/,
      ),
    ]);
    expect(issues({ businessValue: { fieldId: 'customfield_1', options: { High: Infinity } } })).toHaveLength(
      1,
    );
    expect(
      issues({
        dueDate: {
          table: {
            overdue: 20,
            steps: [
              { withinDays: 30, value: 8 },
              { withinDays: 14, value: 13 },
            ],
            later: 1,
          },
        },
      }),
    ).toEqual(['dueDate.table: steps must be in ascending order of withinDays']);
  });
});

describe('proposeMapping', () => {
  const proposed = proposeMapping(TRAILHEAD_FIELDS, { estimationFieldId: 'customfield_10016' });

  it('maps the Trailhead fields by name and type', () => {
    const { notes, ...mapping } = proposed;
    expect(mapping).toEqual({
      ...TRAILHEAD,
      moscow: { ...TRAILHEAD.moscow, table: DEFAULT_MOSCOW_TABLE },
      priority: { ...TRAILHEAD.priority, table: DEFAULT_PRIORITY_TABLE },
      dueDate: { fieldId: 'duedate', fieldName: 'Due date', table: DEFAULT_DUE_DATE_TABLE },
      blockedCount: { fieldId: 'issuelinks', linkType: 'Blocks' },
    });
    expect(FieldMappingSchema.parse(proposed)).toEqual(proposed);
    expect(Object.keys(notes ?? {}).sort()).toEqual(
      [
        'storyPoints',
        'businessValue',
        'timeCriticality',
        'riskReduction',
        'reach',
        'impact',
        'confidence',
        'moscow',
        'effort',
        'priority',
        'dueDate',
        'blockedCount',
      ].sort(),
    );
  });

  it('leaves a note per guess, naming near misses', () => {
    expect(proposed.notes?.storyPoints).toBe(
      'The board\'s estimation field "Story Points" (customfield_10016, number).',
    );
    expect(proposed.notes?.businessValue).toBe(
      'Guessed from the name of the number field "Business Value" (customfield_10030, number). ' +
        'Ignored "Business value (notes)" (customfield_10040, string): only number and select fields qualify.',
    );
    expect(proposed.notes?.moscow).toContain('select field "MoSCoW" (customfield_10036, option)');
    expect(proposed.notes?.effort).toBe(
      'No effort field found; effort is the story points (customfield_10016).',
    );
    expect(proposed.notes?.impact).toBe(
      'Guessed from the name of the number field "Impact" (customfield_10034, number).',
    );
  });

  it('without a board, takes the story points field by name and says which others it saw', () => {
    const m = proposeMapping(TRAILHEAD_FIELDS);
    expect(m.storyPoints).toEqual({ fieldId: 'customfield_10016', fieldName: 'Story Points' });
    expect(m.notes?.storyPoints).toContain('Also found "Story point estimate" (customfield_10028, number)');
  });

  it('recognizes other common names and only qualifying types', () => {
    const m = proposeMapping(
      [
        { id: 'customfield_1', name: 'User-Business Value', custom: true, schema: { type: 'number' } },
        { id: 'customfield_2', name: 'Time-criticality', custom: true, schema: { type: 'option' } },
        { id: 'customfield_3', name: 'RR|OE', custom: true, schema: { type: 'number' } },
        { id: 'customfield_4', name: 'Job Size', custom: true, schema: { type: 'number' } },
        { id: 'customfield_5', name: 'Priority (MoSCoW)', custom: true, schema: { type: 'option' } },
        { id: 'customfield_6', name: 'Story point estimate', custom: true, schema: { type: 'number' } },
        { id: 'customfield_7', name: 'Confidence', custom: true, schema: { type: 'string' } },
        { id: 'customfield_8', name: 'MoSCoW', custom: true, schema: { type: 'number' } },
      ],
      {},
    );
    expect(m.businessValue?.fieldId).toBe('customfield_1');
    expect(m.timeCriticality?.fieldId).toBe('customfield_2');
    expect(m.notes?.timeCriticality).toContain('It is a select');
    expect(m.riskReduction?.fieldId).toBe('customfield_3');
    expect(m.effort?.fieldId).toBe('customfield_4');
    expect(m.moscow?.fieldId).toBe('customfield_5');
    expect(m.storyPoints?.fieldId).toBe('customfield_6');
    expect(m.confidence).toBeUndefined();
    expect(m.notes?.confidence).toBe(
      'Not mapped. Ignored "Confidence" (customfield_7, string): only number and select fields qualify.',
    );
    expect(m.notes?.moscow).toContain(
      'Ignored "MoSCoW" (customfield_8, number): only select fields qualify.',
    );
    expect(m.priority).toBeUndefined();
  });
});
