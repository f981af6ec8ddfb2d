/**
 * Issue 15, finding 2, as the issue reproduced it: the local site (with its Forge storage persisted, as
 * `npm start -- --persist` does) is killed in the middle of an apply and started again. The job stays
 * `running` part-way; once no heartbeat came for 2 minutes (the time the site was down, moved in the
 * persisted record) progress says `stalled`, and Resume finishes the reorder: the board is not held until a
 * lock expires.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer } from '../../dev/server';
import { STALE_JOB_MS } from '../../src/jobs/runner';
import type { JobView } from '../../src/resolvers/api';
import { invokeData, invokeResolver } from '../support/invoke';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vr-crash-'));
const file = path.join(dir, 'kvs.json');
let server: LocalServer | undefined;

const start = () =>
  startLocalServer({ port: 0, persistKvs: file, harness: { log: () => undefined, eventDelayScale: 0.001 } });

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const progress = (url: string, jobId: string) => invokeData(url, 'prioritize.progress', { jobId });

it('a job killed with the site at 2 rank calls is stalled after the restart, and Resume finishes it', async () => {
  server = await start();
  await fetch(`${server.url}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      rules: [{ method: 'PUT', path: '/rest/agile/1.0/issue/rank', latencyMs: 1500, times: 0 }],
    }),
  });
  const started = await invokeData(server.url, 'prioritize.apply', { boardId: 1, fingerprint: 'crash' });
  let seen: JobView = started;
  while (seen.done < 2) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await progress(server.url, started.jobId);
  }
  expect(seen.total).toBeGreaterThan(2);
  await server.close(); // the site dies mid-apply
  server = undefined;

  // While it was down, time passed: the record's last move is 2 minutes and a bit ago.
  const stored = JSON.parse(readFileSync(file, 'utf8')) as {
    spaces: Record<string, Record<string, { value: { state: string; done: number; updatedAt: string } }>>;
  };
  const record = stored.spaces.kvs?.[`job:${started.jobId}`];
  expect(record?.value).toMatchObject({ state: 'running' });
  const doneAtCrash = record!.value.done;
  record!.value.updatedAt = new Date(Date.now() - STALE_JOB_MS - 1000).toISOString();
  writeFileSync(file, JSON.stringify(stored));

  server = await start();
  const after = await progress(server.url, started.jobId);
  expect(after).toMatchObject({ state: 'running', stalled: true, done: doneAtCrash });
  // Someone else (a developer, no project admin) may not resume it.
  const foreign = await invokeResolver(
    server.url,
    'prioritize.resume',
    { jobId: started.jobId },
    'local-dev',
  );
  expect(foreign.ok).toBe(false);

  const resumed = await invokeData(server.url, 'prioritize.resume', { jobId: started.jobId });
  expect(resumed).toMatchObject({ state: 'queued', stalled: false });
  await server.harness.events.idle();
  expect(await progress(server.url, started.jobId)).toMatchObject({ state: 'done', verified: true });
  // The board is free: an undo starts at once.
  const undo = await invokeResolver(server.url, 'prioritize.undo', { boardId: 1 });
  expect(undo.ok).toBe(true);
  await server.harness.events.idle();
}, 120_000);
