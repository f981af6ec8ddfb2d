/**
 * The Forge function runtime, emulated: installs `globalThis.__forge_fetch__` and
 * `globalThis.__forge_runtime__` so the REAL @forge/api, @forge/kvs and @forge/events run unchanged.
 *
 * - An AsyncLocalStorage holds the current invocation (user, module, extension context, invocation id,
 *   deadline), as Forge's runtime does per lambda invocation; `__forge_runtime__` reads it through getters.
 * - Product fetch (`type: 'fpp'`, remote `jira`): `provider: 'user'` → the local site with
 *   `X-Local-User: <invocation accountId>` (no user → 401 + `forge-proxy-error: NEEDS_AUTHENTICATION_ERR`,
 *   so @forge/api throws NeedsAuthenticationError as on Forge); `provider: 'app'|'none'` → `X-Local-Actor: app`.
 *   The site is reached over real HTTP on the server's own URL, so its /_local/stats count every call.
 * - `type: 'kvs'` → the in-memory KvsStore; remote `stargate` `/webhook/queue/*` → the async events queue.
 * - Anything else (external fetch, GraphQL, Confluence…) answers a Forge proxy error, clearly named.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { KvsStore } from './kvs';

/** What one local Forge installation is made of: where Jira is, its storage, its queues. */
export interface ForgeEnvironment {
  /** The local site's base URL (no trailing slash), e.g. http://127.0.0.1:8080. */
  siteUrl(): string;
  cloudId: string;
  appId: string;
  environmentId: string;
  appVersion: string;
  kvs: KvsStore;
  /** Answers @forge/events' stargate calls (`/webhook/queue/{publish,stats,cancel}/...`). */
  queue?: (path: string, body: unknown) => Promise<{ status: number; body?: unknown }>;
  /** Every product call the app made: `${provider} ${method} ${path}`. */
  calls: string[];
}

/** One function invocation, as the Forge runtime sees it. */
export interface Invocation {
  env: ForgeEnvironment;
  invocationId: string;
  /** The user the invocation acts for (a consumer: the user who pushed the event); undefined for app-only ones. */
  accountId: string | undefined;
  moduleKey: string | undefined;
  /** Epoch ms when the function times out (25 s for resolvers, 900 s for consumers). */
  deadline: number;
  traceId: string;
}

export const RESOLVER_TIMEOUT_MS = 25_000;
export const CONSUMER_TIMEOUT_MS = 900_000;
/**
 * Forge's payload limits, enforced by the harness so a test fails on a breach: a function invocation's
 * payload (5 MB, Forge's invocation limit), and one push of async events (200 KB, as @forge/events checks
 * before it sends; the harness refuses it too, with Forge's 413).
 */
export const INVOCATION_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * The largest answer a resolver may give: 1 MB, the project's rule (docs/adr/0011-view-snapshots.md: views
 * answer small and page the rest), stricter than Forge's 5 MB so a view that grows with the backlog fails
 * a test long before it fails in Jira.
 */
export const RESOLVER_ANSWER_LIMIT_BYTES = 1024 * 1024;
export const EVENT_PAYLOAD_LIMIT_BYTES = 200 * 1024;

const storage = new AsyncLocalStorage<Invocation>();
let defaultEnv: ForgeEnvironment | undefined;

/** Set on every Jira call an app function makes (asUser or asApp): its events are `selfGenerated`. */
export const APP_CALL_HEADER = 'X-Local-Forge-App';

export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

/** The environment of the current invocation, or the one installed last (for code run outside one). */
export function currentEnvironment(): ForgeEnvironment {
  const env = storage.getStore()?.env ?? defaultEnv;
  if (!env) throw new Error('The local Forge runtime is not installed (call installForgeRuntime first).');
  return env;
}

export function newInvocation(
  env: ForgeEnvironment,
  fields: { accountId?: string | undefined; moduleKey?: string | undefined; timeoutMs?: number },
): Invocation {
  return {
    env,
    invocationId: randomUUID(),
    accountId: fields.accountId,
    moduleKey: fields.moduleKey,
    deadline: Date.now() + (fields.timeoutMs ?? RESOLVER_TIMEOUT_MS),
    traceId: randomUUID().replace(/-/g, ''),
  };
}

/** Runs `fn` as one invocation: every Forge API call inside sees this user, module and deadline. */
export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return storage.run(invocation, fn);
}

const proxyError = (status: number, reason: string, message: string) =>
  new Response(JSON.stringify({ message }), {
    status,
    headers: { 'content-type': 'application/json', 'forge-proxy-error': reason },
  });

interface FetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

async function forgeFetch(target: FetchTarget, urlPath: string, init: RequestInit = {}): Promise<Response> {
  const invocation = storage.getStore();
  const env = currentEnvironment();
  if (target.type === 'kvs') return env.kvs.fetch(urlPath, { method: init.method ?? 'GET', body: init.body });
  if (target.type !== 'fpp')
    return proxyError(
      400,
      'PROXY_ERR',
      `The local harness does not emulate ${target.type} fetches (${urlPath}).`,
    );
  if (target.remote === 'stargate' && urlPath.startsWith('/webhook/queue/') && env.queue) {
    const body = typeof init.body === 'string' && init.body ? (JSON.parse(init.body) as unknown) : undefined;
    const answer = await env.queue(urlPath, body);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }
  if (target.remote !== 'jira')
    return proxyError(
      400,
      'INVALID_REMOTE_ERR',
      `The local harness only emulates Jira, not ${target.remote} (${urlPath}).`,
    );

  const headers = new Headers(init.headers);
  headers.delete('authorization');
  headers.delete('x-local-user');
  headers.delete('x-local-actor');
  // Marks the call as the app's own (as user or as app), so product triggers can tell self-generated events.
  headers.set(APP_CALL_HEADER, 'true');
  let who: string;
  if (target.provider === 'user') {
    const accountId = target.accountId ?? invocation?.accountId;
    if (!accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR', 'Authentication required');
    headers.set('X-Local-User', accountId);
    who = `user:${accountId}`;
  } else {
    headers.set('X-Local-Actor', 'app');
    who = 'app';
  }
  const method = (init.method ?? 'GET').toUpperCase();
  env.calls.push(`${who} ${method} ${urlPath}`);
  return fetch(`${env.siteUrl()}${urlPath}`, {
    method,
    headers,
    ...(init.body !== undefined && init.body !== null ? { body: init.body } : {}),
  });
}

const noopTimer = { stop: () => undefined };
const metrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => noopTimer }),
  gauge: () => ({ set: () => undefined }),
};

/** `__forge_runtime__`: per-invocation fields are getters over the AsyncLocalStorage. */
function makeRuntime() {
  const inv = () => storage.getStore();
  const env = () => currentEnvironment();
  return {
    get proxy() {
      return { token: 'local-forge-token', url: 'http://local-forge-proxy' };
    },
    get kvs() {
      return { url: 'http://local-kvs', host: 'local-kvs' };
    },
    get tracing() {
      return { traceId: inv()?.traceId ?? 'local', spanId: 'local' };
    },
    get aaid() {
      return inv()?.accountId;
    },
    get contextAri() {
      return `ari:cloud:jira::site/${env().cloudId}`;
    },
    get appContext() {
      const e = env();
      return {
        appId: e.appId,
        appVersion: e.appVersion,
        environmentId: e.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: inv()?.invocationId ?? 'outside-invocation',
        installationId: `local-installation-${e.cloudId}`,
        moduleKey: inv()?.moduleKey,
        license: undefined,
        installation: undefined,
        permissions: undefined,
      };
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => {
        const invocation = inv();
        return invocation ? Math.max(0, invocation.deadline - Date.now()) : RESOLVER_TIMEOUT_MS;
      },
    },
    container: { appCodeDir: undefined },
    externalAuth: [],
    metrics,
  };
}

/**
 * Installs the Forge globals (once per global scope) and makes `env` the environment used outside any
 * invocation. Several environments (servers) may coexist: each invocation carries its own.
 */
export function installForgeRuntime(env: ForgeEnvironment): void {
  const g = globalThis as Record<string, unknown>;
  if (g.__forge_fetch__ !== forgeFetch) {
    g.__forge_fetch__ = forgeFetch;
    g.__forge_runtime__ = makeRuntime();
  }
  defaultEnv = env;
}

/** Removes `env` as the default (when its server closes). */
export function uninstallEnvironment(env: ForgeEnvironment): void {
  if (defaultEnv === env) defaultEnv = undefined;
}
