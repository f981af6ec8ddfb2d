import { fieldFits, fieldKind, fieldTypeWords } from '../../../src/core/scoring';

const NUMBER = { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' };
const SELECT = { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' };
const TEXT = { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' };
const PARAGRAPH = { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' };

describe('fieldFits', () => {
  it('lets numbers, single selects and short text feed a numeric input, saying how they read', () => {
    expect(fieldFits('businessValue', NUMBER)).toEqual({ ok: true, kind: 'number' });
    expect(fieldFits('confidence', SELECT)).toMatchObject({
      ok: true,
      kind: 'select',
      note: expect.any(String),
    });
    expect(fieldFits('myInput', TEXT)).toMatchObject({ ok: true, kind: 'text' });
  });

  it('refuses users, dates, lists, rich text and system text with a sentence naming the type', () => {
    expect(fieldFits('businessValue', { type: 'user', system: 'assignee' })).toEqual({
      ok: false,
      reason: 'A score input needs a number or select field; this field is a user.',
    });
    expect(fieldFits('effort', { type: 'date', system: 'duedate' })).toMatchObject({ ok: false });
    expect(fieldFits('reach', { type: 'array', items: 'option' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('list of option'),
    });
    expect(fieldFits('reach', PARAGRAPH)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('paragraph'),
    });
    expect(fieldFits('reach', { type: 'string', system: 'summary' })).toMatchObject({ ok: false });
    expect(fieldFits('reach', undefined)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no type'),
    });
  });

  it('takes only a select (or text) for MoSCoW', () => {
    expect(fieldFits('moscow', SELECT)).toEqual({ ok: true, kind: 'select' });
    expect(fieldFits('moscow', TEXT)).toMatchObject({ ok: true, kind: 'text' });
    expect(fieldFits('moscow', NUMBER)).toEqual({
      ok: false,
      reason: "MoSCoW needs a select list (Must/Should/Could/Won't); this field is a number.",
    });
  });

  it('names kinds and types as people read them', () => {
    expect([NUMBER, SELECT, TEXT, PARAGRAPH].map(fieldKind)).toEqual([
      'number',
      'select',
      'text',
      'unusable',
    ]);
    expect([NUMBER, SELECT, TEXT, PARAGRAPH].map(fieldTypeWords)).toEqual([
      'number',
      'select list',
      'text',
      'paragraph',
    ]);
  });
});
