/**
 * The readiness backfill driven directly through its service (as the consumer runs it), over HTTP to the
 * local site, with Forge storage from the harness; slices are delivered by hand, so paging, continuation,
 * redelivery, the time budget, refusals and one-run-per-project can be checked step by step.
 */
import { DEFAULT_CONFIG } from '../../../src/core/criteria';
import {
  checkJiraIssue,
  defaultConfig,
  READINESS_PROPERTY_KEY,
  readinessOf,
} from '../../../src/features/readiness';
import {
  runRecheckSlice,
  sameReadiness,
  startRecheck,
  STALE_RUN_MS,
  type RecheckDeps,
} from '../../../src/features/readiness/recheck';
import { jobsConsumer } from '../../../src/handlers/jobs';
import type { JobEvent } from '../../../src/jobs/queue';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../../src/jira/transport';
import { latestJobId, readRecheckJob as readRecheck } from '../../../src/store/jobs';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });

/** The project's last re-check run. */
async function latestRecheck(projectKey: string) {
  const id = await latestJobId(`recheck:${projectKey}`);
  return id ? readRecheck(id) : undefined;
}

const po = () => httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } });

/** Jira as a user, with some answers replaced (`answer` returns undefined to let the request through). */
class Scripted implements JiraTransport {
  readonly description = 'scripted';
  readonly seen: JiraRequest[] = [];
  constructor(
    private readonly inner: JiraTransport,
    private readonly answer: (request: JiraRequest) => JiraRawResponse | undefined,
  ) {}
  async send(request: JiraRequest): Promise<JiraRawResponse> {
    this.seen.push(request);
    return this.answer(request) ?? this.inner.send(request);
  }
}

const error = (status: number, message: string): JiraRawResponse => ({
  status,
  headers: {},
  text: JSON.stringify({ errorMessages: [message], errors: {} }),
});
const isPut = (r: JiraRequest, key: string) =>
  r.method === 'PUT' && r.path.value.startsWith(`/rest/api/3/issue/${key}/properties/`);
const isSearch = (r: JiraRequest) => r.method === 'POST' && r.path.value === '/rest/api/3/search/jql';

async function trailKeys(): Promise<string[]> {
  const issues = await new JiraClient(po()).search({
    jql: 'project = TRAIL ORDER BY key',
    fields: ['summary'],
  });
  return issues.map((i) => i.key);
}

/** Starts a run and collects the events it pushes; `drain` delivers them in order until none is left. */
async function started(jira: JiraClient, pageSize: number, extra: Partial<RecheckDeps> = {}) {
  const pushed: JobEvent[] = [];
  const deps: RecheckDeps = {
    jira,
    configs: defaultConfig,
    push: async (event) => {
      pushed.push(event);
    },
    ...extra,
  };
  const { jobId, alreadyRunning } = await startRecheck(deps, {
    projectKey: 'TRAIL',
    accountId: 'local-po',
    pageSize,
  });
  expect(alreadyRunning).toBe(false);
  const drain = async (d: RecheckDeps = deps, limit = 1000) => {
    const outcomes: string[] = [];
    while (pushed.length > 0 && outcomes.length < limit)
      outcomes.push(await runRecheckSlice(d, pushed.shift()!));
    return outcomes;
  };
  return { jobId, pushed, deps, drain };
}

describe('runRecheckSlice', () => {
  it('pages with the token, one page per slice, and a redelivered slice runs nothing twice', async () => {
    const keys = await trailKeys();
    const transport = new Scripted(po(), () => undefined);
    const { jobId, pushed, deps } = await started(new JiraClient(transport), 40);
    expect(pushed).toEqual([{ jobId, step: 0 }]);

    const first = pushed.shift()!;
    expect(await runRecheckSlice(deps, first)).toBe('continued');
    expect(pushed).toEqual([{ jobId, step: 1 }]);
    const job = await readRecheck(jobId);
    expect(job).toMatchObject({ state: 'running', checked: 40, written: 40, slice: 1, attempts: 0 });
    expect(job?.cursor).toMatchObject({ offset: 0, lastKey: keys[39] });
    expect(job?.cursor.pageToken).toEqual(expect.any(String));
    // Forge delivers an event at least once: the same slice again changes nothing
    expect(await runRecheckSlice(deps, first)).toBe('skipped');
    expect(pushed).toHaveLength(1);

    const outcomes: string[] = [];
    while (pushed.length > 0) outcomes.push(await runRecheckSlice(deps, pushed.shift()!));
    const pages = Math.ceil(keys.length / 40);
    expect(outcomes).toEqual([...Array(pages - 2).fill('continued'), 'done']);
    expect(await readRecheck(jobId)).toMatchObject({
      state: 'done',
      checked: keys.length,
      written: keys.length,
      slice: pages - 1,
    });
    // every search asked for the property in the same request, with the page size and the token
    const searches = transport.seen.filter(isSearch).map((r) => r.body as Record<string, unknown>);
    expect(searches).toHaveLength(pages);
    expect(
      searches.every((b) => b.maxResults === 40 && (b.properties as string[])[0] === READINESS_PROPERTY_KEY),
    ).toBe(true);
    expect(searches[0]?.jql).toBe('project = "TRAIL" ORDER BY key ASC');
    expect(searches[0]?.nextPageToken).toBeUndefined();
    expect(searches.slice(1).every((b) => typeof b.nextPageToken === 'string')).toBe(true);
    // and a finished run ignores any late event
    expect(await runRecheckSlice(deps, { jobId, step: pages - 1 })).toBe('skipped');
  });

  it('stops a slice when its time budget is spent and the next slice resumes mid-page', async () => {
    const keys = await trailKeys();
    let clock = 0;
    const ticking = new Scripted(po(), (r) => {
      if (r.method === 'PUT') clock += 1000; // each write "takes" a second
      return undefined;
    });
    const { jobId, pushed, drain } = await started(new JiraClient(ticking), 100, {
      now: () => clock,
      sliceBudgetMs: 30_500,
    });
    const outcomes = await drain();
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.length).toBeGreaterThanOrEqual(Math.ceil(keys.length / 31));
    expect(pushed).toEqual([]);
    const job = await readRecheck(jobId);
    expect(job).toMatchObject({ state: 'done', checked: keys.length, written: keys.length, unchanged: 0 });
    // each issue was written exactly once
    const puts = ticking.seen.filter((r) => r.method === 'PUT').map((r) => r.path.value);
    expect(new Set(puts).size).toBe(keys.length);
    expect(puts).toHaveLength(keys.length);
  });

  it('counts 403s as skipped, other refusals as failed with the reason, and goes on', async () => {
    const keys = await trailKeys();
    const [noEdit1, noEdit2, gone, refused] = [keys[3]!, keys[50]!, keys[7]!, keys[12]!];
    const jira = new JiraClient(
      new Scripted(po(), (r) => {
        if (isPut(r, noEdit1) || isPut(r, noEdit2))
          return error(403, 'You do not have permission to edit this issue.');
        if (isPut(r, gone))
          return error(404, 'Issue does not exist or you do not have permission to see it.');
        if (isPut(r, refused)) return error(400, 'The property value is too long.');
        return undefined;
      }),
    );
    const { jobId, drain } = await started(jira, 100);
    expect((await drain()).at(-1)).toBe('done');
    expect(await readRecheck(jobId)).toMatchObject({
      state: 'done',
      checked: keys.length,
      written: keys.length - 4,
      skipped: 3,
      skippedNoPermission: 2,
      skippedNotFound: 1,
      failed: 1,
      failures: [{ key: refused, message: 'Jira refused the request. The property value is too long.' }],
    });
    const asPo = new JiraClient(po());
    expect(await asPo.getIssueProperty(noEdit1, READINESS_PROPERTY_KEY)).toBeUndefined();
    expect(await asPo.getIssueProperty(keys[4]!, READINESS_PROPERTY_KEY)).toBeDefined();
  });

  it('goes on by key when Jira no longer takes the page token', async () => {
    const keys = await trailKeys();
    const transport = new Scripted(po(), (r) =>
      isSearch(r) && (r.body as { nextPageToken?: string }).nextPageToken === undefined
        ? undefined
        : isSearch(r) && !String((r.body as { jql: string }).jql).includes('key >')
          ? error(400, 'The provided next page token is invalid or expired.')
          : undefined,
    );
    const { jobId, drain } = await started(new JiraClient(transport), 30);
    expect((await drain()).at(-1)).toBe('done');
    const job = await readRecheck(jobId);
    expect(job).toMatchObject({ state: 'done', checked: keys.length, written: keys.length, failed: 0 });
    expect(job?.cursor.after).toEqual(expect.any(String));
    const puts = transport.seen.filter((r) => r.method === 'PUT').map((r) => r.path.value);
    expect(new Set(puts).size).toBe(keys.length);
  });

  it('asks the queue to retry while Jira is busy, keeps what was done, and gives up after 4 deliveries', async () => {
    let busy = true;
    let writes = 0;
    const jira = new JiraClient(
      new Scripted(po(), (r) => {
        if (r.method === 'PUT' && (writes += 1) > 5 && busy) return error(503, 'Service unavailable');
        return undefined;
      }),
      { retry: { maxAttempts: 1, maxTotalMs: 0, baseDelayMs: 0, maxDelayMs: 0 } },
    );
    const { jobId, pushed, deps } = await started(jira, 100);
    const event = pushed.shift()!;
    expect(await runRecheckSlice(deps, event)).toBe('retry');
    const saved = await readRecheck(jobId);
    // Issues go 4 at a time: the batch with the 6th write counts for nothing and is redone on retry.
    expect(saved).toMatchObject({ state: 'queued', checked: 4, written: 4, attempts: 1, slice: 0 });
    expect(saved?.lastError).toMatch(/^Jira is busy; the re-check resumes shortly/);
    expect(pushed).toEqual([]);

    busy = false;
    expect(await runRecheckSlice(deps, event)).toBe('continued');
    // The 5th issue was stored before the 503 of its batch: read again, it is unchanged now.
    expect(await readRecheck(jobId)).toMatchObject({
      checked: 100,
      written: 99,
      unchanged: 1,
      slice: 1,
      attempts: 0,
    });

    busy = true;
    writes = 100;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const next = pushed.shift()!;
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await runRecheckSlice(deps, next));
    logged.mockRestore();
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'failed']);
    const failed = await readRecheck(jobId);
    expect(failed).toMatchObject({ state: 'failed', checked: 100 });
    expect(failed?.lastError).toMatch(/^The re-check stopped: Jira answered with an error \(503\)/);
    expect(failed?.finishedAt).toBeDefined();
  });
});

describe('startRecheck', () => {
  it('answers the running run instead of starting a second one, and starts again once it is done', async () => {
    const jira = new JiraClient(po());
    const { jobId, drain } = await started(jira, 100);
    const pushed: JobEvent[] = [];
    const deps: RecheckDeps = { jira, configs: defaultConfig, push: async (e) => void pushed.push(e) };
    const input = { projectKey: 'TRAIL', accountId: 'local-po' };
    expect(await startRecheck(deps, input)).toEqual({ jobId, alreadyRunning: true });
    expect(pushed).toEqual([]);
    // the start that lost leaves no record behind
    const runKeys = Object.values(server.harness.kvs.snapshot()).flatMap((space) =>
      Object.keys(space).filter((k) => k.startsWith('job:')),
    );
    expect(runKeys).toEqual([`job:${jobId}`]);
    expect((await latestRecheck('TRAIL'))?.jobId).toBe(jobId);

    expect((await drain()).at(-1)).toBe('done');
    const again = await startRecheck(deps, input);
    expect(again.alreadyRunning).toBe(false);
    expect(again.jobId).not.toBe(jobId);
    expect(pushed).toHaveLength(1);
    expect((await latestRecheck('TRAIL'))?.jobId).toBe(again.jobId);
  });

  it('replaces a run that stopped making progress', async () => {
    const jira = new JiraClient(po());
    const { jobId } = await started(jira, 100);
    const dead = (await readRecheck(jobId))!;
    const deps: RecheckDeps = {
      jira,
      configs: defaultConfig,
      push: async () => undefined,
      now: () => Date.parse(dead.updatedAt) + STALE_RUN_MS + 1,
    };
    const next = await startRecheck(deps, { projectKey: 'TRAIL', accountId: 'local-po' });
    expect(next.alreadyRunning).toBe(false);
    expect(await readRecheck(jobId)).toMatchObject({
      state: 'failed',
      lastError: 'The job stopped making progress and was replaced by a new one.',
    });
    // the old run's late event does nothing
    expect(await runRecheckSlice({ jira, configs: defaultConfig }, { jobId, step: 0 })).toBe('skipped');
  });

  it('a run that cannot be queued is failed and does not block the next start', async () => {
    const jira = new JiraClient(po());
    const deps: RecheckDeps = {
      jira,
      configs: defaultConfig,
      push: async () => {
        throw new Error('queue down');
      },
    };
    await expect(startRecheck(deps, { projectKey: 'TRAIL', accountId: 'local-po' })).rejects.toThrow(
      'queue down',
    );
    const failed = await latestRecheck('TRAIL');
    expect(failed).toMatchObject({
      state: 'failed',
      lastError: 'The re-check could not be queued; nothing was changed.',
    });
    const next = await startRecheck(
      { ...deps, push: async () => undefined },
      { projectKey: 'TRAIL', accountId: 'local-po' },
    );
    expect(next.alreadyRunning).toBe(false);
  });

  it('refuses a project that does not exist', async () => {
    const deps: RecheckDeps = {
      jira: new JiraClient(po()),
      configs: defaultConfig,
      push: async () => undefined,
    };
    await expect(startRecheck(deps, { projectKey: 'NOPE', accountId: 'local-po' })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await latestRecheck('NOPE')).toBeUndefined();
  });
});

describe('sameReadiness', () => {
  it('ignores when the readiness was computed, nothing else', async () => {
    const [issue] = await new JiraClient(po()).search({
      jql: 'key = TRAIL-48',
      fields: ['summary', 'issuetype', 'description', 'project'],
    });
    const fresh = readinessOf(checkJiraIssue(issue!, DEFAULT_CONFIG), new Date('2026-01-01T00:00:00Z'));
    expect(sameReadiness({ ...fresh, at: '2020-01-01T00:00:00.000Z' }, fresh)).toBe(true);
    expect(sameReadiness({ ...fresh, quality: fresh.quality - 1 }, fresh)).toBe(false);
    expect(sameReadiness({ ...fresh, blocking: [...fresh.blocking, 'duplicate'] }, fresh)).toBe(false);
    expect(sameReadiness({ ...fresh, ready: fresh.ready === 'true' ? 'false' : 'true' }, fresh)).toBe(false);
    expect(sameReadiness(undefined, fresh)).toBe(false);
    expect(sameReadiness('true', fresh)).toBe(false);
    // a record written by hand that misses a field is rewritten
    const { total: _total, ...partial } = fresh;
    expect(sameReadiness(partial, fresh)).toBe(false);
  });
});

describe('jobsConsumer', () => {
  it('ignores an event without a valid body or naming no kept job, and says so', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await jobsConsumer({ body: { jobId: '' } })).toBeUndefined();
    expect(await jobsConsumer(null)).toBeUndefined();
    expect(await jobsConsumer({ body: { jobId: 'gone' } })).toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(2);
    expect(warned).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    warned.mockRestore();
  });
});
