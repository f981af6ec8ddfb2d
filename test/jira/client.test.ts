import {
  JiraClient,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraServerError,
  JiraUnauthorizedError,
  JiraUnexpectedResponseError,
  JiraValidationError,
} from '../../src/jira';
import { FakeClock, ScriptedTransport } from '../support/scripted-transport';
import {
  sampleBacklogPage,
  sampleBoardConfiguration,
  sampleBoardsPage,
  sampleErrorBody,
  sampleFields,
  sampleIssue,
  sampleJqlPage,
  sampleMyself,
  samplePermissions,
  sampleProperty,
  sampleRank207,
} from './samples';

function clientWith(transport: ScriptedTransport) {
  const clock = new FakeClock();
  return { client: new JiraClient(transport, { clock, random: () => 0.5 }), clock };
}

const url = (t: ScriptedTransport, i: number) => new URL(t.sent[i]!.path.value, 'https://x.test');

describe('JiraClient reads', () => {
  it('reads the caller, the fields and the permissions', async () => {
    const t = new ScriptedTransport().enqueue(
      { status: 200, body: sampleMyself },
      { status: 200, body: sampleFields },
      { status: 200, body: samplePermissions },
    );
    const { client } = clientWith(t);
    expect((await client.myself()).displayName).toBe('Amara Okafor');
    expect((await client.fields()).map((f) => f.id)).toEqual([
      'summary',
      'customfield_10016',
      'customfield_10019',
    ]);
    expect(
      await client.myPermissions({ projectKey: 'TRAIL' }, [
        'SCHEDULE_ISSUES',
        'EDIT_ISSUES',
        'BROWSE_PROJECTS',
      ]),
    ).toEqual({
      SCHEDULE_ISSUES: true,
      EDIT_ISSUES: false,
      BROWSE_PROJECTS: false,
    });
    const permissionsUrl = url(t, 2);
    expect(permissionsUrl.pathname).toBe('/rest/api/3/mypermissions');
    expect(permissionsUrl.searchParams.get('projectKey')).toBe('TRAIL');
    expect(permissionsUrl.searchParams.get('permissions')).toBe(
      'SCHEDULE_ISSUES,EDIT_ISSUES,BROWSE_PROJECTS',
    );
  });

  it('pages boards with startAt until isLast', async () => {
    const first = Array.from({ length: 50 }, (_, i) => i + 1);
    const t = new ScriptedTransport().enqueue(
      { status: 200, body: sampleBoardsPage(0, first, false) },
      { status: 200, body: sampleBoardsPage(50, [51, 52], true) },
    );
    const { client } = clientWith(t);
    const boards = await client.boards({ projectKeyOrId: 'TRAIL' });
    expect(boards.map((b) => b.id)).toEqual([...first, 51, 52]);
    expect(t.sent).toHaveLength(2);
    expect(url(t, 0).searchParams.get('projectKeyOrId')).toBe('TRAIL');
    expect(url(t, 1).searchParams.get('startAt')).toBe('50');
  });

  it('reads the rank and estimation fields of a board', async () => {
    const t = new ScriptedTransport().enqueue({ status: 200, body: sampleBoardConfiguration });
    const { client } = clientWith(t);
    expect(await client.boardSettings(1)).toEqual({
      boardId: 1,
      name: 'TRAIL board',
      rankFieldId: 'customfield_10019',
      rankCustomFieldId: 10019,
      estimationFieldId: 'customfield_10016',
      estimationFieldName: 'Story Points',
      filterId: '10001',
      projectKeyOrId: '10000',
    });
    expect(t.sent[0]!.path.value).toBe('/rest/agile/1.0/board/1/configuration');
  });

  it('refuses a board id that is not a positive integer before calling Jira', async () => {
    const t = new ScriptedTransport();
    const { client } = clientWith(t);
    await expect(client.boardSettings(-3)).rejects.toThrow('Not a Jira id: -3');
    await expect(client.boardSettings(1.5)).rejects.toThrow(RangeError);
    expect(t.sent).toHaveLength(0);
  });

  it.each([
    [120, 3],
    [100, 2],
    [50, 1],
    [7, 1],
    [0, 1],
  ])('lists a %i-issue backlog in %i calls, requesting only the fields needed', async (total, calls) => {
    const t = new ScriptedTransport((_req, u) => {
      const startAt = Number(u.searchParams.get('startAt'));
      return {
        status: 200,
        body: sampleBacklogPage(startAt, Math.max(0, Math.min(50, total - startAt)), total),
      };
    });
    const { client } = clientWith(t);
    const issues = await client.boardBacklog(7, { fields: ['summary', 'customfield_10016'] });
    expect(issues).toHaveLength(total);
    expect(issues.map((i) => i.key)).toEqual(Array.from({ length: total }, (_, i) => `TRAIL-${i + 1}`));
    expect(t.sent).toHaveLength(calls);
    expect(url(t, 0).pathname).toBe('/rest/agile/1.0/board/7/backlog');
    expect(url(t, 0).searchParams.get('fields')).toBe('summary,customfield_10016');
    expect(url(t, 0).searchParams.get('maxResults')).toBe('50');
  });

  it('follows a smaller page size than asked for (Jira may cap maxResults)', async () => {
    const t = new ScriptedTransport((_req, u) => {
      const startAt = Number(u.searchParams.get('startAt'));
      return { status: 200, body: sampleBacklogPage(startAt, Math.min(20, 45 - startAt), 45, 20) };
    });
    const { client } = clientWith(t);
    expect(await client.boardBacklog(7, { fields: ['summary'] })).toHaveLength(45);
    expect(t.sent.map((r) => new URL(r.path.value, 'https://x.test').searchParams.get('startAt'))).toEqual([
      '0',
      '20',
      '40',
    ]);
  });

  it('pages JQL search with nextPageToken and sends only the fields asked for', async () => {
    const t = new ScriptedTransport().enqueue(
      { status: 200, body: sampleJqlPage(1, 100, 'tok-2') },
      { status: 200, body: sampleJqlPage(101, 100, 'tok-3') },
      { status: 200, body: sampleJqlPage(201, 5) },
    );
    const { client } = clientWith(t);
    const issues = await client.search({ jql: 'project = TRAIL ORDER BY Rank', fields: ['summary'] });
    expect(issues).toHaveLength(205);
    expect(t.sent.map((r) => r.body)).toEqual([
      { jql: 'project = TRAIL ORDER BY Rank', fields: ['summary'], maxResults: 100 },
      { jql: 'project = TRAIL ORDER BY Rank', fields: ['summary'], maxResults: 100, nextPageToken: 'tok-2' },
      { jql: 'project = TRAIL ORDER BY Rank', fields: ['summary'], maxResults: 100, nextPageToken: 'tok-3' },
    ]);
    expect(t.sent.every((r) => r.method === 'POST' && r.path.value === '/rest/api/3/search/jql')).toBe(true);
  });
});

describe('JiraClient ranks', () => {
  it('sends one rank call and reads 204 as success', async () => {
    const t = new ScriptedTransport().enqueue({ status: 204 });
    const { client } = clientWith(t);
    expect(
      await client.rankIssues({
        issues: ['TRAIL-3', 'TRAIL-1'],
        rankBeforeIssue: 'TRAIL-2',
        rankCustomFieldId: 10019,
      }),
    ).toEqual({
      ok: true,
      failures: [],
    });
    expect(t.sent[0]).toMatchObject({
      method: 'PUT',
      body: { issues: ['TRAIL-3', 'TRAIL-1'], rankBeforeIssue: 'TRAIL-2', rankCustomFieldId: 10019 },
    });
  });

  it('reports the issues a 207 says failed', async () => {
    const t = new ScriptedTransport().enqueue({ status: 207, body: sampleRank207 });
    const { client } = clientWith(t);
    expect(await client.rankIssues({ issues: ['TRAIL-1', 'TRAIL-2'], rankAfterIssue: 'TRAIL-9' })).toEqual({
      ok: false,
      failures: [
        {
          issueId: '10002',
          issueKey: 'TRAIL-2',
          status: 503,
          errors: ['JIRA Agile cannot execute the rank operation at this time. Please try again later.'],
        },
      ],
    });
  });

  it.each([
    [{ issues: [], rankBeforeIssue: 'A-1' }, 'takes 1 to 50 issues, not 0'],
    [{ issues: Array.from({ length: 51 }, (_, i) => `A-${i + 2}`), rankBeforeIssue: 'A-1' }, 'not 51'],
    [{ issues: ['A-2'] }, 'exactly one anchor'],
    [{ issues: ['A-2'], rankBeforeIssue: 'A-1', rankAfterIssue: 'A-3' }, 'exactly one anchor'],
    [{ issues: ['A-2', 'A-1'], rankAfterIssue: 'A-1' }, 'cannot be one of the issues'],
  ])('refuses a malformed rank call before sending it (%#)', async (request, message) => {
    const t = new ScriptedTransport();
    const { client } = clientWith(t);
    await expect(client.rankIssues(request)).rejects.toThrow(message);
    expect(t.sent).toHaveLength(0);
  });
});

describe('JiraClient issue properties', () => {
  it('reads, writes and misses a property', async () => {
    const t = new ScriptedTransport().enqueue(
      { status: 200, body: sampleProperty },
      {
        status: 404,
        body: { errorMessages: ["The property with key 'valuerank.score' does not exist."], errors: {} },
      },
      { status: 200, body: {} },
    );
    const { client } = clientWith(t);
    expect(await client.getIssueProperty('TRAIL-1', 'valuerank.score')).toEqual({
      score: 12.5,
      model: 'wsjf',
    });
    expect(await client.getIssueProperty('TRAIL-2', 'valuerank.score')).toBeUndefined();
    await client.setIssueProperty('TRAIL-1', 'valuerank.score', { score: 3 });
    expect(t.sent[2]).toMatchObject({ method: 'PUT', body: { score: 3 } });
    expect(t.sent[2]!.path.value).toBe('/rest/api/3/issue/TRAIL-1/properties/valuerank.score');
  });

  it('throws when the issue itself is missing', async () => {
    const t = new ScriptedTransport().enqueue({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    const { client } = clientWith(t);
    await expect(client.getIssueProperty('TRAIL-999', 'valuerank.score')).rejects.toBeInstanceOf(
      JiraNotFoundError,
    );
  });

  it('refuses an over-long property value without calling Jira', async () => {
    const t = new ScriptedTransport();
    const { client } = clientWith(t);
    await expect(client.setIssueProperty('TRAIL-1', 'p', { text: 'x'.repeat(40_000) })).rejects.toThrow(
      'at most 32768 bytes',
    );
    expect(t.sent).toHaveLength(0);
  });

  it('refuses path manipulation in a key', async () => {
    const { client } = clientWith(new ScriptedTransport());
    await expect(client.getIssueProperty('../../admin', 'x')).rejects.toThrow('could change the path');
    await expect(client.getIssueProperty('TRAIL-1', 'a?b=c')).rejects.toThrow('could change the path');
  });
});

describe('JiraClient errors', () => {
  it.each([
    [400, JiraValidationError],
    [401, JiraUnauthorizedError],
    [403, JiraForbiddenError],
    [404, JiraNotFoundError],
    [500, JiraServerError],
  ])("types a %i answer and keeps Jira's messages", async (status, type) => {
    const t = new ScriptedTransport().enqueue({ status, body: sampleErrorBody });
    const { client, clock } = clientWith(t);
    const error = await client.myself().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, body: sampleErrorBody });
    expect((error as Error).message).toContain('The value supplied for jql is invalid.');
    expect((error as Error).message).toContain("jql: Field 'foo' does not exist");
    expect(t.sent).toHaveLength(1); // never retried
    expect(clock.sleeps).toEqual([]);
  });

  it('names where an unexpected body went wrong', async () => {
    const t = new ScriptedTransport().enqueue({ status: 200, body: { displayName: 'No id' } });
    const { client } = clientWith(t);
    await expect(client.myself()).rejects.toThrow(/unexpected body at accountId/);
    const t2 = new ScriptedTransport().enqueue({ status: 200, body: undefined });
    await expect(clientWith(t2).client.myself()).rejects.toBeInstanceOf(JiraUnexpectedResponseError);
  });
});

describe('JiraClient retries', () => {
  it('waits what Retry-After says on 429, then succeeds', async () => {
    const t = new ScriptedTransport().enqueue(
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 200, body: sampleMyself },
    );
    const { client, clock } = clientWith(t);
    await client.myself();
    expect(clock.sleeps).toEqual([3000, 1000]);
    expect(t.sent).toHaveLength(3);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const clock = new FakeClock();
    const t = new ScriptedTransport().enqueue(
      { status: 503, headers: { 'Retry-After': new Date(clock.time + 2000).toUTCString() } },
      { status: 200, body: sampleMyself },
    );
    await new JiraClient(t, { clock }).myself();
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(2000);
  });

  it('backs off exponentially on 503 without Retry-After', async () => {
    const t = new ScriptedTransport().enqueue(
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 200, body: sampleMyself },
    );
    const { client, clock } = clientWith(t);
    await client.myself();
    expect(clock.sleeps).toEqual([375, 750, 1500]);
  });

  it('gives up after the attempt budget with a typed error', async () => {
    const t = new ScriptedTransport((): { status: number; headers: Record<string, string> } => ({
      status: 429,
      headers: { 'Retry-After': '1' },
    }));
    const { client } = clientWith(t);
    const error = await client.myself().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRateLimitedError);
    expect(error).toMatchObject({ attempts: 4, retryAfterMs: 1000 });
    expect(t.sent).toHaveLength(4);
  });

  it('gives up at once when Retry-After exceeds the time budget', async () => {
    const t = new ScriptedTransport(() => ({ status: 429, headers: { 'Retry-After': '60' } }));
    const { client, clock } = clientWith(t);
    await expect(client.myself()).rejects.toThrow(/Jira asked to wait 60000 ms/);
    expect(t.sent).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops retrying 503 after the budget with a server error', async () => {
    const t = new ScriptedTransport(() => ({ status: 503 }));
    const { client } = clientWith(t);
    await expect(client.myself()).rejects.toBeInstanceOf(JiraServerError);
    expect(t.sent).toHaveLength(4);
  });
});

describe('JiraClient one issue', () => {
  it('reads one issue with only the fields asked for', async () => {
    const body = sampleIssue(5, { issuetype: { id: '10001', name: 'Story' }, description: null });
    const t = new ScriptedTransport().enqueue({ status: 200, body });
    const { client } = clientWith(t);
    const issue = await client.issue('TRAIL-5', ['summary', 'issuetype', 'description']);
    expect(issue).toMatchObject({ id: '10005', key: 'TRAIL-5', fields: { summary: 'Issue 5' } });
    expect(t.sent[0]!.method).toBe('GET');
    expect(url(t, 0).pathname).toBe('/rest/api/3/issue/TRAIL-5');
    expect(url(t, 0).searchParams.get('fields')).toBe('summary,issuetype,description');
  });

  it('refuses no fields and a key that changes the path; a missing issue is not-found', async () => {
    const t = new ScriptedTransport().enqueue({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    const { client } = clientWith(t);
    await expect(client.issue('TRAIL-1', [])).rejects.toThrow('at least one field');
    await expect(client.issue('../x', ['summary'])).rejects.toThrow('could change the path');
    await expect(client.issue('TRAIL-999', ['summary'])).rejects.toBeInstanceOf(JiraNotFoundError);
  });
});
