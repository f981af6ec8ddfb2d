/**
 * JQL-searchable readiness on the local site: the product trigger (emulated by dev/harness/triggers.ts,
 * declared in manifest.yml) re-checks an issue when it is edited and writes `valuerank-readiness`, so
 * `issue.property[valuerank-readiness].ready = "false"` finds it right after the edit.
 */
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import { READINESS_PROPERTY_KEY } from '../../../src/features/readiness';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const doc = (...lines: string[]) => ({
  type: 'doc',
  version: 1,
  content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

async function edit(key: string, fields: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${server.url}/rest/api/3/issue/${key}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'X-Local-User': 'local-po' },
    body: JSON.stringify({ fields }),
  });
  expect(r.status).toBe(204);
}

const keysWhere = async (jql: string) =>
  (await asPo.search({ jql: `project = TRAIL AND ${jql}`, fields: ['summary'] })).map((i) => i.key);

describe('valuerank-readiness', () => {
  it('an edit that removes the criteria makes the issue findable as not ready at once', async () => {
    await edit('TRAIL-48', { summary: 'Filter trails by difficulty' });
    expect(await asPo.getIssueProperty('TRAIL-48', READINESS_PROPERTY_KEY)).toMatchObject({
      ready: 'true',
      quality: 100,
      criteria: 3,
    });
    expect(await keysWhere('issue.property[valuerank-readiness].ready = "true"')).toContain('TRAIL-48');

    await edit('TRAIL-48', { description: doc('As a hiker I want to filter trails.', 'Nothing else here.') });
    expect(await keysWhere('issue.property[valuerank-readiness].ready = "false"')).toContain('TRAIL-48');
    expect(await keysWhere('issue.property[valuerank-readiness].ready = "true"')).not.toContain('TRAIL-48');
    expect(await keysWhere('issue.property[valuerank-readiness].criteria = 0')).toContain('TRAIL-48');
  });

  it('indexes quality and task progress as numbers', async () => {
    await edit('TRAIL-89', { labels: ['checked'] });
    expect(await asPo.getIssueProperty('TRAIL-89', READINESS_PROPERTY_KEY)).toMatchObject({
      ready: 'true',
      done: 2,
      total: 5,
    });
    expect(await keysWhere('issue.property[valuerank-readiness].done >= 2')).toContain('TRAIL-89');
    expect(await keysWhere('issue.property[valuerank-readiness].quality > 90')).toContain('TRAIL-89');
  });

  it('a refused edit fires no trigger', async () => {
    const r = await fetch(`${server.url}/rest/api/3/issue/TRAIL-48`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Local-User': 'local-po' },
      body: JSON.stringify({ fields: { status: 'Done' } }),
    });
    expect(r.status).toBe(400);
    expect(await asPo.getIssueProperty('TRAIL-48', READINESS_PROPERTY_KEY)).toBeUndefined();
  });
});
