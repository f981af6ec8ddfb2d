/**
 * A large backlog at real Jira latency in a real browser (issue 14): the product target is that the first
 * rows of the Prioritize table are on screen within 5 s of opening the page when every Jira request takes
 * 300 ms, as Jira Cloud's do.
 *
 * Two backlogs (the generated one of `npm start -- --large`, project BIG, board 99): 2,000 issues, which at
 * 300 ms is about the largest read and analysed inside the resolver (the first answer carries the ranked
 * rows), and 10,000, which a view job reads while the first answer carries the backlog's first page in
 * current order, already scored; the ranked table follows. The bench figures are in docs/benchmarks.md.
 *
 * How the time is judged. 5 s is a product target, not a statement about this machine: on a loaded 2-core
 * CI machine the site, the harness, the resolvers and Chromium share the cores, and everything (the UI's own
 * start included) runs slower than on a user's laptop against Jira. So the same page is opened first with
 * no added latency, cold, as the reference for what this machine costs; the test then passes when the
 * time with 300 ms is within the target on top of that reference, or within twice the target, whichever
 * is larger. Both figures are printed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { BIG_BOARD_ID, buildLargeSeed } from '../../dev/demo';
import { startLocalServer, type LocalServer } from '../../dev/server';
import { launchChromium } from '../support/browser';
import { appFrame, openModule } from '../support/e2e';

const ISSUES = 2000;
/** The full scale: too large to read inside the resolver, so a view job reads it (ADR 11). */
const LARGE = 10_000;
const LATENCY_MS = 300;
/** The product target: first rows on screen within 5 s. */
const TARGET_MS = 5000;
const SHOTS = '/tmp/valuerank-large';

let server: LocalServer;
let browser: Browser;
/** The reference: the 2,000-issue backlog's first rows, cold, with no added latency (set by the first test). */
let referenceMs: number | undefined;
beforeAll(async () => {
  [server, browser] = await Promise.all([startSite(ISSUES), launchChromium()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (server) await stopSite(server);
}, 30_000);

async function startSite(issues: number): Promise<LocalServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vr-large-e2e-'));
  const seedFile = path.join(dir, 'big.json');
  writeFileSync(seedFile, JSON.stringify(buildLargeSeed(issues)));
  return startLocalServer({ port: 0, seedFile, harness: { log: () => undefined } });
}

/**
 * Resolver calls a closed page started may still be reading the site, and view jobs may still run: let them
 * finish at full speed before the site stops, so none fails (and logs) after the tests are done.
 */
async function stopSite(site: LocalServer): Promise<void> {
  await latency(0, site);
  await site.settled();
  await site.close();
}

async function latency(ms: number, site: LocalServer = server): Promise<void> {
  const res = await fetch(`${site.url}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: ms }),
  });
  expect(res.status).toBe(200);
}

/** Opens BIG's project page cold (no stored view) and answers the ms until the first table rows show. */
async function timeToFirstRows(shot: string): Promise<{ ms: number; requests: number; errors: string[] }> {
  await fetch(`${server.url}/_local/kvs`, { method: 'DELETE' });
  const stats = async () =>
    ((await (await fetch(`${server.url}/_local/stats`)).json()) as { total: number }).total;
  const before = await stats();
  const t = performance.now();
  const opened = await openModule(
    browser,
    `${server.url}/module/valuerank-project-page?as=local-po&project=BIG&theme=light`,
  );
  // The ranked rows (read inside the resolver) or, when the read went to a job, the first page's rows.
  await opened.ui.locator('.vr-ranked-row, .vr-first-row').first().waitFor({ timeout: 60_000 });
  const ms = performance.now() - t;
  await opened.ui.locator('.vr-ranked-row').first().waitFor({ timeout: 60_000 });
  const requests = (await stats()) - before;
  const frame = appFrame(opened.page);
  // The whole backlog is counted; the rows in view are real rows, the first in value order.
  expect(Number(await frame.locator('table[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1).toBe(
    ISSUES,
  );
  expect(await opened.ui.locator('.vr-ranked-row').count()).toBeGreaterThan(5);
  await opened.ui.getByRole('heading', { name: /ranked by/ }).waitFor();
  expect(await opened.ui.getByLabel('Board').inputValue()).toBe(String(BIG_BOARD_ID));
  await opened.page.screenshot({ path: shot });
  await opened.page.close();
  return { ms, requests, errors: opened.errors };
}

it(`shows the first rows of a ${ISSUES.toLocaleString('en')}-issue backlog within the 5 s target at ${LATENCY_MS} ms per Jira request`, async () => {
  await latency(0);
  const reference = await timeToFirstRows(`${SHOTS}-0ms.png`);
  await latency(LATENCY_MS);
  const slow = await timeToFirstRows(`${SHOTS}-${LATENCY_MS}ms.png`);
  await latency(0);
  console.log(
    `first rows, ${ISSUES} issues: ${Math.round(slow.ms)} ms at ${LATENCY_MS} ms per request (${slow.requests} Jira requests); ${Math.round(reference.ms)} ms with no added latency`,
  );
  referenceMs = reference.ms;
  expect(reference.errors).toEqual([]);
  expect(slow.errors).toEqual([]);
  // About one request per backlog page (40) plus the page's own: the reads are not repeated.
  expect(slow.requests).toBeLessThan(ISSUES / 50 + 40);
  expect(slow.ms).toBeLessThanOrEqual(Math.max(2 * TARGET_MS, reference.ms + TARGET_MS));
  // Nothing was kept between the two openings: the 300 ms one read the backlog too.
  expect(slow.requests).toBeGreaterThanOrEqual(ISSUES / 50);
}, 120_000);

it(`shows the first rows of a ${LARGE.toLocaleString('en')}-issue backlog at once while a job reads it, then the ranked table`, async () => {
  const big = await startSite(LARGE);
  try {
    await latency(LATENCY_MS, big);
    const t = performance.now();
    const opened = await openModule(
      browser,
      `${big.url}/module/valuerank-project-page?as=local-po&project=BIG&theme=light`,
    );
    // Nothing is kept yet: the backlog's first page in current order, scored, shows while the job reads.
    await opened.ui.locator('.vr-first-row').first().waitFor({ timeout: 60_000 });
    const ms = performance.now() - t;
    await opened.page.screenshot({ path: `${SHOTS}-10k-first-rows.png` });
    expect(await opened.ui.locator('.vr-first-row').count()).toBe(50);
    await opened.ui.getByText(`The first 50 of ${LARGE.toLocaleString('en')} issues`).waitFor();
    console.log(
      `first rows, ${LARGE} issues, cold: ${Math.round(ms)} ms at ${LATENCY_MS} ms per request (reference: ${Math.round(referenceMs ?? NaN)} ms)`,
    );
    expect(ms).toBeLessThanOrEqual(Math.max(2 * TARGET_MS, (referenceMs ?? TARGET_MS) + TARGET_MS));

    // The result arrives: the job reads the rest (at full speed here, to keep the run short) and the
    // ranked table of the whole backlog replaces the first rows.
    await latency(0, big);
    await opened.ui.getByRole('heading', { name: /ranked by/ }).waitFor({ timeout: 120_000 });
    expect(
      Number(
        await appFrame(opened.page).locator('table[aria-rowcount]').first().getAttribute('aria-rowcount'),
      ) - 1,
    ).toBe(LARGE);
    expect(opened.errors).toEqual([]);
    await opened.page.close();
  } finally {
    await stopSite(big);
  }
}, 240_000);
