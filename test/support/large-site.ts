/**
 * The local site on the generated large backlog (project BIG, board 99), with latency added to every Jira
 * request: for the tests of views at scale.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLargeSeed } from '../../dev/demo';
import { startLocalServer, type LocalServer } from '../../dev/server';
import type { InvokeContext } from './invoke';

/** The project page opened in BIG. */
export const BIG: InvokeContext = {
  moduleKey: 'valuerank-project-page',
  extension: { project: { id: '10100', key: 'BIG', type: 'software' } },
};

/** The health gadget on a dashboard. */
export const GADGET: InvokeContext = {
  moduleKey: 'valuerank-health-gadget',
  extension: { type: 'jira:dashboardGadget' },
};

/** Starts the site on a generated backlog of `issues` issues, `latencyMs` added to every Jira request. */
export async function startLargeSite(issues: number, latencyMs: number): Promise<LocalServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vr-large-site-'));
  const seedFile = path.join(dir, 'big.json');
  writeFileSync(seedFile, JSON.stringify(buildLargeSeed(issues)));
  const server = await startLocalServer({ port: 0, seedFile, harness: { log: () => undefined } });
  const set = await fetch(`${server.url}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  if (set.status !== 200) throw new Error(`The site did not take the latency (${set.status})`);
  return server;
}
