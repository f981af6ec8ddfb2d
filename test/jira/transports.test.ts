import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forgeTransport } from '../../src/jira/forge-transport';
import { httpTransport, parseSiteUrl } from '../../src/jira/http-transport';
import { jiraPath, query } from '../../src/jira/path';

describe('httpTransport', () => {
  let server: http.Server;
  let url: string;
  const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('late'), 500);
        res.writeHead(req.url?.includes('rank') ? 207 : 200, {
          'Content-Type': 'application/json',
          'Retry-After': '2',
        });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends basic auth, JSON and extra headers, and hands back status, headers and text', async () => {
    const t = httpTransport({
      siteUrl: url,
      email: 'amara@example.com',
      apiToken: 'tok',
      headers: { 'X-Local-User': 'local-dev' },
    });
    const response = await t.send({
      method: 'PUT',
      path: jiraPath`/rest/agile/1.0/issue/rank`,
      body: { issues: ['A-1'] },
    });
    expect(response).toEqual({
      status: 207,
      headers: expect.objectContaining({ 'retry-after': '2' }),
      text: '{"ok":true}',
    });
    const last = seen.at(-1)!;
    expect(last.method).toBe('PUT');
    expect(last.headers.authorization).toBe(
      `Basic ${Buffer.from('amara@example.com:tok').toString('base64')}`,
    );
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['x-local-user']).toBe('local-dev');
    expect(JSON.parse(last.body)).toEqual({ issues: ['A-1'] });
  });

  it('encodes query parameters', async () => {
    const t = httpTransport({ siteUrl: url });
    await t.send({
      method: 'GET',
      path: jiraPath`/rest/agile/1.0/board?${query({ projectKeyOrId: 'A B&C', startAt: 0 })}`,
    });
    expect(seen.at(-1)!.url).toBe('/rest/agile/1.0/board?projectKeyOrId=A+B%26C&startAt=0');
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('times out', async () => {
    const t = httpTransport({ siteUrl: url, timeoutMs: 50 });
    await expect(t.send({ method: 'GET', path: jiraPath`/slow` })).rejects.toThrow();
  });

  it('accepts https sites and loopback http only', () => {
    expect(parseSiteUrl('https://acme.atlassian.net').origin).toBe('https://acme.atlassian.net');
    expect(parseSiteUrl('http://127.0.0.1:8080').port).toBe('8080');
    expect(() => parseSiteUrl('http://acme.atlassian.net')).toThrow('must use https://');
    expect(() => parseSiteUrl('https://acme.atlassian.net/jira')).toThrow('site root only');
    expect(() => parseSiteUrl('acme')).toThrow('Not a URL');
  });
});

describe('forgeTransport (through the real @forge/api)', () => {
  const calls: Array<{ target: Record<string, unknown>; path: string; init: RequestInit }> = [];
  const g = globalThis as unknown as { __forge_fetch__?: unknown };

  beforeAll(() => {
    g.__forge_fetch__ = async (target: Record<string, unknown>, path: string, init: RequestInit) => {
      calls.push({ target, path, init });
      return new Response(JSON.stringify({ accountId: 'a' }), { status: 200, headers: { 'X-Test': 'yes' } });
    };
  });
  afterAll(() => delete g.__forge_fetch__);

  it('calls Jira as the user with a route built from the same template', async () => {
    const response = await forgeTransport('user').send({
      method: 'GET',
      path: jiraPath`/rest/api/3/issue/${'TRAIL-1'}/properties/${'valuerank.score'}?${query({ a: 'x y' })}`,
    });
    expect(response).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'x-test': 'yes' }),
      text: '{"accountId":"a"}',
    });
    expect(calls[0]!.target).toMatchObject({ provider: 'user', remote: 'jira', type: 'fpp' });
    expect(calls[0]!.path).toBe('/rest/api/3/issue/TRAIL-1/properties/valuerank.score?a=x+y');
    expect(calls[0]!.init.method).toBe('GET');
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('calls Jira as the app, with a JSON body', async () => {
    await forgeTransport('app').send({
      method: 'PUT',
      path: jiraPath`/rest/agile/1.0/issue/rank`,
      body: { issues: ['A-1'] },
    });
    expect(calls[1]!.target).toMatchObject({ provider: 'app', remote: 'jira' });
    expect(calls[1]!.init.body).toBe('{"issues":["A-1"]}');
    expect(calls[1]!.init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it("refuses path manipulation as Forge's route does", () => {
    expect(() => jiraPath`/rest/api/3/issue/${'../admin'}`).toThrow('could change the path');
    expect(() => jiraPath`/rest/api/3/issue/${'A-1/x'}`).toThrow('could change the path');
  });
});
