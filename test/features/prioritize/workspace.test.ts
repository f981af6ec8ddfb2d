/**
 * The Prioritize workspace's resolvers on the local Jira site, run by the harness as Forge runs them:
 * `prioritize.setInput` writes the mapped field as the user (Jira's issue has the value, the score follows,
 * the answer keeps the old value and writing it back undoes), refuses out-of-range values with the reason
 * and the viewer with nothing written; `prioritize.find` filters and sorts the whole backlog on the server.
 */
import { inputBounds, refusal } from '../../../src/features/prioritize/set-input';
import { matches, sortRows } from '../../../src/features/prioritize/find';
import type { WorkspaceRow } from '../../../src/features/prioritize/workspace-api';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { Answers } from '../../../src/resolvers/api';
import { invokeData, invokeResolver, refused } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const invoke = <K extends keyof Answers>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, functionKey, payload, accountId);
const data = <K extends keyof Answers>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, functionKey, payload, accountId);

/** Business Value's field in the demo (the proposed mapping finds it by name). */
const BV = 'customfield_10030';

const fieldOf = async (key: string, field: string) => (await asPo.issue(key, [field])).fields[field];

/** The first scored issue of board 1 in value order, and its score. */
async function topIssue() {
  const view = await data('prioritize.load', { boardId: 1 });
  if ('pending' in view) throw new Error('pending');
  const row = view.rows.find(
    (r) => r.score !== null && r.explanation.inputs.some((i) => i.name === 'businessValue'),
  );
  if (!row) throw new Error('no scored row');
  return row;
}

it('writes a score input to the mapped field as the user; the score follows; writing the old value back undoes it', async () => {
  const row = await topIssue();
  const before = await fieldOf(row.key, BV);
  const answer = await data('prioritize.setInput', {
    boardId: 1,
    input: 'businessValue',
    changes: [{ key: row.key, value: 0 }],
  });
  expect(answer).toMatchObject({ input: 'businessValue', changed: 1, failed: 0, field: { id: BV } });
  expect(answer.results[0]).toEqual({ key: row.key, ok: true, from: before ?? null, to: 0 });
  expect(await fieldOf(row.key, BV)).toBe(0);
  // Jira recorded the edit under the PO's name.
  const change = (await asPo.changelog(row.key)).at(-1);
  expect(change?.author?.accountId).toBe('local-po');

  // The view's next load analyses the board again (the issue's `updated` moved): the score went down.
  await data('prioritize.load', { boardId: 1 });
  const [after] = (await data('prioritize.rows', { boardId: 1, keys: [row.key] })).rows;
  expect(after?.score).not.toBeNull();
  expect(after?.score as number).toBeLessThan(row.score as number);

  // Undo: the old value, from the answer.
  const undo = await data('prioritize.setInput', {
    boardId: 1,
    input: 'businessValue',
    changes: answer.results.map((r) => ({ key: r.key, value: r.from })),
  });
  expect(undo.changed).toBe(1);
  expect(await fieldOf(row.key, BV)).toBe(before);
  await data('prioritize.load', { boardId: 1 });
  const [restored] = (await data('prioritize.rows', { boardId: 1, keys: [row.key] })).rows;
  expect(restored?.score).toBe(row.score);
}, 60_000);

it('reads the field list once, with no stored mapping to read it for', async () => {
  const row = await topIssue();
  const stats = async () =>
    ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> })
      .byRoute['GET /rest/api/3/field'] ?? 0;
  const before = await stats();
  const answer = await data('prioritize.setInput', {
    boardId: 1,
    input: 'businessValue',
    changes: [{ key: row.key, value: 3 }],
  });
  expect(answer.changed).toBe(1);
  expect((await stats()) - before).toBeLessThanOrEqual(1);
});

it('refuses an out-of-range value with the reason and writes nothing, for any of the issues', async () => {
  const row = await topIssue();
  const other = (await data('prioritize.rows', { boardId: 1, from: 5, count: 1 })).rows[0]?.key as string;
  const points = async () => [
    await fieldOf(row.key, 'customfield_10016'),
    await fieldOf(other, 'customfield_10016'),
  ];
  const was = await points();
  // WSJF divides by the job size, read from the story points: 0 is refused, never clamped.
  const zero = refused(
    await invoke('prioritize.setInput', {
      boardId: 1,
      input: 'storyPoints',
      changes: [
        { key: other, value: 3 },
        { key: row.key, value: 0 },
      ],
    }),
  );
  expect(zero.code).toBe('invalid-payload');
  expect(zero.message).toMatch(/Story points cannot be 0: it must be more than 0, because WSJF divides/i);
  expect(zero.message).toMatch(/Nothing was changed\.$/);
  const negative = refused(
    await invoke('prioritize.setInput', {
      boardId: 1,
      input: 'businessValue',
      changes: [{ key: row.key, value: -2 }],
    }),
  );
  expect(negative.message).toMatch(/cannot be -2: it must be 0 or more/);
  expect(await points()).toEqual(was);
  // A derived input has no field of its own.
  const derived = refused(
    await invoke('prioritize.setInput', {
      boardId: 1,
      input: 'jobSize',
      changes: [{ key: row.key, value: 3 }],
    }),
  );
  expect(derived.message).toMatch(/no Jira field of its own/);
}, 60_000);

it('refuses the viewer, who may not edit issues, with nothing written', async () => {
  const row = await topIssue();
  const before = await fieldOf(row.key, BV);
  const answer = refused(
    await invoke(
      'prioritize.setInput',
      { boardId: 1, input: 'businessValue', changes: [{ key: row.key, value: 13 }] },
      'local-viewer',
    ),
  );
  expect(answer.code).toBe('forbidden');
  expect(answer.message).toBe(
    'You need the Edit Issues permission in TRAIL to change Business Value. Nothing was changed.',
  );
  expect(await fieldOf(row.key, BV)).toBe(before);
}, 60_000);

it('filters and sorts the whole backlog on the server, and offers the filters’ values', async () => {
  const view = await data('prioritize.load', { boardId: 1 });
  if ('pending' in view) throw new Error('pending');
  const plain = await data('prioritize.find', { boardId: 1, count: 20 });
  expect(plain.total).toBe(view.total);
  expect(plain.rows.map((r) => r.key)).toEqual(
    (await data('prioritize.rows', { boardId: 1, count: 20 })).rows.map((r) => r.key),
  );
  expect(plain.rows.every((r) => ['ready', 'not-ready', 'unchecked'].includes(r.ready ?? ''))).toBe(true);

  const unscored = await data('prioritize.find', { boardId: 1, filter: { unscored: true }, keysOnly: true });
  expect(unscored.total).toBe(view.unscored);
  expect(unscored.keys).toHaveLength(view.unscored);

  // The issues the preview's rank calls move: the same set the preview lists.
  const preview = await data('prioritize.preview', { boardId: 1 });
  if ('pending' in preview) throw new Error('pending');
  const moving = await data('prioritize.find', { boardId: 1, filter: { moved: true }, keysOnly: true });
  expect(moving.total).toBe(preview.moveCount);
  // The preview lists the first 200 of them; each is among the grid's.
  const keys = new Set(moving.keys);
  expect(preview.moves.length).toBeGreaterThan(0);
  expect(preview.moves.filter((m) => !keys.has(m.key))).toEqual([]);

  const { facets } = await data('prioritize.find', { boardId: 1, facets: true, count: 1 });
  expect(facets?.types.length).toBeGreaterThan(1);
  expect(facets?.statuses.length).toBeGreaterThan(0);
  const type = facets?.types[0] as string;
  const byType = await data('prioritize.find', {
    boardId: 1,
    filter: { types: [type] },
    sort: { by: 'score', dir: 'desc' },
    count: 200,
  });
  expect(byType.total).toBeGreaterThan(0);
  expect(byType.total).toBeLessThan(view.total);
  expect(byType.rows.every((r) => r.issueType === type)).toBe(true);
  const scores = byType.rows.filter((r) => r.score !== null).map((r) => r.score as number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  const text = plain.rows[0]?.key as string;
  const found = await data('prioritize.find', { boardId: 1, filter: { text: text.toLowerCase() } });
  expect(found.rows.map((r) => r.key)).toContain(text);
  expect(
    found.rows.every(
      (r) =>
        r.key.toLowerCase().includes(text.toLowerCase()) ||
        r.summary.toLowerCase().includes(text.toLowerCase()),
    ),
  ).toBe(true);
}, 60_000);

it('says how well the order follows value with the gadget’s figures', async () => {
  const view = await data('prioritize.load', { boardId: 1 });
  if ('pending' in view) throw new Error('pending');
  const gadget = await data('gadget.health', { boardId: 1 });
  if ('pending' in gadget) throw new Error('pending');
  expect(view.order).toBeDefined();
  expect(view.order?.topOverlap).toBe(gadget.order?.topOverlap);
  expect(view.order?.topSize).toBe(gadget.order?.topSize);
  expect(view.order?.spearman).toBe(gadget.order?.spearman);
}, 60_000);

describe('the rules behind them', () => {
  it('bounds: more than 0 for what the model divides by, confidence on the model’s scale', () => {
    expect(
      refusal('Effort', 0, inputBounds('effort', { kind: 'rice' }, { effort: { fieldId: 'e' } })),
    ).toMatch(/more than 0, because RICE divides by the effort/);
    expect(refusal('Story points', 0, inputBounds('storyPoints', { kind: 'ice' }, {}))).toBeUndefined();
    expect(refusal('Confidence', 101, inputBounds('confidence', { kind: 'rice' }, {}))).toMatch(
      /at most 100/,
    );
    expect(refusal('Confidence', 11, inputBounds('confidence', { kind: 'ice' }, {}))).toMatch(/at most 10,/);
    expect(
      refusal('Confidence', 80, inputBounds('confidence', { kind: 'ice', confidenceUnit: 'percent' }, {})),
    ).toBeUndefined();
    expect(
      refusal(
        'Story points',
        0,
        inputBounds('storyPoints', { kind: 'moscow', tiebreak: { kind: 'wsjf' } }, {}),
      ),
    ).toMatch(/WSJF divides/);
    expect(
      refusal('Business value', null, inputBounds('businessValue', { kind: 'wsjf' }, {})),
    ).toBeUndefined();
  });

  it('filters by epic, version and goal with "none", and sorts unscored last both ways', () => {
    const row = (key: string, over: Partial<WorkspaceRow>): WorkspaceRow =>
      ({
        key,
        summary: key,
        issueType: 'Story',
        status: 'To Do',
        rank: 1,
        targetRank: 1,
        score: 1,
        versions: [],
        goals: [],
        ...over,
      }) as WorkspaceRow;
    const a = row('A-1', {
      epic: { key: 'A-9', summary: 'E' },
      versions: ['1.0'],
      goals: ['g1'],
      score: 3,
      targetRank: 2,
    });
    const b = row('A-2', { score: null, targetRank: 3 });
    const c = row('A-3', { score: 5, targetRank: 1 });
    expect(matches(a, { epics: ['A-9'] })).toBe(true);
    expect(matches(b, { epics: ['none'] })).toBe(true);
    expect(matches(a, { epics: ['none'] })).toBe(false);
    expect(matches(a, { versions: ['1.0'], goals: ['g1'] })).toBe(true);
    expect(matches(c, { goals: ['g1'] })).toBe(false);
    expect(matches(b, { unscored: true })).toBe(true);
    expect(matches(a, { ready: 'ready' }, new Set(['A-1']))).toBe(true);
    expect(matches(c, { ready: 'ready' }, new Set(['A-1']))).toBe(false);
    expect(sortRows([a, b, c], 'score', 'asc').map((r) => r.key)).toEqual(['A-1', 'A-3', 'A-2']);
    expect(sortRows([a, b, c], 'score', 'desc').map((r) => r.key)).toEqual(['A-3', 'A-1', 'A-2']);
    expect(sortRows([a, b, c], 'value', 'asc').map((r) => r.key)).toEqual(['A-3', 'A-1', 'A-2']);
  });
});
