/** Bad input of any shape gets a 4xx with Jira's error body, never a 500. */
import fc from 'fast-check';
import { call, startSite, type TestSite } from './fixture';

let site: TestSite;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
});

const WRITES: Array<[string, string]> = [
  ['PUT', '/rest/agile/1.0/issue/rank'],
  ['POST', '/rest/api/3/search/jql'],
  ['PUT', '/rest/api/3/issue/TRAIL-6'],
  ['PUT', '/rest/api/3/issue/TRAIL-6/properties/p'],
  ['POST', '/rest/api/3/app/field/value'],
  ['PUT', '/rest/api/3/app/field/customfield_10016/value'],
];

const READS = [
  '/rest/agile/1.0/board',
  '/rest/agile/1.0/board/1/backlog',
  '/rest/agile/1.0/board/1/sprint',
  '/rest/api/3/project/search',
  '/rest/api/3/mypermissions',
  '/rest/api/3/search/jql',
  '/rest/api/3/issue/TRAIL-6',
  '/rest/api/3/issue/TRAIL-6/changelog',
];

function expectJiraError(status: number, body: unknown): void {
  expect(status).toBeLessThan(500);
  if (status >= 400) {
    expect(body).toEqual({ errorMessages: expect.any(Array), errors: expect.any(Object) });
  }
}

describe('robustness', () => {
  it('answers random JSON bodies on every write endpoint without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITES),
        fc.jsonValue({ maxDepth: 3 }),
        async ([method, path], body) => {
          const r = await call(site, method, path, {
            rawBody: JSON.stringify(body) ?? 'null',
            app: true,
            contract: 'none',
          });
          expectJiraError(r.status, r.body);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers shaped-but-wrong bodies without a 500', async () => {
    const wrong = fc.record(
      {
        issues: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.integer()),
        rankBeforeIssue: fc.oneof(fc.constant('TRAIL-6'), fc.string(), fc.integer()),
        jql: fc.oneof(fc.constant('project = TRAIL'), fc.string()),
        fields: fc.oneof(
          fc.dictionary(
            fc.constantFrom('summary', 'labels', 'priority', 'parent', 'customfield_10036', 'duedate'),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          fc.array(fc.string()),
        ),
        updates: fc.array(
          fc.record({
            customField: fc.string(),
            issueIds: fc.array(fc.integer()),
            value: fc.jsonValue({ maxDepth: 2 }),
          }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), wrong, async ([method, path], body) => {
        const r = await call(site, method, path, { body, app: true, contract: 'none' });
        expectJiraError(r.status, r.body);
      }),
      { numRuns: 150 },
    );
    await call(site, 'POST', '/_local/reset');
  });

  it('answers random query strings and JQL on every read endpoint without a 500', async () => {
    const param = fc.tuple(
      fc.constantFrom(
        'startAt',
        'maxResults',
        'jql',
        'fields',
        'expand',
        'state',
        'type',
        'permissions',
        'orderBy',
        'projectKeyOrId',
        'nextPageToken',
      ),
      fc.oneof(
        fc.string(),
        fc.integer().map(String),
        fc.constantFrom('-1', '1e9', 'project = TRAIL ORDER BY', '((', '"', 'cf[1] ~ x'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...READS), fc.array(param, { maxLength: 3 }), async (path, params) => {
        const query = new URLSearchParams(params).toString();
        const r = await call(site, 'GET', `${path}?${query}`, { contract: 'none' });
        expectJiraError(r.status, r.body);
      }),
      { numRuns: 200 },
    );
  });
});
