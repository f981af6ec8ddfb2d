/**
 * The local server's harness routes (index, shell, UI with the bridge injected, CSP) and the Forge
 * runtime as a function sees it: asUser/asApp product calls, no-user authentication errors, the 25 s
 * budget, the invocation's module. A test handler stands in for the resolver function here.
 */
import api, { getAppContext, NeedsAuthenticationError, route } from '@forge/api';
import { startLocalServer, type LocalServer } from '../../../dev/server';

let server: LocalServer;

/** Replaces the manifest's `resolver` function: runs the named probe inside the invocation. */
let probesFinished = 0;
const probes: Record<string, () => Promise<unknown>> = {
  async whoAmIThenCount() {
    await api.asUser().requestJira(route`/rest/api/3/myself`);
    return ++probesFinished;
  },
  async whoAmI() {
    const me = await api.asUser().requestJira(route`/rest/api/3/myself`);
    return { status: me.status, accountId: ((await me.json()) as { accountId: string }).accountId };
  },
  async asApp() {
    const me = await api.asApp().requestJira(route`/rest/api/3/myself`);
    return { status: me.status, body: await me.json() };
  },
  async noUser() {
    try {
      await api.asUser().requestJira(route`/rest/api/3/myself`);
      return 'no error';
    } catch (error) {
      return {
        needsAuth: error instanceof NeedsAuthenticationError,
        status: (error as { status?: number }).status,
      };
    }
  },
  async budget() {
    const app = getAppContext();
    return { remaining: app.invocationRemainingTimeInMillis(), moduleKey: app.moduleKey };
  },
};

beforeAll(async () => {
  server = await startLocalServer({
    port: 0,
    harness: {
      log: () => undefined,
      functionOverrides: {
        resolver: async (event) => {
          const { call } = event as { call: { functionKey: string } };
          const probe = probes[call.functionKey];
          if (!probe) throw new Error(`no probe ${call.functionKey}`);
          return probe();
        },
      },
    },
  });
});
afterAll(() => server.close());

async function invoke(functionKey: string, accountId?: string): Promise<unknown> {
  const response = await fetch(`${server.url}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, accountId, context: { moduleKey: 'valuerank-project-page' } }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('the Forge runtime, as a function sees it', () => {
  it('calls Jira as the invocation user with asUser()', async () => {
    expect(await invoke('whoAmI', 'local-viewer')).toEqual({ status: 200, accountId: 'local-viewer' });
  });

  it('calls Jira as the app with asApp()', async () => {
    const before = (await (await fetch(`${server.url}/_local/stats`)).json()) as {
      byUser: Record<string, number>;
    };
    expect(await invoke('asApp', 'local-viewer')).toMatchObject({
      status: 200,
      body: { accountType: 'app' },
    });
    const after = (await (await fetch(`${server.url}/_local/stats`)).json()) as {
      byUser: Record<string, number>;
    };
    expect(after.byUser.app).toBe((before.byUser.app ?? 0) + 1);
  });

  it('throws NeedsAuthenticationError for asUser() when no user is logged in', async () => {
    expect(await invoke('noUser')).toEqual({ needsAuth: true, status: 401 });
  });

  it('gives the function a 25 s budget and its module key', async () => {
    const { remaining, moduleKey } = (await invoke('budget', 'local-po')) as {
      remaining: number;
      moduleKey: string;
    };
    expect(remaining).toBeGreaterThan(20_000);
    expect(remaining).toBeLessThanOrEqual(25_000);
    expect(moduleKey).toBe('valuerank-project-page');
  });
});

describe('the harness pages', () => {
  it('lists every module page for every user, and the projects and boards', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    for (const user of ['local-po', 'local-dev', 'local-viewer', 'local-outsider'])
      expect(html).toMatch(
        new RegExp(`/module/valuerank-project-page\\?project=TRAIL&(amp|#38);as=${user}"`),
      );
    expect(html).toContain('TRAIL board');
    expect(html).toContain('OPS board');
  });

  it('frames the entry in a shell that carries a Forge-shaped context', async () => {
    const html = await (
      await fetch(`${server.url}/module/valuerank-project-page?as=local-dev&project=TRAIL&theme=dark`)
    ).text();
    expect(html).toContain('src="/ui/project-page.html"');
    const json = /<script type="application\/json" id="vr-shell-config">(.*?)<\/script>/s.exec(html)?.[1];
    const config = JSON.parse(json as string) as { theme: string; context: Record<string, unknown> };
    expect(config.theme).toBe('dark');
    expect(config.context).toMatchObject({
      accountId: 'local-dev',
      moduleKey: 'valuerank-project-page',
      cloudId: expect.any(String),
      localId: expect.any(String),
      siteUrl: server.url,
      locale: 'en-US',
      timezone: 'Europe/Stockholm',
      extension: {
        type: 'jira:projectPage',
        project: { key: 'TRAIL', id: expect.any(String), type: 'software' },
      },
    });
    expect((await fetch(`${server.url}/module/no-such-module`)).status).toBe(404);
  });

  it('serves the built entry with the bridge before the app, under a Forge-like CSP', async () => {
    const response = await fetch(`${server.url}/ui/project-page.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await response.text();
    const bridge = html.indexOf('/__harness/iframe-bridge.js');
    const app = html.indexOf('type="module"');
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThan(app);
    expect((await fetch(`${server.url}/__harness/iframe-bridge.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/ui/..%2Fvite.config.ts`)).status).toBe(403);
  });

  it('leaves /rest and the site controls to the site', async () => {
    const response = await fetch(`${server.url}/rest/api/3/myself`, {
      headers: { 'X-Local-User': 'local-dev' },
    });
    expect(((await response.json()) as { accountId: string }).accountId).toBe('local-dev');
    expect((await fetch(`${server.url}/_local/stats`)).status).toBe(200);
  });
});

describe('settled', () => {
  it('waits for the requests being handled, including the Jira calls a resolver makes', async () => {
    const faults = (body: unknown) =>
      fetch(`${server.url}/_local/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await faults({ latencyMs: 300 })).status).toBe(200);
    try {
      const before = probesFinished;
      const pending = invoke('whoAmIThenCount', 'local-po');
      // The invocation is under way (its handler counts) before settled() is asked.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await server.settled();
      expect(probesFinished).toBe(before + 1);
      await pending;
    } finally {
      await faults({ latencyMs: 0 });
    }
    await server.settled();
  });
});
