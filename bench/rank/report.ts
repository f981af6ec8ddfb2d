/** Tables for people: aligned plain text for the terminal, or Markdown for docs/benchmarks.md. */
import { CHANGE_LABELS } from './changes';
import type { PureRow } from './pure';
import type { SiteRow } from './site';

export type TableStyle = 'text' | 'markdown';

interface Table {
  head: string[];
  /** true = right-aligned (numbers). */
  right: boolean[];
  rows: string[][];
}

const int = (x: number): string => x.toLocaleString('en-US');
const ms = (x: number): string => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const seconds = (x: number): string => `${(x / 1000).toFixed(1)} s`;
const ratio = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

function render(table: Table, style: TableStyle): string {
  const cells = [table.head, ...table.rows];
  if (style === 'markdown') {
    const line = (row: string[]): string => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
    const rule = `|${table.right.map((r) => (r ? '---:' : ':---')).join('|')}|`;
    return [line(table.head), rule, ...table.rows.map(line)].join('\n');
  }
  const widths = table.head.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, c) => (table.right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.head), rule, ...table.rows.map(line)].join('\n');
}

export function pureTable(rows: readonly PureRow[], style: TableStyle): string {
  return render(
    {
      head: [
        'backlog',
        'change',
        'issues',
        'calls',
        'DP min',
        'moved',
        'naive 1/issue',
        'naive chunks',
        'calls/naive',
        'plan ms',
        'DP ms',
        'check',
      ],
      right: [false, false, true, true, true, true, true, true, true, true, true, false],
      rows: rows.map((r) => [
        r.backlog,
        CHANGE_LABELS[r.change],
        int(r.issues),
        int(r.planCalls),
        int(r.dpCalls),
        int(r.moved),
        int(r.naivePerIssue),
        int(r.naiveChunks),
        ratio(r.planCalls / Math.min(r.naivePerIssue, r.naiveChunks)),
        ms(r.planMs),
        ms(r.dpMs),
        r.ok ? 'ok' : `FAILED: ${r.problems.join('; ')}`,
      ]),
    },
    style,
  );
}

/** What the columns mean, under the tables. */
export const LEGEND: readonly string[] = [
  "calls: rank calls in planRank's plan; DP min: the fewest possible, by the benchmark's own O(n²) DP over all",
  '  increasing subsequences; moved: issues the plan moves (fewest calls first, then fewest moves);',
  '  naive 1/issue: one call per issue outside a longest increasing subsequence (n − LIS);',
  '  naive chunks: re-rank everything, 50 issues a call (ceil(n/50)); calls/naive: calls ÷ the better naive;',
  "  plan ms: planRank, median of 5 runs; DP ms: one run of the DP; check: calls = DP min, moved = the DP's",
  "  least moves for that many calls, core's minimumCostExhaustive agrees, applying the plan gives the target.",
  "site: the plan's calls one by one via JiraClient.rankIssues (HTTP, as the PO); ms/call: apply ÷ calls;",
  '  read back: JiraClient.boardBacklog of the whole backlog after ranking (50 a page, each page delayed too);',
  '  naive (est.): their calls × the measured ms/call; apply/naive: apply time ÷ the better naive estimate.',
];

export function siteTable(rows: readonly SiteRow[], style: TableStyle): string {
  return render(
    {
      head: [
        'backlog',
        'change',
        'issues',
        'latency',
        'calls',
        'moved',
        'apply',
        'ms/call',
        'read back (pages)',
        'final = target',
        'naive 1/issue (est.)',
        'naive chunks (est.)',
        'apply/naive',
        'check',
      ],
      right: [false, false, true, true, true, true, true, true, true, false, true, true, true, false],
      rows: rows.map((r) => [
        r.backlog,
        CHANGE_LABELS[r.change],
        int(r.issues),
        `${r.latencyMs} ms`,
        int(r.calls),
        int(r.moved),
        seconds(r.applyMs),
        ms(r.meanCallMs),
        `${seconds(r.readAfterMs)} (${r.readPages})`,
        r.endsAtTarget ? 'yes' : 'NO',
        `${int(r.naivePerIssueCalls)}, ${seconds(r.naivePerIssueMs)}`,
        `${int(r.naiveChunksCalls)}, ${seconds(r.naiveChunksMs)}`,
        ratio(r.applyMs / Math.min(r.naivePerIssueMs, r.naiveChunksMs)),
        r.ok ? 'ok' : `FAILED: ${r.problems.join('; ')}`,
      ]),
    },
    style,
  );
}
