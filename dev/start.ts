/**
 * `npm start`: builds the Custom UI (unless --no-build), starts the local Jira site with the app on it,
 * and prints every module page for every user and the time from start to ready.
 *
 *   npm start                      demo data, port 8080 (env PORT), fresh Forge storage
 *   npm start -- --no-build        reuse static/build
 *   npm start -- --persist         keep Forge storage in .vr-data/kvs.json across restarts
 *   npm start -- --seed my.json    another seed (or env VALUERANK_SEED)
 *   npm start -- --large 10000     the generated 10,000-issue backlog (project BIG, board 99) instead
 *   npm start -- --latency 300     300 ms added to every Jira request (as real Jira Cloud answers)
 *
 * With the demo data it also seeds the demo vision and the demo dashboard (/dashboard: two configured
 * health gadgets side by side).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIG_BOARD_ID, buildLargeSeed } from './demo';
import { buildUi, uiBuildIsFresh } from './harness/build-ui';
import { seedDemoDashboard } from './harness/dashboard';
import { seedDemoSession } from './demo/sessions';
import { publishStoredVision, seedDemoVision } from './demo/vision';
import { startLocalServer } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const valueOf = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };

  let buildNote = 'UI build skipped: --no-build';
  if (!flag('--no-build')) {
    if (flag('--build-if-stale') && uiBuildIsFresh()) buildNote = 'UI build fresh: not rebuilt';
    else {
      const { ms } = await buildUi();
      buildNote = `UI built in ${(ms / 1000).toFixed(1)} s`;
    }
  } else if (!uiBuildIsFresh()) {
    console.warn('warning: static/build is missing or older than static/src: run npm run build:ui');
  }

  const large = valueOf('--large');
  const latency = valueOf('--latency');
  let seedFile = valueOf('--seed');
  if (large !== undefined) {
    // The large seed goes through a file, like any other seed (the app's fields are added on start).
    const n = Number(large);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--large needs an issue count, not ${large}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'valuerank-large-'));
    seedFile = path.join(dir, `large-${n}.json`);
    writeFileSync(seedFile, JSON.stringify(buildLargeSeed(n)));
  }
  const server = await startLocalServer({
    ...(seedFile ? { seedFile } : {}),
    ...(flag('--persist') ? { persistKvs: true } : {}),
  });
  // The demo product's vision (Vision tab), unless another seed is used or storage already has one.
  if (!seedFile) seedDemoVision(server.harness.kvs);
  // Its read copy for `valuerank vision` (project property valuerank-vision), from what storage holds.
  if (!seedFile) publishStoredVision(server.harness.kvs, server.site.state);
  // The demo dashboard (/dashboard): two health gadgets with different stored configurations.
  if (!seedFile) seedDemoDashboard(server.harness);
  // The demo's revealed value session with disagreement (Value sessions tab).
  if (!seedFile) seedDemoSession(server.harness.kvs, server.site.state);
  if (latency !== undefined) {
    const ms = Number(latency);
    const res = await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: ms }),
    });
    if (!res.ok) throw new Error(`--latency ${latency}: the site refused it (${res.status})`);
  }
  // As on a site where ValueRank has run a while: the project admin's readiness re-check of TRAIL writes
  // each issue's readiness property (the grid's Ready column, JQL), in the background, through the app.
  const recheck = seedFile ? undefined : await startDemoRecheck(server.url);
  const ready = performance.now();

  const lines: string[] = [];
  for (const module of server.harness.manifest.uiModules) {
    for (const { accountId: account } of server.harness.directory.users) {
      lines.push(
        `  ${module.key.padEnd(28)} ${account.padEnd(16)} → ${server.url}${server.harness.moduleUrl(module, account)}`,
      );
    }
  }
  console.log(`\nValueRank on a local Jira Cloud site: ${server.url}/`);
  console.log(lines.join('\n'));
  if (!seedFile)
    console.log(
      `\nDemo dashboard with two configured gadgets: ${server.url}/dashboard?as=${server.harness.directory.defaultUser}`,
    );
  if (large !== undefined)
    console.log(`\nLarge backlog: project BIG, board ${BIG_BOARD_ID} (${large} issues).`);
  if (latency !== undefined) console.log(`Every Jira request waits ${latency} ms (/_local/faults).`);
  if (recheck) console.log(`\n${recheck}`);
  console.log(`\nReady in ${(ready / 1000).toFixed(1)} s from start (${buildNote}). Ctrl+C stops.`);

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/** Starts the readiness re-check of TRAIL as its admin (the Readiness tab's button); says what it did. */
async function startDemoRecheck(url: string): Promise<string> {
  const res = await fetch(`${url}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'readiness.recheck.start',
      payload: { projectKey: 'TRAIL' },
      accountId: 'local-po',
      context: {
        moduleKey: 'valuerank-project-page',
        extension: { project: { id: '10000', key: 'TRAIL', type: 'software' } },
      },
    }),
  });
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: { message?: string } };
  return body.ok
    ? 'Readiness re-check of TRAIL started (each issue gets its readiness property, as after installing).'
    : `The readiness re-check of TRAIL did not start: ${body.error?.message ?? res.status}`;
}
