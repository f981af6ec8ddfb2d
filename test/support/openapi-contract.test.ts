import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadJiraContract } from './openapi-contract';
import type { HttpExchangeRequest, JiraContract } from './openapi-contract';
import type * as ContractModule from './openapi-contract';

const SITE = 'https://your-domain.atlassian.net';

function realisticUser(): Record<string, unknown> {
  return {
    self: `${SITE}/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
    accountId: '5b10a2844c20165700ede21g',
    accountType: 'atlassian',
    emailAddress: 'mia@example.com',
    avatarUrls: {
      '48x48': 'https://avatar-management.services.atlassian.com/initials/MK-5.png?size=48',
      '24x24': 'https://avatar-management.services.atlassian.com/initials/MK-5.png?size=24',
      '16x16': 'https://avatar-management.services.atlassian.com/initials/MK-5.png?size=16',
      '32x32': 'https://avatar-management.services.atlassian.com/initials/MK-5.png?size=32',
    },
    displayName: 'Mia Krystof',
    active: true,
    timeZone: 'Australia/Sydney',
    locale: 'en_US',
    groups: { size: 3, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

function boardConfiguration(): Record<string, unknown> {
  return {
    id: 84,
    name: 'VR board',
    type: 'scrum',
    self: `${SITE}/rest/agile/1.0/board/84/configuration`,
    location: { type: 'project', projectKeyOrId: '10010' },
    filter: { id: '1001', self: `${SITE}/rest/api/3/filter/1001` },
    subQuery: { query: 'fixVersion in unreleasedVersions() OR fixVersion is EMPTY' },
    columnConfig: {
      columns: [
        { name: 'To Do', statuses: [{ id: '10000', self: `${SITE}/rest/api/3/status/10000` }] },
        { name: 'In Progress', statuses: [{ id: '3', self: `${SITE}/rest/api/3/status/3` }], min: 2, max: 4 },
        { name: 'Done', statuses: [{ id: '10001', self: `${SITE}/rest/api/3/status/10001` }] },
      ],
      constraintType: 'issueCount',
    },
    estimation: {
      type: 'field',
      field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' },
    },
    ranking: { rankCustomFieldId: 10019 },
  };
}

function backlogPage(): Record<string, unknown> {
  return {
    expand: 'schema,names',
    startAt: 0,
    maxResults: 50,
    total: 1,
    issues: [
      {
        expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
        id: '10001',
        self: `${SITE}/rest/agile/1.0/issue/10001`,
        key: 'VR-1',
        fields: { summary: 'Rank by value', customfield_10019: '0|i0000f:', flagged: false, sprint: null },
      },
    ],
  };
}

const searchJql = (body: unknown): HttpExchangeRequest => ({
  method: 'POST',
  url: '/rest/api/3/search/jql',
  body,
});
const rank = (body?: unknown): HttpExchangeRequest => ({
  method: 'PUT',
  url: '/rest/agile/1.0/issue/rank',
  body,
});
const myself: HttpExchangeRequest = { method: 'GET', url: '/rest/api/3/myself' };
const boardConfig: HttpExchangeRequest = { method: 'GET', url: '/rest/agile/1.0/board/84/configuration' };

let contract: JiraContract;

beforeAll(() => {
  contract = loadJiraContract();
});

describe('loadJiraContract', () => {
  it('is a cached singleton: the same object, no spec read again', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const read = jest.spyOn(require('node:fs') as typeof fs, 'readFileSync');
    try {
      expect(loadJiraContract()).toBe(contract);
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('names the missing directory when VALUERANK_SHARED_DATA points nowhere', () => {
    const saved = process.env.VALUERANK_SHARED_DATA;
    process.env.VALUERANK_SHARED_DATA = '/nonexistent/shared/data';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('./openapi-contract') as typeof ContractModule;
        expect(() => fresh.loadJiraContract()).toThrow(
          /\/nonexistent\/shared\/data\/jira-openapi\/jira-platform-v3\.json.*VALUERANK_SHARED_DATA/,
        );
      });
    } finally {
      if (saved === undefined) delete process.env.VALUERANK_SHARED_DATA;
      else process.env.VALUERANK_SHARED_DATA = saved;
    }
  });
});

describe('match', () => {
  it('finds platform and software operations with their operation ids', () => {
    expect(contract.match('get', '/rest/api/3/myself')).toEqual({
      spec: 'platform',
      pathTemplate: '/rest/api/3/myself',
      method: 'GET',
      operationId: 'getCurrentUser',
    });
    expect(contract.match('GET', '/rest/agile/1.0/board/1/backlog?startAt=0&maxResults=50')).toEqual({
      spec: 'software',
      pathTemplate: '/rest/agile/1.0/board/{boardId}/backlog',
      method: 'GET',
      operationId: 'getIssuesForBacklog',
    });
  });

  it('matches issue property GET and PUT, with encoded property keys', () => {
    const template = '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
    expect(contract.match('GET', '/rest/api/3/issue/VR-12/properties/valuerank.score')).toMatchObject({
      pathTemplate: template,
      operationId: 'getIssueProperty',
    });
    expect(contract.match('PUT', '/rest/api/3/issue/10001/properties/valuerank%2Escore')).toMatchObject({
      pathTemplate: template,
      operationId: 'setIssueProperty',
    });
  });

  it('prefers literal segments over templated ones', () => {
    expect(contract.match('GET', '/rest/api/3/issue/picker?query=rank')?.pathTemplate).toBe(
      '/rest/api/3/issue/picker',
    );
    expect(contract.match('GET', '/rest/api/3/issue/VR-1')?.pathTemplate).toBe(
      '/rest/api/3/issue/{issueIdOrKey}',
    );
    expect(contract.match('GET', '/rest/agile/1.0/board/7/epic/none/issue')?.pathTemplate).toBe(
      '/rest/agile/1.0/board/{boardId}/epic/none/issue',
    );
    expect(contract.match('GET', '/rest/agile/1.0/board/7/epic/12/issue')?.pathTemplate).toBe(
      '/rest/agile/1.0/board/{boardId}/epic/{epicId}/issue',
    );
    expect(contract.match('GET', '/rest/agile/1.0/board/filter/10040')?.pathTemplate).toBe(
      '/rest/agile/1.0/board/filter/{filterId}',
    );
  });

  it('lets the method choose between same-shaped templates', () => {
    expect(contract.match('GET', '/rest/api/3/notificationscheme/10100')?.pathTemplate).toBe(
      '/rest/api/3/notificationscheme/{id}',
    );
    expect(contract.match('DELETE', '/rest/api/3/notificationscheme/10100')?.pathTemplate).toBe(
      '/rest/api/3/notificationscheme/{notificationSchemeId}',
    );
  });

  it('accepts absolute URLs and ignores fragments', () => {
    expect(contract.match('GET', `${SITE}/rest/api/3/myself?expand=groups#top`)?.operationId).toBe(
      'getCurrentUser',
    );
  });

  it('does not match unknown paths or methods', () => {
    expect(contract.match('GET', '/rest/api/3/nope')).toBeUndefined();
    expect(contract.match('PATCH', '/rest/api/3/myself')).toBeUndefined();
    expect(contract.match('PUT', '/rest/api/3/issue/picker')).toBeUndefined();
    expect(contract.match('GET', '/rest/api/3/issue/')).toBeUndefined();
  });
});

describe('checkRequest', () => {
  it('reports unknown operations', () => {
    expect(contract.checkRequest({ method: 'GET', url: '/rest/api/3/nope?x=1' })).toEqual([
      'no operation GET /rest/api/3/nope?x=1 in the Jira specs',
    ]);
    expect(contract.checkRequest({ method: 'PUT', url: '/rest/api/3/issue/picker' })).toEqual([
      'no operation PUT /rest/api/3/issue/picker in the Jira specs (/rest/api/3/issue/picker supports GET)',
    ]);
  });

  describe('query parameters', () => {
    it('accepts documented parameters of the right types', () => {
      expect(
        contract.checkRequest({ method: 'GET', url: '/rest/agile/1.0/board?projectKeyOrId=ABC&startAt=0' }),
      ).toEqual([]);
      const url = '/rest/agile/1.0/board?maxResults=50&includePrivate=true&orderBy=-name&name=Value%20board';
      expect(contract.checkRequest({ method: 'GET', url })).toEqual([]);
    });

    it('flags unknown query parameters', () => {
      expect(
        contract.checkRequest({ method: 'GET', url: '/rest/agile/1.0/board?projectKey=ABC&startAt=0' }),
      ).toEqual(["GET /rest/agile/1.0/board: unknown query parameter 'projectKey'"]);
    });

    it('checks integer, boolean and enum values', () => {
      const url = '/rest/agile/1.0/board?startAt=first&includePrivate=yes&orderBy=size';
      expect(contract.checkRequest({ method: 'GET', url })).toEqual([
        'GET /rest/agile/1.0/board query: /startAt must be integer',
        'GET /rest/agile/1.0/board query: /includePrivate must be boolean',
        'GET /rest/agile/1.0/board query: /orderBy must be equal to one of the allowed values: ["name","-name","+name"]',
      ]);
    });

    it('takes query parameters documented as opaque objects as strings (Agile spec quirk)', () => {
      expect(contract.checkRequest({ method: 'GET', url: '/rest/agile/1.0/board?type=scrum' })).toEqual([]);
      const backlog =
        '/rest/agile/1.0/board/1/backlog?startAt=0&maxResults=50&fields=summary,customfield_10019';
      expect(contract.checkRequest({ method: 'GET', url: backlog })).toEqual([]);
    });

    it('accepts arrays comma-separated or repeated, and checks their items', () => {
      expect(
        contract.checkRequest({ method: 'GET', url: '/rest/api/3/project/search?id=10000,10001&id=10002' }),
      ).toEqual([]);
      expect(contract.checkRequest({ method: 'GET', url: '/rest/api/3/project/search?id=10000,VR' })).toEqual(
        ['GET /rest/api/3/project/search query: /id/1 must be integer'],
      );
      expect(contract.checkRequest({ method: 'GET', url: '/rest/api/3/project/search?id=1,1' })).toEqual([
        'GET /rest/api/3/project/search query: /id must NOT have duplicate items (items ## 1 and 0 are identical)',
      ]);
    });

    it('flags a repeated scalar parameter', () => {
      expect(
        contract.checkRequest({ method: 'GET', url: '/rest/agile/1.0/board?startAt=0&startAt=50' }),
      ).toEqual(["GET /rest/agile/1.0/board: query parameter 'startAt' given 2 times but is not an array"]);
    });

    it('requires required query parameters', () => {
      expect(contract.checkRequest({ method: 'GET', url: '/rest/api/3/workflowscheme/project' })).toEqual([
        "GET /rest/api/3/workflowscheme/project: missing required query parameter 'projectId'",
      ]);
      const url = '/rest/api/3/workflowscheme/project?projectId=10000&projectId=10001';
      expect(contract.checkRequest({ method: 'GET', url })).toEqual([]);
    });
  });

  describe('path parameters', () => {
    it('checks values against their schema', () => {
      expect(contract.checkRequest({ method: 'GET', url: '/rest/agile/1.0/board/84/configuration' })).toEqual(
        [],
      );
      expect(contract.checkRequest({ method: 'GET', url: '/rest/agile/1.0/board/VR/configuration' })).toEqual(
        ['GET /rest/agile/1.0/board/{boardId}/configuration path: /boardId must be integer'],
      );
      expect(
        contract.checkRequest({ method: 'GET', url: '/rest/api/3/issue/VR-1/properties/valuerank' }),
      ).toEqual([]);
    });
  });

  describe('request bodies', () => {
    it('accepts a valid POST /rest/api/3/search/jql body', () => {
      const body = {
        jql: 'project = VR AND statusCategory != Done ORDER BY Rank ASC',
        fields: ['summary', 'status', 'customfield_10019'],
        maxResults: 100,
        nextPageToken: 'CAEaAggD',
      };
      expect(contract.checkRequest(searchJql(body))).toEqual([]);
    });

    it('rejects a search/jql body with a string maxResults or the old startAt paging', () => {
      expect(contract.checkRequest(searchJql({ jql: 'project = VR', maxResults: '50' }))).toEqual([
        'POST /rest/api/3/search/jql request body: /maxResults must be integer',
      ]);
      expect(contract.checkRequest(searchJql({ jql: 'project = VR', startAt: 50 }))).toEqual([
        "POST /rest/api/3/search/jql request body: (root) must NOT have additional properties 'startAt'",
      ]);
      expect(contract.checkRequest(searchJql({ jql: 'project = VR', fields: 'summary' }))).toEqual([
        'POST /rest/api/3/search/jql request body: /fields must be array',
      ]);
    });

    it('accepts a valid PUT /rest/agile/1.0/issue/rank body and rejects a wrong one', () => {
      expect(contract.checkRequest(rank({ issues: ['VR-3', '10004'], rankBeforeIssue: 'VR-1' }))).toEqual([]);
      expect(
        contract.checkRequest(rank({ issues: ['VR-3'], rankAfterIssue: 'VR-1', rankCustomFieldId: 10019 })),
      ).toEqual([]);
      expect(contract.checkRequest(rank({ issues: 'VR-3', rankBeforeIssue: 10001, before: 'VR-1' }))).toEqual(
        [
          "PUT /rest/agile/1.0/issue/rank request body: (root) must NOT have additional properties 'before'",
          'PUT /rest/agile/1.0/issue/rank request body: /issues must be array',
          'PUT /rest/agile/1.0/issue/rank request body: /rankBeforeIssue must be string',
        ],
      );
    });

    it('requires a required body and refuses a body where none is documented', () => {
      expect(contract.checkRequest(rank())).toEqual([
        'PUT /rest/agile/1.0/issue/rank request body: required body is missing',
      ]);
      expect(contract.checkRequest({ ...myself, body: { accountId: 'x' } })).toEqual([
        'GET /rest/api/3/myself request body: the operation takes no body but got one',
      ]);
    });

    it('accepts any JSON as an issue property value (the schema is {})', () => {
      const url = '/rest/api/3/issue/VR-1/properties/valuerank';
      expect(contract.checkRequest({ method: 'PUT', url, body: { score: 42, wsjf: [1, 2] } })).toEqual([]);
      expect(contract.checkRequest({ method: 'PUT', url, body: 'x' })).toEqual([]);
    });

    it('understands nullable properties and nullable enums', () => {
      const priority = (body: unknown): HttpExchangeRequest => ({
        method: 'POST',
        url: '/rest/api/3/priority',
        body,
      });
      expect(
        contract.checkRequest(
          priority({ name: 'Value', statusColor: '#00875A', description: null, iconUrl: null }),
        ),
      ).toEqual([]);
      expect(
        contract.checkRequest(
          priority({ name: 'Value', statusColor: '#00875A', description: 5, iconUrl: 'x.png' }),
        ),
      ).toEqual([
        'POST /rest/api/3/priority request body: /description must be string,null',
        expect.stringMatching(
          /^POST \/rest\/api\/3\/priority request body: \/iconUrl must be equal to one of the allowed values: \[.*null\]$/,
        ),
      ]);
      expect(contract.checkRequest(priority({ statusColor: '#00875A' }))).toEqual([
        "POST /rest/api/3/priority request body: (root) must have required property 'name'",
      ]);
    });
  });

  it('assertRequest throws listing the problems, and passes valid requests', () => {
    expect(() => contract.assertRequest(searchJql({ jql: 'project = VR' }))).not.toThrow();
    expect(() => contract.assertRequest(searchJql({ jql: 1 }))).toThrow(
      'Jira contract violation in POST /rest/api/3/search/jql request:\n' +
        '  - POST /rest/api/3/search/jql request body: /jql must be string',
    );
  });
});

describe('checkResponse', () => {
  it('accepts a realistic GET /rest/api/3/myself user', () => {
    expect(contract.checkResponse(myself, { status: 200, body: realisticUser() })).toEqual([]);
  });

  it('rejects a user with wrong types, enum values, formats or undocumented fields', () => {
    const body = {
      ...realisticUser(),
      active: 'yes',
      accountType: 'robot',
      avatarUrls: { '48x48': 'not a uri' },
      team: 'VR',
    };
    expect(contract.checkResponse(myself, { status: 200, body })).toEqual([
      "GET /rest/api/3/myself 200: (root) must NOT have additional properties 'team'",
      'GET /rest/api/3/myself 200: /accountType must be equal to one of the allowed values: ["atlassian","app","customer","unknown"]',
      'GET /rest/api/3/myself 200: /active must be boolean',
      'GET /rest/api/3/myself 200: /avatarUrls/48x48 must match format "uri"',
    ]);
    expect(contract.checkResponse(myself, { status: 200 })).toEqual([
      'GET /rest/api/3/myself 200: expected a JSON body',
    ]);
  });

  it('flags a status the operation does not document, and accepts documented error statuses', () => {
    // GET /rest/api/3/myself documents 200 and 401 only; getIssueProperty documents 404.
    expect(contract.checkResponse(myself, { status: 404 })).toEqual([
      'GET /rest/api/3/myself 404: status 404 is not documented (documented: 200, 401)',
    ]);
    const errorBody = { errorMessages: ['You are not logged in.'], errors: {} };
    expect(contract.checkResponse(myself, { status: 401, body: errorBody })).toEqual([]);
    const property = { method: 'GET', url: '/rest/api/3/issue/VR-1/properties/valuerank' };
    expect(
      contract.checkResponse(property, { status: 404, body: { errorMessages: ['No property'], errors: {} } }),
    ).toEqual([]);
    expect(
      contract.checkResponse(property, { status: 200, body: { key: 'valuerank', value: { score: 3 } } }),
    ).toEqual([]);
  });

  it('validates GET /rest/agile/1.0/board/{boardId}/configuration', () => {
    expect(contract.checkResponse(boardConfig, { status: 200, body: boardConfiguration() })).toEqual([]);
    const body = boardConfiguration();
    body.location = { type: 'team', projectKeyOrId: '10010' };
    body.columnConfig = { columns: [{ name: 'To Do', statuses: [{ id: 10000 }], min: 'two' }] };
    expect(contract.checkResponse(boardConfig, { status: 200, body })).toEqual([
      'GET /rest/agile/1.0/board/{boardId}/configuration 200: /location/type must be equal to one of the allowed values: ["project","user"]',
      'GET /rest/agile/1.0/board/{boardId}/configuration 200: /columnConfig/columns/0/statuses/0/id must be string',
      'GET /rest/agile/1.0/board/{boardId}/configuration 200: /columnConfig/columns/0/min must be integer',
    ]);
  });

  it('is as strict as the spec: Jira’s own example board location (key, id, ...) is not in the schema', () => {
    const body = { ...boardConfiguration(), location: { type: 'project', key: 'VR', id: '10010' } };
    expect(contract.checkResponse(boardConfig, { status: 200, body })).toEqual([
      "GET /rest/agile/1.0/board/{boardId}/configuration 200: /location must NOT have additional properties 'key'",
      "GET /rest/agile/1.0/board/{boardId}/configuration 200: /location must NOT have additional properties 'id'",
    ]);
  });

  it('validates backlog pages through $ref components, naming the failing instance', () => {
    const req = { method: 'GET', url: '/rest/agile/1.0/board/84/backlog?startAt=0&maxResults=50' };
    expect(contract.checkResponse(req, { status: 200, body: backlogPage() })).toEqual([]);
    const page = backlogPage();
    page.issues = [{ id: 10001, key: 'VR-1', fields: {} }];
    expect(contract.checkResponse(req, { status: 200, body: page })).toEqual([
      'GET /rest/agile/1.0/board/{boardId}/backlog 200: /issues/0/id must be string',
    ]);
  });

  it('checks PUT /rest/agile/1.0/issue/rank responses: empty 204, PartialSuccessBean 207', () => {
    expect(contract.checkResponse(rank({ issues: ['VR-3'] }), { status: 204 })).toEqual([]);
    expect(
      contract.checkResponse(rank({ issues: ['VR-3'] }), { status: 204, body: { entries: [] } }),
    ).toEqual(['PUT /rest/agile/1.0/issue/rank 204: documented without a body but got an object']);
    const partial = {
      entries: [
        { issueId: 10003, issueKey: 'VR-3', status: 200 },
        {
          issueId: 10004,
          issueKey: 'VR-4',
          status: 503,
          errors: ['Jira Software cannot rank at this time.'],
        },
      ],
    };
    expect(
      contract.checkResponse(rank({ issues: ['VR-3', 'VR-4'] }), { status: 207, body: partial }),
    ).toEqual([]);
    const wrong = { entries: [{ issueId: '10003', issueKey: 'VR-3', status: 200, error: 'x' }] };
    expect(contract.checkResponse(rank({ issues: ['VR-3'] }), { status: 207, body: wrong })).toEqual([
      "PUT /rest/agile/1.0/issue/rank 207: /entries/0 must NOT have additional properties 'error'",
      'PUT /rest/agile/1.0/issue/rank 207: /entries/0/issueId must be integer',
    ]);
  });

  it('validates GET /rest/agile/1.0/board pages', () => {
    const req = { method: 'GET', url: '/rest/agile/1.0/board?projectKeyOrId=VR&startAt=0' };
    const board = { id: 84, self: `${SITE}/rest/agile/1.0/board/84`, name: 'VR board', type: 'scrum' };
    const page = { maxResults: 50, startAt: 0, total: 1, isLast: true, values: [board] };
    expect(contract.checkResponse(req, { status: 200, body: page })).toEqual([]);
    expect(contract.checkResponse(req, { status: 200, body: { ...page, isLast: 'true' } })).toEqual([
      'GET /rest/agile/1.0/board 200: /isLast must be boolean',
    ]);
  });

  it('keeps date-time real (Jira offsets with or without a colon)', () => {
    const req = { method: 'GET', url: '/rest/api/3/issue/VR-1/comment?startAt=0&maxResults=50' };
    const page = (created: string): Record<string, unknown> => ({
      startAt: 0,
      maxResults: 50,
      total: 1,
      comments: [{ id: '10000', self: `${SITE}/rest/api/3/issue/10010/comment/10000`, created }],
    });
    expect(contract.checkResponse(req, { status: 200, body: page('2025-04-11T15:22:00.000+10:00') })).toEqual(
      [],
    );
    expect(contract.checkResponse(req, { status: 200, body: page('2025-04-11T15:22:00.000+0000') })).toEqual(
      [],
    );
    expect(contract.checkResponse(req, { status: 200, body: page('next Tuesday') })).toEqual([
      'GET /rest/api/3/issue/{issueIdOrKey}/comment 200: /comments/0/created must match format "date-time"',
    ]);
  });

  it('accepts any JSON body where the Agile spec gives only an example (e.g. GET sprint)', () => {
    const req = { method: 'GET', url: '/rest/agile/1.0/sprint/37' };
    expect(
      contract.checkResponse(req, { status: 200, body: { id: 37, state: 'active', anything: true } }),
    ).toEqual([]);
    expect(contract.checkResponse(req, { status: 418, body: {} })).toEqual([
      'GET /rest/agile/1.0/sprint/{sprintId} 418: status 418 is not documented (documented: 200, 401, 403, 404)',
    ]);
  });

  it('assertResponse throws listing the problems, and passes valid responses', () => {
    expect(() => contract.assertResponse(myself, { status: 200, body: realisticUser() })).not.toThrow();
    expect(() => contract.assertResponse(myself, { status: 500 })).toThrow(
      'Jira contract violation in GET /rest/api/3/myself 500 response:\n' +
        '  - GET /rest/api/3/myself 500: status 500 is not documented (documented: 200, 401)',
    );
  });
});

describe('OpenAPI 3.0 conversion (synthetic spec via VALUERANK_SHARED_DATA)', () => {
  const schemas = {
    Thing: {
      type: 'object',
      additionalProperties: false,
      'x-atlassian-internal': true,
      properties: {
        owner: { nullable: true, readOnly: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
        variable: { $ref: '#/components/schemas/Variable', description: 'ignored sibling' },
        tags: {
          type: 'array',
          nullable: true,
          enum: ['a', 'b'],
          items: { type: 'string', enum: ['a', 'b'] },
        },
        opaque: { type: 'object', additionalProperties: false },
        example: { type: 'string', example: 'x', xml: { attribute: true } },
      },
    },
    Owner: {
      type: 'object',
      additionalProperties: false,
      required: ['accountId'],
      properties: { accountId: { type: 'string' } },
    },
    Variable: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: { type: { type: 'string' } },
      discriminator: { propertyName: 'type', mapping: { user: '#/components/schemas/UserVariable' } },
      oneOf: [{ $ref: '#/components/schemas/UserVariable' }, { $ref: '#/components/schemas/IssueVariable' }],
    },
    UserVariable: {
      type: 'object',
      required: ['type', 'accountId'],
      properties: { type: { type: 'string' }, accountId: { type: 'string' } },
    },
    IssueVariable: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string' }, id: { type: 'integer' } },
    },
    Error: { type: 'object', properties: { errorMessages: { type: 'array', items: { type: 'string' } } } },
  };
  const platform = {
    openapi: '3.0.1',
    paths: {
      '/rest/api/3/thing/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int64' } },
          ],
          responses: {
            '2XX': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
    },
    components: { schemas },
  };
  const software = { openapi: '3.0.1', paths: {}, components: { schemas: {} } };
  const get: HttpExchangeRequest = { method: 'GET', url: '/rest/api/3/thing/7' };
  let dir: string;
  let synthetic: JiraContract;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valuerank-openapi-'));
    fs.mkdirSync(path.join(dir, 'jira-openapi'));
    fs.writeFileSync(path.join(dir, 'jira-openapi', 'jira-platform-v3.json'), JSON.stringify(platform));
    fs.writeFileSync(path.join(dir, 'jira-openapi', 'jira-software-v3.json'), JSON.stringify(software));
    const saved = process.env.VALUERANK_SHARED_DATA;
    process.env.VALUERANK_SHARED_DATA = dir;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        synthetic = (require('./openapi-contract') as typeof ContractModule).loadJiraContract();
      });
    } finally {
      if (saved === undefined) delete process.env.VALUERANK_SHARED_DATA;
      else process.env.VALUERANK_SHARED_DATA = saved;
    }
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the specs from VALUERANK_SHARED_DATA', () => {
    expect(synthetic.match('GET', '/rest/api/3/thing/7')?.operationId).toBe('getThing');
    expect(synthetic.match('GET', '/rest/api/3/myself')).toBeUndefined();
  });

  it('handles nullable allOf, discriminated oneOf, opaque objects, array enums and 2XX ranges', () => {
    const body = {
      owner: null,
      variable: { type: 'user', accountId: '5b10a2844c20165700ede21g' },
      tags: ['a'],
      opaque: { anything: 1 },
      example: 'kept',
    };
    expect(synthetic.checkResponse(get, { status: 200, body })).toEqual([]);
    expect(
      synthetic.checkResponse(get, { status: 203, body: { owner: { accountId: 'x' }, tags: null } }),
    ).toEqual([]);
  });

  it('reports the real errors behind nullable and composed schemas', () => {
    const body = { owner: {}, variable: {}, tags: ['c'], example: 5 };
    expect(synthetic.checkResponse(get, { status: 200, body })).toEqual([
      "GET /rest/api/3/thing/{id} 200: /owner must have required property 'accountId'",
      "GET /rest/api/3/thing/{id} 200: /variable must have required property 'type'",
      "GET /rest/api/3/thing/{id} 200: /variable must have required property 'accountId'",
      'GET /rest/api/3/thing/{id} 200: /variable must match a schema in anyOf',
      'GET /rest/api/3/thing/{id} 200: /tags/0 must be equal to one of the allowed values: ["a","b"]',
      'GET /rest/api/3/thing/{id} 200: /example must be string',
    ]);
  });

  it('falls back to the default response', () => {
    expect(synthetic.checkResponse(get, { status: 500, body: { errorMessages: ['boom'] } })).toEqual([]);
    expect(synthetic.checkResponse(get, { status: 503, body: { errorMessages: 'boom' } })).toEqual([
      'GET /rest/api/3/thing/{id} 503: /errorMessages must be array',
    ]);
  });
});
