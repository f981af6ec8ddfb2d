/**
 * The acceptance-criteria resolvers on the local Jira site, run by the harness as Forge runs them (real
 * resolvers, real @forge/kvs), against demo issues of Trailhead.
 */
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import type { ResolverKey } from '../../src/resolvers/api';
import { findScoreField } from '../../src/features/prioritize/writeback';
import { criteriaConfigKey } from '../../src/store/criteria';
import { invokeData, invokeResolver, type InvokeContext } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

/** The issue's criteria panel, where Custom UI's `invoke(key, payload)` runs for these resolvers. */
const panel = (issueKey: string): InvokeContext => ({
  moduleKey: 'valuerank-criteria-panel',
  extension: { issue: { key: issueKey } },
});

const resolve = <K extends ResolverKey>(key: K, payload: { issueKey: string }, accountId = 'local-po') =>
  invokeResolver(server.url, key, payload, accountId, panel(payload.issueKey));
const ok = <K extends ResolverKey>(key: K, payload: { issueKey: string }, accountId = 'local-po') =>
  invokeData(server.url, key, payload, accountId, panel(payload.issueKey));

describe('readiness.check', () => {
  it('finds the criteria of an issue and flags the words in place (TRAIL-83: "Etc", "Partially")', async () => {
    const view = await ok('readiness.check', { issueKey: 'TRAIL-83' });
    expect(view.issueKey).toBe('TRAIL-83');
    expect(view.issueType).toBe('Story');
    expect(view.criteria.length).toBeGreaterThanOrEqual(2);
    const flagged = view.findings.filter((f) => f.criterion !== undefined && f.words);
    expect(flagged.map((f) => f.kind)).toEqual(expect.arrayContaining(['open-ended', 'ambiguous']));
    for (const f of flagged) expect(view.criteria[f.criterion!]!.text.slice(f.start, f.end)).toBe(f.words);
    // an open-ended criterion ("Etc") blocks by default
    expect(view.verdict.ready).toBe(false);
    expect(view.verdict.blocking.map((f) => f.kind)).toContain('open-ended');
  });

  it('answers Not ready with the blocking findings (TRAIL-53: a scenario without Then)', async () => {
    const view = await ok('readiness.check', { issueKey: 'TRAIL-53' });
    expect(view.verdict.ready).toBe(false);
    expect(view.verdict.blocking.map((f) => f.kind)).toContain('gwt-incomplete');
  });

  it("uses the project's stored configuration: open-ended as an error blocks TRAIL-83", async () => {
    server.harness.kvs.handle('/set', {
      key: criteriaConfigKey('TRAIL'),
      value: { severity: { 'open-ended': 'error' } },
    });
    const view = await ok('readiness.check', { issueKey: 'TRAIL-83' });
    expect(view.verdict.ready).toBe(false);
    expect(view.verdict.blocking.map((f) => f.words)).toContain('Etc');
  });

  it('counts task progress (TRAIL-89: 2 of 5 done)', async () => {
    const view = await ok('readiness.check', { issueKey: 'TRAIL-89' });
    expect(view.progress).toEqual({ done: 2, total: 5 });
  });

  it('refuses a bad key and an issue the user cannot see', async () => {
    const bad = await resolve('readiness.check', { issueKey: 'not a key' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const hidden = await resolve('readiness.check', { issueKey: 'TRAIL-83' }, 'local-outsider');
    expect(hidden.ok).toBe(false);
  });
});

describe('readiness.badge', () => {
  it("shows readiness, quality and the live score for the project's model, and a stale written score", async () => {
    const fields = ['customfield_10030', 'customfield_10031', 'customfield_10032', 'customfield_10016'];
    const f = (await asPo.issue('TRAIL-48', fields)).fields as Record<string, number>;
    const wsjf = (f.customfield_10030! + f.customfield_10031! + f.customfield_10032!) / f.customfield_10016!;
    const before = await ok('readiness.badge', { issueKey: 'TRAIL-48' });
    expect(before).toMatchObject({ issueKey: 'TRAIL-48', ready: true });
    // Live: computed from the issue's fields with the project's (here proposed) mapping and model, WSJF.
    expect(before.value).toMatchObject({ model: 'wsjf', modelLabel: 'WSJF', written: null });
    expect(before.value.score).toBeCloseTo(wsjf, 10);
    expect(before.value.stale).toBeUndefined();

    // A score another model wrote (RICE applied once, then undone) is stale; the live score stays.
    await asPo.setIssueProperty('TRAIL-48', 'valuerank', {
      score: 2400,
      model: 'rice',
      at: '2026-11-20T10:00:00Z',
    });
    const rice = await ok('readiness.badge', { issueKey: 'TRAIL-48' });
    expect(rice.value.score).toBeCloseTo(wsjf, 10);
    expect(rice.value.written).toEqual({ score: 2400, model: 'rice', at: '2026-11-20T10:00:00Z' });
    expect(rice.value.stale).toBe(
      'The written score (2400, RICE on 2026-11-20) is stale: the project scores with WSJF now.',
    );

    // The same model with another value is stale too; the live value written by WSJF is not.
    await asPo.setIssueProperty('TRAIL-48', 'valuerank', { score: wsjf + 1, model: 'wsjf' });
    expect((await ok('readiness.badge', { issueKey: 'TRAIL-48' })).value.stale).toMatch(/inputs give/);
    await asPo.setIssueProperty('TRAIL-48', 'valuerank', { score: wsjf, model: 'wsjf' });
    // ... as long as the "Business value score" field (written with it by the app) agrees too.
    expect((await ok('readiness.badge', { issueKey: 'TRAIL-48' })).value.stale).toMatch(
      /^The Business value score field \(unscored\) is stale/,
    );
    const asApp = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-Actor': 'app' } }));
    const field = findScoreField(await asApp.fields());
    const { id } = await asApp.issue('TRAIL-48', ['summary']);
    await asApp.setAppFieldValues([{ customField: field!.id, issueIds: [Number(id)], value: wsjf }]);
    expect((await ok('readiness.badge', { issueKey: 'TRAIL-48' })).value.stale).toBeUndefined();
  });

  it('lists at most three blocking findings', async () => {
    const badge = await ok('readiness.badge', { issueKey: 'TRAIL-53' });
    expect(badge.ready).toBe(false);
    expect(badge.blocking.length).toBeGreaterThan(0);
    expect(badge.blocking.length).toBeLessThanOrEqual(3);
  });
});
