/**
 * `npm run bench:views`: the views on large backlogs at real Jira latency (docs/benchmarks.md). For each
 * backlog size and added latency: the sequential read of the backlog (one page after another) as the
 * reference, the concurrent read, and `prioritize.load` through the harness: time to the first answer,
 * time to the full result (polling while a job computes it), the answer's size, Jira requests, peak memory.
 *
 *   npm run bench:views                         1k, 5k, 10k × 100, 300, 1000 ms
 *   npm run bench:views -- --sizes 1000 --latencies 20
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIG_BOARD_ID, buildLargeSeed } from '../dev/demo';
import { startLocalServer } from '../dev/server';
import { JiraClient } from '../src/jira/client';
import { httpTransport } from '../src/jira/http-transport';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
};
const sizes = arg('--sizes', '1000,5000,10000').split(',').map(Number);
const latencies = arg('--latencies', '100,300,1000').split(',').map(Number);

interface Row {
  issues: number;
  latencyMs: number;
  sequentialMs: number;
  concurrentMs: number;
  speedup: number;
  firstAnswerMs: number;
  fullResultMs: number;
  answerBytes: number;
  requests: number;
  peakRssMb: number;
}

async function invoke(
  url: string,
  functionKey: string,
  payload: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few fields of several answers
): Promise<{ text: string; data: any }> {
  const res = await fetch(`${url}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey,
      payload,
      accountId: 'local-po',
      context: {
        moduleKey: 'valuerank-project-page',
        extension: { project: { id: '10100', key: 'BIG', type: 'software' } },
      },
    }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { ok: boolean; data?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${functionKey}: ${JSON.stringify(body.error)}`);
  return { text, data: body.data };
}

const requests = async (url: string) =>
  ((await (await fetch(`${url}/_local/stats`)).json()) as { total: number }).total;

export async function benchViews(
  sizesIn: number[],
  latenciesIn: number[],
  log = console.log,
): Promise<Row[]> {
  const rows: Row[] = [];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    for (const n of sizesIn) {
      const dir = path.join(os.tmpdir(), `valuerank-bench-${process.pid}`);
      const seedFile = path.join(`${dir}-${n}.json`);
      writeFileSync(seedFile, JSON.stringify(buildLargeSeed(n)));
      const server = await startLocalServer({
        port: 0,
        seedFile,
        harness: { log: () => undefined, eventDelayScale: 0.001 },
      });
      try {
        // Load the app's code once (the first invocation in a process compiles it), outside the timings.
        await invoke(server.url, 'site.overview', {});
        for (const latencyMs of latenciesIn) {
          // Each cell starts cold: no job of the last cell may still write a snapshot after the store is emptied.
          await server.harness.events.idle();
          await fetch(`${server.url}/_local/kvs`, { method: 'DELETE' });
          await fetch(`${server.url}/_local/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ latencyMs }),
          });
          const read = async (concurrency: number) => {
            const jira = new JiraClient(
              httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }),
              { concurrency },
            );
            const t = performance.now();
            await jira.boardBacklog(BIG_BOARD_ID, { fields: ['summary', 'customfield_10016'] });
            return performance.now() - t;
          };
          const sequentialMs = await read(1);
          const concurrentMs = await read(5);
          peak = 0;
          const before = await requests(server.url);
          const t = performance.now();
          let answer = await invoke(server.url, 'prioritize.load', { boardId: BIG_BOARD_ID });
          const firstAnswerMs = performance.now() - t;
          const firstBytes = Buffer.byteLength(answer.text);
          while ('pending' in answer.data || !answer.data.status.fresh) {
            await new Promise((r) => setTimeout(r, 500));
            answer = await invoke(server.url, 'prioritize.load', { boardId: BIG_BOARD_ID });
          }
          const fullResultMs = performance.now() - t;
          const row: Row = {
            issues: n,
            latencyMs,
            sequentialMs: Math.round(sequentialMs),
            concurrentMs: Math.round(concurrentMs),
            speedup: Number((sequentialMs / concurrentMs).toFixed(2)),
            firstAnswerMs: Math.round(firstAnswerMs),
            fullResultMs: Math.round(fullResultMs),
            answerBytes: Math.max(firstBytes, Buffer.byteLength(answer.text)),
            requests: (await requests(server.url)) - before,
            peakRssMb: Math.round(peak / 1024 / 1024),
          };
          rows.push(row);
          log(JSON.stringify(row));
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return rows;
}

if (require.main === module) {
  benchViews(sizes, latencies).then(
    (rows) => {
      console.log(
        '\n| issues | latency | sequential read | concurrent read | speed-up | first answer | full result | answer | requests | peak RSS |',
      );
      console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of rows)
        console.log(
          `| ${r.issues} | ${r.latencyMs} ms | ${r.sequentialMs} ms | ${r.concurrentMs} ms | ×${r.speedup} | ${r.firstAnswerMs} ms (${(r.firstAnswerMs / r.sequentialMs).toFixed(2)} of seq.) | ${r.fullResultMs} ms (${(r.fullResultMs / r.sequentialMs).toFixed(2)}) | ${(r.answerBytes / 1024).toFixed(0)} KB | ${r.requests} | ${r.peakRssMb} MB |`,
        );
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
