/**
 * The field picker's resolvers on the local Jira site (real resolvers through the harness): searching the
 * site's fields, how much of the demo backlog each field covers, and the type check `mapping.save` applies.
 */
import { invokeData, invokeResolver } from '../support/invoke';
import { useLocalServer } from '../support/local-server';
import type { ResolverKey } from '../../src/resolvers/api';

const server = useLocalServer({ reset: ['kvs'] });

const invoke = <K extends ResolverKey>(key: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, key, payload, accountId);
const data = <K extends ResolverKey>(key: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, key, payload, accountId);

describe('mapping.fields', () => {
  it("searches the site's fields by name, typed, with where they are used", async () => {
    const found = await data('mapping.fields', { projectKey: 'TRAIL', query: 'business' });
    const bv = found.fields.find((f) => f.id === 'customfield_10030');
    expect(bv).toMatchObject({ name: 'Business Value', kind: 'number', custom: true, contexts: 1 });
    expect(bv?.screens).toBeGreaterThan(0);
    expect(bv?.lastUsed).toMatch(/^\d{4}-\d\d-\d\d/);
    const team = (await data('mapping.fields', { projectKey: 'TRAIL', query: 'team' })).fields;
    expect(team.find((f) => f.name === 'Team')).toMatchObject({
      kind: 'select',
      type: 'Select List (single choice)',
    });
    const assignee = (await data('mapping.fields', { projectKey: 'TRAIL', query: 'assignee' })).fields;
    expect(assignee.find((f) => f.id === 'assignee')).toMatchObject({ kind: 'unusable', custom: false });
  });

  it('pages through every field, and refuses someone who cannot browse the project', async () => {
    const first = await data('mapping.fields', { projectKey: 'TRAIL' });
    expect(first.total).toBeGreaterThan(first.fields.length - 1);
    expect(first.fields.length).toBeGreaterThan(20);
    const refused = await invoke('mapping.fields', { projectKey: 'TRAIL' }, 'local-outsider');
    expect(refused.ok).toBe(false);
    const long = await invoke('mapping.fields', { projectKey: 'TRAIL', query: 'x'.repeat(101) });
    expect(long.ok || long.error.code).toBe('invalid-payload');
  });
});

describe('mapping.coverage', () => {
  it('counts the backlog issues holding a value per field, and the ones a score can use', async () => {
    const answer = await data('mapping.coverage', {
      boardId: 1,
      fields: [{ fieldId: 'customfield_10030' }, { fieldId: 'customfield_10038' }],
    });
    expect(answer.board).toMatchObject({ id: 1, projectKey: 'TRAIL' });
    expect(answer.complete).toBe(true);
    const [bv, team] = answer.fields;
    expect(bv?.set).toBeGreaterThan(0);
    expect(bv?.set).toBeLessThanOrEqual(answer.read);
    expect(bv?.usable).toBe(bv?.set);
    expect(team?.set).toBeGreaterThan(0);
    expect(team?.usable).toBe(0);
    expect(team?.problem).toMatch(/not a number/);
    const texts = team?.options.map((o) => o.text) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    expect(team?.options.reduce((n, o) => n + o.count, 0)).toBe(team?.set);

    const scale = Object.fromEntries(texts.map((t, i) => [t.toUpperCase(), i + 1]));
    expect(team?.options.every((o) => !o.usable)).toBe(true);
    // Read as MoSCoW: none is a bucket until the table (sent as the scale) names it.
    const asMoscow = await data('mapping.coverage', {
      boardId: 1,
      fields: [
        { fieldId: 'customfield_10038', moscow: true },
        { fieldId: 'customfield_10036', moscow: true },
        { fieldId: 'customfield_10038', moscow: true, scale: { [texts[0] as string]: 4 } },
      ],
    });
    expect(asMoscow.fields[0]).toMatchObject({ set: team?.set, usable: 0 });
    expect(asMoscow.fields[1]?.usable).toBe(asMoscow.fields[1]?.set);
    expect(asMoscow.fields[2]?.usable).toBe(team?.options[0]?.count);
    expect(asMoscow.fields[2]?.options[0]).toMatchObject({ text: texts[0], usable: true });
    const scaled = await data('mapping.coverage', {
      boardId: 1,
      fields: [{ fieldId: 'customfield_10038', scale }],
    });
    expect(scaled.fields[0]).toMatchObject({ set: team?.set, usable: team?.set });
  });
});

describe('mapping.save type check', () => {
  it('refuses a field that cannot feed the input, naming it, and saves nothing', async () => {
    const refused = await invoke('mapping.save', {
      projectKey: 'TRAIL',
      mapping: { businessValue: { fieldId: 'duedate' }, moscow: { fieldId: 'customfield_10030' } },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid-payload');
      expect(refused.error.message).toMatch(/Due date \(duedate\) cannot feed businessValue/);
      expect(refused.error.message).toMatch(/MoSCoW needs a select list/);
    }
    const view = await data('prioritize.load', { boardId: 1 });
    expect('pending' in view || view.mappingProposed).toBe(true);
    const ok = await data('mapping.save', {
      projectKey: 'TRAIL',
      mapping: { businessValue: { fieldId: 'customfield_10038', options: { Pathfinders: 8 } } },
    });
    expect(ok.mapping.businessValue?.options).toEqual({ Pathfinders: 8 });
  });
});
