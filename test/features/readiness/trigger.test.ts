/**
 * The readiness trigger writes only what changed, and never runs for the app's own edits:
 * - `refreshReadiness` reads the stored property and writes it only when `sameReadiness` says it differs;
 * - the manifest's `filter: { ignoreSelf: true }` keeps events the app itself caused from running it (the
 *   local harness marks every Jira call an app function makes, as Forge marks `selfGenerated` events).
 */
import { startJiraSite, parseSeed } from '../../../dev/site';
import { buildDemoSeed } from '../../../dev/demo';
import { APP_CALL_HEADER } from '../../../dev/harness/forge-runtime';
import { defaultConfig, READINESS_PROPERTY_KEY, refreshReadiness } from '../../../src/features/readiness';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { JiraTransport } from '../../../src/jira/transport';
import { useLocalServer } from '../../support/local-server';

describe('refreshReadiness', () => {
  let site: Awaited<ReturnType<typeof startJiraSite>>;
  beforeAll(async () => {
    site = await startJiraSite({ seed: parseSeed(buildDemoSeed(), 'dev/demo'), port: 0 });
  });
  afterAll(() => site.close());

  it('writes the property when it differs, and not again when nothing changed', async () => {
    const inner = httpTransport({ siteUrl: site.url, headers: { 'X-Local-Actor': 'app' } });
    const writes: string[] = [];
    const counting: JiraTransport = {
      description: inner.description,
      send: (request) => {
        if (request.method === 'PUT') writes.push(request.path.value);
        return inner.send(request);
      },
    };
    const deps = { jira: new JiraClient(counting), configs: defaultConfig };
    await deps.jira.setIssueProperty('TRAIL-48', READINESS_PROPERTY_KEY, { ready: 'stale' });
    writes.length = 0;

    const first = await refreshReadiness(deps, 'TRAIL-48');
    expect(first.written).toBe(true);
    expect(writes).toHaveLength(1);

    const second = await refreshReadiness(deps, 'TRAIL-48');
    expect(second).toEqual({ readiness: { ...first.readiness, at: second.readiness.at }, written: false });
    expect(writes).toHaveLength(1);
  });
});

describe('the readiness trigger on the local harness (ignoreSelf)', () => {
  const server = useLocalServer({ reset: ['site'] });

  const noCriteria = JSON.stringify({
    fields: {
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Criteria to follow.' }] }],
      },
    },
  });

  async function readiness(key: string): Promise<unknown> {
    const r = await fetch(`${server.url}/rest/api/3/issue/${key}/properties/${READINESS_PROPERTY_KEY}`, {
      headers: { 'X-Local-Actor': 'app', accept: 'application/json' },
    });
    return r.status === 200 ? ((await r.json()) as { value: unknown }).value : undefined;
  }

  async function edit(key: string, headers: Record<string, string>): Promise<void> {
    const r = await fetch(`${server.url}/rest/api/3/issue/${key}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: noCriteria,
    });
    expect(r.status).toBe(204);
  }

  it("does not run for an edit the app's own function made", async () => {
    const before = await readiness('TRAIL-89');
    expect((before as { ready?: string } | undefined)?.ready).not.toBe('false');
    await edit('TRAIL-89', { 'X-Local-User': 'local-po', [APP_CALL_HEADER]: 'true' });
    expect(await readiness('TRAIL-89')).toEqual(before);
  });

  it("runs for a person's edit and records the new readiness", async () => {
    await edit('TRAIL-89', { 'X-Local-User': 'local-po' });
    expect(await readiness('TRAIL-89')).toMatchObject({ ready: 'false', criteria: 0 });
  });
});
