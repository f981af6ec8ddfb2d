/**
 * Issue 15, finding 2, for re-checks, through the service over HTTP to the local site (Forge storage from
 * the harness): a run whose consumer died mid-page is `stalled` once its heartbeat stopped for
 * STALE_JOB_MS; its starter or a project admin (nobody else) resumes it from its cursor — every issue
 * checked once — or abandons it (failed, the project free for a new run).
 */
import { defaultConfig } from '../../../src/features/readiness';
import {
  abandonRecheck,
  recheckProgress,
  resumeRecheck,
  runRecheckSlice,
  startRecheck,
  type RecheckDeps,
} from '../../../src/features/readiness/recheck';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../../src/jira/transport';
import type { JobEvent } from '../../../src/jobs/queue';
import { STALE_JOB_MS } from '../../../src/jobs/runner';
import { readRecheckJob } from '../../../src/store/jobs';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });

const transport = (user: string) => httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': user } });
const isPut = (r: JiraRequest) => r.method === 'PUT' && r.path.value.includes('/properties/');

/** Jira as a user whose property writes after the `dieAfter`-th never answer (the consumer died). */
class Dying implements JiraTransport {
  readonly description = 'dying';
  private puts = 0;
  constructor(
    private readonly inner: JiraTransport,
    private readonly dieAfter: number,
  ) {}
  async send(request: JiraRequest): Promise<JiraRawResponse> {
    if (isPut(request) && (this.puts += 1) > this.dieAfter) await new Promise<void>(() => undefined);
    return this.inner.send(request);
  }
}

const waitFor = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
};

/** A run of TRAIL (pages of 100) whose consumer died after 40 issues were checked and saved. */
async function diedMidPage(): Promise<{ jobId: string; total: number }> {
  const pushed: JobEvent[] = [];
  const jira = new JiraClient(transport('local-po'));
  const { jobId } = await startRecheck(
    { jira, configs: defaultConfig, push: async (e) => void pushed.push(e) },
    { projectKey: 'TRAIL', accountId: 'local-po', pageSize: 100 },
  );
  const dying: RecheckDeps = {
    jira: new JiraClient(new Dying(transport('local-po'), 42)),
    configs: defaultConfig,
    heartbeatMs: 24 * 3600_000,
  };
  void runRecheckSlice(dying, pushed[0]!);
  await waitFor(async () => ((await readRecheckJob(jobId))?.checked ?? 0) >= 40);
  const job = (await readRecheckJob(jobId))!;
  expect(job).toMatchObject({ state: 'running', checked: 40 });
  return { jobId, total: job.total! };
}

async function later(jobId: string, user = 'local-po', push?: RecheckDeps['push']) {
  const job = (await readRecheckJob(jobId))!;
  const at = Date.parse(job.updatedAt) + STALE_JOB_MS + 1;
  return {
    jira: new JiraClient(transport(user)),
    configs: defaultConfig,
    now: () => at,
    ...(push ? { push } : {}),
  } satisfies RecheckDeps;
}

it('a dead re-check is stalled, and resumed from its cursor checks every issue once', async () => {
  const { jobId, total } = await diedMidPage();
  const po = new JiraClient(transport('local-po'));
  expect((await recheckProgress({ jira: po }, { jobId }, 'local-po')).run?.stalled).toBe(false);
  await expect(resumeRecheck({ jira: po }, { jobId, accountId: 'local-po' })).rejects.toMatchObject({
    code: 'conflict',
  });

  const pushed: JobEvent[] = [];
  const deps = await later(jobId, 'local-po', async (e) => void pushed.push(e));
  expect((await recheckProgress(deps, { jobId }, 'local-po')).run).toMatchObject({
    state: 'running',
    stalled: true,
  });
  await expect(
    resumeRecheck(await later(jobId, 'local-viewer'), { jobId, accountId: 'local-viewer' }),
  ).rejects.toMatchObject({ code: 'forbidden' });

  const { run } = await resumeRecheck(deps, { jobId, accountId: 'local-po' });
  expect(run).toMatchObject({ state: 'queued', stalled: false, checked: 40 });
  expect(pushed).toEqual([{ jobId, step: 0 }]);
  const live: RecheckDeps = { jira: po, configs: defaultConfig, push: async (e) => void pushed.push(e) };
  while (pushed.length > 0) await runRecheckSlice(live, pushed.shift()!);
  expect(await readRecheckJob(jobId)).toMatchObject({ state: 'done', checked: total });
});

it('a stalled re-check is abandoned: failed, counts kept, the project free for a new run', async () => {
  const { jobId } = await diedMidPage();
  const deps = await later(jobId);
  const { run } = await abandonRecheck(deps, { jobId, accountId: 'local-po' });
  expect(run).toMatchObject({ state: 'failed', stalled: false, checked: 40 });
  expect(run.lastError).toMatch(/^Abandoned after it stalled at 40 issues checked/);
  const next = await startRecheck(
    { jira: new JiraClient(transport('local-po')), configs: defaultConfig, push: async () => undefined },
    { projectKey: 'TRAIL', accountId: 'local-po' },
  );
  expect(next).toMatchObject({ alreadyRunning: false });
  expect(next.jobId).not.toBe(jobId);
});
