/**
 * The Rovo agent's actions on the demo, run through the harness exactly as Rovo would (`POST /_local/action`:
 * inputs, the asking user, Rovo's context), as the PO, the developer, the viewer and the outsider. Every
 * fact is checked against the app's own views: the same scores and value order as `prioritize.load`, the same
 * verdicts as `readiness.check`, the same vision as `vision.get`.
 */
import { seedDemoVision } from '../../../dev/demo/vision';
import { ACTION_KEYS, AGENT_LIMITS, parseAnswer } from '../../../src/features/agent';
import type { AgentFacts } from '../../../src/features/agent';
import type { PrioritizedItem, ResolverKey } from '../../../src/resolvers/api';
import { invokeData, PROJECT_PAGE } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer();
type User = 'local-po' | 'local-dev' | 'local-viewer' | 'local-outsider';

interface Ran {
  status: number;
  text: string;
  facts: AgentFacts;
}

async function act(
  action: keyof typeof ACTION_KEYS,
  inputs: Record<string, unknown>,
  accountId: string | undefined = 'local-po',
  extra: { confirmed?: boolean; context?: Record<string, unknown> } = {},
): Promise<Ran> {
  const response = await fetch(`${server.url}/_local/action`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ actionKey: ACTION_KEYS[action], inputs, accountId, ...extra }),
  });
  const body = (await response.json()) as unknown;
  if (response.status !== 200)
    return { status: response.status, text: JSON.stringify(body), facts: {} as AgentFacts };
  expect(typeof body).toBe('string');
  const answer = body as string;
  // Every answer stays well under the limit an agent's context can take.
  expect(answer.length).toBeLessThanOrEqual(AGENT_LIMITS.answerChars);
  return { status: 200, ...parseAnswer(answer) };
}

const data = <K extends ResolverKey>(key: K, payload: unknown, user: User = 'local-po') =>
  invokeData(server.url, key, payload, user, PROJECT_PAGE);

/** The first rows of the Prioritize view in value order, as its screen shows them. */
async function valueRows(user: User): Promise<PrioritizedItem[]> {
  const view = await data('prioritize.load', { boardId: 1 }, user);
  if ('pending' in view) throw new Error('prioritize.load answered pending');
  return [...view.rows].sort((a, b) => a.targetRank - b.targetRank);
}

interface Row {
  position: number;
  key: string;
  score: number | null;
  display: string;
  reason: string;
  inputs: Record<string, number | null>;
  pinned?: boolean;
}

beforeAll(() => seedDemoVision(server.harness.kvs));

describe('the ranking action', () => {
  it.each(['local-po', 'local-dev', 'local-viewer'] as const)(
    'answers %s the same top issues, scores and places as prioritize.load',
    async (user) => {
      const [ran, rows] = await Promise.all([
        act('ranking', { boardId: 1, limit: 12 }, user),
        valueRows(user),
      ]);
      expect(ran.facts.ok).toBe(true);
      const items = ran.facts.items as Row[];
      expect(items).toHaveLength(12);
      expect(items.map((i) => [i.position, i.key, i.score, i.display])).toEqual(
        rows.slice(0, 12).map((r) => [r.targetRank, r.key, r.score, r.display]),
      );
      expect((ran.facts.board as { id: number }).id).toBe(1);
      // The text quotes each key and its score; each item has its inputs and a one-line reason.
      for (const i of items) {
        expect(ran.text).toContain(`${i.position}. ${i.key} `);
        expect(ran.text).toContain(`score ${i.display}`);
        expect(i.reason).not.toMatch(/\n/);
        expect(Object.keys(i.inputs).length).toBeGreaterThan(0);
      }
    },
  );

  it("takes a project's first board when only the project is named (or known from Rovo's context)", async () => {
    const [named, fromContext] = await Promise.all([
      act('ranking', { projectKey: 'trail', limit: 3 }),
      act('ranking', { limit: 3 }, 'local-po', { context: { jira: { projectKey: 'TRAIL' } } }),
    ]);
    for (const ran of [named, fromContext]) {
      expect(ran.facts.board).toMatchObject({ id: 1, projectKey: 'TRAIL' });
      expect(ran.facts.boardChosen).toMatch(/first board of TRAIL/);
    }
  });

  it('refuses inputs out of bounds, with the field named, and runs nothing', async () => {
    const [big, zero, none] = await Promise.all([
      act('ranking', { boardId: 1, limit: AGENT_LIMITS.ranking.max + 1 }),
      act('ranking', { boardId: 0 }),
      act('ranking', {}),
    ]);
    expect(big.facts).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(JSON.stringify(big.facts.error)).toMatch(/limit/);
    expect(zero.facts).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(none.facts).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(none.text).toMatch(/^ValueRank refused the ranking action/);
  });
});

describe('the explain action', () => {
  it('says why one issue is above another with the scores prioritize.load shows, and what would reverse them', async () => {
    const rows = await valueRows('local-po');
    const scored = rows.filter((r) => r.score !== null && !r.pinned && !r.lifted && !r.tie);
    const [a, b] = [scored[0] as PrioritizedItem, scored[6] as PrioritizedItem];
    const ran = await act('explain', { higher: a.key, lower: b.key });
    expect(ran.facts).toMatchObject({ ok: true, askedOrderHolds: true });
    const higher = ran.facts.higher as Row;
    const lower = ran.facts.lower as Row;
    expect([higher.key, higher.score, higher.position]).toEqual([a.key, a.score, a.targetRank]);
    expect([lower.key, lower.score, lower.position]).toEqual([b.key, b.score, b.targetRank]);
    expect(ran.facts.formula).toBe(a.explanation.formula);
    expect(ran.text).toContain(a.explanation.substituted);
    expect(ran.text).toContain(b.explanation.substituted);
    // Side by side: every input with both issues' values, as their explanations read them.
    const side = ran.facts.inputs as Array<Record<string, unknown>>;
    for (const input of a.explanation.inputs)
      expect(side.find((s) => s.input === input.label)?.[a.key]).toEqual(input.value);
    // Each change named does reverse the two by score.
    for (const c of ran.facts.whatWouldChange as Array<{ key: string; newScore: string }>) {
      const now = Number(c.newScore);
      if (c.key === b.key) expect(now).toBeGreaterThan(a.score as number);
      else expect(now).toBeLessThan(b.score as number);
    }

    // Asked the wrong way round: it says so, and explains the real order.
    const swapped = await act('explain', { higher: b.key, lower: a.key });
    expect(swapped.facts).toMatchObject({ ok: true, askedOrderHolds: false });
    expect((swapped.facts.higher as Row).key).toBe(a.key);
    expect(swapped.text).toMatch(new RegExp(`${b.key} is NOT above ${a.key}`));
  });

  it('refuses an issue that is not in the backlog', async () => {
    const top = (await valueRows('local-po'))[0] as PrioritizedItem;
    const ran = await act('explain', { higher: top.key, lower: 'TRAIL-999999' });
    expect(ran.facts).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((ran.facts.error as { message: string }).message).toMatch(/TRAIL-999999/);
  });
});

describe('the readiness action', () => {
  it.each(['local-po', 'local-dev', 'local-viewer'] as const)(
    'gives %s the verdict, quality and findings of readiness.check, the suggestions, and the open questions for the PO',
    async (user) => {
      const keys = ['TRAIL-114', 'TRAIL-220', 'TRAIL-88', 'TRAIL-137'];
      for (const key of keys) {
        const [ran, check] = await Promise.all([
          act('readiness', { issueKey: key.toLowerCase() }, user),
          invokeData(server.url, 'readiness.check', { issueKey: key }, user, {
            moduleKey: 'valuerank-criteria-panel',
            extension: { issue: { key }, project: { key: 'TRAIL' } },
          }),
        ]);
        expect(ran.facts).toMatchObject({
          ok: true,
          issueKey: key,
          ready: check.verdict.ready,
          quality: check.score,
          reasons: check.verdict.reasons ?? [],
        });
        // The open questions as the issue's valuerank-questions property holds them (the demo asks on TRAIL-137).
        const property = await fetch(`${server.url}/rest/api/3/issue/${key}/properties/valuerank-questions`, {
          headers: { 'X-Local-User': 'local-po', accept: 'application/json' },
        });
        const open =
          property.status === 200 ? ((await property.json()) as { value: { open: number } }).value.open : 0;
        expect(ran.facts.openQuestionCount).toBe(open);
        const questions = ran.facts.openQuestions as Array<{ text: string; ageDays: number }>;
        expect(questions).toHaveLength(Math.min(open, 5));
        if (key === 'TRAIL-137') expect(open).toBeGreaterThan(0);
        if (open > 0) {
          expect(ran.text).toMatch(
            new RegExp(`Open questions for the PO: ${open} open, the oldest asked \\d+ days? ago`),
          );
          expect(check.verdict.ready).toBe(false);
        } else expect(ran.text).toContain('Open questions for the PO: none.');
        const criteria = ran.facts.criteria as Array<{
          criterion: number;
          suggestions: string[];
          weak: boolean;
        }>;
        expect(criteria).toHaveLength(Math.min(30, check.criteria.length));
        for (const c of criteria) {
          const own = check.findings.filter((f) => f.criterion === c.criterion - 1);
          expect(c.weak).toBe(own.length > 0);
          for (const s of c.suggestions) expect(own.map((f) => f.suggestion)).toContain(s);
        }
        expect(ran.text).toContain(check.verdict.ready ? 'is READY' : 'is NOT READY');
      }
    },
  );
});

describe('the agenda action', () => {
  it('lists the highest-value issues that are not ready, by readiness.check, those with open questions first, each group in value order', async () => {
    const [ran, rows] = await Promise.all([act('agenda', { boardId: 1, limit: 5 }), valueRows('local-po')]);
    expect(ran.facts.ok).toBe(true);
    const agenda = ran.facts.agenda as Array<{
      key: string;
      position: number;
      score: number;
      finding: string | null;
      openQuestions: number;
    }>;
    expect(agenda.length).toBeGreaterThan(0);
    expect(agenda.length).toBeLessThanOrEqual(5);
    const byKey = new Map(rows.map((r) => [r.key, r] as const));
    const asking = agenda.filter((e) => e.openQuestions > 0);
    const rest = agenda.filter((e) => e.openQuestions === 0);
    expect(agenda).toEqual([...asking, ...rest]);
    const ascending = (xs: number[]) => expect([...xs].sort((x, y) => x - y)).toEqual(xs);
    ascending(asking.map((e) => e.position));
    const positions = rest.map((e) => e.position);
    ascending(positions);
    for (const entry of agenda) {
      expect(entry.score).toBe(byKey.get(entry.key)?.score);
      const check = await data('readiness.check', { issueKey: entry.key });
      expect(check.verdict.ready).toBe(false);
    }
    // Every scored issue above the last entry without questions, in value order, not on the agenda is ready.
    const last = positions[positions.length - 1] ?? 0;
    const skipped = rows
      .filter((r) => r.score !== null)
      .slice(0, last)
      .filter((r) => !agenda.some((e) => e.key === r.key));
    for (const r of skipped.slice(0, 5))
      expect((await data('readiness.check', { issueKey: r.key })).verdict.ready).toBe(true);
  });
});

describe('the vision action', () => {
  it('answers the vision of vision.get, and the top issues that serve no active goal', async () => {
    const [ran, view, rows] = await Promise.all([
      act('vision', { projectKey: 'TRAIL', top: 20 }),
      data('vision.get', { projectKey: 'TRAIL' }),
      valueRows('local-po'),
    ]);
    expect(ran.facts.ok).toBe(true);
    const board = view.current?.board;
    expect(board).toBeDefined();
    expect(ran.facts.vision).toMatchObject({ statement: board?.visionStatement });
    expect(ran.text).toContain(board?.visionStatement ?? '');
    const active = new Set(board?.goals.filter((g) => g.status === 'active').map((g) => g.id));
    const top = ran.facts.top as Array<{
      key: string;
      position: number;
      score: number | null;
      goals: string[];
    }>;
    expect(top.map((t) => [t.key, t.score])).toEqual(rows.slice(0, 20).map((r) => [r.key, r.score]));
    const none = ran.facts.serveNoGoal as string[];
    expect(none).toEqual(top.filter((t) => t.goals.length === 0).map((t) => t.key));
    for (const t of top) for (const g of t.goals) expect(active.has(g)).toBe(true);
    // The goals each top issue serves are the ones tagged on it (goals.forIssue).
    for (const t of top.slice(0, 4)) {
      const tagged = await data('goals.forIssue', { issueKey: t.key });
      expect([...t.goals].sort()).toEqual([...tagged.tags.filter((g) => active.has(g))].sort());
    }
  });

  it('says plainly when a project has no vision', async () => {
    const ran = await act('vision', { projectKey: 'OPS' });
    expect(ran.facts).toMatchObject({ ok: true, vision: null });
    expect(ran.text).toMatch(/no product vision yet/);
  });
});

describe('the write actions', () => {
  it('run only once the user confirmed them, as Rovo requires', async () => {
    const pin = await act('pin', { issueKey: 'TRAIL-114', boardId: 1 });
    const note = await act('note', { projectKey: 'TRAIL', title: 'Not confirmed' });
    expect([pin.status, note.status]).toEqual([409, 409]);
    expect(pin.text).toMatch(/CONFIRMATION_REQUIRED/);
    const notes = await data('vision.notes.list', { projectKey: 'TRAIL', filter: { text: 'Not confirmed' } });
    expect(notes.total).toBe(0);
  });

  it('pin: the PO pins and unpins, and prioritize.load shows it; the developer and viewer are refused', async () => {
    const rows = await valueRows('local-po');
    const key = (rows[3] as PrioritizedItem).key;
    const pinned = await act('pin', { issueKey: key, boardId: 1 }, 'local-po', { confirmed: true });
    expect(pinned.facts).toMatchObject({ ok: true, pinnedNow: true });
    expect(pinned.facts.pinned).toContain(key);
    expect((await valueRows('local-po')).find((r) => r.key === key)?.pinned).toBe(true);
    for (const user of ['local-dev', 'local-viewer'] as const) {
      const refused = await act('pin', { issueKey: key, boardId: 1, pinned: false }, user, {
        confirmed: true,
      });
      expect(refused.facts).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(refused.text).toMatch(/Nothing was changed/);
    }
    const unpinned = await act('pin', { issueKey: key, pinned: false }, 'local-po', { confirmed: true });
    expect(unpinned.facts).toMatchObject({ ok: true, pinnedNow: false });
    expect((await valueRows('local-po')).find((r) => r.key === key)?.pinned).toBe(false);
  });

  it('note: adds a vision note the Vision tab lists, as the user who asked', async () => {
    const ran = await act(
      'note',
      {
        projectKey: 'TRAIL',
        title: 'Refinement: split TRAIL-114',
        type: 'decision',
        issueKeys: 'trail-114, TRAIL-88',
      },
      'local-dev',
      { confirmed: true },
    );
    expect(ran.facts).toMatchObject({
      ok: true,
      note: { type: 'decision', issueKeys: ['TRAIL-114', 'TRAIL-88'] },
    });
    const listed = await data('vision.notes.list', {
      projectKey: 'TRAIL',
      filter: { text: 'split TRAIL-114' },
    });
    expect(listed.notes.map((n) => [n.title, n.author])).toEqual([
      ['Refinement: split TRAIL-114', 'local-dev'],
    ]);
  });
});

describe('the outsider, and nobody logged in', () => {
  it('every action refuses the outsider clearly, and answers no fact', async () => {
    const runs = await Promise.all([
      act('ranking', { boardId: 1 }, 'local-outsider'),
      act('ranking', { projectKey: 'TRAIL' }, 'local-outsider'),
      act('explain', { higher: 'TRAIL-114', lower: 'TRAIL-88' }, 'local-outsider'),
      act('readiness', { issueKey: 'TRAIL-114' }, 'local-outsider'),
      act('agenda', { boardId: 1 }, 'local-outsider'),
      act('vision', { projectKey: 'TRAIL' }, 'local-outsider'),
      act('pin', { issueKey: 'TRAIL-114', boardId: 1 }, 'local-outsider', { confirmed: true }),
      act('note', { projectKey: 'TRAIL', title: 'Outsider note' }, 'local-outsider', { confirmed: true }),
    ]);
    for (const ran of runs) {
      expect(ran.facts.ok).toBe(false);
      expect(['not-found', 'forbidden']).toContain((ran.facts.error as { code: string }).code);
      expect(ran.text).toMatch(/^ValueRank refused the \w+ action/);
      expect(ran.text).toMatch(/do not answer the question from anywhere else/);
      expect(Object.keys(ran.facts).sort()).toEqual(['action', 'error', 'ok']);
    }
    const notes = await data('vision.notes.list', { projectKey: 'TRAIL', filter: { text: 'Outsider note' } });
    expect(notes.total).toBe(0);
  });

  it('no user: refused as unauthorized', async () => {
    const ran = await act('ranking', { boardId: 1 }, '');
    expect(ran.facts).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('the viewer sees the same answers as the app shows them (read actions work with browse only)', async () => {
    const ran = await act('agenda', { projectKey: 'TRAIL', limit: 3 }, 'local-viewer');
    expect(ran.facts.ok).toBe(true);
    const po = await act('agenda', { projectKey: 'TRAIL', limit: 3 }, 'local-po');
    expect(ran.facts.agenda).toEqual(po.facts.agenda);
  });
});

describe('the harness', () => {
  it('refuses inputs the action does not declare or of the wrong type, as Rovo would never send them', async () => {
    const [unknown, wrongType, missing] = await Promise.all([
      act('readiness', { issueKey: 'TRAIL-114', extra: 1 }),
      act('ranking', { boardId: '1' }),
      act('readiness', {}),
    ]);
    expect([unknown.status, wrongType.status, missing.status]).toEqual([400, 400, 400]);
  });

  it('serves the agent page: the starters, a form per action, user text escaped', async () => {
    const html = await (await fetch(`${server.url}/_local/agent?as=local-viewer`)).text();
    expect(html).toContain('What should we refine next?');
    for (const key of Object.values(ACTION_KEYS)) expect(html).toContain(`data-action="${key}"`);
    expect(html).toContain('<option value="local-viewer" selected>');
    expect(html).toContain('/__harness/agent-page.js');
    // The only script is the page's own file: nothing from the manifest or the site is written as markup.
    expect(html.match(/<script/g)).toHaveLength(1);
    const script = await fetch(`${server.url}/__harness/agent-page.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toMatch(/textContent/);
  });

  it('answers resolver-style refusals for an unknown action', async () => {
    const response = await fetch(`${server.url}/_local/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actionKey: 'ghost', inputs: {}, accountId: 'local-po' }),
    });
    expect(response.status).toBe(404);
  });
});
