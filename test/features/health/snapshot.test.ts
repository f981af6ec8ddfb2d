/**
 * The daily snapshot job (scheduled trigger) against the local site, as the app: each board gets today's
 * snapshot in its trend, a missing board is skipped with a reason, and running twice a day replaces the
 * day's snapshot.
 */
import { startLocalServer, type LocalServer } from '../../../dev/server';
import { emptyTrend, type TrendSeries } from '../../../src/core/health';
import { defaultConfig } from '../../../src/features/readiness';
import { snapshotBoards, type TrendStore } from '../../../src/features/health';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import { noSettings } from '../../../src/features/prioritize/sources';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ port: 0, harness: { log: () => undefined } });
});
afterAll(() => server.close());

it('records one snapshot per board and day, and skips a board that is gone', async () => {
  const stored = new Map<number, TrendSeries>();
  const trend: TrendStore = {
    read: async (id) => stored.get(id) ?? emptyTrend(),
    write: async (id, s) => void stored.set(id, s),
  };
  const deps = {
    jira: new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-Actor': 'app' } })),
    settings: noSettings,
    configs: defaultConfig,
    trend,
    now: () => new Date('2026-11-27T06:00:00Z'),
  };
  const result = await snapshotBoards(deps, [1, 4242]);
  expect(result.recorded).toEqual([1]);
  expect(result.failed).toEqual([{ boardId: 4242, message: expect.stringMatching(/4242/) }]);
  expect(stored.get(1)?.day).toHaveLength(1);
  const count = stored.get(1)?.count[0];
  expect(count).toBeGreaterThan(0);

  await snapshotBoards({ ...deps, now: () => new Date('2026-11-27T18:00:00Z') }, [1]);
  expect(stored.get(1)?.day).toHaveLength(1);
  await snapshotBoards({ ...deps, now: () => new Date('2026-11-28T06:00:00Z') }, [1]);
  expect(stored.get(1)?.day).toHaveLength(2);
});
