/**
 * POST /_local/invoke runs the REAL resolvers (src/index.ts) on the emulated Forge runtime against the
 * local site, for each demo user; their Jira calls show up in the site's /_local/stats.
 */
import { startLocalServer, type LocalServer } from '../../../dev/server';

const MODULE = 'valuerank-project-page';
const TRAIL = { id: '10000', key: 'TRAIL', type: 'software' };

let server: LocalServer;
const logged: string[] = [];

beforeAll(async () => {
  server = await startLocalServer({ port: 0, harness: { log: (line) => logged.push(line) } });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function invoke(
  functionKey: string,
  payload: unknown,
  accountId: string | undefined,
  extension: Record<string, unknown> = { project: TRAIL },
): Promise<Answer> {
  const response = await fetch(`${server.url}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, accountId, context: { moduleKey: MODULE, extension } }),
  });
  return { status: response.status, body: await response.json() };
}

async function stats(): Promise<{
  total: number;
  byRoute: Record<string, number>;
  byUser: Record<string, number>;
}> {
  return (await (await fetch(`${server.url}/_local/stats`)).json()) as Awaited<ReturnType<typeof stats>>;
}

it('shows the Product Owner the TRAIL project with its boards', async () => {
  const { status, body } = await invoke('site.overview', {}, 'local-po');
  expect(status).toBe(200);
  expect(body.ok).toBe(true);
  expect(body.data.user).toEqual({ accountId: 'local-po', displayName: expect.any(String) });
  const trail = body.data.projects.find((p: { key: string }) => p.key === 'TRAIL');
  expect(trail).toBeDefined();
  expect(trail.boards.map((b: { id: number }) => b.id)).toEqual(expect.arrayContaining([1, 2]));
});

it('shows the developer and the viewer TRAIL too, and the outsider no project at all', async () => {
  for (const user of ['local-dev', 'local-viewer']) {
    const { body } = await invoke('site.overview', {}, user);
    expect(body.ok).toBe(true);
    expect(body.data.projects.map((p: { key: string }) => p.key)).toContain('TRAIL');
  }
  const { body } = await invoke('site.overview', {}, 'local-outsider');
  expect(body).toEqual({ ok: true, data: expect.objectContaining({ projects: [] }) });
});

it('answers invalid-payload naming the field for a bad payload', async () => {
  const { status, body } = await invoke('board.backlog', { boardId: 'one' }, 'local-po');
  expect(status).toBe(200);
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('invalid-payload');
  expect(body.error.details.join(' ')).toMatch(/boardId/);
});

it('answers unauthorized when no user is logged in', async () => {
  const { body } = await invoke('site.overview', {}, undefined);
  expect(body).toEqual({ ok: false, error: expect.objectContaining({ code: 'unauthorized' }) });
});

it('loads a backlog of 300+ items with story points, and remembers the board in Forge storage', async () => {
  const { body } = await invoke('board.backlog', { boardId: 1 }, 'local-po');
  expect(body.ok).toBe(true);
  expect(body.data.items.length).toBeGreaterThanOrEqual(300);
  expect(body.data.items.some((i: { storyPoints?: number }) => typeof i.storyPoints === 'number')).toBe(true);
  expect(body.data.summary.count).toBe(body.data.items.length);

  const again = await invoke('site.overview', {}, 'local-po');
  expect(again.body.data.lastBoardId).toBe(1);
  const stored = (await (await fetch(`${server.url}/_local/kvs`)).json()) as {
    spaces: Record<string, unknown>;
  };
  expect(JSON.stringify(stored.spaces.kvs)).toContain('"boardId":1');
});

it("counts the resolvers' Jira calls in the site's /_local/stats, per user", async () => {
  const before = await stats();
  const { body } = await invoke('board.backlog', { boardId: 1 }, 'local-dev');
  expect(body.ok).toBe(true);
  const after = await stats();
  expect(after.total).toBeGreaterThan(before.total);
  expect((after.byUser['local-dev'] ?? 0) - (before.byUser['local-dev'] ?? 0)).toBeGreaterThanOrEqual(2);
  const backlogRoute = Object.keys(after.byRoute).find((r) => r.includes('/backlog'));
  expect(backlogRoute).toBeDefined();
  expect(after.byRoute[backlogRoute as string]).toBeGreaterThan(before.byRoute[backlogRoute as string] ?? 0);
  expect(
    server.harness.env.calls.some((c) => c.startsWith('user:local-dev GET /rest/agile/1.0/board/1/backlog')),
  ).toBe(true);
});

it('answers a Forge-like 500 when the resolver throws (unknown function key)', async () => {
  const { status, body } = await invoke('no.such.resolver', {}, 'local-po');
  expect(status).toBe(500);
  expect(body.message).toMatch(/Resolver has no definition for 'no.such.resolver'/);
  expect(logged.join('\n')).toMatch(/resolver no.such.resolver \(valuerank-project-page\) threw/);
});
