/**
 * The Prioritize resolvers on the local Jira site, run by the harness exactly as Forge runs them (real
 * resolvers, real @forge/kvs and @forge/events; the reorder consumer runs as the user who pushed the job),
 * against the demo product: the Trailhead backlog (board 1), the Mobile board (2) and OPS (board 3).
 */
import { applyPlan } from '../../src/core/rank-plan';
import { minimumCostExhaustive } from '../support/rank-exhaustive';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import { backlogKeys } from '../../src/features/prioritize/analyze';
import type { JobView, PrioritizedItem, PrioritizeView, ResolverKey } from '../../src/resolvers/api';
import { invokeData, invokeResolver } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const RANK = 'PUT /rest/agile/1.0/issue/rank';

const server = useLocalServer({ harness: { eventDelayScale: 0.001 }, reset: ['site', 'kvs'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const invoke = <K extends ResolverKey>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, functionKey, payload, accountId);
const data = <K extends ResolverKey>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, functionKey, payload, accountId);

const rankCalls = async (): Promise<number> =>
  ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> }).byRoute[
    RANK
  ] ?? 0;

const siteOrder = (boardId = 1) => backlogKeys(asPo, boardId);

/** Applies (or undoes) through the queue and waits for the consumer to finish. */
async function runJob(key: 'prioritize.apply' | 'prioritize.undo', payload: unknown): Promise<JobView> {
  const started = await data(key, payload);
  expect(started.state).toBe('queued');
  await server.harness.events.idle();
  return data('prioritize.progress', { jobId: started.jobId });
}

/**
 * The whole view as these tests check it: `prioritize.load` (counts, first rows), then every row in current
 * order through `prioritize.rows`, as the table fetches them when it scrolls.
 */
async function loadAll(
  payload: Record<string, unknown>,
  accountId = 'local-po',
): Promise<PrioritizeView & { items: PrioritizedItem[] }> {
  const view = await data('prioritize.load', payload, accountId);
  if ('pending' in view) throw new Error(`prioritize.load answered pending: ${JSON.stringify(view.status)}`);
  const items: PrioritizedItem[] = [];
  for (let from = 0; from < view.total; from += 200)
    items.push(
      ...(await data('prioritize.rows', { ...payload, order: 'current', from, count: 200 }, accountId)).rows,
    );
  return { ...view, items };
}

/** The preview, and the orders it was planned between (read as the table reads them). */
async function previewAll(payload: Record<string, unknown>, accountId = 'local-po') {
  const preview = await data('prioritize.preview', payload, accountId);
  if ('pending' in preview) throw new Error(`prioritize.preview answered pending`);
  const { items } = await loadAll(payload, accountId);
  const before = items.map((i) => i.key);
  const after = [...items].sort((a, b) => a.targetRank - b.targetRank).map((i) => i.key);
  return { ...preview, before, after };
}

const byKey = (items: PrioritizedItem[]) => new Map(items.map((i) => [i.key, i]));

describe('prioritize.load', () => {
  it('scores board 1 with WSJF and the proposed mapping, and explains every score', async () => {
    const view = await loadAll({ boardId: 1 });
    expect(view.board).toEqual({ id: 1, name: 'TRAIL board', projectKey: 'TRAIL' });
    expect(view.model).toEqual({ kind: 'wsjf' });
    expect(view).toMatchObject({
      mappingProposed: true,
      canRank: true,
      canEditMapping: true,
      undoAvailable: false,
    });
    expect(view.mapping.businessValue?.fieldId).toBe('customfield_10030');
    expect(view.items.map((i) => i.key)).toEqual(await siteOrder());
    expect(view.items.map((i) => i.rank)).toEqual(view.items.map((_, i) => i + 1));
    expect([...view.items.map((i) => i.targetRank)].sort((a, b) => a - b)).toEqual(
      view.items.map((_, i) => i + 1),
    );

    const scored = view.items.filter((i) => i.score !== null);
    const unscored = view.items.filter((i) => i.score === null);
    expect(scored.length).toBeGreaterThan(50);
    expect(unscored.length).toBeGreaterThan(0);
    for (const item of scored) {
      expect(item.explanation.formula).toBe('(businessValue + timeCriticality + riskReduction) / jobSize');
      expect(item.display).toBe(item.explanation.result);
      const [bv, tc, rr, size] = item.explanation.inputs.map((r) => r.value as number);
      expect(item.score).toBeCloseTo((bv! + tc! + rr!) / size!, 10);
    }
    for (const item of unscored) {
      expect(item.display).toBe('—');
      expect(item.reason).toMatch(/empty|not mapped|must be more than 0/);
    }
    // unscored issues go last (unless lifted because they block a scored one)
    const lastScored = Math.max(...scored.map((i) => i.targetRank));
    for (const item of unscored.filter((i) => !i.lifted)) expect(item.targetRank).toBeGreaterThan(lastScored);
  });

  it('reports ties, fragile places, lifted blockers and the 3-cycle', async () => {
    const view = await loadAll({ boardId: 1 });
    const items = byKey(view.items);
    const ties = view.items.filter((i) => i.tie);
    expect(ties.length).toBeGreaterThan(1);
    for (const t of ties) expect(ties.filter((o) => o.score === t.score).length).toBeGreaterThan(1);
    const fragile = view.items.filter((i) => i.fragile);
    expect(fragile.length).toBeGreaterThan(0);
    for (const f of fragile) expect(Math.abs(f.fragile!.places)).toBeGreaterThan(3);

    // the notification preferences -> quiet hours -> in-app centre -> preferences cycle
    expect(view.cycles).toHaveLength(1);
    const cycle = view.cycles[0]!;
    expect(cycle).toHaveLength(3);
    for (const key of cycle) expect(items.get(key)!.blocks.some((b) => cycle.includes(b))).toBe(true);

    // blockers come before what they block (outside the cycle), lifted above higher scores when needed
    const lifted = view.items.filter((i) => i.lifted);
    expect(lifted.length).toBeGreaterThan(0);
    for (const item of view.items)
      for (const blocked of item.blocks) {
        if (cycle.includes(item.key) && cycle.includes(blocked)) continue;
        expect({
          blocker: item.key,
          blocked,
          before: item.targetRank < items.get(blocked)!.targetRank,
        }).toEqual({
          blocker: item.key,
          blocked,
          before: true,
        });
        expect(items.get(blocked)!.blockedBy).toContain(item.key);
      }
    const value = (i: PrioritizedItem) => i.score ?? -Infinity;
    for (const item of lifted) {
      expect(item.blocks.length).toBeGreaterThan(0);
      const overtaken = view.items.filter((o) => o.targetRank > item.targetRank && value(o) >= value(item));
      expect(overtaken.length).toBeGreaterThan(0);
    }
  });

  it('marks the issues that also sit on the Mobile board (the mobile ones)', async () => {
    const view = await loadAll({ boardId: 1 });
    const mobile = new Set(await siteOrder(2));
    const marked = view.items.filter((i) => i.otherBoards.length > 0);
    expect(marked.length).toBeGreaterThan(20);
    expect(marked.map((i) => i.key).sort()).toEqual(
      view.items
        .filter((i) => mobile.has(i.key))
        .map((i) => i.key)
        .sort(),
    );
    for (const item of marked) expect(item.otherBoards).toEqual(['Mobile board']);
  });

  it('shows the developer and the viewer the scores, but not the right to rank or map', async () => {
    for (const user of ['local-dev', 'local-viewer']) {
      const view = await loadAll({ boardId: 1 }, user);
      expect(view).toMatchObject({ canRank: false, canEditMapping: false });
      expect(view.items.length).toBeGreaterThan(300);
    }
  });

  it('refuses a board of another project, a board that does not exist, and a bad payload', async () => {
    const ops = await invoke('prioritize.load', { boardId: 3 });
    expect(ops).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringMatching(/Board 3 .* is not a board of project TRAIL/),
      },
    });
    const ghost = await invoke('prioritize.load', { boardId: 999 });
    expect(ghost).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Board 999 does not exist, or you cannot see it.' },
    });
    const outsider = await invoke('prioritize.load', { boardId: 1 }, 'local-outsider');
    expect(outsider.ok || outsider.error.code).toBe('not-found');
    const bad = await invoke('prioritize.load', { boardId: 'one' });
    expect(bad.ok || bad.error.code).toBe('invalid-payload');
  });

  it('refuses a custom formula with an error, naming the column', async () => {
    const answer = await invoke('prioritize.load', {
      boardId: 1,
      model: { kind: 'custom', formula: 'businessValue / (storyPoints' },
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-payload');
    expect(answer.error.message).toMatch(/column 29/);
  });
});

describe('prioritize.preview', () => {
  it('plans the fewest rank calls: applied in memory the plan gives the target', async () => {
    const preview = await previewAll({ boardId: 1 });
    const view = await loadAll({ boardId: 1 });
    expect(preview.before).toEqual(view.items.map((i) => i.key));
    expect(preview.after).toEqual(
      [...view.items].sort((a, b) => a.targetRank - b.targetRank).map((i) => i.key),
    );
    expect(applyPlan(preview.before, preview)).toEqual(preview.after);
    const minimum = minimumCostExhaustive(preview.before, preview.after, 50);
    expect({ calls: preview.calls.length, moved: preview.moveCount }).toEqual(minimum);
    expect(preview.naive).toEqual({
      perMovedIssue: preview.moved,
      chunksOf50: Math.ceil(preview.before.length / 50),
    });
    expect(preview.calls.length).toBeLessThan(preview.naive.perMovedIssue);
    // The answer lists the first 200 moves and the first 50 calls, and counts them all.
    expect(preview.moves).toHaveLength(Math.min(200, preview.moveCount));
    expect(preview.callCount).toBe(preview.calls.length);
    for (const m of preview.moves) {
      expect(preview.before[m.from - 1]).toBe(m.key);
      expect(preview.after[m.to - 1]).toBe(m.key);
    }
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect((await previewAll({ boardId: 1 })).fingerprint).toBe(preview.fingerprint);
  });

  it('warns about global rank on the Mobile board, the cycle and the unscored issues', async () => {
    const preview = await previewAll({ boardId: 1 });
    const items = byKey((await loadAll({ boardId: 1 })).items);
    const global = preview.warnings.filter((w) => /rank is global/.test(w.message));
    expect(global.length).toBeGreaterThan(0);
    for (const w of global) {
      expect(items.get(w.key!)?.otherBoards).toEqual(['Mobile board']);
      expect(w.message).toBe(`Jira's rank is global: moving ${w.key} also moves it on board Mobile board.`);
    }
    expect(preview.warnings.some((w) => /block each other in a cycle/.test(w.message))).toBe(true);
    expect(preview.warnings.some((w) => /^\d+ issues are unscored/.test(w.message))).toBe(true);
  });
});

describe('prioritize.apply and undo', () => {
  it('applies as the Product Owner through the queue, writes the scores, and undo restores the order', async () => {
    const before = await siteOrder();
    const preview = await previewAll({ boardId: 1 });
    const calls0 = await rankCalls();
    const harnessCalls0 = server.harness.env.calls.length;
    const job = await runJob('prioritize.apply', { boardId: 1, fingerprint: preview.fingerprint });
    expect(job).toMatchObject({
      state: 'done',
      done: preview.calls.length,
      total: preview.calls.length,
      replanned: false,
      failed: [],
      verified: true,
    });
    expect((await rankCalls()) - calls0).toBe(preview.calls.length);
    expect(await siteOrder()).toEqual(preview.after);
    // the consumer ranked as the user who applied, and wrote the scores as the app
    const calls = server.harness.env.calls.slice(harnessCalls0);
    const ranks = calls.filter((c) => c.includes(RANK));
    expect(ranks).toEqual(preview.calls.map(() => `user:local-po ${RANK}`));
    expect(calls.filter((c) => c.startsWith('app POST /rest/api/3/app/field/value'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('app PUT /rest/api/3/issue/')).length).toBe(
      preview.before.length,
    );

    // the "Business value score" field and the valuerank property, searchable with JQL
    const view = await loadAll({ boardId: 1 });
    const scored = view.items.filter((i) => i.score !== null);
    const field = (await asPo.fields()).find((f) => f.name === 'Business value score')!;
    expect(field.schema?.custom).toMatch(/\/static\/business-value-score$/);
    const found = await asPo.search({
      jql: 'project = TRAIL AND issue.property[valuerank].score > 0',
      fields: [field.id],
      properties: ['valuerank'],
    });
    expect(found.length).toBe(scored.filter((i) => (i.score as number) > 0).length);
    const items = byKey(view.items);
    for (const issue of found) {
      const item = items.get(issue.key)!;
      expect(issue.fields[field.id]).toBeCloseTo(item.score as number, 10);
      expect(issue.properties?.valuerank).toMatchObject({ score: item.score, model: 'wsjf' });
    }
    const unscored = view.items.find((i) => i.score === null)!;
    expect(await asPo.getIssueProperty(unscored.key, 'valuerank')).toMatchObject({
      model: 'wsjf',
      unscored: unscored.reason,
    });

    const history = await data('prioritize.history', {
      boardId: 1,
    });
    expect(history.entries).toEqual([
      expect.objectContaining({
        byAccountId: 'local-po',
        byName: 'Amara Okafor',
        model: 'WSJF',
        moved: preview.moved,
      }),
    ]);
    expect(view.undoAvailable).toBe(true);

    const undo = await runJob('prioritize.undo', { boardId: 1 });
    expect(undo).toMatchObject({ state: 'done', verified: true, failed: [] });
    expect(await siteOrder()).toEqual(before);
    expect((await data('prioritize.history', { boardId: 1 })).entries).toEqual([]);
    const again = await invoke('prioritize.undo', { boardId: 1 });
    expect(again.ok || again.error.code).toBe('conflict');
  });

  it('re-plans a stale preview (the backlog changed before apply) and still reaches the target', async () => {
    const preview = await previewAll({ boardId: 1 });
    const [first, , , last] = [preview.before[0]!, 0, 0, preview.before[preview.before.length - 1]!];
    await asPo.rankIssues({ issues: [last], rankBeforeIssue: first });
    const job = await runJob('prioritize.apply', { boardId: 1, fingerprint: preview.fingerprint });
    expect(job).toMatchObject({ state: 'done', replanned: true, verified: true });
    const fresh = await previewAll({ boardId: 1 });
    expect(fresh.moved).toBe(0);
    expect(await siteOrder()).toEqual(fresh.after);
  });

  it('retries the issues a 207 refused once, then reports them by key', async () => {
    const preview = await previewAll({ boardId: 1 });
    const refused = preview.calls[0]!.issues[1]!;
    await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rankFailures: [refused] }),
    });
    const calls0 = await rankCalls();
    const job = await runJob('prioritize.apply', { boardId: 1, fingerprint: preview.fingerprint });
    expect(job.state).toBe('done');
    expect(job.failed).toEqual([{ key: refused, errors: [expect.stringMatching(/unavailable/)] }]);
    expect(job.verified).toBe(false);
    expect(job.message).toContain(refused);
    expect((await rankCalls()) - calls0).toBe(preview.calls.length + 1);
    // everything else is where the plan put it
    const order = (await siteOrder()).filter((k) => k !== refused);
    expect(order).toEqual(preview.after.filter((k) => k !== refused));
  });

  it('rides out 429s (Jira asked to wait) and completes', async () => {
    const preview = await previewAll({ boardId: 1 });
    await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [{ method: 'PUT', path: '/rest/agile/1.0/issue/rank', status: 429, retryAfter: 1, times: 2 }],
      }),
    });
    const job = await runJob('prioritize.apply', { boardId: 1, fingerprint: preview.fingerprint });
    expect(job).toMatchObject({ state: 'done', verified: true, failed: [] });
    expect(await siteOrder()).toEqual(preview.after);
    const faults = (await (await fetch(`${server.url}/_local/faults`)).json()) as {
      rules: Array<{ hits: number }>;
    };
    expect(faults.rules[0]!.hits).toBe(2);
  });

  it('refuses the developer and the viewer: nothing changes', async () => {
    const before = await siteOrder();
    const preview = await previewAll({ boardId: 1 });
    const calls0 = await rankCalls();
    const jobs0 = server.harness.events.jobs.size;
    for (const user of ['local-dev', 'local-viewer']) {
      const apply = await invoke('prioritize.apply', { boardId: 1, fingerprint: preview.fingerprint }, user);
      expect(apply).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message:
            'You need the Schedule Issues and Edit Issues permissions in TRAIL to reorder the backlog of TRAIL board. Nothing was changed.',
        },
      });
      const undo = await invoke('prioritize.undo', { boardId: 1 }, user);
      expect(undo.ok || undo.error.code).toBe('forbidden');
      const model = await invoke(
        'prioritize.setModel',
        { projectKey: 'TRAIL', model: { kind: 'rice' } },
        user,
      );
      expect(model.ok || model.error.code).toBe('forbidden');
      const pin = await invoke('prioritize.pin', { boardId: 1, key: before[3], pinned: true }, user);
      expect(pin.ok || pin.error.code).toBe('forbidden');
    }
    await server.harness.events.idle();
    expect(await rankCalls()).toBe(calls0);
    expect(await siteOrder()).toEqual(before);
    expect((await data('prioritize.history', { boardId: 1 })).entries).toEqual([]);
    expect(server.harness.events.jobs.size).toBe(jobs0);
  });

  it('refuses a model whose formula has an error before queueing anything', async () => {
    const jobs0 = server.harness.events.jobs.size;
    const answer = await invoke('prioritize.apply', {
      boardId: 1,
      fingerprint: 'f',
      model: { kind: 'moscow', tiebreak: { kind: 'custom', formula: 'businessValue +' } },
    });
    expect(answer.ok || answer.error).toEqual({
      code: 'invalid-payload',
      message: expect.stringMatching(/^The formula has an error/),
      details: [expect.stringMatching(/^model\.tiebreak\.formula: column 16: /)],
    });
    expect(server.harness.events.jobs.size).toBe(jobs0);
  });

  it('answers not-found for a job that does not exist', async () => {
    const answer = await invoke('prioritize.progress', { jobId: 'no-such-job' });
    expect(answer.ok || answer.error.code).toBe('not-found');
  });
});

describe('settings: mapping, model, pins', () => {
  it('saves the mapping for project admins only', async () => {
    const view = await loadAll({ boardId: 1 });
    const mapping = { ...view.mapping, businessValue: { fieldId: 'customfield_10034', fieldName: 'Impact' } };
    for (const user of ['local-dev', 'local-viewer']) {
      const refused = await invoke('mapping.save', { projectKey: 'TRAIL', mapping }, user);
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message:
            'Only administrators of project TRAIL can change how its fields feed the scores. Nothing was changed.',
        },
      });
    }
    expect((await loadAll({ boardId: 1 })).mappingProposed).toBe(true);
    expect(await data('mapping.save', { projectKey: 'TRAIL', mapping })).toEqual({ mapping });
    const saved = await loadAll({ boardId: 1 });
    expect(saved.mappingProposed).toBe(false);
    expect(saved.mapping.businessValue).toEqual({ fieldId: 'customfield_10034', fieldName: 'Impact' });
  });

  it("refuses a mapping naming a missing field, or ValueRank's own score field", async () => {
    const missing = await invoke('mapping.save', {
      projectKey: 'TRAIL',
      mapping: { businessValue: { fieldId: 'customfield_99999' } },
    });
    expect(missing).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'invalid-payload',
        message: expect.stringContaining('customfield_99999'),
      }),
    });
    const own = (await asPo.fields()).find((f) => f.name === 'Business value score')!;
    const loop = await invoke('mapping.save', {
      projectKey: 'TRAIL',
      mapping: { businessValue: { fieldId: own.id } },
    });
    expect(loop.ok || loop.error.message).toMatch(/where ValueRank writes its scores/);
  });

  it('stores the model for users who may rank, refusing a formula with an error by column', async () => {
    const bad = await invoke('prioritize.setModel', {
      projectKey: 'TRAIL',
      model: { kind: 'custom', formula: 'businessValue + * 2' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-payload');
      expect(bad.error.message).toBe('The formula has an error: Unexpected "*" at column 17');
      expect(bad.error.details).toEqual(['model.formula: column 17: Unexpected "*" at column 17']);
    }
    expect(await data('prioritize.setModel', { projectKey: 'TRAIL', model: { kind: 'rice' } })).toEqual({
      model: { kind: 'rice' },
    });
    const view = await loadAll({ boardId: 1 });
    expect(view.model).toEqual({ kind: 'rice' });
    expect(view.items.find((i) => i.score !== null)?.explanation.formula).toMatch(/reach/);
  });

  it('pins an issue in place on the board', async () => {
    const view = await loadAll({ boardId: 1 });
    const mover = view.items.find((i) => i.targetRank !== i.rank)!;
    expect(await data('prioritize.pin', { boardId: 1, key: mover.key, pinned: true })).toEqual({
      pinned: [mover.key],
    });
    const pinned = byKey((await loadAll({ boardId: 1 })).items).get(mover.key)!;
    expect(pinned).toMatchObject({ pinned: true, targetRank: mover.rank });
    expect(await data('prioritize.pin', { boardId: 1, key: mover.key, pinned: false })).toEqual({
      pinned: [],
    });
    const ghost = await invoke('prioritize.pin', { boardId: 1, key: 'TRAIL-99999', pinned: true });
    expect(ghost.ok || ghost.error).toEqual({
      code: 'not-found',
      message: 'TRAIL-99999 is not in the backlog of TRAIL board (it may be done, in a sprint, or deleted).',
    });
  });

  it('pins and unpins a selection in one call: one backlog search, one write; issues not in the backlog are named', async () => {
    const stats = async () =>
      ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> })
        .byRoute;
    const BACKLOG = 'GET /rest/agile/1.0/board/{boardId}/backlog';
    const view = await loadAll({ boardId: 1 });
    const keys = view.items.slice(0, 60).map((i) => i.key);
    const before = (await stats())[BACKLOG] ?? 0;
    const r = await data('prioritize.pinMany', { boardId: 1, keys, pinned: true });
    // one paged search for all 60 (Jira's backlog pages hold 50), not one per issue
    expect((await stats())[BACKLOG]! - before).toBeLessThanOrEqual(2);
    expect(r).toEqual({ pinned: keys, changed: keys, notInBacklog: [] });
    const pinned = (await loadAll({ boardId: 1 })).items.filter((i) => i.pinned).map((i) => i.key);
    expect(new Set(pinned)).toEqual(new Set(keys));
    // a key that names no issue: Jira refuses the batch search naming it, so it is dropped and the rest
    // asked again (two searches, not one per key); the rest still pin
    const beforeGhost = (await stats())[BACKLOG] ?? 0;
    const ghost = await data('prioritize.pinMany', {
      boardId: 1,
      keys: ['TRAIL-99999', ...keys.slice(0, 30)],
      pinned: true,
    });
    expect((await stats())[BACKLOG]! - beforeGhost).toBe(2);
    expect(ghost).toEqual({ pinned: keys, changed: keys.slice(0, 30), notInBacklog: ['TRAIL-99999'] });
    const few = await data('prioritize.pinMany', { boardId: 1, keys: keys.slice(0, 2), pinned: false });
    expect(few).toEqual({ pinned: keys.slice(2), changed: keys.slice(0, 2), notInBacklog: [] });
    expect((await data('prioritize.pinMany', { boardId: 1, keys, pinned: false })).pinned).toEqual([]);
    const viewer = await invoke('prioritize.pinMany', { boardId: 1, keys, pinned: true }, 'local-viewer');
    expect(viewer.ok ? viewer : viewer.error.code).toBe('forbidden');
    const tooMany = await invoke('prioritize.pinMany', {
      boardId: 1,
      keys: Array.from({ length: 101 }, (_, i) => `TRAIL-${i + 1}`),
      pinned: true,
    });
    expect(tooMany.ok ? tooMany : tooMany.error.code).toBe('invalid-payload');
  });
});

describe('score.history', () => {
  it("lists who changed a score's inputs, newest first", async () => {
    const key = (await siteOrder())[0]!;
    const put = (value: number) =>
      fetch(`${server.url}/rest/api/3/issue/${key}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'X-Local-User': 'local-po' },
        body: JSON.stringify({ fields: { customfield_10030: value } }),
      });
    expect((await put(21)).status).toBe(204);
    expect((await put(34)).status).toBe(204);
    const { changes } = await data('score.history', {
      issueKey: key,
      fieldIds: ['customfield_10030', 'customfield_10016'],
    });
    expect(changes.slice(0, 2)).toEqual([
      expect.objectContaining({
        fieldId: 'customfield_10030',
        field: 'Business Value',
        from: '21',
        to: '34',
        by: 'Amara Okafor',
      }),
      expect.objectContaining({
        fieldId: 'customfield_10030',
        field: 'Business Value',
        to: '21',
        by: 'Amara Okafor',
      }),
    ]);
    const times = changes.map((c) => Date.parse(c.at as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('says clearly when the issue or a field does not exist', async () => {
    const ghost = await invoke('score.history', { issueKey: 'TRAIL-99999', fieldIds: ['customfield_10030'] });
    expect(ghost.ok || ghost.error).toEqual({
      code: 'not-found',
      message: 'Issue TRAIL-99999 does not exist, or you cannot see it.',
    });
    const field = await invoke('score.history', { issueKey: 'TRAIL-1', fieldIds: ['customfield_77777'] });
    expect(field.ok || field.error.code).toBe('invalid-payload');
  });
});
