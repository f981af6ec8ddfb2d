/** Who is calling (Basic auth, X-Local-User, X-Local-Actor, default user) and what each kind of user sees. */
import { JiraForbiddenError, JiraNotFoundError, JiraUnauthorizedError } from '../../../src/jira';
import { call, client, DEV, OUTSIDER, PO, TOKENS, VIEWER, useSite } from './fixture';

const site = useSite();

describe('authentication', () => {
  it('accepts HTTP Basic email:apiToken of a seed user', async () => {
    const r = await call(site(), 'GET', '/rest/api/3/myself', { basic: TOKENS[VIEWER]! });
    expect(r.status).toBe(200);
    expect(r.body.accountId).toBe(VIEWER);
  });

  it('refuses a wrong token or unknown email with 401 and a Jira error body', async () => {
    for (const basic of [
      { email: TOKENS[VIEWER]!.email, token: 'wrong' },
      { email: 'nobody@example.test', token: 'tok-po' },
    ]) {
      const r = await call(site(), 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS', { basic });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        errorMessages: ['Client must be authenticated to access this resource.'],
        errors: {},
      });
    }
    const bearer = await call(site(), 'GET', '/rest/api/3/myself', {
      headers: { Authorization: 'Bearer abc' },
    });
    expect(bearer.status).toBe(401);
  });

  it('takes X-Local-User (401 when unknown) and X-Local-Actor: app', async () => {
    expect((await call(site(), 'GET', '/rest/api/3/myself', { user: DEV })).body.accountId).toBe(DEV);
    const ghost = await call(site(), 'GET', '/rest/api/3/myself', { user: 'ghost' });
    expect(ghost.status).toBe(401);
    expect(ghost.body.errorMessages[0]).toMatch(/ghost/);
    expect((await call(site(), 'GET', '/rest/api/3/myself', { app: true })).body.accountType).toBe('app');
    expect(
      (await call(site(), 'GET', '/rest/api/3/myself', { headers: { 'X-Local-Actor': 'robot' } })).status,
    ).toBe(401);
  });

  it("acts as the seed's default user when no one is named", async () => {
    expect((await call(site(), 'GET', '/rest/api/3/myself')).body.accountId).toBe(PO);
  });

  it('the app client reports 401 as JiraUnauthorizedError', async () => {
    await expect(client(site(), 'ghost').myself()).rejects.toBeInstanceOf(JiraUnauthorizedError);
  });
});

describe('what each user sees and may do', () => {
  it('outsider: no projects, no boards, 404 on TRAIL issues and boards, no search results', async () => {
    const jira = client(site(), OUTSIDER);
    expect(await jira.projects()).toEqual([]);
    expect(await jira.boards({ projectKeyOrId: 'TRAIL' })).toEqual([]);
    await expect(jira.getIssueProperty('TRAIL-6', 'valuerank.score')).rejects.toBeInstanceOf(
      JiraNotFoundError,
    );
    await expect(jira.boardBacklog(1, { fields: ['summary'] })).rejects.toBeInstanceOf(JiraNotFoundError);
    expect((await call(site(), 'GET', '/rest/api/3/issue/TRAIL-6', { user: OUTSIDER })).status).toBe(404);
    const search = await call(site(), 'POST', '/rest/api/3/search/jql', {
      user: OUTSIDER,
      body: { jql: 'summary ~ deposit' },
    });
    expect(search.body.issues).toEqual([]);
  });

  it('viewer: reads everything in TRAIL but cannot edit properties (403) or rank (403)', async () => {
    const jira = client(site(), VIEWER);
    expect((await jira.boardBacklog(1, { fields: ['summary'] })).length).toBe(11);
    expect(await jira.getIssueProperty('TRAIL-6', 'valuerank.score')).toEqual({
      wsjf: 4.5,
      tags: ['quick-win'],
    });
    await expect(jira.setIssueProperty('TRAIL-6', 'valuerank.score', { wsjf: 1 })).rejects.toBeInstanceOf(
      JiraForbiddenError,
    );
    await expect(jira.rankIssues({ issues: ['TRAIL-8'], rankBeforeIssue: 'TRAIL-6' })).rejects.toBeInstanceOf(
      JiraForbiddenError,
    );
    // The spec documents DELETE without edit permission as 404 (PUT as 403).
    expect(
      (await call(site(), 'DELETE', '/rest/api/3/issue/TRAIL-6/properties/valuerank.score', { user: VIEWER }))
        .status,
    ).toBe(404);
  });

  it('dev: edits issues and properties, cannot rank (403), cannot see FIN', async () => {
    const jira = client(site(), DEV);
    await jira.setIssueProperty('TRAIL-6', 'valuerank.score', { wsjf: 1 });
    expect(await jira.getIssueProperty('TRAIL-6', 'valuerank.score')).toEqual({ wsjf: 1 });
    await expect(jira.rankIssues({ issues: ['TRAIL-8'], rankBeforeIssue: 'TRAIL-6' })).rejects.toBeInstanceOf(
      JiraForbiddenError,
    );
    expect((await jira.projects()).map((p) => p.key)).toEqual(['TRAIL']);
    expect((await call(site(), 'GET', '/rest/api/3/issue/FIN-1', { user: DEV })).status).toBe(404);
  });

  it('PO: ranks and edits everywhere; the app acts as itself on any project', async () => {
    expect(await client(site(), PO).rankIssues({ issues: ['TRAIL-8'], rankBeforeIssue: 'TRAIL-6' })).toEqual({
      ok: true,
      failures: [],
    });
    const app = client(site(), 'app');
    expect((await app.projects()).map((p) => p.key)).toEqual(['FIN', 'TRAIL']);
    await app.setIssueProperty('FIN-1', 'valuerank.score', { wsjf: 9 });
    expect(await app.rankIssues({ issues: ['FIN-2'], rankBeforeIssue: 'FIN-1' })).toEqual({
      ok: true,
      failures: [],
    });
    expect(
      site()
        .site.state.issuesInRankOrder()
        .slice(-2)
        .map((i) => i.key),
    ).toEqual(['FIN-2', 'FIN-1']);
  });
});
