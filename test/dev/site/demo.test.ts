/**
 * The demo seed (dev/demo) on the site, read and written through the real app client as each demo user,
 * with every request and response checked against the Jira OpenAPI specs.
 */
import { buildDemoSeed, TRAIL_BOARD_ID } from '../../../dev/demo';
import { ACCOUNT } from '../../../dev/demo/site';
import { parseSeed } from '../../../dev/site';
import { JiraForbiddenError } from '../../../src/jira';
import { call, client, keys, startSite, type TestSite } from './fixture';

let site: TestSite;

beforeAll(async () => {
  site = await startSite(parseSeed(buildDemoSeed(), 'buildDemoSeed()'));
});
afterAll(async () => {
  await site.close();
});

const FIELDS = ['summary', 'issuetype', 'status', 'priority', 'labels', 'parent', 'customfield_10016'];

describe('the demo seed', () => {
  it('serves the PO everything the app reads, within the contract', async () => {
    const jira = client(site, ACCOUNT.po);
    expect((await jira.myself()).accountId).toBe(ACCOUNT.po);
    expect((await jira.fields()).some((f) => f.id === 'customfield_10030')).toBe(true);
    expect((await jira.projects()).map((p) => p.key)).toEqual(['FIN', 'OPS', 'TRAIL']);
    const boards = await jira.boards({ projectKeyOrId: 'TRAIL' });
    expect(boards.map((b) => b.id)).toContain(TRAIL_BOARD_ID);
    const settings = await jira.boardSettings(TRAIL_BOARD_ID);
    expect(settings).toMatchObject({
      rankFieldId: 'customfield_10019',
      estimationFieldId: 'customfield_10016',
    });
    const backlog = await jira.boardBacklog(TRAIL_BOARD_ID, { fields: FIELDS });
    expect(backlog.length).toBeGreaterThan(50);
    for (const issue of backlog) {
      const f = issue.fields as { status: { statusCategory: { key: string } }; issuetype: { name: string } };
      expect(f.status.statusCategory.key).not.toBe('done');
      expect(f.issuetype.name).not.toBe('Epic');
    }
    const inSprint = await jira.search({
      jql: 'project = TRAIL AND sprint in openSprints() ORDER BY Rank',
      fields: ['summary'],
    });
    expect(inSprint.length).toBeGreaterThan(0);
    expect(keys(backlog)).not.toContain(inSprint[0]?.key);
    const perms = await jira.myPermissions({ projectKey: 'TRAIL' }, ['EDIT_ISSUES', 'SCHEDULE_ISSUES']);
    expect(perms).toEqual({ EDIT_ISSUES: true, SCHEDULE_ISSUES: true });
    const [a, b, c] = keys(backlog);
    expect(
      await jira.rankIssues({ issues: [c as string, b as string], rankBeforeIssue: a as string }),
    ).toEqual({ ok: true, failures: [] });
    expect(
      keys((await jira.boardBacklog(TRAIL_BOARD_ID, { fields: ['summary'], pageSize: 3 })).slice(0, 3)),
    ).toEqual([c, b, a]);
    await jira.setIssueProperty(a as string, 'valuerank.score', { wsjf: 7 });
    expect(await jira.getIssueProperty(a as string, 'valuerank.score')).toEqual({ wsjf: 7 });
  });

  it('full issues (ADF, sprints, links, changelog) stay within the contract', async () => {
    const all = await call(site, 'POST', '/rest/api/3/search/jql', {
      body: {
        jql: 'project in (TRAIL, OPS) ORDER BY key',
        fields: ['*all'],
        maxResults: 100,
        expand: 'changelog,names,schema',
      },
    });
    expect(all.status).toBe(200);
    expect(all.body.issues).toHaveLength(100);
    const withLog = await call(site, 'POST', '/rest/api/3/search/jql', {
      body: {
        jql: 'project = TRAIL ORDER BY updated DESC',
        fields: ['summary'],
        expand: 'changelog',
        maxResults: 100,
      },
    });
    const logged = withLog.body.issues.find((i: { changelog: { total: number } }) => i.changelog.total > 0);
    expect(logged).toBeDefined();
    const log = await call(site, 'GET', `/rest/api/3/issue/${logged.key}/changelog`);
    expect(log.body.total).toBe(logged.changelog.total);
    const board = await call(site, 'GET', `/rest/agile/1.0/board/${TRAIL_BOARD_ID}/issue?maxResults=50`);
    expect(board.status).toBe(200);
  });

  it('gives each demo user what a real site would', async () => {
    expect(await client(site, ACCOUNT.outsider).boards({ projectKeyOrId: 'TRAIL' })).toEqual([]);
    expect((await call(site, 'GET', '/rest/api/3/issue/TRAIL-1', { user: ACCOUNT.outsider })).status).toBe(
      404,
    );
    const viewer = client(site, ACCOUNT.viewer);
    const [first] = keys(await viewer.boardBacklog(TRAIL_BOARD_ID, { fields: ['summary'], pageSize: 1 }));
    await expect(
      viewer.setIssueProperty(first as string, 'valuerank.score', { wsjf: 1 }),
    ).rejects.toBeInstanceOf(JiraForbiddenError);
    await expect(
      client(site, ACCOUNT.dev).rankIssues({ issues: [first as string], rankAfterIssue: 'TRAIL-2' }),
    ).rejects.toBeInstanceOf(JiraForbiddenError);
    expect((await client(site, ACCOUNT.dev).projects()).map((p) => p.key)).not.toContain('FIN');
  });
});
