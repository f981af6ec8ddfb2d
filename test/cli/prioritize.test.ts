/** `valuerank score` and `valuerank reorder` on the local site: JSON shapes, dry runs, applying, refusals. */
import { applyPlan } from '../../src/core/rank-plan';
import { minimumCostExhaustive } from '../support/rank-exhaustive';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import { backlogKeys } from '../../src/features/prioritize/analyze';
import { runCli, useDemoJiraSite } from '../support/cli';

const site = useDemoJiraSite({ resetBeforeEach: true });
let jira: JiraClient;

beforeAll(() => {
  jira = new JiraClient(httpTransport({ siteUrl: site.url }));
});

const run = (args: string[]) => runCli([...args, '--site', site.url]);

const rankCalls = async () =>
  ((await (await fetch(`${site.url}/_local/stats`)).json()) as { byRoute: Record<string, number> }).byRoute[
    'PUT /rest/agile/1.0/issue/rank'
  ] ?? 0;

interface ReorderJson {
  board: { id: number; projectKey: string };
  model: { kind: string };
  dryRun: boolean;
  before: string[];
  after: string[];
  moved: number;
  calls: Array<{ issues: string[]; before?: string; after?: string; anchor: string }>;
  failed?: Array<{ key: string; errors: string[] }>;
  verified?: boolean;
}

describe('valuerank score', () => {
  it('prints every issue with its score (null when unscored, with the reason), inputs and model', async () => {
    const { code, stdout, stderr } = await run(['score', '--board', '1', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const items = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(items.length).toBe((await backlogKeys(jira, 1)).length);
    for (const item of items) {
      expect(item).toEqual(
        expect.objectContaining({ key: expect.any(String), model: 'wsjf', inputs: expect.any(Object) }),
      );
      if (item.score === null) expect(item.reason).toEqual(expect.any(String));
      else {
        expect(item.score).toEqual(expect.any(Number));
        expect(item.reason).toBeUndefined();
        const { businessValue, timeCriticality, riskReduction, jobSize } = item.inputs as Record<
          string,
          number
        >;
        expect(item.score).toBeCloseTo((businessValue! + timeCriticality! + riskReduction!) / jobSize!, 10);
      }
    }
    expect(items.map((i) => i.targetRank)).toEqual(items.map((_, i) => i + 1));
  });

  it('scores with another model, or a custom formula', async () => {
    const rice = JSON.parse(
      (await run(['score', '--board', '1', '--json', '--model', 'rice'])).stdout,
    ) as Array<{
      model: string;
      inputs: Record<string, unknown>;
    }>;
    expect(rice[0]!.model).toBe('rice');
    expect(Object.keys(rice[0]!.inputs)).toEqual(['reach', 'impact', 'confidence', 'effort']);
    const custom = await run([
      'score',
      '--board',
      '1',
      '--json',
      '--model',
      'custom:businessValue / storyPoints',
    ]);
    expect(JSON.parse(custom.stdout)[0].model).toBe('custom');
    const human = await run(['score', '--board', '1', '--model', 'moscow']);
    expect(human.stdout.split('\n')[0]).toMatch(/^TRAIL board: \d+ issues scored with MoSCoW, then WSJF/);
  });

  it('refuses an unknown model, and a formula with an error naming the column', async () => {
    const unknown = await run(['score', '--board', '1', '--model', 'wsjff']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^valuerank: Unknown model "wsjff"; try wsjf, rice/);
    const bad = await run(['score', '--board', '1', '--model', 'custom:businessValue / (storyPoints']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^valuerank: The formula has an error.*column 29/);
  });
});

describe('valuerank reorder', () => {
  it('--dry-run prints the optimal calls and makes no rank call', async () => {
    const before = await backlogKeys(jira, 1);
    const calls0 = await rankCalls();
    const { code, stdout } = await run(['reorder', '--board', '1', '--dry-run', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as ReorderJson;
    expect(out).toMatchObject({
      board: { id: 1, projectKey: 'TRAIL' },
      model: { kind: 'wsjf' },
      dryRun: true,
    });
    expect(out.before).toEqual(before);
    expect(applyPlan(out.before, out)).toEqual(out.after);
    expect({ calls: out.calls.length, moved: out.moved }).toEqual(
      minimumCostExhaustive(out.before, out.after, 50),
    );
    for (const call of out.calls) {
      expect(call.anchor).toBe(call.before ?? call.after);
      expect(call.issues.length).toBeLessThanOrEqual(50);
    }
    expect(await rankCalls()).toBe(calls0);
    expect(await backlogKeys(jira, 1)).toEqual(before);
    const human = await run(['reorder', '--board', '1', '--dry-run']);
    expect(human.stdout).toMatch(/Dry run: nothing was changed\.\n$/);
  });

  it('applies the calls, re-reads the backlog and checks it', async () => {
    const { code, stdout, stderr } = await run(['reorder', '--board', '1', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(stdout) as ReorderJson;
    expect(out).toMatchObject({ dryRun: false, verified: true, failed: [] });
    expect(await rankCalls()).toBe(out.calls.length);
    expect(await backlogKeys(jira, 1)).toEqual(out.after);
    const again = JSON.parse((await run(['reorder', '--board', '1', '--json'])).stdout) as ReorderJson;
    expect({ moved: again.moved, calls: again.calls, verified: again.verified }).toEqual({
      moved: 0,
      calls: [],
      verified: true,
    });
  });

  it('names the issues Jira refused to rank and exits 1', async () => {
    const plan = JSON.parse(
      (await run(['reorder', '--board', '1', '--dry-run', '--json'])).stdout,
    ) as ReorderJson;
    const refused = plan.calls[0]!.issues[0]!;
    await fetch(`${site.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rankFailures: [refused] }),
    });
    const { code, stdout, stderr } = await run(['reorder', '--board', '1', '--json']);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as ReorderJson;
    expect(out.verified).toBe(false);
    expect(out.failed).toEqual([{ key: refused, errors: [expect.any(String)] }]);
    expect(stderr).toMatch(
      new RegExp(`^valuerank: the final order is not the planned one; Jira refused to rank ${refused} `),
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a user who may not rank, before any rank call', async () => {
    const calls0 = await rankCalls();
    const { code, stdout, stderr } = await run(['reorder', '--board', '1', '--as', 'local-dev']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      'valuerank: You need the Schedule Issues and Edit Issues permissions in TRAIL to reorder its backlog; nothing was changed\n',
    );
    expect(await rankCalls()).toBe(calls0);
  });
});
