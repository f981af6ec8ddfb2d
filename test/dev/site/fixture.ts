/**
 * Test support for the local Jira site: a small hand-written seed with exact, known contents, a server per
 * test file, and HTTP helpers that check every request and response against Atlassian's OpenAPI specs.
 */
import { JiraClient, type Clock, type RetryPolicy } from '../../../src/jira';
import { httpTransport } from '../../../src/jira/http-transport';
import { parseSeed, startJiraSite, type JiraSite } from '../../../dev/site';
import { PERMISSION_KEYS, type Seed, type SeedInput } from '../../../dev/site/seed-schema';
import { loadJiraContract, type HttpExchangeRequest } from '../../support/openapi-contract';

export const PO = 'u-po';
export const DEV = 'u-dev';
export const VIEWER = 'u-viewer';
export const OUTSIDER = 'u-outsider';

export const TOKENS: Record<string, { email: string; token: string }> = {
  [PO]: { email: 'po@example.test', token: 'tok-po' },
  [DEV]: { email: 'dev@example.test', token: 'tok-dev' },
  [VIEWER]: { email: 'viewer@example.test', token: 'tok-viewer' },
  [OUTSIDER]: { email: 'outsider@example.test', token: 'tok-outsider' },
};

const ALL = PERMISSION_KEYS;
const DEV_PERMS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
] as const;

const STATUS = {
  todo: { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
  progress: {
    id: '3',
    name: 'In Progress',
    statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' },
  },
  done: { id: '10002', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } },
} as const;
const TYPE = {
  story: { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
  bug: { id: '10004', name: 'Bug', subtask: false, hierarchyLevel: 0 },
  epic: { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
  subtask: { id: '10005', name: 'Subtask', subtask: true, hierarchyLevel: -1 },
} as const;

type IssueInput = SeedInput['issues'][number];

function issue(
  n: number,
  summary: string,
  extra: Record<string, unknown> = {},
  more: Partial<IssueInput> = {},
  project = 'TRAIL',
): IssueInput {
  const base = project === 'TRAIL' ? 10_000 : 20_000;
  return {
    id: String(base + n),
    key: `${project}-${n}`,
    fields: {
      summary,
      issuetype: { ...TYPE.story },
      status: { ...STATUS.todo },
      priority: { id: '3', name: 'Medium' },
      labels: [],
      created: `2026-01-${String(n).padStart(2, '0')}T10:00:00.000+0000`,
      updated: `2026-02-${String(n).padStart(2, '0')}T10:00:00.000+0000`,
      reporter: { accountId: PO },
      ...extra,
    } as IssueInput['fields'],
    ...more,
  };
}

/**
 * TRAIL (scrum board 1, kanban-ish board 2 on label `mobile`), FIN (PO only, board 3).
 * Rank order = array order: TRAIL-1 .. TRAIL-16, then FIN-1, FIN-2.
 * - TRAIL-1 epic; TRAIL-2 in the active sprint 2; TRAIL-3 in the future sprint 3; TRAIL-4 done;
 *   TRAIL-5 subtask of TRAIL-6; TRAIL-7 was in the closed sprint 1 (so it is in the backlog).
 * - Backlog of board 1: TRAIL-6..TRAIL-16 (11 issues) in that order.
 */
export function smallSeedInput(): SeedInput {
  const sprint = (id: number, state: string) => ({ id, name: `TRAIL Sprint ${id}`, state, boardId: 1 });
  return {
    defaultUser: PO,
    users: [
      {
        accountId: PO,
        displayName: 'Paula Owner',
        emailAddress: TOKENS[PO]!.email,
        apiToken: TOKENS[PO]!.token,
        globalPermissions: ['ADMINISTER', 'USER_PICKER'],
      },
      {
        accountId: DEV,
        displayName: 'Dev Eloper',
        emailAddress: TOKENS[DEV]!.email,
        apiToken: TOKENS[DEV]!.token,
      },
      {
        accountId: VIEWER,
        displayName: 'Vi Ewer',
        emailAddress: TOKENS[VIEWER]!.email,
        apiToken: TOKENS[VIEWER]!.token,
      },
      {
        accountId: OUTSIDER,
        displayName: 'Out Sider',
        emailAddress: TOKENS[OUTSIDER]!.email,
        apiToken: TOKENS[OUTSIDER]!.token,
      },
    ],
    projects: [
      {
        id: '10000',
        key: 'TRAIL',
        name: 'Trailhead',
        lead: PO,
        permissions: { [PO]: [...ALL], [DEV]: [...DEV_PERMS], [VIEWER]: ['BROWSE_PROJECTS'] },
        components: [
          { id: '100', name: 'Search' },
          { id: '101', name: 'Booking' },
        ],
        versions: [
          { id: '200', name: '1.0', released: true },
          { id: '201', name: '2.0', released: false },
        ],
      },
      { id: '10001', key: 'FIN', name: 'Finance', lead: PO, permissions: { [PO]: [...ALL] } },
    ],
    fields: [
      { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
      {
        id: 'customfield_10016',
        name: 'Story Points',
        custom: true,
        schema: {
          type: 'number',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
          customId: 10016,
        },
      },
      {
        id: 'customfield_10030',
        name: 'Business Value',
        custom: true,
        schema: {
          type: 'number',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
          customId: 10030,
        },
      },
      {
        id: 'customfield_10036',
        name: 'MoSCoW',
        custom: true,
        schema: {
          type: 'option',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
          customId: 10036,
        },
        options: [
          { id: '10100', value: 'Must have' },
          { id: '10101', value: 'Should have' },
        ],
      },
    ],
    boards: [
      {
        id: 1,
        name: 'TRAIL board',
        type: 'scrum',
        projectKey: 'TRAIL',
        estimationFieldId: 'customfield_10016',
      },
      { id: 2, name: 'Mobile board', type: 'kanban', projectKey: 'TRAIL', filterJql: 'labels = mobile' },
      { id: 3, name: 'FIN board', type: 'scrum', projectKey: 'FIN' },
    ],
    sprints: [
      { ...sprint(1, 'closed'), state: 'closed', endDate: '2026-01-20T16:00:00.000Z' },
      { ...sprint(2, 'active'), state: 'active', goal: 'Deposits' },
      { ...sprint(3, 'future'), state: 'future' },
    ],
    issues: [
      issue(1, 'Epic: online booking', { issuetype: { ...TYPE.epic } }),
      issue(2, 'Pay a deposit', { customfield_10020: [sprint(2, 'active')], customfield_10016: 5 }),
      issue(3, 'Refund a deposit', { customfield_10020: [sprint(3, 'future')], customfield_10016: 3 }),
      issue(4, 'Show receipts', { status: { ...STATUS.done }, customfield_10016: 2 }),
      issue(5, 'Write the refund email', {
        issuetype: { ...TYPE.subtask },
        parent: { key: 'TRAIL-6', id: '10006' },
      }),
      issue(
        6,
        'Search huts by name',
        {
          parent: { key: 'TRAIL-1', id: '10001' },
          labels: ['search', 'mobile'],
          customfield_10016: 8,
          customfield_10030: 13,
          customfield_10036: { id: '10100', value: 'Must have' },
          assignee: { accountId: DEV },
          description: {
            type: 'doc',
            version: 1,
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Guests search mountain huts' }] },
            ],
          },
          components: [{ id: '100', name: 'Search' }],
          fixVersions: [{ id: '201', name: '2.0' }],
          duedate: '2026-03-01',
          issuelinks: [
            {
              id: '1',
              type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
              outwardIssue: { key: 'TRAIL-8' },
            },
          ],
        },
        {
          properties: { 'valuerank.score': { wsjf: 4.5, tags: ['quick-win'] } },
          changelog: {
            histories: [
              {
                id: '500',
                author: { accountId: PO },
                created: '2026-02-01T10:00:00.000+0000',
                items: [
                  {
                    field: 'priority',
                    fieldtype: 'jira',
                    from: '3',
                    fromString: 'Medium',
                    to: '2',
                    toString: 'High',
                  },
                ],
              },
              {
                id: '501',
                author: { accountId: DEV },
                created: '2026-02-02T10:00:00.000+0000',
                items: [
                  {
                    field: 'labels',
                    fieldtype: 'jira',
                    from: null,
                    fromString: '',
                    to: null,
                    toString: 'search',
                  },
                ],
              },
            ],
          },
        },
      ),
      issue(7, 'Filter tours by date', {
        customfield_10020: [sprint(1, 'closed')],
        labels: ['search'],
        priority: { id: '2', name: 'High' },
        customfield_10016: 3,
      }),
      issue(8, 'Book a hut online', {
        status: { ...STATUS.progress },
        customfield_10030: 8,
        issuelinks: [
          {
            id: '1',
            type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
            inwardIssue: { key: 'TRAIL-6' },
          },
        ],
      }),
      issue(9, 'Guide payouts', { labels: ['mobile'], customfield_10030: 5 }),
      issue(10, 'Offline tickets', { labels: ['mobile'], priority: { id: '1', name: 'Highest' } }),
      issue(11, 'Review reminders', { assignee: { accountId: PO } }),
      issue(12, 'Weekend prices'),
      issue(13, 'Share a tour'),
      issue(14, 'Cancellation deadline', { priority: { id: '4', name: 'Low' } }),
      issue(15, 'No-show marker'),
      issue(16, 'Weather at meeting point', { duedate: '2026-04-01' }),
      issue(1, 'Quarterly budget', {}, {}, 'FIN'),
      issue(2, 'Payout reconciliation', {}, {}, 'FIN'),
    ],
  };
}

export function smallSeed(): Seed {
  return parseSeed(smallSeedInput(), 'small-seed');
}

/** Board 1's backlog in the small seed, top first. */
export const SMALL_BACKLOG = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((n) => `TRAIL-${n}`);

// ------------------------------------------------------------------------------------------------ contract

export const contract = loadJiraContract();

/** full: request and response; request/response: only that side (e.g. for fault answers no spec documents). */
export type ContractMode = 'full' | 'request' | 'response' | 'none';

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A fetch that checks each Jira request and response against the OpenAPI specs (when the spec has the path). */
export function contractFetch(mode: ContractMode = 'full'): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const bodyText = typeof init?.body === 'string' ? init.body : undefined;
    const req: HttpExchangeRequest = {
      method: init?.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      ...(bodyText !== undefined ? { body: parseBody(bodyText) } : {}),
    };
    const checked = url.pathname.startsWith('/rest/') && mode !== 'none';
    if (checked && (mode === 'full' || mode === 'request')) contract.assertRequest(req);
    const response = await fetch(input, init);
    const text = await response.text();
    if (checked && (mode === 'full' || mode === 'response')) {
      contract.assertResponse(req, { status: response.status, body: parseBody(text) });
    }
    return new Response(response.status === 204 || response.status === 205 ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

// ------------------------------------------------------------------------------------------------ site

export interface TestSite {
  url: string;
  site: JiraSite;
  close(): Promise<void>;
}

export async function startSite(seed: Seed = smallSeed()): Promise<TestSite> {
  return startJiraSite({ seed, port: 0 });
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed JSON). */
  rawBody?: string;
  /** X-Local-User */
  user?: string;
  /** X-Local-Actor: app */
  app?: boolean;
  /** HTTP Basic */
  basic?: { email: string; token: string };
  headers?: Record<string, string>;
  contract?: ContractMode;
}

// Test bodies are read with toEqual/toMatchObject; `any` keeps those reads short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface CallResult<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One HTTP call, checked against the contract (request and response by default). */
export async function call<T = Json>(
  site: TestSite,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.user) headers['X-Local-User'] = options.user;
  if (options.app) headers['X-Local-Actor'] = 'app';
  if (options.basic)
    headers.Authorization = `Basic ${Buffer.from(`${options.basic.email}:${options.basic.token}`).toString('base64')}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const mode = options.contract ?? (options.rawBody !== undefined ? 'response' : 'full');
  const response = await contractFetch(mode)(`${site.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseBody(text) as T, text };
}

/** The real app client against the site, acting as `user` (or the app), checking the contract on every call. */
export function client(
  site: TestSite,
  who: string | 'app',
  options: { retry?: RetryPolicy; clock?: Clock; contract?: ContractMode } = {},
): JiraClient {
  const transport = httpTransport({
    siteUrl: site.url,
    headers: who === 'app' ? { 'X-Local-Actor': 'app' } : { 'X-Local-User': who },
    fetchImpl: contractFetch(options.contract ?? 'full'),
  });
  return new JiraClient(transport, {
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** Keys of the issues in a list response. */
export function keys(issues: ReadonlyArray<{ key: string }>): string[] {
  return issues.map((i) => i.key);
}

export async function stats(
  site: TestSite,
): Promise<{ total: number; byRoute: Record<string, number>; byUser: Record<string, number> }> {
  const r = await call(site, 'GET', '/_local/stats');
  return r.body;
}

/** Starts one site for the test file, resets it before each test and stops it after; returns a getter. */
export function useSite(): () => TestSite {
  let site: TestSite | undefined;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });
  beforeEach(async () => {
    await call(current(), 'POST', '/_local/reset');
  });
  const current = (): TestSite => {
    if (!site) throw new Error('the site is not started yet');
    return site;
  };
  return current;
}
