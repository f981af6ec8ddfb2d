/**
 * Value sessions on the local Jira site, run by the harness as Forge runs the resolvers: the PO starts a
 * session, two stakeholders rate blind (each sees only their own ratings; the PO sees who has rated, no
 * value), the PO reveals and sees the disagreement, commits (the mapped field is written as the PO, the
 * live score follows, each issue keeps its record) and closes it. Refusals are clear and change nothing; a
 * commit Jira refuses half-way is put back.
 */
import { SUMMARY_PAGE } from '../../../src/features/sessions/api';
import { JiraClient } from '../../../src/jira/client';
import { sessionEntries } from '../../../src/store/sessions';
import { httpTransport } from '../../../src/jira/http-transport';
import type { Answers } from '../../../src/resolvers/api';
import { invokeData, invokeResolver } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs', 'faults'] });
const BV = 'customfield_10030';
let asPo: JiraClient;
beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const invoke = <K extends keyof Answers>(key: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, key, payload, accountId);
const data = <K extends keyof Answers>(key: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, key, payload, accountId);
const fieldOf = async (key: string) => (await asPo.issue(key, [BV])).fields[BV] ?? null;

async function started(top = 3) {
  return data('sessions.start', {
    projectKey: 'TRAIL',
    title: 'Q1 value',
    issues: { kind: 'top', top },
    inputs: ['businessValue'],
    participants: ['local-dev', 'local-viewer'],
  });
}

describe('value sessions', () => {
  it('the options: the model’s value inputs with their fields; only the PO may start', async () => {
    const options = await data('sessions.options', { projectKey: 'TRAIL' });
    expect(options.canStart).toBe(true);
    expect(options.inputs.map((i) => i.name)).toEqual(
      expect.arrayContaining(['businessValue', 'timeCriticality', 'riskReduction']),
    );
    expect(options.inputs.find((i) => i.name === 'businessValue')?.fieldId).toBe(BV);
    expect(options.defaultInputs).toEqual(['businessValue', 'timeCriticality', 'riskReduction']);
    // WSJF's job size is effort, which reads story points when it has no field of its own.
    expect(options.inputs.find((i) => i.name === 'effort')?.fieldId).toBe('customfield_10016');
    expect(options.notes).toEqual([]);
    expect((await data('sessions.options', { projectKey: 'TRAIL' }, 'local-dev')).canStart).toBe(false);
    expect(await invoke('sessions.options', { projectKey: 'TRAIL' }, 'local-outsider')).toMatchObject({
      ok: false,
    });

    const refused = await invoke(
      'sessions.start',
      {
        projectKey: 'TRAIL',
        title: 'Mine',
        issues: { kind: 'top', top: 3 },
        inputs: ['businessValue'],
        participants: ['local-viewer'],
      },
      'local-dev',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Someone who cannot browse the project cannot be invited.
    const stranger = await invoke('sessions.start', {
      projectKey: 'TRAIL',
      title: 'With a stranger',
      issues: { kind: 'top', top: 3 },
      inputs: ['businessValue'],
      participants: ['local-dev', 'local-outsider'],
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(!stranger.ok && stranger.error.message).toMatch(/Sam Rivera cannot browse TRAIL/);
    expect((await data('sessions.list', { projectKey: 'TRAIL' })).sessions).toEqual([]);
  });

  it('the user picker finds people who can browse the project', async () => {
    const found = await data('sessions.users', { projectKey: 'TRAIL', query: 'me' });
    expect(found.users).toEqual([{ accountId: 'local-viewer', displayName: 'Mei Tanaka' }]);
    expect((await data('sessions.users', { projectKey: 'TRAIL', query: 'sam' })).users).toEqual([]);
  });

  it('two stakeholders rate blind, the PO reveals, sees the disagreement, commits and closes', async () => {
    const session = await started();
    expect(session).toMatchObject({ state: 'open', scale: 'fibonacci', revealed: false, summary: null });
    const [a, b, c] = session.issues.map((i) => i.key) as [string, string, string];
    expect(session.issues.every((i) => i.summary !== '')).toBe(true);

    await data(
      'sessions.rate',
      {
        sessionId: session.id,
        ratings: [
          { issueKey: a, input: 'businessValue', value: 1, reason: 'Few hikers asked for it' },
          { issueKey: b, input: 'businessValue', value: 8 },
          { issueKey: c, input: 'businessValue', value: null, reason: 'Cannot judge' },
        ],
      },
      'local-dev',
    );
    const viewer = await data(
      'sessions.rate',
      {
        sessionId: session.id,
        ratings: [
          { issueKey: a, input: 'businessValue', value: 13, reason: 'Our partners need it' },
          { issueKey: b, input: 'businessValue', value: 8 },
        ],
      },
      'local-viewer',
    );
    // Blind: each sees only their own ratings.
    expect(viewer.own.map((r) => [r.issueKey, r.value])).toEqual([
      [a, 13],
      [b, 8],
    ]);
    expect(viewer.own.every((r) => r.by.accountId === 'local-viewer')).toBe(true);
    const dev = await data('sessions.get', { sessionId: session.id }, 'local-dev');
    expect(dev.own.map((r) => r.value)).toEqual([1, 8, null]);
    expect(JSON.stringify(dev)).not.toContain('Our partners need it');
    expect(dev.summary).toBeNull();
    // The PO sees who has rated, no value.
    const po = await data('sessions.get', { sessionId: session.id });
    expect(po.participants.map((p) => [p.displayName, p.rated, p.skipped])).toEqual([
      ['Jonas Lindqvist', 2, 1],
      ['Mei Tanaka', 2, 0],
    ]);
    expect(po.summary).toBeNull();
    expect(JSON.stringify(po)).not.toMatch(/partners|Few hikers/);

    // Only the PO reveals; the viewer can rate but cannot commit.
    expect(await invoke('sessions.reveal', { sessionId: session.id }, 'local-dev')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const revealed = await data('sessions.reveal', { sessionId: session.id });
    expect(revealed.state).toBe('revealed');
    const top = revealed.summary![0]!;
    expect(top).toMatchObject({ issueKey: a, disagreement: true, min: 1, max: 13, median: 7, suggested: 8 });
    expect(top.ratings.map((r) => [r.by.displayName, r.value, r.reason])).toEqual([
      ['Jonas Lindqvist', 1, 'Few hikers asked for it'],
      ['Mei Tanaka', 13, 'Our partners need it'],
    ]);
    expect(revealed.summary!.slice(1).some((r) => r.disagreement)).toBe(false);
    expect(revealed.decisions.find((d) => d.issueKey === a)?.values.businessValue).toBe(8);
    expect(revealed.current?.[a]).toHaveProperty('businessValue');
    expect(
      await invoke(
        'sessions.rate',
        { sessionId: session.id, ratings: [{ issueKey: a, input: 'businessValue', value: 5 }] },
        'local-viewer',
      ),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const decisions = [{ issueKey: a, values: { businessValue: 8 }, note: 'Partners first' }];
    expect(
      await invoke('sessions.commit', { sessionId: session.id, decisions }, 'local-viewer'),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const before = await data('readiness.badge', { issueKey: a });
    const from = await fieldOf(a);
    const committed = await data('sessions.commit', { sessionId: session.id, decisions });
    expect(committed.changes).toEqual([{ issueKey: a, input: 'businessValue', from, to: 8 }]);
    expect(committed.session.state).toBe('committed');
    expect(await fieldOf(a)).toBe(8);
    // Written as the PO: Jira's changelog says so.
    const last = (await asPo.changelog(a)).at(-1)!;
    expect(last.author?.accountId).toBe('local-po');
    const after = await data('readiness.badge', { issueKey: a });
    expect(after.value.score).not.toBe(before.value.score);

    const history = await data('sessions.issueHistory', { issueKey: a }, 'local-dev');
    expect(history.records).toHaveLength(1);
    expect(history.records[0]).toMatchObject({
      title: 'Q1 value',
      by: { displayName: 'Amara Okafor' },
      note: 'Partners first',
      inputs: [{ input: 'businessValue', from, to: 8, median: 7 }],
    });
    expect(history.records[0]!.inputs[0]!.ratings.map((r) => [r.by.displayName, r.value])).toEqual([
      ['Jonas Lindqvist', 1],
      ['Mei Tanaka', 13],
    ]);

    const closed = await data('sessions.close', { sessionId: session.id });
    expect(closed.state).toBe('closed');
    const list = await data('sessions.list', { projectKey: 'TRAIL' });
    expect(list.sessions.map((s) => [s.title, s.state])).toEqual([['Q1 value', 'closed']]);
    // Closing keeps the record.
    expect((await data('sessions.get', { sessionId: session.id })).summary).not.toBeNull();
  });

  it('participants find their open sessions; others do not see them', async () => {
    const session = await started(2);
    const mine = await data('sessions.list', { projectKey: 'TRAIL' }, 'local-viewer');
    expect(mine.mine.map((s) => s.id)).toEqual([session.id]);
    expect(mine.canStart).toBe(false);
    expect(await invoke('sessions.get', { sessionId: session.id }, 'local-outsider')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await invoke(
        'sessions.rate',
        {
          sessionId: session.id,
          ratings: [{ issueKey: session.issues[0]!.key, input: 'businessValue', value: 4 }],
        },
        'local-dev',
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('"unscored" picks the top open issues with an empty field for an input to estimate', async () => {
    const { issues } = await asPo.searchPage({
      jql: 'project = "TRAIL" AND statusCategory != Done AND issuetype != Epic ORDER BY Rank ASC',
      fields: ['id'],
      pageSize: 1,
    });
    const top = issues[0]!.key;
    await fetch(`${server.url}/rest/api/3/issue/${top}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Local-User': 'local-po' },
      body: JSON.stringify({ fields: { [BV]: null } }),
    });
    const session = await data('sessions.start', {
      projectKey: 'TRAIL',
      title: 'Unscored',
      issues: { kind: 'unscored', top: 3 },
      inputs: ['businessValue'],
      participants: ['local-dev'],
    });
    expect(session.issues[0]?.key).toBe(top);
    expect(session.issues.length).toBeLessThanOrEqual(3);
    for (const issue of session.issues) expect(await fieldOf(issue.key)).toBeNull();
  });

  it('the largest revealed session answers in pages well under 1 MB', async () => {
    const keys = server.site.state
      .issuesInRankOrder()
      .filter((i) => i.projectKey === 'TRAIL')
      .slice(0, 100)
      .map((i) => i.key);
    expect(keys).toHaveLength(100);
    const inputs = ['businessValue', 'timeCriticality', 'riskReduction', 'effort', 'reach'];
    const people = Array.from(
      { length: 20 },
      (_, i) => `557058:${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    );
    const reason = '価値の理由「とても長い」'.repeat(30).slice(0, 280);
    const at = '2026-12-01T10:00:00.000Z';
    const ratings = keys.flatMap((issueKey) =>
      inputs.flatMap((input) =>
        people.map((accountId, i) => ({ accountId, issueKey, input, value: [1, 21][i % 2]!, reason, at })),
      ),
    );
    const entries = sessionEntries(
      {
        id: 'largest',
        projectKey: 'TRAIL',
        title: 'Largest',
        createdBy: 'local-po',
        createdAt: at,
        scale: 'fibonacci',
        inputs,
        issues: keys,
        participants: people,
        state: 'revealed',
        revealedAt: at,
      },
      ratings,
    );
    for (const [key, value] of entries) server.harness.kvs.handle('/api/v1/set', { key, value });
    // The first and the last page: each well under the 1 MB a resolver may answer.
    const seen = new Set<string>();
    for (const from of [0, 500 - SUMMARY_PAGE]) {
      const answer = await invoke('sessions.get', { sessionId: 'largest', from });
      expect(answer.ok).toBe(true);
      expect(Buffer.byteLength(JSON.stringify(answer), 'utf8')).toBeLessThan(1024 * 1024);
      const page = answer.ok ? answer.data : undefined;
      expect(page).toMatchObject({ summaryFrom: from, summaryTotal: 500, flagged: 500 });
      expect(page?.summary).toHaveLength(SUMMARY_PAGE);
      for (const row of page?.summary ?? []) {
        expect(row.ratings).toHaveLength(20);
        seen.add(`${row.issueKey}|${row.input}`);
      }
    }
    expect(seen.size).toBe(2 * SUMMARY_PAGE);
  });

  it('the reveal searches the issues once; a commit reads the field list at most once', async () => {
    const routes = async () =>
      ((await (await fetch(`${server.url}/_local/stats`)).json()) as { byRoute: Record<string, number> })
        .byRoute;
    const FIELDS = 'GET /rest/api/3/field';
    const SEARCH = 'POST /rest/api/3/search/jql';
    const since = async (was: Record<string, number>, route: string) =>
      ((await routes())[route] ?? 0) - (was[route] ?? 0);
    const session = await started(2);
    const [a, b] = session.issues.map((i) => i.key) as [string, string];
    await data(
      'sessions.rate',
      { sessionId: session.id, ratings: [{ issueKey: a, input: 'businessValue', value: 5 }] },
      'local-dev',
    );

    let was = await routes();
    const revealed = await data('sessions.reveal', { sessionId: session.id });
    // The summaries and the PO's current values come from one search.
    expect(await since(was, SEARCH)).toBe(1);
    expect(revealed.issues.every((i) => i.summary !== '')).toBe(true);
    expect(Object.keys(revealed.current ?? {}).sort()).toEqual([a, b].sort());

    was = await routes();
    const committed = await data('sessions.commit', {
      sessionId: session.id,
      decisions: [{ issueKey: a, values: { businessValue: 5 } }],
    });
    expect(committed.written).toBe(1);
    expect(committed.session.issues.every((i) => i.summary !== '')).toBe(true);
    expect(committed.session.summary?.find((r) => r.issueKey === a)?.median).toBe(5);
    expect(await since(was, FIELDS)).toBeLessThanOrEqual(1);
    expect(await since(was, SEARCH)).toBe(1);
    expect(committed.session).toEqual(await data('sessions.get', { sessionId: session.id }));
  });

  it('two commits at the same moment: exactly one writes, the other is a conflict', async () => {
    const session = await started(2);
    const [a, b] = session.issues.map((i) => i.key) as [string, string];
    await data(
      'sessions.rate',
      {
        sessionId: session.id,
        ratings: [a, b].map((issueKey) => ({ issueKey, input: 'businessValue', value: 2 })),
      },
      'local-dev',
    );
    await data('sessions.reveal', { sessionId: session.id });
    const history = async () => (await asPo.changelog(a)).length;
    const before = await history();
    const decisions = [a, b].map((issueKey) => ({ issueKey, values: { businessValue: 2 } }));
    const answers = await Promise.all([
      invoke('sessions.commit', { sessionId: session.id, decisions }),
      invoke('sessions.commit', { sessionId: session.id, decisions }),
    ]);
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.filter((x) => !x.ok).map((x) => !x.ok && x.error.code)).toEqual(['conflict']);
    expect(await fieldOf(a)).toBe(2);
    expect(await history()).toBe(before + 1);
    expect((await data('sessions.issueHistory', { issueKey: a })).records).toHaveLength(1);
  });

  it('a commit Jira refuses half-way is put back: nothing half-written, the session stays revealed', async () => {
    const session = await started(3);
    const [a, b, c] = session.issues.map((i) => i.key) as [string, string, string];
    await data(
      'sessions.rate',
      {
        sessionId: session.id,
        ratings: [a, b, c].map((issueKey) => ({ issueKey, input: 'businessValue', value: 21 })),
      },
      'local-dev',
    );
    await data('sessions.reveal', { sessionId: session.id });
    const before = await Promise.all([a, b, c].map(fieldOf));
    await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [{ method: 'PUT', path: `/rest/api/3/issue/${c}`, status: 500, times: 0 }],
      }),
    });
    const refused = await invoke('sessions.commit', {
      sessionId: session.id,
      decisions: [a, b, c].map((issueKey) => ({ issueKey, values: { businessValue: 21 } })),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'jira-refused' } });
    expect(!refused.ok && refused.error.message).toContain(`Jira refused to write ${c}`);
    expect(await Promise.all([a, b, c].map(fieldOf))).toEqual(before);
    expect((await data('sessions.get', { sessionId: session.id })).state).toBe('revealed');
    expect((await data('sessions.issueHistory', { issueKey: a })).records).toEqual([]);
    // A decision for an issue outside the session is refused before anything is written.
    const outside = await invoke('sessions.commit', {
      sessionId: session.id,
      decisions: [{ issueKey: 'TRAIL-999', values: { businessValue: 3 } }],
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});
