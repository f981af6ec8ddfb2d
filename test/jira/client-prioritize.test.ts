/** The client operations Prioritize added: issue changelogs and the app's own custom field values. */
import {
  changeItemTo,
  JiraClient,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraUnexpectedResponseError,
  MAX_APP_FIELD_ISSUES,
} from '../../src/jira';
import { FakeClock, ScriptedTransport } from '../support/scripted-transport';
import { sampleChangelogPage } from './samples';

const clientWith = (t: ScriptedTransport) => new JiraClient(t, { clock: new FakeClock(), random: () => 0.5 });
const url = (t: ScriptedTransport, i: number) => new URL(t.sent[i]!.path.value, 'https://x.test');

describe('JiraClient changelog', () => {
  it('pages with startAt until isLast, oldest first, and reads Jira\'s "toString"', async () => {
    const t = new ScriptedTransport().enqueue(
      { status: 200, body: sampleChangelogPage(0, 100, 130) },
      { status: 200, body: sampleChangelogPage(100, 30, 130) },
    );
    const entries = await clientWith(t).changelog('TRAIL-1');
    expect(entries).toHaveLength(130);
    expect(entries.map((e) => e.id).slice(0, 2)).toEqual(['10100', '10101']);
    expect(url(t, 0).pathname).toBe('/rest/api/3/issue/TRAIL-1/changelog');
    expect([url(t, 0).searchParams.get('startAt'), url(t, 1).searchParams.get('startAt')]).toEqual([
      '0',
      '100',
    ]);
    expect(url(t, 1).searchParams.get('maxResults')).toBe('100');
    const item = entries[5]!.items[0]!;
    expect([item.fieldId, item.fromString, changeItemTo(item)]).toEqual(['customfield_10030', '5', '6']);
    expect(entries[5]!.author?.displayName).toBe('Amara Okafor');
  });

  it('reads an item without "toString" as null, not as the inherited function', async () => {
    const page = sampleChangelogPage(0, 1, 1);
    Reflect.deleteProperty(page.values[0]!.items[0]!, 'toString');
    const entries = await clientWith(new ScriptedTransport().enqueue({ status: 200, body: page })).changelog(
      'TRAIL-1',
    );
    expect(changeItemTo(entries[0]!.items[0]!)).toBeNull();
  });

  it('refuses a "toString" that is not text, and says where', async () => {
    const page = sampleChangelogPage(0, 1, 1);
    Reflect.set(page.values[0]!.items[0]!, 'toString', 7);
    const client = clientWith(new ScriptedTransport().enqueue({ status: 200, body: page }));
    await expect(client.changelog('TRAIL-1')).rejects.toThrow(JiraUnexpectedResponseError);
  });

  it('throws JiraNotFoundError for an issue that does not exist', async () => {
    const t = new ScriptedTransport().enqueue({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    await expect(clientWith(t).changelog('TRAIL-999')).rejects.toBeInstanceOf(JiraNotFoundError);
  });
});

describe('JiraClient app custom field values', () => {
  it('sends every update in one request when it fits, and generateChangelog when asked', async () => {
    const t = new ScriptedTransport().enqueue({ status: 204 }, { status: 204 });
    const client = clientWith(t);
    await client.setAppFieldValues([
      { customField: 'customfield_10500', issueIds: [10001, 10002], value: 12.5 },
      { customField: 'customfield_10500', issueIds: [10003], value: null },
    ]);
    expect(t.sent[0]).toMatchObject({
      method: 'POST',
      body: {
        updates: [
          { customField: 'customfield_10500', issueIds: [10001, 10002], value: 12.5 },
          { customField: 'customfield_10500', issueIds: [10003], value: null },
        ],
      },
    });
    expect(t.sent[0]!.path.value).toBe('/rest/api/3/app/field/value');
    await client.setAppFieldValues([{ customField: 'customfield_10500', issueIds: [1], value: 1 }], {
      generateChangelog: false,
    });
    expect(url(t, 1).searchParams.get('generateChangelog')).toBe('false');
  });

  it(`splits more than ${MAX_APP_FIELD_ISSUES} issues over several requests`, async () => {
    const t = new ScriptedTransport((request) => ({ status: request.method === 'POST' ? 204 : 500 }));
    const ids = Array.from({ length: 2500 }, (_, i) => 10001 + i);
    await clientWith(t).setAppFieldValues([
      { customField: 'customfield_10500', issueIds: ids, value: 3 },
      { customField: 'customfield_10500', issueIds: [1, 2], value: 4 },
    ]);
    const sizes = t.sent.map((r) =>
      (r.body as { updates: Array<{ issueIds: number[] }> }).updates.reduce(
        (n, u) => n + u.issueIds.length,
        0,
      ),
    );
    expect(sizes).toEqual([1000, 1000, 500 + 2]);
    expect(sizes.every((n) => n <= MAX_APP_FIELD_ISSUES)).toBe(true);
  });

  it('refuses an update without issues or with an id that is not one, before calling Jira', async () => {
    const t = new ScriptedTransport();
    const client = clientWith(t);
    await expect(client.setAppFieldValues([{ customField: 'cf', issueIds: [], value: 1 }])).rejects.toThrow(
      'names no issues',
    );
    await expect(client.setAppFieldValues([{ customField: 'cf', issueIds: [-1], value: 1 }])).rejects.toThrow(
      RangeError,
    );
    expect(t.sent).toHaveLength(0);
  });

  it('throws JiraForbiddenError when Jira says only the owning app may write the field', async () => {
    const t = new ScriptedTransport().enqueue({
      status: 403,
      body: {
        errorMessages: [
          'Only the app that provides the custom field can update its value with this operation.',
        ],
        errors: {},
      },
    });
    await expect(
      clientWith(t).setAppFieldValues([{ customField: 'customfield_10500', issueIds: [1], value: 1 }]),
    ).rejects.toBeInstanceOf(JiraForbiddenError);
  });
});
