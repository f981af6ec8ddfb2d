/** The platform REST v3 endpoints of the local site, over real HTTP, checked against the OpenAPI contract. */
import { call, client, DEV, keys, OUTSIDER, PO, VIEWER, useSite, type TestSite } from './fixture';

const site = useSite();

describe('myself and fields', () => {
  it('answers the caller, with self links on the site', async () => {
    const me = await client(site(), DEV).myself();
    expect(me).toMatchObject({
      accountId: DEV,
      displayName: 'Dev Eloper',
      accountType: 'atlassian',
      active: true,
    });
    expect(me.self).toBe(`${site().url}/rest/api/3/user?accountId=${DEV}`);
  });

  it('answers the app as an app user', async () => {
    const me = await client(site(), 'app').myself();
    expect(me.accountType).toBe('app');
  });

  it('lists seed fields and the system fields, with clause names', async () => {
    const fields = await client(site(), PO).fields();
    const byId = new Map(fields.map((f) => [f.id, f]));
    expect(byId.get('customfield_10016')).toMatchObject({
      name: 'Story Points',
      custom: true,
      clauseNames: ['cf[10016]', 'Story Points'],
      schema: { type: 'number', customId: 10016 },
    });
    expect(byId.get('customfield_10019')?.clauseNames).toEqual(['cf[10019]', 'Rank']);
    expect(byId.get('customfield_10020')?.name).toBe('Sprint');
    expect(byId.get('issuetype')?.clauseNames).toEqual(['issuetype', 'type']);
    expect(byId.get('issuekey')?.clauseNames).toEqual(['id', 'issue', 'issuekey', 'key']);
    expect(byId.get('fixVersions')?.clauseNames).toEqual(['fixVersion']);
  });
});

describe('field search', () => {
  it('finds fields by part of their name, by name, with where they are used, paged like Jira', async () => {
    const jira = client(site(), PO);
    const page = await jira.searchFields({ query: 'POINTS' });
    expect(page.fields.map((f) => f.id)).toContain('customfield_10016');
    const sp = page.fields.find((f) => f.id === 'customfield_10016');
    expect(sp).toMatchObject({ name: 'Story Points', schema: { type: 'number' }, contextsCount: 1 });
    expect(sp?.screensCount).toBeGreaterThan(0);
    expect(sp?.lastUsed?.type).toBe('TRACKED');
    const all = await jira.searchFields({ maxResults: 3 });
    expect(all.fields).toHaveLength(3);
    expect(all.isLast).toBe(false);
    const names = all.fields.map((f) => f.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const next = await jira.searchFields({ maxResults: 3, startAt: 3 });
    expect(next.startAt).toBe(3);
    expect(next.fields.map((f) => f.id)).not.toContain(all.fields[0]?.id);
    expect((await jira.searchFields({ query: 'no field is called this' })).fields).toEqual([]);
  });
});

describe('mypermissions', () => {
  const check = (who: string, scope: Record<string, string>) =>
    client(site(), who).myPermissions(scope, [
      'BROWSE_PROJECTS',
      'EDIT_ISSUES',
      'SCHEDULE_ISSUES',
      'ADMINISTER',
    ]);

  it('answers per project and per issue, like Jira', async () => {
    expect(await check(PO, { projectKey: 'TRAIL' })).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      SCHEDULE_ISSUES: true,
      ADMINISTER: true,
    });
    expect(await check(DEV, { issueKey: 'TRAIL-6' })).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      SCHEDULE_ISSUES: false,
      ADMINISTER: false,
    });
    expect(await check(VIEWER, { projectId: '10000' })).toMatchObject({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: false,
    });
    expect(await check('app', { projectKey: 'FIN' })).toMatchObject({
      EDIT_ISSUES: true,
      SCHEDULE_ISSUES: true,
    });
  });

  it('answers the full UserPermission objects', async () => {
    const r = await call(
      site(),
      'GET',
      '/rest/api/3/mypermissions?projectKey=TRAIL&permissions=EDIT_ISSUES',
      {
        user: DEV,
      },
    );
    expect(r.body).toEqual({
      permissions: {
        EDIT_ISSUES: {
          id: '12',
          key: 'EDIT_ISSUES',
          name: 'Edit Issues',
          type: 'PROJECT',
          description: 'Ability to edit issues.',
          havePermission: true,
        },
      },
    });
  });

  it('without a scope, a project permission held in any project counts', async () => {
    expect(await check(DEV, {})).toMatchObject({ EDIT_ISSUES: true, SCHEDULE_ISSUES: false });
  });

  it('needs the permissions parameter (400) and known keys (400)', async () => {
    const missing = await call(site(), 'GET', '/rest/api/3/mypermissions?projectKey=TRAIL');
    expect(missing.status).toBe(400);
    expect(missing.body.errorMessages[0]).toMatch(/permissions/);
    const unknown = await call(site(), 'GET', '/rest/api/3/mypermissions?permissions=FLY');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorMessages).toEqual(['Invalid permission keys: [FLY]']);
  });

  it('is 404 for a project or issue the caller cannot see', async () => {
    const nope = await call(
      site(),
      'GET',
      '/rest/api/3/mypermissions?projectKey=NOPE&permissions=EDIT_ISSUES',
    );
    expect(nope.status).toBe(404);
    expect(nope.body.errorMessages).toEqual(["No project could be found with key 'NOPE'."]);
    const hidden = await call(
      site(),
      'GET',
      '/rest/api/3/mypermissions?issueKey=TRAIL-6&permissions=EDIT_ISSUES',
      {
        user: OUTSIDER,
      },
    );
    expect(hidden.status).toBe(404);
  });
});

describe('project/search', () => {
  it('lists only browsable projects, by key', async () => {
    expect((await client(site(), PO).projects()).map((p) => p.key)).toEqual(['FIN', 'TRAIL']);
    expect((await client(site(), DEV).projects()).map((p) => p.key)).toEqual(['TRAIL']);
    expect(await client(site(), OUTSIDER).projects()).toEqual([]);
  });

  it('pages with isLast, total and nextPage', async () => {
    const first = await call(site(), 'GET', '/rest/api/3/project/search?startAt=0&maxResults=1&orderBy=key');
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 1, total: 2, isLast: false });
    expect(first.body.values[0]).toMatchObject({
      id: '10001',
      key: 'FIN',
      name: 'Finance',
      projectTypeKey: 'software',
      style: 'classic',
      simplified: false,
      self: `${site().url}/rest/api/3/project/10001`,
    });
    expect(first.body.nextPage).toContain('startAt=1');
    const second = await call(
      site(),
      'GET',
      '/rest/api/3/project/search?startAt=1&maxResults=1&orderBy=-name',
    );
    expect(second.body).toMatchObject({ isLast: true, values: [{ key: 'FIN' }] });
  });
});

describe('issues', () => {
  it('GET answers all fields, or the requested ones', async () => {
    const all = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-6');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      id: '10006',
      key: 'TRAIL-6',
      self: `${site().url}/rest/api/3/issue/10006`,
    });
    expect(all.body.fields).toMatchObject({
      summary: 'Search huts by name',
      customfield_10016: 8,
      labels: ['search', 'mobile'],
      parent: { key: 'TRAIL-1' },
      project: { key: 'TRAIL', id: '10000', self: `${site().url}/rest/api/3/project/10000` },
      issuelinks: [{ outwardIssue: { key: 'TRAIL-8' } }],
    });
    expect(all.body.fields.customfield_10019).toMatch(/^0\|[0-9a-z]{6}:/);
    const some = await call(
      site(),
      'GET',
      '/rest/api/3/issue/10006?fields=summary,customfield_10030,customfield_10036',
    );
    expect(some.body.fields).toEqual({
      summary: 'Search huts by name',
      customfield_10030: 13,
      customfield_10036: { id: '10100', value: 'Must have' },
    });
    const none = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-12?fields=customfield_10030');
    expect(none.body.fields).toEqual({ customfield_10030: null });
  });

  it('GET keeps both sides of links, and the sprint field with current sprint data', async () => {
    const r = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-8?fields=issuelinks');
    expect(r.body.fields.issuelinks).toEqual([
      expect.objectContaining({
        inwardIssue: { key: 'TRAIL-6' },
        type: expect.objectContaining({ name: 'Blocks' }),
      }),
    ]);
    const s = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-2?fields=customfield_10020');
    expect(s.body.fields.customfield_10020).toEqual([
      { id: 2, name: 'TRAIL Sprint 2', state: 'active', boardId: 1, goal: 'Deposits' },
    ]);
  });

  it('GET expand=changelog and properties', async () => {
    const r = await call(
      site(),
      'GET',
      '/rest/api/3/issue/TRAIL-6?fields=summary&expand=changelog&properties=valuerank.score',
    );
    expect(r.body.changelog).toMatchObject({ startAt: 0, total: 2, maxResults: 2 });
    expect(r.body.changelog.histories[0]).toMatchObject({
      id: '500',
      author: { accountId: PO, displayName: 'Paula Owner' },
      items: [{ field: 'priority', from: '3', fromString: 'Medium', to: '2', toString: 'High' }],
    });
    expect(r.body.changelog.histories[1].items[0]).not.toHaveProperty('from'); // null in the seed: left out
    expect(r.body.properties).toEqual({ 'valuerank.score': { wsjf: 4.5, tags: ['quick-win'] } });
  });

  it("GET is 404 for unknown and hidden issues, with Jira's message", async () => {
    for (const [path, user] of [
      ['/rest/api/3/issue/TRAIL-999', PO],
      ['/rest/api/3/issue/TRAIL-6', OUTSIDER],
      ['/rest/api/3/issue/FIN-1', DEV],
    ] as const) {
      const r = await call(site(), 'GET', path, { user });
      expect(r.status).toBe(404);
      expect(r.body).toEqual({
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    }
  });

  it('PUT edits fields, bumps updated and writes the changelog', async () => {
    const before = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-9?fields=updated');
    const r = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-9', {
      user: DEV,
      body: {
        fields: {
          summary: 'Guide payouts, weekly',
          customfield_10030: 21,
          customfield_10036: { value: 'Should have' },
          priority: { name: 'High' },
          assignee: { accountId: DEV },
        },
        update: { labels: [{ add: 'payments' }] },
      },
    });
    expect(r.status).toBe(204);
    const after = await call(
      site(),
      'GET',
      '/rest/api/3/issue/TRAIL-9?fields=summary,customfield_10030,customfield_10036,priority,labels,updated,assignee',
    );
    expect(after.body.fields).toMatchObject({
      summary: 'Guide payouts, weekly',
      customfield_10030: 21,
      customfield_10036: { id: '10101', value: 'Should have' },
      priority: { id: '2', name: 'High' },
      labels: ['mobile', 'payments'],
      assignee: { accountId: DEV, displayName: 'Dev Eloper' },
    });
    expect(Date.parse(after.body.fields.updated)).toBeGreaterThan(Date.parse(before.body.fields.updated));
    const log = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-9/changelog');
    expect(log.body).toMatchObject({ startAt: 0, total: 1, isLast: true });
    const items = log.body.values[0].items as Array<Record<string, string>>;
    expect(log.body.values[0].author.accountId).toBe(DEV);
    expect(items).toEqual(
      expect.arrayContaining([
        {
          field: 'summary',
          fieldId: 'summary',
          fieldtype: 'jira',
          fromString: 'Guide payouts',
          toString: 'Guide payouts, weekly',
        },
        {
          field: 'Business Value',
          fieldId: 'customfield_10030',
          fieldtype: 'custom',
          fromString: '5',
          toString: '21',
        },
      ]),
    );
  });

  it('PUT refuses bad values and fields it cannot set, with per-field errors (400)', async () => {
    const r = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-9', {
      body: {
        fields: {
          summary: '',
          customfield_10030: 'lots',
          customfield_10019: '0|a:',
          nope: 1,
          status: { name: 'Done' },
        },
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual({
      summary: 'You must specify a summary of the issue.',
      customfield_10030: 'Operation value must be a number',
      customfield_10019:
        "Field 'customfield_10019' cannot be set. It is not on the appropriate screen, or unknown.",
      nope: "Field 'nope' cannot be set. It is not on the appropriate screen, or unknown.",
      status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('PUT without EDIT_ISSUES: the fields are not on the screen (400, as Jira Cloud answers)', async () => {
    const r = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-9', {
      user: VIEWER,
      body: { fields: { summary: 'x' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.summary).toMatch(/cannot be set/);
    const hidden = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-9', {
      user: OUTSIDER,
      body: { fields: { summary: 'x' } },
    });
    expect(hidden.status).toBe(404);
  });

  it('changelog pages', async () => {
    const r = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-6/changelog?startAt=0&maxResults=1');
    expect(r.body).toMatchObject({
      startAt: 0,
      maxResults: 1,
      total: 2,
      isLast: false,
      values: [{ id: '500' }],
    });
    expect(r.body.nextPage).toContain('startAt=1');
    const last = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-6/changelog?startAt=1&maxResults=1');
    expect(last.body).toMatchObject({ isLast: true, values: [{ id: '501' }] });
  });
});

describe('issue properties', () => {
  it('lists keys, reads, creates (201), updates (200) and deletes (204)', async () => {
    const jira = client(site(), PO);
    expect(await jira.getIssueProperty('TRAIL-6', 'valuerank.score')).toEqual({
      wsjf: 4.5,
      tags: ['quick-win'],
    });
    expect(await jira.getIssueProperty('TRAIL-7', 'valuerank.score')).toBeUndefined();

    const created = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/valuerank.score', {
      body: { wsjf: 2 },
    });
    expect(created.status).toBe(201);
    const updated = await call(site(), 'PUT', '/rest/api/3/issue/10007/properties/valuerank.score', {
      body: { wsjf: 3 },
    });
    expect(updated.status).toBe(200);
    await jira.setIssueProperty('TRAIL-7', 'valuerank.note', 'text is JSON too');

    const list = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-7/properties');
    expect(list.body).toEqual({
      keys: [
        { key: 'valuerank.score', self: `${site().url}/rest/api/3/issue/10007/properties/valuerank.score` },
        { key: 'valuerank.note', self: `${site().url}/rest/api/3/issue/10007/properties/valuerank.note` },
      ],
    });
    const one = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-7/properties/valuerank.score');
    expect(one.body).toEqual({ key: 'valuerank.score', value: { wsjf: 3 } });

    const gone = await call(site(), 'DELETE', '/rest/api/3/issue/TRAIL-7/properties/valuerank.note');
    expect(gone.status).toBe(204);
    const missing = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-7/properties/valuerank.note');
    expect(missing.status).toBe(404);
    expect(missing.body.errorMessages).toEqual(["The property with key 'valuerank.note' does not exist."]);
  });

  it('PUT needs EDIT_ISSUES (viewer: 403), the app may always, and values are at most 32768 bytes', async () => {
    const viewer = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/p', {
      user: VIEWER,
      body: { a: 1 },
    });
    expect(viewer.status).toBe(403);
    const outsider = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/p', {
      user: OUTSIDER,
      body: { a: 1 },
    });
    expect(outsider.status).toBe(404);
    const app = await call(site(), 'PUT', '/rest/api/3/issue/FIN-1/properties/p', {
      app: true,
      body: { a: 1 },
    });
    expect(app.status).toBe(201);

    const big = 'x'.repeat(32_768 - 2); // a JSON string of exactly 32768 bytes
    const fits = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/big', { body: big });
    expect(fits.status).toBe(201);
    const tooBig = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/big', { body: `${big}y` });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errorMessages[0]).toMatch(/32768/);
  });

  it("malformed JSON is a 400 with Jira's message, not a crash", async () => {
    const r = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/p', { rawBody: '{"a": ' });
    expect(r.status).toBe(400);
    expect(r.body.errorMessages).toEqual([
      'Invalid request payload. Refer to the REST API documentation and try again.',
    ]);
    const empty = await call(site(), 'POST', '/rest/api/3/search/jql', { rawBody: '' });
    expect(empty.status).toBe(400);
  });
});

describe('search/jql', () => {
  it('finds issues, honours fields, and pages with an opaque token', async () => {
    const jira = client(site(), PO);
    const pages: string[][] = [];
    for await (const page of jira.searchPages({
      jql: 'project = TRAIL ORDER BY key ASC',
      fields: ['summary'],
      pageSize: 5,
    })) {
      pages.push(keys(page));
      expect(Object.keys(page[0]?.fields ?? {})).toEqual(['summary']);
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 1]);
    expect(pages.flat()).toEqual(Array.from({ length: 16 }, (_, i) => `TRAIL-${i + 1}`));
    expect((await stats(site())).byRoute['POST /rest/api/3/search/jql']).toBe(4);
  });

  it('defaults to 50 a page, caps at 100 with fields and 5000 for ids only', async () => {
    const big = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = TRAIL', maxResults: 1000, fields: ['summary'] },
    });
    expect(big.body.issues).toHaveLength(16);
    expect(big.body.isLast).toBe(true);
    expect(big.body).not.toHaveProperty('nextPageToken');
    const page = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = TRAIL', maxResults: 3 },
    });
    expect(page.body.issues[0]).toEqual({
      expand: expect.any(String),
      id: expect.any(String),
      self: expect.any(String),
      key: expect.any(String),
      fields: {},
    });
    expect(page.body.nextPageToken).toEqual(expect.any(String));
    const next = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = TRAIL', maxResults: 3, nextPageToken: page.body.nextPageToken },
    });
    expect(next.body.issues).toHaveLength(3);
    const forged = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = FIN', nextPageToken: page.body.nextPageToken },
    });
    expect(forged.status).toBe(400);
  });

  it('GET works the same, with *all and -field', async () => {
    const r = await call(
      site(),
      'GET',
      '/rest/api/3/search/jql?jql=key%20%3D%20TRAIL-6&fields=*all,-description',
    );
    expect(r.body.issues).toHaveLength(1);
    expect(r.body.issues[0].fields).toHaveProperty('summary');
    expect(r.body.issues[0].fields).not.toHaveProperty('description');
  });

  it('returns the requested issue properties', async () => {
    const r = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: {
        jql: 'issue.property[valuerank.score].wsjf > 4',
        fields: ['summary'],
        properties: ['valuerank.score'],
      },
    });
    expect(r.body.issues).toEqual([
      expect.objectContaining({
        key: 'TRAIL-6',
        properties: { 'valuerank.score': { wsjf: 4.5, tags: ['quick-win'] } },
      }),
    ]);
  });

  it('answers property writes at once: in searches by the property, and in properties returned', async () => {
    const search = async (jql: string) =>
      (
        await call(site(), 'POST', '/rest/api/3/search/jql', {
          body: { jql, fields: ['summary'], properties: ['vr.test'] },
        })
      ).body.issues as Array<{ key: string; properties: Record<string, unknown> }>;
    const byProperty = 'issue.property[vr.test].n = 1 ORDER BY key';
    const byKey = 'key in (TRAIL-6, TRAIL-7) ORDER BY key';
    expect(await search(byProperty)).toEqual([]);
    expect((await search(byKey)).map((i) => i.properties)).toEqual([{}, {}]);

    const put = await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-7/properties/vr.test', { body: { n: 1 } });
    expect(put.status).toBe(201);
    expect(keys(await search(byProperty))).toEqual(['TRAIL-7']);
    expect((await search(byKey)).map((i) => i.properties)).toEqual([{}, { 'vr.test': { n: 1 } }]);
    const byValue = 'key in (TRAIL-6, TRAIL-7) ORDER BY issue.property[vr.test].n ASC';
    expect(keys(await search(byValue))).toEqual(['TRAIL-7', 'TRAIL-6']);
    await call(site(), 'PUT', '/rest/api/3/issue/TRAIL-6/properties/vr.test', { body: { n: 0 } });
    expect(keys(await search(byValue))).toEqual(['TRAIL-6', 'TRAIL-7']);

    await call(site(), 'DELETE', '/rest/api/3/issue/TRAIL-7/properties/vr.test');
    expect(await search(byProperty)).toEqual([]);
    expect((await search(byKey)).map((i) => i.properties)).toEqual([{ 'vr.test': { n: 0 } }, {}]);
  });

  it('only finds issues the caller can browse', async () => {
    const r = await call(site(), 'POST', '/rest/api/3/search/jql', {
      user: DEV,
      body: { jql: 'summary ~ payout', fields: ['summary'] },
    });
    expect(keys(r.body.issues)).toEqual(['TRAIL-9']);
    const po = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'summary ~ payout ORDER BY key', fields: ['summary'] },
    });
    expect(keys(po.body.issues)).toEqual(['FIN-2', 'TRAIL-9']);
  });

  it('answers JQL errors as Jira does (400)', async () => {
    const cases: Array<[string, string]> = [
      [
        'project = ',
        'Error in the JQL Query: Expecting either a value, list or function but got end of query. (line 1, character 11)',
      ],
      ['colour = red', "Field 'colour' does not exist or you do not have permission to view it."],
      ['project = FIN', "The value 'FIN' does not exist for the field 'project'."],
      [
        'ORDER BY Rank',
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ],
    ];
    for (const [jql, message] of cases) {
      const r = await call(site(), 'POST', '/rest/api/3/search/jql', { user: DEV, body: { jql } });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ errorMessages: [message], errors: {} });
    }
  });

  it('refuses unknown body properties and more than 5 properties', async () => {
    const extra = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = TRAIL', startAt: 5 },
      contract: 'response',
    });
    expect(extra.status).toBe(400);
    const props = await call(site(), 'POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = TRAIL', properties: ['a', 'b', 'c', 'd', 'e', 'f'] },
    });
    expect(props.status).toBe(400);
  });
});

describe('Forge app custom field values', () => {
  it('POST /app/field/value sets values for the app only (204), visible on the issue', async () => {
    const body = { updates: [{ customField: 'customfield_10030', issueIds: [10012, 10013], value: 34 }] };
    const user = await call(site(), 'POST', '/rest/api/3/app/field/value', { user: PO, body });
    expect(user.status).toBe(403);
    const app = await call(site(), 'POST', '/rest/api/3/app/field/value', { app: true, body });
    expect(app.status).toBe(204);
    expect(app.text).toBe('');
    const issue = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-13?fields=customfield_10030');
    expect(issue.body.fields.customfield_10030).toBe(34);
    const history = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-12/changelog');
    expect(history.body.values[0].author).toMatchObject({ accountType: 'app' });
  });

  it('PUT /app/field/{field}/value, 404 for unknown fields and issues, 400 for bad values', async () => {
    const ok = await call(site(), 'PUT', '/rest/api/3/app/field/customfield_10016/value', {
      app: true,
      body: { updates: [{ issueIds: [10014], value: 13 }] },
    });
    expect(ok.status).toBe(204);
    expect(site().site.state.issue('TRAIL-14')?.fields.customfield_10016).toBe(13);
    const field = await call(site(), 'POST', '/rest/api/3/app/field/value', {
      app: true,
      body: { updates: [{ customField: 'customfield_99999', issueIds: [10014], value: 1 }] },
    });
    expect(field.status).toBe(404);
    const issue = await call(site(), 'POST', '/rest/api/3/app/field/value', {
      app: true,
      body: { updates: [{ customField: 'customfield_10016', issueIds: [1], value: 1 }] },
    });
    expect(issue.status).toBe(404);
    const value = await call(site(), 'POST', '/rest/api/3/app/field/value', {
      app: true,
      body: { updates: [{ customField: 'customfield_10016', issueIds: [10014], value: 'many' }] },
    });
    expect(value.status).toBe(400);
  });
});

async function stats(s: TestSite): Promise<{ byRoute: Record<string, number> }> {
  return (await call(s, 'GET', '/_local/stats')).body;
}
