/**
 * Apply time: the plan's rank calls made one by one through the app's JiraClient (HTTP transport, as the
 * Product Owner) against the local Jira site with a fixed latency on every REST request, then the backlog
 * read back through the same client and compared with the target.
 */
import { BIG_BOARD_ID, buildLargeSeed } from '../../dev/demo';
import { rankString } from '../../dev/demo/build';
import { parseSeed, startJiraSite, type Seed, type SeedInput } from '../../dev/site';
import { planRank } from '../../src/core/rank-plan';
import { JiraClient } from '../../src/jira';
import { httpTransport } from '../../src/jira/http-transport';
import type { Change } from './changes';
import type { Backlog } from './data';
import { longestIncreasing, positionsOf, sameOrder } from './dp';
import { LIMIT, median } from './pure';

type SeedIssueInput = SeedInput['issues'][number];
type SeedLink = NonNullable<SeedIssueInput['fields']['issuelinks']>[number];
type IssueRef = NonNullable<SeedLink['outwardIssue']>;

export interface SiteRow {
  backlog: string;
  change: Change['kind'];
  issues: number;
  latencyMs: number;
  /** The plan, made from the order read from the site. */
  calls: number;
  moved: number;
  /** Wall time of all the plan's calls, one after the other. */
  applyMs: number;
  meanCallMs: number;
  medianCallMs: number;
  /** Rank calls the site counted (should equal `calls`). */
  siteRankCalls: number;
  /** Reading the whole backlog through JiraClient.boardBacklog, before and after. */
  readBeforeMs: number;
  readAfterMs: number;
  readPages: number;
  /** The order read from the site before ranking equals the change's current order. */
  startsAtCurrent: boolean;
  /** The order read back equals the target. */
  endsAtTarget: boolean;
  /** Naive strategies, estimated as calls × the measured mean call time. */
  naivePerIssueCalls: number;
  naivePerIssueMs: number;
  naiveChunksCalls: number;
  naiveChunksMs: number;
  /** Seed build + site start, not part of any figure above. */
  setupMs: number;
  ok: boolean;
  problems: string[];
}

/**
 * A site seed holding exactly the backlog's issues, ranked in `order`: buildLargeSeed's users, fields,
 * board (99) and issue bodies, with the backlog's keys (and project key) and story points. Only the keys
 * and story points come from the backlog.
 */
export function seedForBacklog(backlog: Backlog, order: readonly string[]): Seed {
  const projectKeys = new Set(order.map((key) => key.slice(0, key.lastIndexOf('-'))));
  if (projectKeys.size !== 1) throw new Error(`${backlog.name}: a site run needs issues of one project`);
  const projectKey = [...projectKeys][0] as string;
  const points = new Map(backlog.issues.map((i) => [i.key, i.storyPoints]));
  const base = buildLargeSeed(order.length);
  const rename = new Map(base.issues.map((issue, i) => [issue.key, order[i] as string]));
  const renamed = (ref: IssueRef | undefined): IssueRef | undefined =>
    ref && { ...ref, key: rename.get(ref.key) ?? ref.key };
  const issues = base.issues.map((issue, i): SeedIssueInput => {
    const key = order[i] as string;
    return {
      ...issue,
      key,
      fields: {
        ...issue.fields,
        project: { ...(issue.fields.project as object), key: projectKey },
        customfield_10016: points.get(key) ?? null,
        customfield_10019: rankString(i),
        issuelinks: (issue.fields.issuelinks ?? []).map((link): SeedLink => ({
          ...link,
          outwardIssue: renamed(link.outwardIssue),
          inwardIssue: renamed(link.inwardIssue),
        })),
      },
    };
  });
  const project = base.projects[0];
  const board = base.boards?.[0];
  if (!project || !board) throw new Error('buildLargeSeed changed: no project or board');
  return parseSeed(
    {
      ...base,
      projects: [{ ...project, key: projectKey, name: `${backlog.name} (benchmark)` }],
      boards: [{ ...board, projectKey }],
      issues,
    },
    `seed for ${backlog.name}`,
  );
}

async function local(url: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function runSite(
  backlog: Backlog,
  change: Change,
  latencyMs = 100,
  progress: (line: string) => void = () => undefined,
): Promise<SiteRow> {
  const problems: string[] = [];
  const setupStarted = performance.now();
  const seed = seedForBacklog(backlog, change.current);
  const server = await startJiraSite({ seed, port: 0 });
  const setupMs = performance.now() - setupStarted;
  try {
    const jira = new JiraClient(
      httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }),
    );
    const readOrder = async (): Promise<{ keys: string[]; ms: number }> => {
      const started = performance.now();
      const issues = await jira.boardBacklog(BIG_BOARD_ID, { fields: ['summary'] });
      return { keys: issues.map((i) => i.key), ms: performance.now() - started };
    };
    const faults = (await local(server.url, '/_local/faults', { latencyMs })) as { latencyMs?: number };
    if (faults.latencyMs !== latencyMs) throw new Error(`the site did not take latencyMs ${latencyMs}`);

    const before = await readOrder();
    const startsAtCurrent = sameOrder(before.keys, change.current);
    if (!startsAtCurrent) problems.push('the backlog read from the site is not the current order');
    const plan = planRank(before.keys, change.target);
    progress(
      `site ${backlog.name} × ${change.kind}: read ${before.keys.length} issues in ${before.ms.toFixed(0)} ms; ` +
        `making ${plan.calls.length} rank calls at ${latencyMs} ms latency...`,
    );
    await local(server.url, '/_local/stats/reset', {});
    const durations: number[] = [];
    const applyStarted = performance.now();
    for (const call of plan.calls) {
      const started = performance.now();
      const outcome = await jira.rankIssues({
        issues: call.issues,
        ...(call.before !== undefined ? { rankBeforeIssue: call.before } : { rankAfterIssue: call.after }),
      });
      durations.push(performance.now() - started);
      if (!outcome.ok) problems.push(`a rank call failed for ${outcome.failures.length} issues`);
    }
    const applyMs = performance.now() - applyStarted;
    const stats = (await local(server.url, '/_local/stats')) as { byRoute: Record<string, number> };
    const siteRankCalls = stats.byRoute['PUT /rest/agile/1.0/issue/rank'] ?? 0;
    if (siteRankCalls !== plan.calls.length)
      problems.push(`the site counted ${siteRankCalls} rank calls, the plan has ${plan.calls.length}`);
    const after = await readOrder();
    const readPages = ((await local(server.url, '/_local/stats')) as { byRoute: Record<string, number> })
      .byRoute['GET /rest/agile/1.0/board/{boardId}/backlog'];
    const endsAtTarget = sameOrder(after.keys, change.target);
    if (!endsAtTarget) problems.push('the backlog read back from the site is not the target order');

    const n = change.current.length;
    const meanCallMs = plan.calls.length > 0 ? applyMs / plan.calls.length : 0;
    const naivePerIssueCalls = n - longestIncreasing(positionsOf(change.current, change.target));
    const naiveChunksCalls = Math.ceil(n / LIMIT);
    return {
      backlog: backlog.name,
      change: change.kind,
      issues: n,
      latencyMs,
      calls: plan.calls.length,
      moved: plan.moved,
      applyMs,
      meanCallMs,
      medianCallMs: median(durations),
      siteRankCalls,
      readBeforeMs: before.ms,
      readAfterMs: after.ms,
      readPages: readPages ?? 0,
      startsAtCurrent,
      endsAtTarget,
      naivePerIssueCalls,
      naivePerIssueMs: naivePerIssueCalls * meanCallMs,
      naiveChunksCalls,
      naiveChunksMs: naiveChunksCalls * meanCallMs,
      setupMs,
      ok: problems.length === 0,
      problems,
    };
  } finally {
    await server.close();
  }
}
