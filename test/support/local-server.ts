/**
 * One local server (dev/server: the Jira site and the harness running the real app) per test file: started
 * before its tests, closed after them, and optionally put back to the seed before each test.
 */
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../dev/server';

/** What `resetLocalServer` can put back: the site's seed (`/_local/reset`), the Forge KVS, the faults. */
export type ResetPart = 'site' | 'kvs' | 'faults';

export interface LocalServerSetup {
  /** Harness settings (e.g. `eventDelayScale`); its log is silenced unless `log` is given. */
  harness?: LocalServerOptions['harness'];
  /** Put these back before each test, in this order; default nothing. */
  reset?: readonly ResetPart[];
}

const RESETS: Record<ResetPart, { method: string; path: string }> = {
  site: { method: 'POST', path: '/_local/reset' },
  kvs: { method: 'DELETE', path: '/_local/kvs' },
  faults: { method: 'DELETE', path: '/_local/faults' },
};

/** Puts back the site's seed (and stats), empties the KVS and/or clears the faults, in the order given. */
export async function resetLocalServer(url: string, parts: readonly ResetPart[]): Promise<void> {
  for (const part of parts) await fetch(`${url}${RESETS[part].path}`, { method: RESETS[part].method });
}

/** Starts a local server on a free port; the harness's log is silenced unless `setup.harness.log` is given. */
export function startTestServer(setup: LocalServerSetup = {}): Promise<LocalServer> {
  return startLocalServer({ port: 0, harness: { log: () => undefined, ...setup.harness } });
}

/**
 * The server as a `LocalServer` that can be held at the top of a file, before it has started: each property
 * reads the running server, and throws outside the tests and hooks that run after `beforeAll`.
 */
export function lateServer(current: () => LocalServer | undefined): LocalServer {
  const running = (): LocalServer => {
    const server = current();
    if (!server) throw new Error('The local server is not running: use it inside a test or a hook.');
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get site() {
      return running().site;
    },
    get harness() {
      return running().harness;
    },
    settled: () => running().settled(),
    close: () => running().close(),
  };
}

/**
 * Registers `beforeAll` (start), `afterAll` (close) and, with `setup.reset`, `beforeEach` (reset) for this
 * file or `describe` block, and answers the server to use in its tests.
 */
export function useLocalServer(setup: LocalServerSetup = {}): LocalServer {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(setup);
  });
  afterAll(() => server?.close());
  const late = lateServer(() => server);
  if (setup.reset?.length) beforeEach(() => resetLocalServer(late.url, setup.reset ?? []));
  return late;
}
