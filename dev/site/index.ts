/**
 * A local Jira Cloud site for ValueRank: Jira's own REST endpoints (platform v3 and Agile 1.0) over an
 * in-memory copy of a seed, with Jira's permissions, errors and paging, plus `/_local/*` controls for tests
 * (stats, reset, faults). docs/local-site.md describes it for people.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import { ListCache, type RouteHandler, type RouteRequest, type SiteContext } from './context';
import { FaultConfig, Faults } from './faults';
import {
  errorReply,
  HttpError,
  jiraError,
  json,
  parseJson,
  readBody,
  Routes,
  send,
  type Reply,
} from './http';
import { callerId, type Caller } from './permissions';
import { AGILE_ROUTES } from './routes/agile';
import { COMMENT_ROUTES } from './routes/comments';
import { PLATFORM_ROUTES } from './routes/platform';
import { USER_ROUTES } from './routes/users';
import { PROJECT_PROPERTY_ROUTES } from './routes/project-properties';
import { PROJECT_ROLE_ROUTES } from './routes/project-roles';
import type { Seed } from './seed-schema';
import { SiteState } from './state';
import { StatsCounter, type SiteStats } from './stats';

export { loadSeedFile, parseSeed } from './seed';
export type { Seed, SeedInput } from './seed-schema';
export type { SiteStats } from './stats';
export { SiteState } from './state';
export type { IssueRecord } from './state';
export type { FaultConfig } from './faults';
export { APP_USER } from './permissions';

export interface JiraSiteOptions {
  seed: Seed;
  /** For `self` links; default `http://<Host header>` until setBaseUrl is called. */
  baseUrl?: string;
}

export interface JiraSite {
  /** Handles /rest/... and /_local/{stats,reset,faults}. Returns false (without writing) for any other path. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
  setBaseUrl(url: string): void;
  /** Reloads the seed, clears stats and faults. */
  reset(): void;
  readonly stats: SiteStats;
  /** The in-memory data (issues in rank order, properties, ...), for tests and the harness. */
  readonly state: SiteState;
}

const ROUTES = new Routes<RouteHandler>();
for (const [method, template, handler] of [
  ...PLATFORM_ROUTES,
  ...PROJECT_PROPERTY_ROUTES,
  ...PROJECT_ROLE_ROUTES,
  ...COMMENT_ROUTES,
  ...USER_ROUTES,
  ...AGILE_ROUTES,
])
  ROUTES.add(method, template, handler);

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createJiraSite(options: JiraSiteOptions): JiraSite {
  const seed = options.seed;
  let state = new SiteState(seed);
  let baseUrl = options.baseUrl?.replace(/\/+$/, '');
  const faults = new Faults();
  const stats = new StatsCounter();
  const lists = new ListCache();

  function context(req: http.IncomingMessage): SiteContext {
    return { state, baseUrl: baseUrl ?? `http://${req.headers.host ?? '127.0.0.1'}`, faults, lists };
  }

  function reset(): void {
    state = new SiteState(seed);
    lists.clear();
    stats.reset();
    faults.clear();
  }

  async function local(method: string, path: string, text: string): Promise<Reply> {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /_local/stats':
        return json(200, stats.snapshot());
      case 'POST /_local/stats/reset':
        stats.reset();
        return json(200, stats.snapshot());
      case 'POST /_local/reset':
        reset();
        return json(200, { reset: true, issues: state.issuesInRankOrder().length });
      case 'GET /_local/faults':
        return json(200, faults.describe());
      case 'DELETE /_local/faults':
        faults.clear();
        return json(200, faults.describe());
      case 'POST /_local/faults': {
        const parsed = FaultConfig.safeParse(text.trim() === '' ? {} : parseJson(text));
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          throw jiraError(
            400,
            `Invalid fault configuration: ${first?.path.join('.') || 'body'}: ${first?.message ?? ''}`,
          );
        }
        faults.configure(parsed.data);
        return json(200, faults.describe());
      }
    }
    if (['/_local/stats', '/_local/stats/reset', '/_local/reset', '/_local/faults'].includes(path)) {
      return {
        status: 405,
        headers: {
          Allow: path === '/_local/stats' ? 'GET' : path === '/_local/faults' ? 'GET, POST, DELETE' : 'POST',
        },
      };
    }
    throw jiraError(
      404,
      `No local control at ${path}: use /_local/stats, /_local/stats/reset, /_local/reset or /_local/faults.`,
    );
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://local.invalid');
    const path = url.pathname;
    const isLocal = path === '/_local' || path.startsWith('/_local/');
    if (!isLocal && !path.startsWith('/rest/')) return false;
    let reply: Reply;
    try {
      const text = BODY_METHODS.has(method) ? await readBody(req) : '';
      reply = isLocal ? await local(method, path, text) : await serve(req, method, url, text);
    } catch (error) {
      reply = failure(error);
    }
    send(res, reply);
    return true;
  }

  async function serve(req: http.IncomingMessage, method: string, url: URL, text: string): Promise<Reply> {
    const path = url.pathname;
    const match = ROUTES.match(method, path);
    const template = !match
      ? '(unmatched)'
      : 'methodNotAllowed' in match
        ? match.methodNotAllowed
        : match.template;
    const who = authenticate(state, req.headers);
    stats.count(`${method} ${template}`, who instanceof HttpError ? '(unauthenticated)' : callerId(who));
    const fault = faults.apply(method, template, path);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.error) return errorReply(fault.error);
    if (who instanceof HttpError) return errorReply(who);
    if (!match) {
      return json(404, {
        errorMessages: [`null for uri: ${context(req).baseUrl}${path}${url.search}`],
        errors: {},
      });
    }
    if ('methodNotAllowed' in match) return { status: 405 };
    const caller: Caller = who;
    const request: RouteRequest = {
      site: context(req),
      caller,
      method,
      path,
      query: url.searchParams,
      params: match.params,
      body: async () => parseJson(text),
    };
    return match.value(request);
  }

  return {
    handle,
    setBaseUrl(url: string) {
      baseUrl = url.replace(/\/+$/, '');
    },
    reset,
    get stats() {
      return stats.snapshot();
    },
    get state() {
      return state;
    },
  };
}

function failure(error: unknown): Reply {
  if (error instanceof HttpError) return errorReply(error);
  const message = error instanceof Error ? error.message : String(error);
  console.error('[local jira site] internal error:', error);
  return json(500, { errorMessages: [`Internal server error: ${message}`], errors: {} });
}

/** A plain node:http server on 127.0.0.1 serving only the site (port 0 = a random free port). */
export async function startJiraSite(
  options: JiraSiteOptions & { port?: number },
): Promise<{ url: string; site: JiraSite; close(): Promise<void> }> {
  const site = createJiraSite(options);
  const server = http.createServer((req, res) => {
    site
      .handle(req, res)
      .then((handled) => {
        if (!handled) {
          send(res, json(404, { errorMessages: [`Not a Jira REST path: ${req.url ?? ''}`], errors: {} }));
        }
      })
      .catch((error: unknown) => {
        if (!res.headersSent) send(res, failure(error));
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (options.baseUrl === undefined) site.setBaseUrl(url);
  return {
    url,
    site,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
