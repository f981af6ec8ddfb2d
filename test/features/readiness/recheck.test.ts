/**
 * Re-check all issues of a project (the readiness backfill) on the local site, run by the harness exactly as
 * Forge runs it: the real resolvers start it, the real @forge/events queue delivers each slice to the
 * `valuerank-jobs` consumer from manifest.yml, in the context of the user who started it.
 */
import { QUESTIONS_PROPERTY } from '../../../src/core/questions';
import { DEFAULT_CONFIG } from '../../../src/core/criteria';
import { checkJiraIssue, fieldsFor, READINESS_PROPERTY_KEY } from '../../../src/features/readiness';
import { RECHECK_QUEUE } from '../../../src/features/readiness/recheck';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { RecheckView } from '../../../src/features/readiness/recheck-api';
import { invokeData, invokeResolver } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ harness: { eventDelayScale: 0.001 }, reset: ['site', 'kvs', 'faults'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const trailIssues = () =>
  asPo.search({
    jql: 'project = TRAIL ORDER BY key',
    fields: fieldsFor(DEFAULT_CONFIG),
    // The demo's open questions for the PO block Ready too.
    properties: [READINESS_PROPERTY_KEY, QUESTIONS_PROPERTY],
  });

const keysWhere = async (jql: string) =>
  (await asPo.search({ jql: `project = TRAIL AND ${jql}`, fields: ['summary'] })).map((i) => i.key).sort();

const propertyWrites = async (): Promise<number> =>
  ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> }).byRoute[
    'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'
  ] ?? 0;

/** The queue events of one run (or of every run since the server started). */
const backfillEvents = (jobId?: string) =>
  [...server.harness.events.jobs.values()]
    .filter((j) => j.queueName === RECHECK_QUEUE)
    .flatMap((j) => j.events)
    .filter((e) => jobId === undefined || e.body.jobId === jobId);

/** Starts a re-check as `who`, waits for every slice, answers the run. */
async function recheck(pageSize?: number, who = 'local-po'): Promise<RecheckView> {
  const started = await invokeData(
    server.url,
    'readiness.recheck.start',
    { projectKey: 'TRAIL', ...(pageSize ? { pageSize } : {}) },
    who,
  );
  expect(started.alreadyRunning).toBe(false);
  await server.harness.events.idle();
  const { run } = await invokeData(server.url, 'readiness.recheck.progress', { jobId: started.jobId }, who);
  expect(run?.jobId).toBe(started.jobId);
  return run!;
}

describe('criteria.recheck', () => {
  it('writes every issue that has no readiness yet, page by page; JQL then finds exactly the not-ready ones', async () => {
    const before = await trailIssues();
    expect(before.length).toBeGreaterThan(30);
    expect(before.filter((i) => i.properties?.[READINESS_PROPERTY_KEY] !== undefined)).toEqual([]);
    const expectedNotReady = before
      .filter((i) => !checkJiraIssue(i, DEFAULT_CONFIG).verdict.ready)
      .map((i) => i.key)
      .sort();
    expect(expectedNotReady.length).toBeGreaterThan(0);
    expect(expectedNotReady.length).toBeLessThan(before.length);

    const run = await recheck(10);
    expect(run).toMatchObject({
      projectKey: 'TRAIL',
      state: 'done',
      stalled: false,
      total: before.length,
      checked: before.length,
      written: before.length,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      failures: [],
      startedBy: { accountId: 'local-po', displayName: 'Amara Okafor' },
    });
    expect(run.finishedAt).toBeDefined();
    expect(run.lastError).toBeUndefined();
    // one event per page of 10, each pushed by the one before, all delivered once and all successful
    const events = backfillEvents(run.jobId);
    expect(events).toHaveLength(Math.ceil(before.length / 10));
    expect(events.map((e) => e.body.step)).toEqual(events.map((_, i) => i));
    expect(events.every((e) => e.state === 'success' && e.attempts === 1)).toBe(true);

    expect(await keysWhere('issue.property[valuerank-readiness].ready = "false"')).toEqual(expectedNotReady);
    expect(
      (await keysWhere('issue.property[valuerank-readiness].ready = "true"')).length +
        expectedNotReady.length,
    ).toBe(before.length);
    const sample = await asPo.getIssueProperty(before[0]!.key, READINESS_PROPERTY_KEY);
    expect(sample).toMatchObject({
      ready: expect.stringMatching(/^(true|false)$/),
      quality: expect.any(Number),
    });
  });

  it('a second run writes nothing: every property is already up to date', async () => {
    const first = await recheck();
    const writes = await propertyWrites();
    const second = await recheck(7);
    expect(second).toMatchObject({
      state: 'done',
      checked: first.checked,
      written: 0,
      unchanged: first.checked,
      skipped: 0,
      failed: 0,
    });
    expect(await propertyWrites()).toBe(writes);
  });

  it('writes only the issues whose readiness changed since (an edit outside the trigger)', async () => {
    await recheck();
    // Change TRAIL-48's property behind ValueRank's back, as a stale value would be.
    await asPo.setIssueProperty('TRAIL-48', READINESS_PROPERTY_KEY, {
      ready: 'false',
      quality: 0,
      criteria: 0,
      done: 0,
      total: 0,
      blocking: ['missing-criteria'],
      at: '2020-01-01T00:00:00.000Z',
    });
    const run = await recheck(50);
    expect(run).toMatchObject({ state: 'done', written: 1, unchanged: run.checked - 1 });
    expect(await asPo.getIssueProperty('TRAIL-48', READINESS_PROPERTY_KEY)).toMatchObject({ ready: 'true' });
  });

  it.each(['local-dev', 'local-viewer'])(
    'refuses %s (not a project administrator) and writes nothing',
    async (who) => {
      const eventsBefore = backfillEvents().length;
      const answer = await invokeResolver(
        server.url,
        'readiness.recheck.start',
        { projectKey: 'TRAIL' },
        who,
      );
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Only administrators of project TRAIL can re-check all its issues. Nothing was changed.',
        },
      });
      await server.harness.events.idle();
      expect(backfillEvents()).toHaveLength(eventsBefore);
      expect(await propertyWrites()).toBe(0);
      expect(await keysWhere('issue.property[valuerank-readiness].ready = "false"')).toEqual([]);
      // they can still see that no run happened
      expect(
        await invokeData(server.url, 'readiness.recheck.progress', { projectKey: 'TRAIL' }, who),
      ).toEqual({
        run: null,
      });
    },
  );

  it('refuses an outsider as if the project did not exist', async () => {
    const start = await invokeResolver(
      server.url,
      'readiness.recheck.start',
      { projectKey: 'TRAIL' },
      'local-outsider',
    );
    expect(start.ok === false && start.error.code).toBe('not-found');
    const run = await recheck(20);
    const progress = await invokeResolver(
      server.url,
      'readiness.recheck.progress',
      { jobId: run.jobId },
      'local-outsider',
    );
    expect(progress.ok === false && progress.error.code).toBe('not-found');
    const byProject = await invokeResolver(
      server.url,
      'readiness.recheck.progress',
      { projectKey: 'TRAIL' },
      'local-outsider',
    );
    expect(byProject.ok === false && byProject.error.code).toBe('not-found');
  });

  it("the project's last run is shown to anyone who can browse it", async () => {
    expect(await invokeData(server.url, 'readiness.recheck.progress', { projectKey: 'TRAIL' })).toEqual({
      run: null,
    });
    const run = await recheck(25);
    const { run: seen } = await invokeData(
      server.url,
      'readiness.recheck.progress',
      { projectKey: 'TRAIL' },
      'local-viewer',
    );
    expect(seen).toEqual({ ...run, updatedAt: expect.any(String) });
  });

  it('a slice that meets a busy Jira is delivered again by the queue and the run completes', async () => {
    const total = (await trailIssues()).length;
    // every attempt the client makes at the first page answers 503, so the slice asks the queue to retry
    const r = await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [{ method: 'POST', path: '/rest/api/3/search/jql', status: 503, retryAfter: 0, times: 4 }],
      }),
    });
    expect(r.status).toBeLessThan(300);
    const run = await recheck();
    expect(run).toMatchObject({ state: 'done', checked: total, written: total, failed: 0 });
    expect(run.lastError).toBeUndefined();
    const events = backfillEvents(run.jobId);
    expect(events[0]).toMatchObject({ state: 'success', attempts: 2 });
    expect(events.slice(1).every((e) => e.state === 'success' && e.attempts === 1)).toBe(true);
  });

  it('rejects a bad payload', async () => {
    const answer = await invokeResolver(server.url, 'readiness.recheck.start', {
      projectKey: 'TRAIL',
      pageSize: 500,
    });
    expect(answer.ok === false && answer.error.code).toBe('invalid-payload');
    const progress = await invokeResolver(server.url, 'readiness.recheck.progress', {});
    expect(progress.ok === false && progress.error.code).toBe('invalid-payload');
  });
});
