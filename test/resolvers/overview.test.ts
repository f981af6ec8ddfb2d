/**
 * The overview resolvers through the harness: every project with its boards from ONE paged boards read
 * (never a call per project), the project the app was opened in first.
 */
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });

async function invoke(functionKey: string, accountId: string, project?: { id: string; key: string }) {
  const response = await fetch(`${server.url}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey,
      payload: {},
      accountId,
      context: { moduleKey: 'valuerank-project-page', extension: project ? { project } : {} },
    }),
  });
  return (await response.json()) as {
    ok: boolean;
    data: { projects: Array<{ id: string; key: string; boards: Array<{ id: number }> }> };
  };
}

const boardReads = async () => {
  const stats = (await (await fetch(`${server.url}/_local/stats`)).json()) as {
    byRoute: Record<string, number>;
  };
  return stats.byRoute['GET /rest/agile/1.0/board'] ?? 0;
};

it('reads the boards of every project in one paged call, whatever the number of projects', async () => {
  const before = await boardReads();
  const answer = await invoke('site.overview', 'local-po');
  expect(answer.ok).toBe(true);
  const projects = answer.data.projects;
  expect(projects.length).toBeGreaterThan(1);
  expect(projects.find((p) => p.key === 'TRAIL')?.boards.map((b) => b.id)).toEqual(
    expect.arrayContaining([1, 2]),
  );
  // one page holds every demo board (50 per page): one read, not one per project
  expect((await boardReads()) - before).toBe(1);
});

it('lists the project the app was opened in first', async () => {
  const keys = async (key: string, id: string) =>
    (await invoke('site.overview', 'local-po', { id, key })).data.projects.map((p) => p.key);
  const all = await keys('TRAIL', '10000');
  expect(all[0]).toBe('TRAIL');
  const last = all.at(-1)!;
  const opened = (await invoke('site.overview', 'local-po')).data.projects;
  const id = opened.find((p) => p.key === last)!.id;
  expect((await keys(last, id))[0]).toBe(last);
});
