/** The Agile 1.0 endpoints of the local site: boards, configuration, backlog, sprints and ranking. */
import { JiraForbiddenError, JiraValidationError } from '../../../src/jira';
import { call, client, DEV, keys, OUTSIDER, PO, SMALL_BACKLOG, useSite, VIEWER } from './fixture';

const site = useSite();

const backlogKeys = async (who = PO, board = 1): Promise<string[]> =>
  keys(await client(site(), who).boardBacklog(board, { fields: ['summary'] }));

describe('boards', () => {
  it('lists the boards of a project the caller can browse', async () => {
    const boards = await client(site(), PO).boards({ projectKeyOrId: 'TRAIL' });
    expect(boards.map((b) => [b.id, b.name, b.type])).toEqual([
      [1, 'TRAIL board', 'scrum'],
      [2, 'Mobile board', 'kanban'],
    ]);
    expect(boards[0]).toMatchObject({
      self: `${site().url}/rest/agile/1.0/board/1`,
      location: {
        projectId: 10000,
        projectKey: 'TRAIL',
        projectName: 'Trailhead',
        projectTypeKey: 'software',
        displayName: 'Trailhead (TRAIL)',
        name: 'Trailhead (TRAIL)',
      },
    });
    expect(
      (await client(site(), PO).boards({ projectKeyOrId: '10000', type: 'kanban' })).map((b) => b.id),
    ).toEqual([2]);
  });

  it('filters by name, orders by name and pages (at most 50)', async () => {
    const r = await call(
      site(),
      'GET',
      '/rest/agile/1.0/board?name=board&orderBy=-name&maxResults=2&startAt=0',
    );
    expect(r.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(r.body.values.map((b: { name: string }) => b.name)).toEqual(['TRAIL board', 'Mobile board']);
    const capped = await call(site(), 'GET', '/rest/agile/1.0/board?maxResults=500');
    expect(capped.body.maxResults).toBe(50);
    const bad = await call(site(), 'GET', '/rest/agile/1.0/board?type=scrumban');
    expect(bad.status).toBe(400);
  });

  it('shows an outsider no boards at all, and 404 for a board it cannot see', async () => {
    expect(await client(site(), OUTSIDER).boards({ projectKeyOrId: 'TRAIL' })).toEqual([]);
    expect((await call(site(), 'GET', '/rest/agile/1.0/board', { user: OUTSIDER })).body.values).toEqual([]);
    const one = await call(site(), 'GET', '/rest/agile/1.0/board/1', { user: OUTSIDER });
    expect(one.status).toBe(404);
    expect(one.body.errorMessages).toEqual(['Board does not exist or you do not have permission to see it.']);
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/3', { user: DEV })).status).toBe(404);
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/3')).status).toBe(200);
  });
});

describe('board configuration', () => {
  it('names the rank and estimation fields', async () => {
    const settings = await client(site(), DEV).boardSettings(1);
    expect(settings).toEqual({
      boardId: 1,
      name: 'TRAIL board',
      rankFieldId: 'customfield_10019',
      rankCustomFieldId: 10019,
      estimationFieldId: 'customfield_10016',
      estimationFieldName: 'Story Points',
      filterId: '10001',
      projectKeyOrId: '10000',
    });
    const raw = await call(site(), 'GET', '/rest/agile/1.0/board/1/configuration');
    expect(raw.body.columnConfig.columns.map((c: { name: string }) => c.name)).toEqual([
      'To Do',
      'In Progress',
      'Done',
    ]);
    expect(raw.body.columnConfig.columns[0].statuses).toEqual([
      { id: '10000', self: `${site().url}/rest/api/3/status/10000` },
    ]);
  });

  it('estimates by issue count on a scrum board without an estimation field; kanban boards have no estimation', async () => {
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/3/configuration')).body.estimation).toEqual({
      type: 'issueCount',
    });
    const kanban = await call(site(), 'GET', '/rest/agile/1.0/board/2/configuration');
    expect(kanban.body).not.toHaveProperty('estimation');
    expect(kanban.body.subQuery).toEqual({
      query: 'fixVersion in unreleasedVersions() OR fixVersion is EMPTY',
    });
  });
});

describe('backlog', () => {
  it('is in rank order, without epics, subtasks, done issues and issues in active or future sprints', async () => {
    expect(await backlogKeys()).toEqual(SMALL_BACKLOG);
  });

  it('answers the requested fields plus nothing else, and the Agile fields by default', async () => {
    const page = await call(
      site(),
      'GET',
      '/rest/agile/1.0/board/1/backlog?maxResults=1&fields=summary,customfield_10016',
    );
    expect(page.body).toMatchObject({ expand: 'schema,names', startAt: 0, maxResults: 1, total: 11 });
    expect(page.body.issues[0]).toMatchObject({
      key: 'TRAIL-6',
      self: `${site().url}/rest/agile/1.0/issue/10006`,
    });
    expect(page.body.issues[0].fields).toEqual({ summary: 'Search huts by name', customfield_10016: 8 });
    const full = await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog?startAt=1&maxResults=1');
    expect(full.body.issues[0].key).toBe('TRAIL-7');
    expect(full.body.issues[0].fields).toMatchObject({
      sprint: null,
      flagged: false,
      closedSprints: [expect.objectContaining({ id: 1, state: 'closed', originBoardId: 1 })],
    });
  });

  it('pages at most 50 and the client makes exactly ceil(n/pageSize) calls', async () => {
    await call(site(), 'POST', '/_local/stats/reset');
    const issues = await client(site(), PO).boardBacklog(1, { fields: ['summary'], pageSize: 4 });
    expect(keys(issues)).toEqual(SMALL_BACKLOG);
    const s = (await call(site(), 'GET', '/_local/stats')).body;
    expect(s.byRoute['GET /rest/agile/1.0/board/{boardId}/backlog']).toBe(3);
    const capped = await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog?maxResults=80');
    expect(capped.body.maxResults).toBe(50);
  });

  it('ANDs the jql parameter, whose ORDER BY overrides the rank order', async () => {
    const labelled = await client(site(), PO).boardBacklog(1, {
      fields: ['summary'],
      jql: 'labels = mobile',
    });
    expect(keys(labelled)).toEqual(['TRAIL-6', 'TRAIL-9', 'TRAIL-10']);
    const ordered = await call(
      site(),
      'GET',
      '/rest/agile/1.0/board/1/backlog?jql=labels%20%3D%20mobile%20ORDER%20BY%20key%20DESC&fields=summary',
    );
    expect(keys(ordered.body.issues)).toEqual(['TRAIL-10', 'TRAIL-9', 'TRAIL-6']);
    const bad = await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog?jql=labels%20%3D');
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toMatch(/^Error in the JQL Query:/);
  });

  it("uses the board's filter JQL; a kanban backlog holds its To Do issues", async () => {
    expect(await backlogKeys(PO, 2)).toEqual(['TRAIL-6', 'TRAIL-9', 'TRAIL-10']); // the To Do issues labelled mobile
  });

  it('changes when a sprint issue leaves its sprint or an issue is done', async () => {
    await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-2', { body: { fields: { customfield_10020: null } } });
    expect((await backlogKeys())[0]).toBe('TRAIL-2');
    site().site.state.issue('TRAIL-6')!.fields.status = { name: 'Done', statusCategory: { key: 'done' } };
    site().site.state.touch();
    expect(await backlogKeys()).not.toContain('TRAIL-6');
  });

  it('board/issue lists every board issue except epics', async () => {
    const r = await call(site(), 'GET', '/rest/agile/1.0/board/1/issue?fields=summary&maxResults=50');
    expect(keys(r.body.issues)).toEqual(Array.from({ length: 15 }, (_, i) => `TRAIL-${i + 2}`));
    expect(r.body.total).toBe(15);
  });

  it('is 404 for a board the caller cannot see', async () => {
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/1/backlog', { user: OUTSIDER })).status).toBe(
      404,
    );
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/77/backlog')).status).toBe(404);
  });
});

describe('sprints', () => {
  it('lists a board sprints by state', async () => {
    const all = await call(site(), 'GET', '/rest/agile/1.0/board/1/sprint');
    expect(all.body).toMatchObject({ startAt: 0, maxResults: 50, isLast: true });
    expect(all.body.values.map((s: { id: number; state: string }) => `${s.id}:${s.state}`)).toEqual([
      '1:closed',
      '2:active',
      '3:future',
    ]);
    expect(all.body.values[1]).toEqual({
      id: 2,
      self: `${site().url}/rest/agile/1.0/sprint/2`,
      state: 'active',
      name: 'TRAIL Sprint 2',
      originBoardId: 1,
      goal: 'Deposits',
    });
    const open = await call(site(), 'GET', '/rest/agile/1.0/board/1/sprint?state=active,future');
    expect(open.body.values.map((s: { id: number }) => s.id)).toEqual([2, 3]);
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/1/sprint?state=open')).status).toBe(400);
    expect((await call(site(), 'GET', '/rest/agile/1.0/board/2/sprint')).status).toBe(400);
  });
});

describe('rank', () => {
  it('puts issues before an anchor, in the given order (204)', async () => {
    const outcome = await client(site(), PO).rankIssues({
      issues: ['TRAIL-12', 'TRAIL-9'],
      rankBeforeIssue: 'TRAIL-7',
    });
    expect(outcome).toEqual({ ok: true, failures: [] });
    expect(await backlogKeys()).toEqual([
      'TRAIL-6',
      'TRAIL-12',
      'TRAIL-9',
      'TRAIL-7',
      'TRAIL-8',
      'TRAIL-10',
      'TRAIL-11',
      'TRAIL-13',
      'TRAIL-14',
      'TRAIL-15',
      'TRAIL-16',
    ]);
  });

  it('puts issues after an anchor, by key or id, to the very end or top', async () => {
    await client(site(), PO).rankIssues({
      issues: ['10006', 'TRAIL-7'],
      rankAfterIssue: 'TRAIL-16',
      rankCustomFieldId: 10019,
    });
    expect(await backlogKeys()).toEqual([
      'TRAIL-8',
      'TRAIL-9',
      'TRAIL-10',
      'TRAIL-11',
      'TRAIL-12',
      'TRAIL-13',
      'TRAIL-14',
      'TRAIL-15',
      'TRAIL-16',
      'TRAIL-6',
      'TRAIL-7',
    ]);
    await client(site(), PO).rankIssues({ issues: ['TRAIL-16'], rankBeforeIssue: 'TRAIL-1' });
    const order = site()
      .site.state.issuesInRankOrder()
      .map((i) => i.key);
    expect(order[0]).toBe('TRAIL-16');
    const ranks = site()
      .site.state.issuesInRankOrder()
      .map((i) => i.fields.customfield_10019 as string);
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('writes a Rank changelog entry and bumps updated', async () => {
    await client(site(), PO).rankIssues({ issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6' });
    const log = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-12/changelog');
    expect(log.body.values[0].items).toEqual([
      {
        field: 'Rank',
        fieldId: 'customfield_10019',
        fieldtype: 'custom',
        from: '',
        fromString: '',
        to: '',
        toString: 'Ranked higher',
      },
    ]);
  });

  it('needs SCHEDULE_ISSUES and EDIT_ISSUES: dev and viewer get 403, PO and the app may', async () => {
    for (const who of [DEV, VIEWER]) {
      await expect(
        client(site(), who).rankIssues({ issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6' }),
      ).rejects.toBeInstanceOf(JiraForbiddenError);
    }
    const raw = await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', {
      user: DEV,
      body: { issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6' },
    });
    expect(raw.status).toBe(403);
    expect(raw.body.errorMessages[0]).toMatch(/permission to rank/);
    expect(
      await client(site(), 'app').rankIssues({ issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6' }),
    ).toEqual({ ok: true, failures: [] });
    expect((await backlogKeys())[0]).toBe('TRAIL-12');
  });

  it('is 207 per issue when some fail (rankFailures) and moves the others', async () => {
    await call(site(), 'POST', '/_local/faults', { body: { rankFailures: ['TRAIL-13'] } });
    const raw = await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', {
      body: { issues: ['TRAIL-12', 'TRAIL-13', 'TRAIL-14'], rankBeforeIssue: 'TRAIL-6' },
    });
    expect(raw.status).toBe(207);
    expect(raw.body).toEqual({
      entries: [
        { issueId: 10012, issueKey: 'TRAIL-12', status: 200 },
        { issueId: 10013, issueKey: 'TRAIL-13', status: 503, errors: [expect.any(String)] },
        { issueId: 10014, issueKey: 'TRAIL-14', status: 200 },
      ],
    });
    expect((await backlogKeys()).slice(0, 3)).toEqual(['TRAIL-12', 'TRAIL-14', 'TRAIL-6']);
    const outcome = await client(site(), PO).rankIssues({
      issues: ['TRAIL-13', 'TRAIL-15'],
      rankAfterIssue: 'TRAIL-16',
    });
    expect(outcome).toEqual({
      ok: false,
      failures: [{ issueId: '10013', issueKey: 'TRAIL-13', status: 503, errors: [expect.any(String)] }],
    });
  });

  it('answers 207 with 403 entries when the caller may rank only some of the issues', async () => {
    // DEV edits TRAIL but only PO may schedule; give DEV SCHEDULE_ISSUES on TRAIL only, then rank TRAIL + FIN.
    const trail = site().site.state.projects.get('TRAIL')!;
    trail.permissions[DEV] = [...(trail.permissions[DEV] ?? []), 'SCHEDULE_ISSUES'];
    const fin = site().site.state.projects.get('FIN')!;
    fin.permissions[DEV] = ['BROWSE_PROJECTS'];
    const raw = await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', {
      user: DEV,
      body: { issues: ['TRAIL-12', 'FIN-1'], rankBeforeIssue: 'TRAIL-6' },
    });
    expect(raw.status).toBe(207);
    expect(
      raw.body.entries.map((e: { issueKey: string; status: number }) => `${e.issueKey}:${e.status}`),
    ).toEqual(['TRAIL-12:200', 'FIN-1:403']);
  });

  it('answers 400 for more than 50 issues, two or no anchors, unknown anchors or issues', async () => {
    const issues51 = Array.from({ length: 51 }, (_, i) => `TRAIL-${(i % 15) + 2}`);
    const cases: unknown[] = [
      { issues: issues51, rankBeforeIssue: 'TRAIL-1' },
      { issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6', rankAfterIssue: 'TRAIL-7' },
      { issues: ['TRAIL-12'] },
      { issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-999' },
      { issues: ['TRAIL-999'], rankBeforeIssue: 'TRAIL-6' },
      { issues: ['TRAIL-6'], rankBeforeIssue: 'TRAIL-6' },
      { issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6', rankCustomFieldId: 10016 },
      { issues: [], rankBeforeIssue: 'TRAIL-6' },
    ];
    for (const body of cases) {
      const r = await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', { body });
      expect([r.status, r.body.errorMessages.length]).toEqual([400, 1]);
    }
    const outsider = await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', {
      user: OUTSIDER,
      body: { issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6' },
    });
    expect(outsider.status).toBe(400); // the anchor does not exist for the outsider
    const extra = await call(site(), 'PUT', '/rest/agile/1.0/issue/rank', {
      body: { issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-6', position: 1 },
      contract: 'response',
    });
    expect(extra.status).toBe(400);
    await expect(
      client(site(), PO).rankIssues({ issues: ['TRAIL-12'], rankBeforeIssue: 'TRAIL-999' }),
    ).rejects.toBeInstanceOf(JiraValidationError);
    expect(await backlogKeys()).toEqual(SMALL_BACKLOG);
  });

  it('keeps ranks strictly ordered through many moves into the same gap (rebalancing when needed)', async () => {
    const jira = client(site(), PO, { contract: 'none' });
    for (let i = 0; i < 120; i++) {
      const mover = i % 2 === 0 ? 'TRAIL-16' : 'TRAIL-15';
      await jira.rankIssues({ issues: [mover], rankAfterIssue: 'TRAIL-6' });
      await jira.rankIssues({ issues: ['TRAIL-14'], rankBeforeIssue: mover });
    }
    const ranks = site()
      .site.state.issuesInRankOrder()
      .map((i) => i.fields.customfield_10019 as string);
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThanOrEqual(2 + 6 + 1 + 24);
    expect((await backlogKeys()).slice(0, 3)).toEqual(['TRAIL-6', 'TRAIL-14', 'TRAIL-15']);
  });
});
