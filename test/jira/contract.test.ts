/**
 * Every request the Jira client can make, and every sample response its tests use, checked against
 * Atlassian's published OpenAPI specs. Also: the manifest's scopes are exactly those the specs require
 * for the operations the client calls (plus storage), so scopes stay minimal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { JiraClient } from '../../src/jira';
import type { JiraRawResponse, JiraRequest } from '../../src/jira/transport';
import { loadJiraContract, type OperationMatch } from '../support/openapi-contract';
import { FakeClock, ScriptedTransport, type ScriptedAnswer } from '../support/scripted-transport';
import { sharedDataDir } from '../../eval/shared-data';
import {
  sampleBacklogPage,
  sampleBoardConfiguration,
  sampleBoardsPage,
  sampleChangelogPage,
  sampleErrorBody,
  sampleFields,
  sampleIssue,
  sampleJqlPage,
  sampleMyself,
  samplePermissions,
  sampleProperty,
  sampleRank207,
} from './samples';

const contract = loadJiraContract();
const used = new Map<string, OperationMatch>();

/** Checks each request and each answer against the specs, then hands the answer to the client. */
class ContractTransport extends ScriptedTransport {
  override async send(request: JiraRequest): Promise<JiraRawResponse> {
    const exchange = { method: request.method, url: request.path.value, body: request.body };
    contract.assertRequest(exchange);
    const match = contract.match(request.method, request.path.value);
    if (match) used.set(`${match.method} ${match.pathTemplate}`, match);
    const response = await super.send(request);
    contract.assertResponse(exchange, {
      status: response.status,
      body: response.text ? (JSON.parse(response.text) as unknown) : undefined,
    });
    return response;
  }
}

function client(...answers: ScriptedAnswer[]) {
  const t = new ContractTransport().enqueue(...answers);
  return { client: new JiraClient(t, { clock: new FakeClock() }), t };
}

const projectsPage = {
  self: 'https://example.atlassian.net/rest/api/3/project/search?startAt=0&maxResults=50',
  maxResults: 50,
  startAt: 0,
  total: 1,
  isLast: true,
  values: [
    {
      id: '10000',
      key: 'TRAIL',
      name: 'Trailhead',
      projectTypeKey: 'software',
      style: 'classic',
      simplified: false,
    },
  ],
};

/** Each public method of JiraClient, exercised with every shape of request it can send. */
const exercises: Record<string, () => Promise<unknown>> = {
  myself: () => client({ status: 200, body: sampleMyself }).client.myself(),
  fields: () => client({ status: 200, body: sampleFields }).client.fields(),
  searchFields: async () => {
    const page = await client({
      status: 200,
      body: {
        self: 'https://example.atlassian.net/rest/api/3/field/search?startAt=0&maxResults=50&query=value',
        maxResults: 50,
        startAt: 0,
        total: 1,
        isLast: true,
        values: [
          {
            id: 'customfield_10030',
            name: 'Business Value',
            schema: {
              type: 'number',
              custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
              customId: 10030,
            },
            description: 'How much the business gains',
            key: 'customfield_10030',
            screensCount: 2,
            contextsCount: 1,
            lastUsed: { type: 'TRACKED', value: '2026-11-28T07:37:40.000+0000' },
          },
        ],
      },
    }).client.searchFields({ query: ' value ' });
    expect(page).toMatchObject({ startAt: 0, total: 1, isLast: true });
    expect(page.fields.map((f) => [f.id, f.screensCount])).toEqual([['customfield_10030', 2]]);
  },
  myGroups: async () => {
    const groups = await client({
      status: 200,
      body: {
        ...sampleMyself,
        groups: {
          size: 2,
          items: [
            {
              name: 'trailhead-product',
              groupId: '5e1b6c0a-7d1f-4b8e-9a01-0f3c2a7d0001',
              self: 'https://example.atlassian.net/rest/api/3/group?groupId=5e1b6c0a-7d1f-4b8e-9a01-0f3c2a7d0001',
            },
            { name: 'legacy-group', groupId: null },
          ],
        },
        expand: 'groups,applicationRoles',
      },
    }).client.myGroups();
    expect(groups).toEqual([
      { groupId: '5e1b6c0a-7d1f-4b8e-9a01-0f3c2a7d0001', name: 'trailhead-product' },
      { groupId: undefined, name: 'legacy-group' },
    ]);
  },
  projectRoles: async () => {
    const roles = await client({
      status: 200,
      body: [
        {
          self: 'https://example.atlassian.net/rest/api/3/project/TRAIL/role/10000',
          name: 'Developers',
          id: 10000,
          description: 'A project role that represents developers in a project',
          admin: false,
          default: true,
          roleConfigurable: true,
          translatedName: 'Developers',
        },
        {
          self: 'https://example.atlassian.net/rest/api/3/project/TRAIL/role/10100',
          name: 'Product team',
          id: 10100,
        },
      ],
    }).client.projectRoles('TRAIL');
    expect(roles).toEqual([
      {
        id: 10000,
        name: 'Developers',
        description: 'A project role that represents developers in a project',
      },
      { id: 10100, name: 'Product team', description: '' },
    ]);
  },
  projectRoleActors: async () => {
    const role = await client({
      status: 200,
      body: {
        self: 'https://example.atlassian.net/rest/api/3/project/TRAIL/role/10000',
        name: 'Developers',
        id: 10000,
        description: 'A project role that represents developers in a project',
        actors: [
          {
            id: 10240,
            displayName: 'trailhead-team',
            name: 'trailhead-team',
            type: 'atlassian-group-role-actor',
            actorGroup: {
              displayName: 'trailhead-team',
              name: 'trailhead-team',
              groupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2',
            },
          },
          {
            id: 10241,
            displayName: 'Jonas Lindqvist',
            type: 'atlassian-user-role-actor',
            actorUser: { accountId: '5b10a2844c20165700ede21g' },
          },
        ],
      },
    }).client.projectRoleActors('TRAIL', 10000);
    expect(role).toEqual({
      id: 10000,
      name: 'Developers',
      accountIds: ['5b10a2844c20165700ede21g'],
      groups: [{ groupId: '952d12c3-5b5b-4d04-bb32-44d383afc4b2', name: 'trailhead-team' }],
    });
  },

  myPermissions: async () => {
    await client({ status: 200, body: samplePermissions }).client.myPermissions({ projectKey: 'TRAIL' }, [
      'SCHEDULE_ISSUES',
      'EDIT_ISSUES',
    ]);
    await client({ status: 200, body: samplePermissions }).client.myPermissions({ issueKey: 'TRAIL-1' }, [
      'EDIT_ISSUES',
    ]);
  },
  projects: () => client({ status: 200, body: projectsPage }).client.projects(),
  boards: () =>
    client(
      { status: 200, body: sampleBoardsPage(0, [1], false) },
      { status: 200, body: sampleBoardsPage(1, [2], true) },
    ).client.boards({
      projectKeyOrId: 'TRAIL',
      type: 'scrum',
    }),
  boardSettings: () => client({ status: 200, body: sampleBoardConfiguration }).client.boardSettings(1),
  backlogPages: () =>
    client(
      { status: 200, body: sampleBacklogPage(0, 50, 60) },
      { status: 200, body: sampleBacklogPage(50, 10, 60) },
    ).client.boardBacklog(1, {
      fields: ['summary', 'customfield_10016'],
      jql: 'labels = mobile',
      expand: 'changelog',
    }),
  backlogPage: () =>
    client({ status: 200, body: sampleBacklogPage(50, 10, 60) }).client.backlogPage(
      1,
      { fields: ['summary'] },
      50,
    ),
  boardBacklog: () =>
    client({ status: 200, body: sampleBacklogPage(0, 3, 3) }).client.boardBacklog(1, { fields: ['summary'] }),
  searchPages: () =>
    client(
      { status: 200, body: sampleJqlPage(1, 2, 'next') },
      { status: 200, body: sampleJqlPage(3, 1) },
    ).client.search({
      jql: 'project = TRAIL ORDER BY Rank ASC',
      fields: ['summary', 'status'],
      expand: 'changelog',
      properties: ['valuerank.score'],
    }),
  searchPage: async () => {
    const first = await client({ status: 200, body: sampleJqlPage(1, 2, 'next') }).client.searchPage({
      jql: 'project = TRAIL ORDER BY key',
      fields: ['summary', 'issuetype', 'description', 'project'],
      properties: ['valuerank-readiness'],
      pageSize: 2,
    });
    expect(first.nextPageToken).toBe('next');
    const last = await client({ status: 200, body: sampleJqlPage(3, 1) }).client.searchPage(
      { jql: 'project = TRAIL ORDER BY key', fields: ['summary'], properties: ['valuerank-readiness'] },
      'next',
    );
    expect(last.nextPageToken).toBeUndefined();
  },
  countIssues: () => client({ status: 200, body: { count: 153 } }).client.countIssues('project = TRAIL'),
  search: () =>
    client({ status: 200, body: sampleJqlPage(1, 1) }).client.search({
      jql: 'key = TRAIL-1',
      fields: ['summary'],
    }),
  rankIssues: async () => {
    await client({ status: 204 }).client.rankIssues({
      issues: ['TRAIL-2', '10003'],
      rankBeforeIssue: 'TRAIL-1',
      rankCustomFieldId: 10019,
    });
    await client({ status: 207, body: sampleRank207 }).client.rankIssues({
      issues: ['TRAIL-1', 'TRAIL-2'],
      rankAfterIssue: 'TRAIL-9',
    });
  },
  changelog: () =>
    client(
      { status: 200, body: sampleChangelogPage(0, 100, 130) },
      { status: 200, body: sampleChangelogPage(100, 30, 130) },
    ).client.changelog('TRAIL-1'),
  setAppFieldValues: async () => {
    await client({ status: 204 }).client.setAppFieldValues([
      { customField: 'customfield_10500', issueIds: [10001, 10002], value: 12.5 },
      { customField: 'customfield_10500', issueIds: [10003], value: null },
    ]);
    await client({ status: 204 }).client.setAppFieldValues(
      [{ customField: 'customfield_10500', issueIds: [10001], value: 3 }],
      { generateChangelog: false },
    );
  },
  issue: () =>
    client({
      status: 200,
      body: sampleIssue(5, { issuetype: { id: '10001', name: 'Story' }, description: null }),
    }).client.issue(
      'TRAIL-5',
      ['summary', 'issuetype', 'description', 'customfield_10037'],
      ['valuerank-questions'],
    ),
  getIssueProperty: () =>
    client({ status: 200, body: sampleProperty }).client.getIssueProperty('TRAIL-1', 'valuerank.score'),
  getProjectProperty: async () => {
    const { client: c } = client({
      status: 200,
      body: { key: 'valuerank-vision', value: { schemaVersion: 1 } },
    });
    expect(await c.getProjectProperty('TRAIL', 'valuerank-vision')).toEqual({ schemaVersion: 1 });
    const missing = client({
      status: 404,
      body: { errorMessages: ["The property with key 'valuerank-vision' does not exist."], errors: {} },
    });
    expect(await missing.client.getProjectProperty('10000', 'valuerank-vision')).toBeUndefined();
  },
  setProjectProperty: async () => {
    await client({ status: 201, body: {} }).client.setProjectProperty('TRAIL', 'valuerank-vision', {
      schemaVersion: 1,
    });
    await client({ status: 200, body: {} }).client.setProjectProperty('10000', 'valuerank-vision', [1]);
  },
  usersByAccountIds: async () => {
    const user = (accountId: string, displayName: string, active = true) => ({
      self: `https://example.atlassian.net/rest/api/3/user?accountId=${accountId}`,
      accountId,
      accountType: 'atlassian',
      displayName,
      active,
      avatarUrls: { '48x48': 'https://example.atlassian.net/avatar/48.png' },
    });
    const page = (values: unknown[]) => ({
      self: 'https://example.atlassian.net/rest/api/3/user/bulk?startAt=0&maxResults=2',
      maxResults: values.length,
      startAt: 0,
      total: values.length,
      isLast: true,
      values,
    });
    const ids = Array.from({ length: 51 }, (_, i) => `5b10a2844c20165700ede${String(i).padStart(3, '0')}`);
    const { client: c, t } = client(
      { status: 200, body: page([user(ids[0]!, 'Amara Okafor'), user(ids[1]!, 'Former user', false)]) },
      { status: 200, body: page([]) },
    );
    const users = await c.usersByAccountIds([...ids, ids[0]!]);
    expect(users.map((u) => [u.accountId, u.displayName, u.active])).toEqual([
      [ids[0], 'Amara Okafor', true],
      [ids[1], 'Former user', false],
    ]);
    // 51 distinct ids: one request of 50 (each id as its own accountId parameter), then one of 1.
    expect(
      t.sent.map((r) => new URL(r.path.value, 'https://x').searchParams.getAll('accountId').length),
    ).toEqual([50, 1]);
  },
  comments: async () => {
    const comment = (id: string) => ({
      self: `https://example.atlassian.net/rest/api/3/issue/10001/comment/${id}`,
      id,
      author: {
        self: 'https://example.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g',
        accountId: '5b10a2844c20165700ede21g',
        displayName: 'Amara Okafor',
        active: true,
      },
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why?' }] }],
      },
      created: '2026-11-20T09:00:00.000+0000',
      updated: '2026-11-20T09:00:00.000+0000',
      jsdPublic: true,
      properties: [{ key: 'valuerank-question', value: { kind: 'question' } }],
    });
    const ids = Array.from({ length: 101 }, (_, i) => String(10000 + i));
    const { client: c, t } = client(
      {
        status: 200,
        body: { startAt: 0, maxResults: 100, total: 101, comments: ids.slice(0, 100).map(comment) },
      },
      {
        status: 200,
        body: { startAt: 100, maxResults: 100, total: 101, comments: ids.slice(100).map(comment) },
      },
    );
    const all = await c.comments('TRAIL-1');
    expect(all.map((x) => x.id)).toEqual(ids);
    expect(all[0]?.properties?.[0]?.key).toBe('valuerank-question');
    expect(t.sent.map((r) => new URL(r.path.value, 'https://x').searchParams.get('startAt'))).toEqual([
      '0',
      '100',
    ]);
  },
  addComment: async () => {
    const body = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why?' }] }],
    };
    const { client: c, t } = client({
      status: 201,
      body: { id: '10010', created: '2026-11-20T09:00:00.000+0000', body, jsdPublic: true },
    });
    const added = await c.addComment('TRAIL-1', body, [
      { key: 'valuerank-question', value: { kind: 'question' } },
    ]);
    expect(added.id).toBe('10010');
    expect(t.sent[0]?.body).toEqual({
      body,
      properties: [{ key: 'valuerank-question', value: { kind: 'question' } }],
    });
    await expect(
      client().client.addComment('TRAIL-1', body, [{ key: 'k', value: 'x'.repeat(40_000) }]),
    ).rejects.toThrow(RangeError);
  },
  setCommentProperty: async () => {
    await client({ status: 201, body: {} }).client.setCommentProperty('10010', 'valuerank-question', {
      kind: 'question',
      state: 'answered',
    });
    await client({ status: 200, body: {} }).client.setCommentProperty('10010', 'valuerank-question', [1]);
  },
  usersWhoCanBrowse: async () => {
    const user = {
      self: 'https://example.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g',
      accountId: '5b10a2844c20165700ede21g',
      accountType: 'atlassian',
      displayName: 'Mia Krystof',
      active: true,
    };
    const found = await client({ status: 200, body: [user] }).client.usersWhoCanBrowse({
      projectKey: 'TRAIL',
      query: 'mia',
    });
    expect(found.map((u) => u.displayName)).toEqual(['Mia Krystof']);
    await client({ status: 200, body: [] }).client.usersWhoCanBrowse({
      projectKey: 'TRAIL',
      accountId: '5b10a2844c20165700ede21g',
      maxResults: 1,
    });
  },
  editIssue: async () => {
    await client({ status: 204 }).client.editIssue('TRAIL-1', { customfield_10030: 8 });
    await client({ status: 204 }).client.editIssue('TRAIL-2', { customfield_10040: { value: 'High' } });
  },
  setIssueProperty: async () => {
    await client({ status: 200, body: {} }).client.setIssueProperty('TRAIL-1', 'valuerank.score', {
      score: 1,
    });
    await client({ status: 201, body: {} }).client.setIssueProperty('TRAIL-1', 'valuerank.score', [1, 2]);
  },
};

describe('Jira client against the OpenAPI specs', () => {
  it('exercises every public method of the client', () => {
    const methods = Object.getOwnPropertyNames(JiraClient.prototype).filter(
      (name) =>
        name !== 'constructor' &&
        !['send', 'json', 'parse', 'unexpectedStatus', 'readProperty', 'writeProperty'].includes(name),
    );
    expect(Object.keys(exercises).sort()).toEqual(methods.sort());
  });

  it.each(Object.keys(exercises))('%s: requests and sample answers match the specs', async (name) => {
    await expect(exercises[name]!()).resolves.not.toThrow();
  });

  it('the sample error body is what Jira documents', () => {
    expect(
      contract.checkResponse(
        { method: 'GET', url: '/rest/api/3/mypermissions?permissions=EDIT_ISSUES' },
        { status: 400, body: sampleErrorBody },
      ),
    ).toEqual([]);
  });

  it('would catch a request or answer that drifts from the spec', () => {
    expect(
      contract.checkRequest({
        method: 'PUT',
        url: '/rest/agile/1.0/issue/rank',
        body: { issues: 'TRAIL-1' },
      }),
    ).not.toEqual([]);
    expect(
      contract.checkResponse(
        { method: 'GET', url: '/rest/agile/1.0/board?projectKeyOrId=TRAIL' },
        { status: 200, body: { values: [{ id: 'one' }] } },
      ),
    ).not.toEqual([]);
  });

  it('the manifest asks for exactly the scopes these operations need, and storage', () => {
    const shared = sharedDataDir();
    const specs = {
      platform: JSON.parse(fs.readFileSync(path.join(shared, 'jira-openapi/jira-platform-v3.json'), 'utf8')),
      software: JSON.parse(fs.readFileSync(path.join(shared, 'jira-openapi/jira-software-v3.json'), 'utf8')),
    } as Record<
      string,
      {
        paths: Record<
          string,
          Record<
            string,
            {
              security?: Array<Record<string, string[]>>;
              'x-atlassian-oauth2-scopes'?: Array<{ scopes: string[]; state: string }>;
            }
          >
        >;
      }
    >;
    // Where the spec also lists a narrower granular scope for an operation, the manifest may ask for that
    // one instead of the broad classic scope (ADR 5); the spec must list it for that very operation.
    const narrower: Record<string, string> = {
      'PUT /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}': 'write:project.property:jira',
      // The only platform write: the granular issue property scope, not classic write:jira-work (ADR 2).
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': 'write:issue.property:jira',
      // Questions for the PO: a comment (as the user) and a comment property, not classic write:jira-work.
      'POST /rest/api/3/issue/{issueIdOrKey}/comment': 'write:comment:jira',
      'PUT /rest/api/3/comment/{commentId}/properties/{propertyKey}': 'write:comment.property:jira',
      // Prioritize's inline edit of a score input (as the user): the granular issue write, not write:jira-work.
      'PUT /rest/api/3/issue/{issueIdOrKey}': 'write:issue:jira',
    };
    const needed = new Set<string>(['storage:app']);
    for (const op of used.values()) {
      const operation = specs[op.spec]!.paths[op.pathTemplate]![op.method.toLowerCase()]!;
      const chosen = narrower[`${op.method} ${op.pathTemplate}`];
      if (chosen !== undefined) {
        expect(operation['x-atlassian-oauth2-scopes']?.flatMap((s) => s.scopes)).toContain(chosen);
        needed.add(chosen);
        continue;
      }
      // Prefer the classic scopes where the platform API still takes them; the Agile API takes granular ones.
      const classic = operation['x-atlassian-oauth2-scopes']?.find((s) => s.state === 'Current')?.scopes;
      const granular = operation.security?.flatMap((s) => s.OAuth2 ?? []);
      for (const scope of classic ?? granular ?? []) needed.add(scope);
    }
    const manifest = parse(fs.readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8')) as {
      permissions: { scopes: string[] };
    };
    expect(used.size).toBeGreaterThanOrEqual(13);
    expect([...manifest.permissions.scopes].sort()).toEqual([...needed].sort());
  });
});
