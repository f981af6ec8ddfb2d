/** The /_local controls: faults (429 + Retry-After, 5xx, latency), stats per route template, reset. */
import { JiraServerError, type Clock } from '../../../src/jira';
import { call, client, contract, DEV, PO, useSite } from './fixture';

const site = useSite();

/** A clock that does not wait, recording what it was asked to wait. */
function recordingClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('faults', () => {
  it('answers 429 with Retry-After and rate-limit headers, then recovers', async () => {
    const set = await call(site(), 'POST', '/_local/faults', {
      body: {
        rules: [
          { method: 'GET', path: '/rest/agile/1.0/board/{boardId}/backlog', status: 429, retryAfter: 2 },
        ],
      },
    });
    expect(set.status).toBe(200);
    const limited = await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog', { contract: 'request' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    expect(limited.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog')).status).toBe(200);
  });

  it('the app client honours Retry-After and retries to success', async () => {
    await call(site(), 'POST', '/_local/faults', {
      body: { rules: [{ path: '/rest/agile/1.0/board/1/backlog', status: 429, retryAfter: 3, times: 2 }] },
    });
    await call(site(), 'POST', '/_local/stats/reset');
    const clock = recordingClock();
    const issues = await client(site(), PO, { clock, contract: 'request' }).boardBacklog(1, {
      fields: ['summary'],
    });
    expect(issues).toHaveLength(11);
    expect(clock.slept).toEqual([3000, 3000]);
    const s = (await call(site(), 'GET', '/_local/stats')).body;
    expect(s.byRoute['GET /rest/agile/1.0/board/{boardId}/backlog']).toBe(3);
  });

  it('5xx faults: 503 is retried by the client, 500 is not; times: 0 means always', async () => {
    await call(site(), 'POST', '/_local/faults', {
      body: {
        rules: [
          { method: 'PUT', path: '/rest/agile/1.0/issue/rank', status: 503, times: 1 },
          { path: '/rest/api/3/field', status: 500, times: 0 },
        ],
      },
    });
    const clock = recordingClock();
    const jira = client(site(), PO, { clock, contract: 'none' });
    expect(await jira.rankIssues({ issues: ['TRAIL-9'], rankBeforeIssue: 'TRAIL-6' })).toEqual({
      ok: true,
      failures: [],
    });
    expect(clock.slept).toHaveLength(1);
    await expect(jira.fields()).rejects.toBeInstanceOf(JiraServerError);
    await expect(jira.fields()).rejects.toBeInstanceOf(JiraServerError);
    const shown = (await call(site(), 'GET', '/_local/faults')).body;
    expect(shown.rules[1]).toMatchObject({
      path: '/rest/api/3/field',
      status: 500,
      times: 0,
      hits: 2,
      remaining: null,
    });
    expect((await call(site(), 'DELETE', '/_local/faults')).body.rules).toEqual([]);
    expect((await jira.fields()).length).toBeGreaterThan(10);
  });

  it('adds latency to every request, or to matching ones', async () => {
    await call(site(), 'POST', '/_local/faults', { body: { latencyMs: 120 } });
    let started = Date.now();
    await call(site(), 'GET', '/rest/api/3/myself');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await call(site(), 'POST', '/_local/faults', {
      body: { rules: [{ path: '/rest/api/3/field', latencyMs: 150, times: 0 }] },
    });
    // A request the rule does not match gets no latency: the rule is not hit (counted, not timed, so that a
    // loaded machine cannot fail it); a matching one is, and waits at least the rule's latency.
    const hits = async (): Promise<number> =>
      (await call(site(), 'GET', '/_local/faults')).body.rules[0].hits;
    await call(site(), 'GET', '/rest/api/3/myself');
    expect(await hits()).toBe(0);
    started = Date.now();
    await call(site(), 'GET', '/rest/api/3/field');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await hits()).toBe(1);
  });

  it('refuses a bad fault configuration with 400', async () => {
    for (const body of [
      { rules: [{ status: 418 }] },
      { rules: [{ path: 'no-slash', status: 500 }] },
      { rules: [{}] },
      { nope: 1 },
    ]) {
      expect((await call(site(), 'POST', '/_local/faults', { body })).status).toBe(400);
    }
    expect((await call(site(), 'POST', '/_local/faults', { rawBody: '{' })).status).toBe(400);
  });
});

describe('stats', () => {
  it('counts every request per route template and per user, not the /_local calls', async () => {
    await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog', { user: DEV });
    await call(site(), 'GET', '/rest/agile/1.0/board/2/backlog', { user: DEV });
    await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog');
    await call(site(), 'GET', '/rest/api/3/issue/TRAIL-6/properties/valuerank.score', { app: true });
    await call(site(), 'GET', '/rest/api/3/myself', { user: 'ghost' });
    await call(site(), 'GET', '/rest/api/3/nothing-here', { contract: 'none' });
    const s = site().site.stats;
    expect(s).toEqual({
      total: 6,
      byRoute: {
        'GET /rest/agile/1.0/board/{boardId}/backlog': 3,
        'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': 1,
        'GET /rest/api/3/myself': 1,
        'GET (unmatched)': 1,
      },
      byUser: { [DEV]: 2, [PO]: 2, app: 1, '(unauthenticated)': 1 },
    });
    expect((await call(site(), 'GET', '/_local/stats')).body).toEqual(s);
    await call(site(), 'POST', '/_local/stats/reset');
    expect(site().site.stats).toEqual({ total: 0, byRoute: {}, byUser: {} });
  });

  it('answers unknown REST paths 404 and known paths with other methods 405', async () => {
    const unknown = await call(site(), 'GET', '/rest/api/3/nothing-here', { contract: 'none' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorMessages[0]).toMatch(/^null for uri: /);
    expect((await call(site(), 'DELETE', '/rest/api/3/myself', { contract: 'none' })).status).toBe(405);
  });
});

describe('reset', () => {
  it('reloads the seed and clears stats and faults', async () => {
    await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-6/properties/valuerank.score', { body: { wsjf: 0 } });
    await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', {
      body: { issues: ['TRAIL-16'], rankBeforeIssue: 'TRAIL-1' },
    });
    await call(site(), 'POST', '/_local/faults', { body: { latencyMs: 5, rankFailures: ['TRAIL-7'] } });
    const r = await call(site(), 'POST', '/_local/reset');
    expect(r.body).toEqual({ reset: true, issues: 18 });
    expect(site().site.state.issue('TRAIL-6')?.properties.get('valuerank.score')).toEqual({
      wsjf: 4.5,
      tags: ['quick-win'],
    });
    expect(site().site.state.issuesInRankOrder()[0]?.key).toBe('TRAIL-1');
    expect(site().site.stats.total).toBe(0);
    expect((await call(site(), 'GET', '/_local/faults')).body).toEqual({
      rules: [],
      latencyMs: 0,
      rankFailures: [],
    });
    site().site.reset();
    expect(site().site.state.issuesInRankOrder()).toHaveLength(18);
  });

  it('handle() leaves other paths alone', async () => {
    const r = await fetch(`${site().url}/index.html`);
    expect(r.status).toBe(404); // startJiraSite answers what handle() declined
    expect((await call(site(), 'GET', '/_local/nothing')).status).toBe(404);
  });
});

describe('the contract checks in these tests', () => {
  it('really check: a backlog page with isLast, or an unknown query parameter, is refused', async () => {
    const req = { method: 'GET', url: '/rest/agile/1.0/board/1/backlog?startAt=0' };
    expect(
      contract.checkResponse(req, {
        status: 200,
        body: { startAt: 0, maxResults: 50, total: 0, issues: [], isLast: true },
      }),
    ).not.toEqual([]);
    await expect(call(site(), 'GET', '/rest/agile/1.0/board/1/backlog?page=2')).rejects.toThrow(
      /unknown query parameter 'page'/,
    );
  });
});
