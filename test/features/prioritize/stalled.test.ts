/**
 * Issue 15, findings 2 and 6, for reorder jobs, through the services over HTTP to the local site (Forge
 * storage from the harness): a job whose consumer died at 2 of its rank calls is `stalled` once its
 * heartbeat stopped for {@link STALE_JOB_MS}; its starter (or a project admin, nobody else) resumes it from
 * the stored plan or abandons it (failed, board released, what moved named, undo kept). A consumer at work
 * beats even through a long read. A failed apply that moved nothing leaves no undo entry.
 */
import {
  abandonReorder,
  jobProgress,
  resumeReorder,
  runJob,
  startApply,
  storedSettings,
  type JobDeps,
} from '../../../src/features/prioritize';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../../src/jira/transport';
import type { JobEvent } from '../../../src/jobs/queue';
import { STALE_JOB_MS } from '../../../src/jobs/runner';
import { readReorderJob } from '../../../src/store/jobs';
import { listSnapshots } from '../../../src/store/prioritize';
import { useLocalServer } from '../../support/local-server';
import { plannedPreview } from '../../support/prioritize-view';

const server = useLocalServer({ reset: ['site', 'kvs'] });

const transport = (user: string) => httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': user } });
const isRank = (r: JiraRequest) =>
  r.method === 'PUT' && r.path.value.startsWith('/rest/agile/1.0/issue/rank');
const isBacklog = (r: JiraRequest) => r.method === 'GET' && /\/board\/1\/backlog/.test(r.path.value);

/** Jira as a user; `hold` answers a promise to wait on before a request goes through (never: a dead consumer). */
class Held implements JiraTransport {
  readonly description = 'held';
  ranks = 0;
  constructor(
    private readonly inner: JiraTransport,
    private readonly hold: (
      request: JiraRequest,
      rank: number,
    ) => Promise<void> | JiraRawResponse | undefined,
  ) {}
  async send(request: JiraRequest): Promise<JiraRawResponse> {
    if (isRank(request)) this.ranks += 1;
    const held = this.hold(request, this.ranks);
    if (held instanceof Promise) await held;
    else if (held) return held;
    return this.inner.send(request);
  }
}

const never = () => new Promise<void>(() => undefined);
const waitFor = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
};

const rankCount = async () =>
  ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> }).byRoute[
    'PUT /rest/agile/1.0/issue/rank'
  ] ?? 0;

/** Queues an apply of board 1 as `local-po`; answers the job's event (pushed by hand). */
async function queuedApply(): Promise<JobEvent> {
  const jira = new JiraClient(transport('local-po'));
  const pushed: JobEvent[] = [];
  const preview = await plannedPreview({ jira, settings: storedSettings }, { boardId: 1 });
  expect(preview.calls.length).toBeGreaterThanOrEqual(3);
  await startApply(
    { jira, settings: storedSettings, push: async (e) => void pushed.push(e) },
    { boardId: 1, fingerprint: preview.fingerprint, accountId: 'local-po' },
  );
  return pushed[0]!;
}

/** A consumer that dies during its third rank call: the record stays `running` at 2 calls done. */
async function diedAtTwo(): Promise<{ event: JobEvent; total: number }> {
  const event = await queuedApply();
  const dying = new Held(transport('local-po'), (r, rank) => (isRank(r) && rank === 3 ? never() : undefined));
  // No heartbeat worth the name: the consumer is dead, nothing moves its record any more.
  void runJob({ jira: new JiraClient(dying), settings: storedSettings, heartbeatMs: 24 * 3600_000 }, event);
  await waitFor(async () => (await readReorderJob(event.jobId))?.done === 2);
  const job = (await readReorderJob(event.jobId))!;
  expect(job.state).toBe('running');
  return { event, total: job.total };
}

/** Deps whose clock is `STALE_JOB_MS` past the job's last move. */
async function later(jobId: string, user = 'local-po', push?: JobDeps['push']): Promise<JobDeps> {
  const job = (await readReorderJob(jobId))!;
  return {
    jira: new JiraClient(transport(user)),
    settings: storedSettings,
    now: () => new Date(Date.parse(job.updatedAt) + STALE_JOB_MS + 1),
    ...(push ? { push } : {}),
  };
}

it('a dead consumer is stalled after STALE_JOB_MS, and is resumed from its stored plan', async () => {
  const { event, total } = await diedAtTwo();
  const po = new JiraClient(transport('local-po'));
  // Fresh: running, not stalled; the starter cannot resume a job that still moves.
  expect(await jobProgress({ jira: po, settings: storedSettings }, event.jobId, 'local-po')).toMatchObject({
    state: 'running',
    stalled: false,
    done: 2,
  });
  await expect(
    resumeReorder({ jira: po, settings: storedSettings }, { jobId: event.jobId, accountId: 'local-po' }),
  ).rejects.toMatchObject({ code: 'conflict' });

  const pushed: JobEvent[] = [];
  const deps = await later(event.jobId, 'local-po', async (e) => void pushed.push(e));
  expect(await jobProgress(deps, event.jobId, 'local-po')).toMatchObject({ state: 'running', stalled: true });
  // Someone who neither started it nor administers the project may not touch it.
  await expect(
    resumeReorder(await later(event.jobId, 'local-viewer'), {
      jobId: event.jobId,
      accountId: 'local-viewer',
    }),
  ).rejects.toMatchObject({ code: 'forbidden' });

  const resumed = await resumeReorder(deps, { jobId: event.jobId, accountId: 'local-po' });
  expect(resumed).toMatchObject({ state: 'queued', stalled: false, done: 2 });
  expect(pushed).toEqual([{ jobId: event.jobId }]);

  const before = await rankCount();
  const appJira = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-Actor': 'app' } }));
  expect(await runJob({ jira: po, appJira, settings: storedSettings }, pushed[0]!)).toBe('done');
  // Only the calls after the first two were made again.
  expect((await rankCount()) - before).toBe(total - 2);
  expect(await readReorderJob(event.jobId)).toMatchObject({ state: 'done', done: total, verified: true });
});

it('a stalled job is abandoned: failed, what moved named, undo kept, the board free again', async () => {
  const { event, total } = await diedAtTwo();
  const deps = await later(event.jobId);
  const view = await abandonReorder(deps, { jobId: event.jobId, accountId: 'local-po' });
  expect(view).toMatchObject({ state: 'failed', stalled: false, partial: true, done: 2, total });
  expect(view.movedKeys!.length).toBeGreaterThan(0);
  expect(view.message).toMatch(
    /^Abandoned after it stalled at 2 of \d+ rank calls\. The backlog is partly reordered: \d+ issues? moved \(.+\)\. Undo restores the order from before\.$/,
  );
  expect((await listSnapshots(1)).map((s) => s.id)).toEqual([event.jobId]);
  // The board is free: a new apply starts at once.
  const jira = new JiraClient(transport('local-po'));
  const next = await startApply(
    { jira, settings: storedSettings, push: async () => undefined },
    { boardId: 1, fingerprint: 'x', accountId: 'local-po' },
  );
  expect(next.state).toBe('queued');
});

it('a consumer beats while it works, even through a long backlog read', async () => {
  const event = await queuedApply();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  let reads = 0;
  const slow = new Held(transport('local-po'), (r) =>
    isBacklog(r) && (reads += 1) === 1 ? gate : undefined,
  );
  const run = runJob({ jira: new JiraClient(slow), settings: storedSettings, heartbeatMs: 25 }, event);
  await waitFor(async () => reads > 0);
  // While the read is held, the record's updatedAt moves again and again; nothing else does.
  const seen = new Set<string>();
  await waitFor(async () => {
    const job = (await readReorderJob(event.jobId))!;
    expect(job).toMatchObject({ state: 'running', done: 0 });
    seen.add(job.updatedAt);
    return seen.size >= 3;
  });
  release();
  expect(await run).toBe('done');
  const done = (await readReorderJob(event.jobId))!;
  expect(done.state).toBe('done');
  // No beat lands after the end and undoes it.
  await new Promise((r) => setTimeout(r, 100));
  expect((await readReorderJob(event.jobId))!.state).toBe('done');
});

describe('no undo entry unless ranks changed (finding 6)', () => {
  it('an apply whose first rank call Jira refuses leaves no undo entry and says nothing moved', async () => {
    const event = await queuedApply();
    const refusing = new Held(transport('local-po'), (r) =>
      isRank(r)
        ? {
            status: 403,
            headers: {},
            text: JSON.stringify({ errorMessages: ['No Rank permission'], errors: {} }),
          }
        : undefined,
    );
    expect(await runJob({ jira: new JiraClient(refusing), settings: storedSettings }, event)).toBe('failed');
    const job = (await readReorderJob(event.jobId))!;
    expect(job.message).toMatch(/Nothing was moved\.$/);
    expect(await listSnapshots(1)).toEqual([]);
  });

  it('an apply that fails part-way names what moved and keeps the undo', async () => {
    const event = await queuedApply();
    const failing = new Held(transport('local-po'), (r, rank) =>
      isRank(r) && rank === 2
        ? { status: 400, headers: {}, text: JSON.stringify({ errorMessages: ['Bad anchor'], errors: {} }) }
        : undefined,
    );
    expect(await runJob({ jira: new JiraClient(failing), settings: storedSettings }, event)).toBe('failed');
    const view = await jobProgress(
      { jira: new JiraClient(transport('local-po')), settings: storedSettings },
      event.jobId,
      'local-po',
    );
    expect(view).toMatchObject({ state: 'failed', done: 1, partial: true });
    expect(view.message).toMatch(
      /The backlog is partly reordered: \d+ issues? moved \(TRAIL-\d+.*\)\. Undo restores the order from before\.$/,
    );
    expect((await listSnapshots(1)).map((s) => s.id)).toEqual([event.jobId]);
  });
});
