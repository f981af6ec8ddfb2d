/**
 * The re-check at scale: 10,000 generated issues (ADF descriptions, 65% with criteria) on the local site,
 * through the real resolvers, queue and consumer. Every issue is written once; a second run writes nothing;
 * the slices stay far inside Forge's 900 s per event. Prints the figures (time, events, Jira calls).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLargeSeed } from '../../../dev/demo';
import { startLocalServer, type LocalServer } from '../../../dev/server';
import { RECHECK_QUEUE } from '../../../src/features/readiness/recheck';
import type { RecheckView } from '../../../src/features/readiness/recheck-api';
import { invokeData } from '../../support/invoke';

const ISSUES = 10_000;
let server: LocalServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'valuerank-recheck-'));
  const seedFile = path.join(dir, 'big.json');
  writeFileSync(seedFile, JSON.stringify(buildLargeSeed(ISSUES)));
  server = await startLocalServer({
    port: 0,
    seedFile,
    harness: { log: () => undefined, eventDelayScale: 0.001 },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stats = async () =>
  ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> }).byRoute;
const calls = (byRoute: Record<string, number>) => Object.values(byRoute).reduce((a, b) => a + b, 0);
const slices = (jobId: string) =>
  [...server.harness.events.jobs.values()]
    .filter((j) => j.queueName === RECHECK_QUEUE)
    .flatMap((j) => j.events)
    .filter((e) => e.body.jobId === jobId).length;

async function recheck(): Promise<{
  run: RecheckView;
  ms: number;
  events: number;
  jira: Record<string, number>;
}> {
  const before = await stats();
  const started = performance.now();
  const { jobId } = await invokeData(server.url, 'readiness.recheck.start', { projectKey: 'BIG' });
  await server.harness.events.idle();
  const ms = Math.round(performance.now() - started);
  const { run } = await invokeData(server.url, 'readiness.recheck.progress', { jobId });
  const after = await stats();
  const jira = Object.fromEntries(
    Object.entries(after)
      .map(([route, n]) => [route, n - (before[route] ?? 0)])
      .filter(([, n]) => n !== 0),
  );
  return { run: run!, ms, events: slices(jobId), jira };
}

it(`re-checks ${ISSUES.toLocaleString('en')} issues once, then finds nothing to write`, async () => {
  const first = await recheck();
  expect(first.run).toMatchObject({ state: 'done', total: ISSUES, checked: ISSUES, written: ISSUES });
  expect(first.run.failed + first.run.skipped + first.run.unchanged).toBe(0);
  // One event per page of 100, nothing re-delivered.
  expect(first.events).toBe(ISSUES / 100);
  const writes = first.jira['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'];
  expect(writes).toBe(ISSUES);

  const second = await recheck();
  expect(second.run).toMatchObject({ state: 'done', checked: ISSUES, written: 0, unchanged: ISSUES });
  expect(second.jira['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}']).toBeUndefined();

  console.log(
    [
      `re-check of ${ISSUES} issues on the local site:`,
      `first run ${first.ms} ms, ${first.events} events, ${calls(first.jira)} Jira calls (${writes} property writes);`,
      `second run ${second.ms} ms, ${second.events} events, ${calls(second.jira)} Jira calls, 0 writes;`,
      `per 100-issue slice: ${Math.round(first.ms / first.events)} ms / ${Math.round(second.ms / second.events)} ms`,
    ].join(' '),
  );
}, 300_000);
