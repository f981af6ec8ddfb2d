/**
 * The local Jira Cloud site that runs the real app: ONE HTTP server on 127.0.0.1 hosting the Jira site
 * (dev/site: /rest/..., /_local/{stats,reset,faults}) and the harness (dev/harness: the Jira shell around
 * each Custom UI module, the Forge bridge, /_local/invoke running the real resolvers on an emulated
 * Forge runtime).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildDemoSeed } from './demo';
import { createHarness, type Harness, type HarnessOptions } from './harness';
import { withAppFields } from './harness/app-fields';
import { loadManifest, REPO_ROOT } from './harness/manifest';
import { createJiraSite, loadSeedFile, parseSeed, type JiraSite } from './site';

export interface LocalServerOptions {
  /** Default: env PORT, else 8080; 0 = a free port. */
  port?: number;
  /** A seed JSON file; default: env VALUERANK_SEED, else the demo seed (dev/demo). */
  seedFile?: string;
  /** The built Custom UI; default static/build. */
  uiDir?: string;
  /** Keep the Forge KVS in this JSON file across restarts (true = .vr-data/kvs.json). */
  persistKvs?: boolean | string;
  /** Harness settings for tests (function overrides, event delay scale, resolver timeout). */
  harness?: Pick<
    HarnessOptions,
    'functionOverrides' | 'eventDelayScale' | 'resolverTimeoutMs' | 'manifest' | 'log'
  >;
}

export interface LocalServer {
  /** e.g. http://127.0.0.1:8080 (no trailing slash). */
  url: string;
  site: JiraSite;
  harness: Harness;
  /**
   * Resolves once no request is being handled and no queue event waits or runs (checked again after each
   * wait, since a request may queue an event and an event may send requests): for stopping a server cleanly.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_KVS_FILE = path.join(REPO_ROOT, '.vr-data', 'kvs.json');

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const envPort = process.env.PORT;
  const port = options.port ?? (envPort !== undefined && envPort !== '' ? Number(envPort) : 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a valid port: ${port}`);
  const seedFile = options.seedFile ?? (process.env.VALUERANK_SEED || undefined);
  const manifest = options.harness?.manifest ?? loadManifest();
  // Installing the app adds its Forge custom fields to the site, as Jira does.
  const seed = withAppFields(
    seedFile ? loadSeedFile(seedFile) : parseSeed(buildDemoSeed(), 'dev/demo'),
    manifest,
  );
  const site = createJiraSite({ seed });

  let url = '';
  const persist = options.persistKvs === true ? DEFAULT_KVS_FILE : options.persistKvs || undefined;
  const harness = createHarness({
    directory: seed,
    baseUrl: () => url,
    ...(options.uiDir ? { uiDir: options.uiDir } : {}),
    ...(persist ? { kvsPersistFile: persist } : {}),
    log: (line) => console.error(`[harness] ${line}`),
    ...options.harness,
    manifest,
  });

  let handling = 0;
  let whenNoneHandled: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    handling++;
    void (async () => {
      try {
        if (await harness.handle(req, res)) return;
        if (await site.handle(req, res)) return;
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errorMessages: [`Nothing at ${req.method} ${req.url}`], errors: {} }));
      } catch (error) {
        console.error('[server] request failed', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errorMessages: [(error as Error).message], errors: {} }));
      } finally {
        if (--handling === 0) {
          const waiters = whenNoneHandled;
          whenNoneHandled = [];
          for (const w of waiters) w();
        }
      }
    })();
  });
  // Longer than any pause between the app's calls: undici reuses a kept-alive socket until 1 s before the
  // server's hint, and on a loaded machine a client timer late by that second met a socket the server had
  // just closed (ECONNRESET in a resolver). Idle sockets are still closed by close().
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.setBaseUrl(url);

  let closed = false;
  return {
    url,
    site,
    harness,
    async settled() {
      for (;;) {
        if (handling > 0) await new Promise<void>((resolve) => whenNoneHandled.push(resolve));
        await harness.events.idle();
        // A turn of the event loop, then both are checked again: a request may queue an event, and an
        // event may send requests.
        await new Promise((resolve) => setImmediate(resolve));
        if (handling === 0 && harness.events.isIdle()) return;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      harness.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
