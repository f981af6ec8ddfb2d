/**
 * The rank-call runner against a simulated Jira rank endpoint (Jira's semantics from core `applyRankCall`):
 * 207 refusals are retried once where the plan puts them, refused issues are reported by key, and later
 * calls anchored on a refused issue are re-anchored so everything else still lands in place.
 */
import fc from 'fast-check';
import { applyRankCall, planRank } from '../../../src/core/rank-plan';
import { JiraClient } from '../../../src/jira/client';
import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../../src/jira/transport';
import { restoreTarget } from '../../../src/features/prioritize/jobs';
import { runRankCalls } from '../../../src/features/prioritize/execute';
import { FakeClock } from '../../support/scripted-transport';

/** Jira's rank endpoint over an in-memory order; `refuse` issues always fail inside a 207. */
class RankSite implements JiraTransport {
  readonly description = 'rank site';
  readonly bodies: Array<{ issues: string[]; rankBeforeIssue?: string; rankAfterIssue?: string }> = [];
  constructor(
    public order: string[],
    private readonly refuse: (key: string, attempt: number) => boolean = () => false,
  ) {}
  private attempts = new Map<string, number>();

  async send(request: JiraRequest): Promise<JiraRawResponse> {
    const body = request.body as { issues: string[]; rankBeforeIssue?: string; rankAfterIssue?: string };
    this.bodies.push(body);
    const entries = body.issues.map((key) => {
      const attempt = (this.attempts.get(key) ?? 0) + 1;
      this.attempts.set(key, attempt);
      const refused = this.refuse(key, attempt);
      return {
        issueId: Number(key.split('-')[1]) + 10000,
        issueKey: key,
        status: refused ? 503 : 200,
        ...(refused ? { errors: ['Try again later.'] } : {}),
      };
    });
    const moving = entries.filter((e) => e.status === 200).map((e) => e.issueKey);
    if (moving.length > 0)
      this.order = applyRankCall(this.order, {
        issues: moving,
        ...(body.rankBeforeIssue !== undefined
          ? { before: body.rankBeforeIssue }
          : { after: body.rankAfterIssue as string }),
      });
    if (entries.every((e) => e.status === 200)) return { status: 204, headers: {}, text: '' };
    return { status: 207, headers: {}, text: JSON.stringify({ entries }) };
  }
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => `T-${i + 1}`);
const client = (site: RankSite) => new JiraClient(site, { clock: new FakeClock() });

it('makes the planned calls in order and reaches the target', async () => {
  const before = keys(120);
  const target = [...before].reverse();
  const plan = planRank(before, target);
  const site = new RankSite(before);
  const progress: number[] = [];
  const result = await runRankCalls(client(site), plan.calls, {
    rankCustomFieldId: 10019,
    onProgress: async (done) => void progress.push(done),
  });
  expect(result).toEqual({ failed: [], requests: plan.calls.length });
  expect(site.order).toEqual(target);
  expect(progress).toEqual(plan.calls.map((_, i) => i + 1));
});

it('retries a refused issue once, at its planned place, and then it lands where planned', async () => {
  const before = keys(10);
  const target = ['T-10', 'T-9', 'T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6', 'T-7', 'T-8'];
  const plan = planRank(before, target);
  const site = new RankSite(before, (key, attempt) => key === 'T-9' && attempt === 1);
  const result = await runRankCalls(client(site), plan.calls);
  expect(result.failed).toEqual([]);
  expect(result.requests).toBe(plan.calls.length + 1);
  expect(site.order).toEqual(target);
});

it('reports an issue refused twice by key, and re-anchors later calls that named it', async () => {
  const before = keys(150);
  const target = [...before].reverse();
  const plan = planRank(before, target);
  expect(plan.calls.length).toBeGreaterThan(2);
  // the last issue of the first call is the anchor of the second call
  const refused = plan.calls[0]!.issues.at(-1)!;
  expect(plan.calls[1]!.after).toBe(refused);
  const site = new RankSite(before, (key) => key === refused);
  const result = await runRankCalls(client(site), plan.calls);
  expect(result.failed).toEqual([{ key: refused, errors: ['Try again later.'] }]);
  expect(result.requests).toBe(plan.calls.length + 1);
  expect(site.order.filter((k) => k !== refused)).toEqual(target.filter((k) => k !== refused));
  const retry = site.bodies[1]!;
  expect(retry.issues).toEqual([refused]);
  expect(retry.rankAfterIssue).toBe(plan.calls[0]!.issues.at(-2));
});

it('resumes at a given call', async () => {
  const before = keys(120);
  const target = [...before].reverse();
  const plan = planRank(before, target);
  const site = new RankSite(before);
  await runRankCalls(client(site), plan.calls.slice(0, 1));
  const result = await runRankCalls(client(site), plan.calls, { startAt: 1 });
  expect(result.requests).toBe(plan.calls.length - 1);
  expect(site.order).toEqual(target);
});

it('whatever it refuses, every other issue keeps the planned relative order (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc
        .integer({ min: 2, max: 140 })
        .chain((n) =>
          fc.tuple(
            fc.shuffledSubarray(keys(n), { minLength: n, maxLength: n }),
            fc.subarray(keys(n), { maxLength: Math.min(4, n) }),
          ),
        ),
      async ([target, refused]) => {
        const before = keys(target.length);
        const plan = planRank(before, target);
        const site = new RankSite(before, (key) => refused.includes(key));
        const result = await runRankCalls(client(site), plan.calls);
        const moved = new Set(plan.calls.flatMap((c) => c.issues));
        expect(result.failed.map((f) => f.key).sort()).toEqual(refused.filter((k) => moved.has(k)).sort());
        const ok = (k: string) => !refused.includes(k);
        expect(site.order.filter(ok)).toEqual(target.filter(ok));
      },
    ),
    { numRuns: 150 },
  );
});

describe('restoreTarget (undo)', () => {
  it('is the snapshot when the backlog holds the same issues', () => {
    expect(restoreTarget(['A', 'B', 'C'], ['C', 'A', 'B'])).toEqual(['A', 'B', 'C']);
  });

  it('drops issues that left the backlog and keeps newcomers after the issue they follow now', () => {
    expect(restoreTarget(['A', 'B', 'C', 'D'], ['N1', 'D', 'C', 'N2', 'A'])).toEqual([
      'N1',
      'A',
      'C',
      'N2',
      'D',
    ]);
  });
});
