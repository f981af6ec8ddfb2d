/**
 * The acceptance-criteria resolvers on the local Jira site, run by the harness as Forge runs them (real
 * resolvers, real @forge/kvs), against demo issues of Trailhead.
 */
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import type { ResolverKey } from '../../src/resolvers/api';
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
  it('shows readiness, quality and "not scored yet" until Prioritize writes a score', async () => {
    const before = await ok('readiness.badge', { issueKey: 'TRAIL-48' });
    expect(before).toMatchObject({ issueKey: 'TRAIL-48', ready: true, quality: 100, value: null });
    await asPo.setIssueProperty('TRAIL-48', 'valuerank', { score: 12.5, model: 'wsjf' });
    const after = await ok('readiness.badge', { issueKey: 'TRAIL-48' });
    expect(after.value).toEqual({ score: 12.5, model: 'wsjf' });
  });

  it('lists at most three blocking findings', async () => {
    const badge = await ok('readiness.badge', { issueKey: 'TRAIL-53' });
    expect(badge.ready).toBe(false);
    expect(badge.blocking.length).toBeGreaterThan(0);
    expect(badge.blocking.length).toBeLessThanOrEqual(3);
  });
});
