/**
 * `npm run bench:rank`: how many Jira rank calls the rank planner makes on real and generated backlogs,
 * against the minimum (the benchmark's own exhaustive DP) and two naive strategies, how long planning takes,
 * and how long applying a plan takes on the local Jira site with 100 ms latency per request.
 *
 *   npm run bench:rank                 the full run (< 5 min)
 *   npm run bench:rank -- --quick      two small backlogs and one small site run (< 30 s)
 *   npm run bench:rank -- --json       the results as JSON on stdout (progress goes to stderr)
 *   npm run bench:rank -- --markdown   the tables in Markdown (for docs/benchmarks.md)
 *   npm run bench:rank -- --no-site    the pure part only
 *
 * Exits 1 when any check fails (planner calls above the DP minimum, a plan not giving the target, the
 * site's final order not the target), 2 on an error. Real backlogs come from ../shared/data/backlogs
 * (VALUERANK_SHARED_DATA overrides ../shared/data); nothing of them is written anywhere.
 */
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { buildChange } from './rank/changes';
import { FULL, QUICK, type BenchConfig } from './rank/config';
import { sharedDataDir } from '../eval/shared-data';
import { concatBacklogs, readRealBacklogs, type Backlog } from './rank/data';
import { generatedBacklog, runPure, type PureRow } from './rank/pure';
import { LEGEND, pureTable, siteTable } from './rank/report';
import { runSite, type SiteRow } from './rank/site';

const HELP = `Usage: npm run bench:rank -- [--quick] [--json | --markdown] [--no-site]`;

function backlogsFor(config: BenchConfig): Backlog[] {
  const real = readRealBacklogs(config.realBacklogs);
  const all = config.realBacklogs === undefined ? real : readRealBacklogs();
  return [
    ...real,
    ...(config.joined ? [concatBacklogs(all)] : []),
    ...config.generated.map((n) => generatedBacklog(n)),
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      'no-site': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = values.quick ? QUICK : FULL;
  const progress = (line: string): void => {
    process.stderr.write(`[bench:rank] ${line}\n`);
  };
  const started = performance.now();
  progress(`${values.quick ? 'quick' : 'full'} run; backlogs from ${sharedDataDir()}/backlogs`);

  const backlogs = backlogsFor(config);
  const pure: PureRow[] = runPure(
    backlogs,
    config.changes,
    { runs: config.runs, coreCheck: config.coreCheck },
    progress,
  );
  const pureMs = performance.now() - started;

  const site: SiteRow[] = [];
  if (!values['no-site']) {
    for (const run of config.site) {
      const backlog = backlogs.find((b) => b.name === run.backlog) ?? readRealBacklogs([run.backlog])[0];
      if (!backlog) throw new Error(`no backlog ${run.backlog}`);
      const row = await runSite(backlog, buildChange(backlog, run.change), config.latencyMs, progress);
      progress(
        `site ${row.backlog}: ${row.calls} calls in ${(row.applyMs / 1000).toFixed(1)} s, ` +
          `read back in ${(row.readAfterMs / 1000).toFixed(1)} s, final = target: ${row.endsAtTarget}`,
      );
      site.push(row);
    }
  }
  const totalMs = performance.now() - started;
  const ok = pure.every((r) => r.ok) && site.every((r) => r.ok);

  const environment = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  if (values.json) {
    const mode = values.quick ? 'quick' : 'full';
    console.log(JSON.stringify({ mode, ok, environment, pureMs, totalMs, pure, site }, null, 2));
    return ok ? 0 : 1;
  }
  const style = values.markdown ? 'markdown' : 'text';
  const title = (text: string): string => (style === 'markdown' ? `### ${text}` : `== ${text}`);
  const out = [
    title('Rank calls: planRank against the minimum and two naive strategies'),
    '',
    pureTable(pure, style),
    '',
  ];
  if (site.length > 0) {
    out.push(
      title(`Applying the plan on the local Jira site, ${config.latencyMs} ms latency per request`),
      '',
      siteTable(site, style),
      '',
    );
  }
  if (style === 'text') out.push(...LEGEND, '');
  out.push(
    `${ok ? 'All checks passed' : 'CHECKS FAILED'}: ${pure.length} plans${site.length ? `, ${site.length} site runs` : ''}. ` +
      `Pure part ${(pureMs / 1000).toFixed(1)} s, total ${(totalMs / 1000).toFixed(1)} s; ` +
      `Node ${environment.node}, ${environment.cpus} CPUs, load ${environment.loadAverage.join(' ')}.`,
  );
  console.log(out.join('\n'));
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? `\n${HELP}` : '';
    console.error(`[bench:rank] ${message}${usage}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = 2;
  },
);
