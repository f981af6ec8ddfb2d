/**
 * Scale: a 10,000-issue backlog read through the real app client, and rank calls on it. Prints the figures
 * (calls, total, max and median ms per call) for the report. Times are asserted only as ratios to a reference
 * request timed interleaved with the work in the same run (a plain GET /rest/api/3/myself to the same site
 * after each timed call), so that a loaded machine slows both alike.
 */
import { buildLargeSeed, BIG_BOARD_ID } from '../../../dev/demo';
import { parseSeed } from '../../../dev/site';
import { JiraClient } from '../../../src/jira';
import { httpTransport } from '../../../src/jira/http-transport';
import { call, keys, startSite, type TestSite } from './fixture';

const N = 10_000;
const FIELDS = ['summary', 'issuetype', 'status', 'priority', 'labels', 'parent', 'customfield_10016'];

let site: TestSite;
let setupMs = 0;

beforeAll(async () => {
  const started = Date.now();
  site = await startSite(parseSeed(buildLargeSeed(N), 'buildLargeSeed(10000)'));
  setupMs = Date.now() - started;
}, 60_000);
afterAll(async () => {
  await site.close();
});

/** The reference: one plain request to the site, timed (fetch and read the body). */
async function reference(): Promise<number> {
  const started = performance.now();
  await (await fetch(`${site.url}/rest/api/3/myself`, { headers: { 'X-Local-User': 'local-po' } })).text();
  return performance.now() - started;
}

/** The app client with a fetch that times each call, then times one reference request into `references`. */
function timedClient(durations: number[], references: number[]): JiraClient {
  const timed: typeof fetch = async (input, init) => {
    const started = performance.now();
    const response = await fetch(input, init);
    const text = await response.text();
    durations.push(performance.now() - started);
    references.push(await reference());
    return new Response(response.status === 204 ? null : text, {
      status: response.status,
      headers: response.headers,
    });
  };
  return new JiraClient(
    httpTransport({ siteUrl: site.url, headers: { 'X-Local-User': 'local-po' }, fetchImpl: timed }),
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] as number;

describe('a 10,000-issue backlog', () => {
  it('lists in exactly ceil(10000/50) = 200 calls, each within a few reference requests', async () => {
    // One page checked against the contract first (the timed run below skips the checks).
    const first = await call(
      site,
      'GET',
      `/rest/agile/1.0/board/${BIG_BOARD_ID}/backlog?startAt=0&maxResults=50&fields=${FIELDS.join(',')}`,
    );
    expect(first.body.total).toBe(N);
    await call(site, 'POST', '/_local/stats/reset');

    const durations: number[] = [];
    const references: number[] = [];
    const started = performance.now();
    const issues = await timedClient(durations, references).boardBacklog(BIG_BOARD_ID, { fields: FIELDS });
    const total = performance.now() - started;

    expect(issues).toHaveLength(N);
    expect(new Set(keys(issues)).size).toBe(N);
    expect(keys(issues)).toEqual(site.site.state.issuesInRankOrder().map((i) => i.key));
    const calls = (await call(site, 'GET', '/_local/stats')).body.byRoute[
      'GET /rest/agile/1.0/board/{boardId}/backlog'
    ];
    expect(calls).toBe(Math.ceil(N / 50));
    const max = Math.max(...durations);
    const ref = median(references);
    const ratios = { median: median(durations) / ref, p95: p95(durations) / ref, max: max / ref };
    console.log(
      `[scale] site start with ${N} issues: ${setupMs} ms; backlog via JiraClient.boardBacklog: ${calls} calls, ` +
        `total ${ms(total)} (with the references), per call max ${ms(max)}, median ${ms(median(durations))}, ` +
        `p95 ${ms(p95(durations))}; reference request median ${ms(ref)}; ratios to it: ` +
        `median ${ratios.median.toFixed(2)}, p95 ${ratios.p95.toFixed(2)}, max ${ratios.max.toFixed(2)}`,
    );
    expect(ratios.median).toBeLessThan(10);
    expect(ratios.p95).toBeLessThan(30);
  });

  it('takes 50 rank calls quickly and keeps the order consistent', async () => {
    const durations: number[] = [];
    const references: number[] = [];
    const jira = timedClient(durations, references);
    const order = (): string[] => site.site.state.issuesInRankOrder().map((i) => i.key);
    const before = order();
    const started = performance.now();
    for (let i = 0; i < 50; i++) {
      // move a block of 50 from deep in the backlog to just after the top issue
      const block = before.slice(5_000 + i * 50, 5_050 + i * 50);
      const outcome = await jira.rankIssues({ issues: block, rankAfterIssue: before[0] as string });
      expect(outcome.ok).toBe(true);
    }
    const total = performance.now() - started;
    const after = order();
    expect(after.slice(1, 51)).toEqual(before.slice(7_450, 7_500)); // the last block moved sits right after the top
    expect(new Set(after).size).toBe(N);
    const ranks = site.site.state.issuesInRankOrder().map((i) => i.fields.customfield_10019 as string);
    expect(ranks.every((r, i) => i === 0 || (ranks[i - 1] as string) < r)).toBe(true);
    // listing right after ranking (the list cache was invalidated) stays fast: one page through the timed client
    const relisted: number[] = [];
    for await (const first of timedClient(relisted, references).backlogPages(BIG_BOARD_ID, {
      fields: ['summary'],
    })) {
      expect(keys(first).slice(1, 3)).toEqual(after.slice(1, 3));
      break;
    }
    const page = await call(
      site,
      'GET',
      `/rest/agile/1.0/board/${BIG_BOARD_ID}/backlog?startAt=0&maxResults=50&fields=summary`,
    );
    expect(keys(page.body.issues).slice(1, 3)).toEqual(after.slice(1, 3));
    const ref = median(references);
    const ratios = { rank: median(durations) / ref, relist: (relisted[0] as number) / ref };
    console.log(
      `[scale] 50 rank calls of 50 issues each on ${N} issues: total ${ms(total)} (with the references), ` +
        `max ${ms(Math.max(...durations))}, median ${ms(median(durations))}; first listing after ranking ` +
        `${ms(relisted[0] as number)}; reference request median ${ms(ref)}; ratios to it: rank call median ` +
        `${ratios.rank.toFixed(2)}, relist ${ratios.relist.toFixed(2)}`,
    );
    expect(ratios.rank).toBeLessThan(25);
    expect(ratios.relist).toBeLessThan(120);
  });
});
