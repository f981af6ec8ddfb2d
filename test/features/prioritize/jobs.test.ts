/**
 * Reorder jobs driven directly through the services (as the CLI and the consumer use them), over HTTP to
 * the local site, with Forge storage from the harness: a job delivered again after Jira failed mid-way
 * resumes after the last completed call, or plans again when the backlog moved meanwhile.
 */
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../../src/jira/transport';
import { backlogKeys, runJob, startApply, storedSettings } from '../../../src/features/prioritize';
import type { JobEvent } from '../../../src/jobs/queue';
import { readReorderJob as readJob } from '../../../src/store/jobs';
import { useLocalServer } from '../../support/local-server';
import { plannedPreview } from '../../support/prioritize-view';

const server = useLocalServer({ reset: ['site', 'kvs'] });

/** Jira as a user, where the rank calls numbered in `failAt` (1-based) answer 500 without reaching Jira. */
class Flaky implements JiraTransport {
  readonly description = 'flaky';
  private ranks = 0;
  constructor(
    private readonly inner: JiraTransport,
    private readonly failAt: number[],
  ) {}
  async send(request: JiraRequest): Promise<JiraRawResponse> {
    if (request.method === 'PUT' && request.path.value.startsWith('/rest/agile/1.0/issue/rank')) {
      this.ranks += 1;
      if (this.failAt.includes(this.ranks))
        return { status: 500, headers: {}, text: JSON.stringify({ errorMessages: ['Internal error'] }) };
    }
    return this.inner.send(request);
  }
}

const transport = (headers: Record<string, string>) => httpTransport({ siteUrl: server.url, headers });
const rankCount = async () =>
  ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> }).byRoute[
    'PUT /rest/agile/1.0/issue/rank'
  ] ?? 0;

async function queuedApply(jira: JiraClient) {
  const pushed: JobEvent[] = [];
  const deps = { jira, settings: storedSettings };
  const preview = await plannedPreview(deps, { boardId: 1 });
  expect(preview.calls.length).toBeGreaterThanOrEqual(3);
  const view = await startApply(
    {
      ...deps,
      push: async (event) => {
        pushed.push(event);
        return 'queue-job';
      },
    },
    { boardId: 1, fingerprint: preview.fingerprint, accountId: 'local-po' },
  );
  // the event names the job, nothing else: the record holds the board, model, fingerprint and who
  expect(pushed).toEqual([{ jobId: view.jobId }]);
  expect(await readJob(view.jobId)).toMatchObject({
    boardId: 1,
    projectKey: 'TRAIL',
    model: { kind: 'wsjf' },
    fingerprint: preview.fingerprint,
    accountId: 'local-po',
  });
  return { preview, event: pushed[0]! };
}

it('resumes after the last completed rank call when delivered again', async () => {
  const po = transport({ 'X-Local-User': 'local-po' });
  const appJira = new JiraClient(transport({ 'X-Local-Actor': 'app' }));
  const { preview, event } = await queuedApply(new JiraClient(po));

  const first = await runJob(
    { jira: new JiraClient(new Flaky(po, [2])), appJira, settings: storedSettings },
    event,
  );
  expect(first).toBe('retry');
  expect(await readJob(event.jobId)).toMatchObject({ state: 'queued', done: 1, total: preview.calls.length });
  expect(await rankCount()).toBe(1);

  const second = await runJob({ jira: new JiraClient(po), appJira, settings: storedSettings }, event);
  expect(second).toBe('done');
  expect(await readJob(event.jobId)).toMatchObject({
    state: 'done',
    done: preview.calls.length,
    replanned: false,
    verified: true,
    attempts: 2,
  });
  expect(await rankCount()).toBe(preview.calls.length);
  expect(await backlogKeys(new JiraClient(po), 1)).toEqual(preview.after);
  // delivered once more: nothing to do
  expect(await runJob({ jira: new JiraClient(po), settings: storedSettings }, event)).toBe('skipped');
});

it('plans again when the backlog moved between deliveries, and still reaches the target', async () => {
  const po = transport({ 'X-Local-User': 'local-po' });
  const jira = new JiraClient(po);
  const { preview, event } = await queuedApply(jira);
  expect(await runJob({ jira: new JiraClient(new Flaky(po, [2])), settings: storedSettings }, event)).toBe(
    'retry',
  );
  const order = await backlogKeys(jira, 1);
  await jira.rankIssues({ issues: [order.at(-1)!], rankBeforeIssue: order[0]! });
  expect(await runJob({ jira, settings: storedSettings }, event)).toBe('done');
  expect(await readJob(event.jobId)).toMatchObject({ state: 'done', replanned: true, verified: true });
  expect(await backlogKeys(jira, 1)).toEqual(preview.after);
});

it('gives up after repeated failures and says why', async () => {
  const po = transport({ 'X-Local-User': 'local-po' });
  const { event } = await queuedApply(new JiraClient(po));
  const flaky = new JiraClient(
    new Flaky(
      po,
      Array.from({ length: 20 }, (_, i) => i + 1),
    ),
  );
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const outcomes: string[] = [];
  for (let i = 0; i < 4; i += 1)
    outcomes.push(await runJob({ jira: flaky, settings: storedSettings }, event));
  expect(outcomes).toEqual(['retry', 'retry', 'retry', 'failed']);
  expect(logged).toHaveBeenCalledWith('ValueRank reorder job failed', event.jobId, expect.any(Error));
  logged.mockRestore();
  const job = await readJob(event.jobId);
  expect(job?.state).toBe('failed');
  expect(job?.message).toMatch(/^The reorder stopped: Jira answered with an error \(500\)/);
});
