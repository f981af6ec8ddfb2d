/**
 * Sample Jira responses the client tests use. Each is checked against Atlassian's OpenAPI specs by
 * test/jira/contract.test.ts, so the tests cannot drift from what Jira really sends.
 */
const site = 'https://example.atlassian.net';

export const sampleMyself = {
  self: `${site}/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
  accountId: '5b10a2844c20165700ede21g',
  accountType: 'atlassian',
  emailAddress: 'amara@example.com',
  displayName: 'Amara Okafor',
  active: true,
  timeZone: 'Europe/London',
  locale: 'en_GB',
  avatarUrls: { '48x48': `${site}/avatar/48.png` },
  groups: { size: 1, items: [] },
  applicationRoles: { size: 1, items: [] },
};

export const sampleFields = [
  {
    id: 'summary',
    key: 'summary',
    name: 'Summary',
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['summary'],
    schema: { type: 'string', system: 'summary' },
  },
  {
    id: 'customfield_10016',
    key: 'customfield_10016',
    name: 'Story Points',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['cf[10016]', 'Story Points'],
    schema: {
      type: 'number',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      customId: 10016,
    },
  },
  {
    id: 'customfield_10019',
    key: 'customfield_10019',
    name: 'Rank',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: ['cf[10019]', 'Rank'],
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 },
  },
];

export const samplePermissions = {
  permissions: {
    SCHEDULE_ISSUES: {
      id: '28',
      key: 'SCHEDULE_ISSUES',
      name: 'Schedule Issues',
      type: 'PROJECT',
      description: 'Ability to set and edit due dates and rank issues.',
      havePermission: true,
    },
    EDIT_ISSUES: {
      id: '12',
      key: 'EDIT_ISSUES',
      name: 'Edit Issues',
      type: 'PROJECT',
      description: 'Ability to edit issues.',
      havePermission: false,
    },
  },
};

export function sampleBoardsPage(startAt: number, ids: number[], isLast: boolean) {
  return {
    maxResults: 50,
    startAt,
    isLast,
    values: ids.map((id) => ({
      id,
      self: `${site}/rest/agile/1.0/board/${id}`,
      name: `Board ${id}`,
      type: 'scrum',
      location: {
        projectId: 10000,
        projectKey: 'TRAIL',
        projectName: 'Trailhead',
        projectTypeKey: 'software',
      },
    })),
  };
}

export const sampleBoardConfiguration = {
  id: 1,
  name: 'TRAIL board',
  type: 'scrum',
  self: `${site}/rest/agile/1.0/board/1/configuration`,
  location: { type: 'project', projectKeyOrId: '10000' },
  filter: { id: '10001', self: `${site}/rest/api/3/filter/10001` },
  columnConfig: {
    columns: [{ name: 'To Do', statuses: [{ id: '10000', self: `${site}/rest/api/3/status/10000` }] }],
    constraintType: 'issueCount',
  },
  estimation: { type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story Points' } },
  ranking: { rankCustomFieldId: 10019 },
};

export function sampleIssue(n: number, fields: Record<string, unknown> = {}) {
  return {
    expand: '',
    id: String(10000 + n),
    self: `${site}/rest/api/3/issue/${10000 + n}`,
    key: `TRAIL-${n}`,
    fields: { summary: `Issue ${n}`, customfield_10016: (n % 8) + 1, ...fields },
  };
}

export function sampleBacklogPage(startAt: number, count: number, total: number, maxResults = 50) {
  return {
    expand: 'schema,names',
    startAt,
    maxResults,
    total,
    issues: Array.from({ length: count }, (_, i) => sampleIssue(startAt + i + 1)),
  };
}

export function sampleJqlPage(from: number, count: number, nextPageToken?: string) {
  return {
    issues: Array.from({ length: count }, (_, i) => sampleIssue(from + i)),
    ...(nextPageToken ? { nextPageToken, isLast: false } : { isLast: true }),
  };
}

export const sampleRank207 = {
  entries: [
    { issueId: 10001, issueKey: 'TRAIL-1', status: 200 },
    {
      issueId: 10002,
      issueKey: 'TRAIL-2',
      status: 503,
      errors: ['JIRA Agile cannot execute the rank operation at this time. Please try again later.'],
    },
  ],
};

export const sampleProperty = { key: 'valuerank.score', value: { score: 12.5, model: 'wsjf' } };

export const sampleErrorBody = {
  errorMessages: ['The value supplied for jql is invalid.'],
  errors: { jql: "Field 'foo' does not exist or you do not have permission to view it." },
};

const author = {
  self: `${site}/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
  accountId: '5b10a2844c20165700ede21g',
  displayName: 'Amara Okafor',
  active: true,
  timeZone: 'Europe/London',
  accountType: 'atlassian',
  avatarUrls: { '48x48': `${site}/avatar/48.png` },
};

/** `GET /issue/{key}/changelog` pages: oldest first; `count` entries from `startAt` of `total`. */
export function sampleChangelogPage(startAt: number, count: number, total: number, maxResults = 100) {
  const isLast = startAt + count >= total;
  return {
    self: `${site}/rest/api/3/issue/TRAIL-1/changelog?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast
      ? {}
      : {
          nextPage: `${site}/rest/api/3/issue/TRAIL-1/changelog?startAt=${startAt + count}&maxResults=${maxResults}`,
        }),
    maxResults,
    startAt,
    total,
    isLast,
    values: Array.from({ length: count }, (_, i) => {
      const n = startAt + i;
      return {
        id: String(10100 + n),
        author,
        created: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00.000+0000`,
        items: [
          {
            field: 'Business Value',
            fieldtype: 'custom',
            fieldId: 'customfield_10030',
            fromString: String(n),
            toString: String(n + 1),
          },
        ],
      };
    }),
  };
}
