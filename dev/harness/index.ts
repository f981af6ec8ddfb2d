/**
 * The harness: hosts ValueRank's Custom UI the way Jira does and runs its backend the way Forge does.
 *
 * Routes (everything else falls through to the local Jira site):
 *   GET  /                               index: every module page for every user, projects and boards
 *   GET  /module/<key>?as=&project=&issue=&board=&gadget=&edit=1&theme=light|dark   the "Jira shell"
 *                                        (&embed=1: without the bar, to be framed)
 *   GET  /dashboard?as=&theme=            the demo dashboard: two configured health gadgets side by side
 *   GET  /browse/<issueKey>?as=&theme=    the issue view: fields, a description editor, the issue panel and
 *                                        badge framed in place (./issue-view)
 *   GET  /ui/<file>                       the built Custom UI (static/build); entry HTML gets the bridge
 *   GET  /__harness/<file>.js             the shell's and the iframe's bridge scripts
 *   POST /_local/invoke                   run one resolver: {functionKey,payload,accountId,context}
 *   POST /_local/action                   run one Rovo action: {actionKey,inputs,accountId,context,confirmed}
 *   GET  /_local/agent?as=                the Rovo agent's starters, and a form per action (actions.ts)
 *   POST /_local/product-fetch            @forge/bridge requestJira, as the chosen user
 *   GET|PUT /_local/gadget-config/<localId>   gadget configuration saved by `view.submit()`
 *   GET|DELETE /_local/kvs                what the app stored (secrets masked) / empty it
 *   GET  /_local/jobs                     async event jobs and their stats
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { EventQueues, type ForgeHandler } from './events';
import { installForgeRuntime, uninstallEnvironment, type ForgeEnvironment } from './forge-runtime';
import { Invoker, type InvokeRequest } from './invoke';
import { agentPage, loadRovo, runAction, type ActionRequest } from './actions';
import { ProductTriggers } from './triggers';
import { KvsStore } from './kvs';
import { DASHBOARD_MODULE, DEMO_DASHBOARD, gadgetLocalId } from './dashboard';
import { issueViewPage } from './issue-view';
import { loadManifest, REPO_ROOT, type AppManifest, type UiModule } from './manifest';
import {
  dashboardPage,
  defaultParams,
  indexPage,
  moduleUrl,
  shellPage,
  type ColorMode,
  type ShellConfig,
  type SiteDirectory,
} from './pages';

export { type SiteDirectory } from './pages';

export const LOCAL_CLOUD_ID = '00000000-1111-4222-8333-444444444444';
export const DEFAULT_UI_DIR = path.join(REPO_ROOT, 'static', 'build');
const CLIENT_DIR = path.join(__dirname, 'client');
const MAX_BODY_BYTES = 6 * 1024 * 1024;
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0C66E4"/></svg>';

export interface HarnessOptions {
  directory: SiteDirectory;
  /** The server's own URL (known once it listens). */
  baseUrl: () => string;
  manifest?: AppManifest;
  uiDir?: string;
  cloudId?: string;
  /** Persist the KVS here (JSON); default: memory only. */
  kvsPersistFile?: string;
  /** Function handlers by function key that replace the real ones (tests: a tiny consumer). */
  functionOverrides?: Record<string, ForgeHandler>;
  /** Multiplies async event delays (tests: 0.001). */
  eventDelayScale?: number;
  resolverTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Harness {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  manifest: AppManifest;
  directory: SiteDirectory;
  env: ForgeEnvironment;
  kvs: KvsStore;
  events: EventQueues;
  invoker: Invoker;
  gadgetConfigs: Map<string, unknown>;
  uiDir: string;
  /** The shell URL of a module for a user (index page, npm start's list). */
  moduleUrl(module: UiModule, accountId: string): string;
  close(): void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, JSON.stringify(body ?? null), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON');
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The Content-Security-Policy Forge serves Custom UI with (styles inline only when the manifest allows). */
export function customUiCsp(manifest: AppManifest): string {
  const inline = manifest.allowsInlineStyles ? " 'unsafe-inline'" : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${inline}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

export function createHarness(options: HarnessOptions): Harness {
  const manifest = options.manifest ?? loadManifest();
  const dir = options.directory;
  const uiDir = path.resolve(options.uiDir ?? DEFAULT_UI_DIR);
  const log = options.log ?? ((line: string) => console.error(`[harness] ${line}`));
  const kvs = new KvsStore({
    entities: manifest.entities,
    ...(options.kvsPersistFile ? { persistFile: options.kvsPersistFile } : {}),
  });
  const env: ForgeEnvironment = {
    siteUrl: options.baseUrl,
    cloudId: options.cloudId ?? LOCAL_CLOUD_ID,
    appId: manifest.appId.split('/').pop() ?? 'local-app',
    environmentId: 'local-development',
    appVersion: '1.0.0',
    kvs,
    calls: [],
  };
  const invoker = new Invoker({
    manifest,
    env,
    ...(options.functionOverrides ? { overrides: options.functionOverrides } : {}),
    ...(options.resolverTimeoutMs ? { timeoutMs: options.resolverTimeoutMs } : {}),
    log,
  });
  const rovo = loadRovo();
  const events = new EventQueues({
    consumers: manifest.consumers,
    loadFunction: invoker.loadFunction,
    env,
    delayScale: options.eventDelayScale ?? 1,
    log,
  });
  env.queue = (p, body) => events.handle(p, body);
  const triggers = new ProductTriggers({
    triggers: manifest.triggers,
    loadFunction: invoker.loadFunction,
    env,
    log,
  });
  installForgeRuntime(env);
  const gadgetConfigs = new Map<string, unknown>();

  const userOf = (accountId: string) => dir.users.find((u) => u.accountId === accountId);
  const projectPage = manifest.uiModules.find((m) => m.type === 'jira:projectPage');

  function moduleLink(module: UiModule, accountId: string, extra: Record<string, string | undefined> = {}) {
    return moduleUrl(module.key, { ...defaultParams(module, dir), ...extra, as: accountId });
  }

  function shellConfig(module: UiModule, url: URL): ShellConfig {
    const accountId = url.searchParams.get('as') || dir.defaultUser;
    const theme: ColorMode = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const issueKey = url.searchParams.get('issue') ?? undefined;
    const issue = issueKey ? dir.issues.find((i) => i.key === issueKey) : undefined;
    const projectKey = url.searchParams.get('project') ?? (issueKey ? issueKey.split('-')[0] : undefined);
    const project = projectKey ? dir.projects.find((p) => p.key === projectKey) : undefined;
    const boardId = url.searchParams.get('board');
    const board = boardId ? dir.boards.find((b) => String(b.id) === boardId) : undefined;
    const isGadget = /gadget/i.test(module.type);
    const gadgetId = url.searchParams.get('gadget') ?? '1';
    const isEditView = url.searchParams.get('edit') === '1' && module.edit !== undefined;
    const localId = isGadget ? gadgetLocalId(module.key, gadgetId) : `${module.key}:main`;
    const extension: Record<string, unknown> = {
      type: module.type,
      ...(project ? { project: { id: project.id, key: project.key, type: 'software' } } : {}),
      ...(issue
        ? {
            issue: {
              id: issue.id,
              key: issue.key,
              type: issue.fields.issuetype.name,
              typeId: issue.fields.issuetype.id,
            },
          }
        : issueKey
          ? { issue: { key: issueKey } }
          : {}),
      ...(board ? { board: { id: String(board.id), type: board.type } } : {}),
      ...(isGadget
        ? {
            gadget: { id: gadgetId },
            dashboard: { id: '10000' },
            gadgetConfiguration: gadgetConfigs.get(localId) ?? {},
            ...(isEditView ? { entryPoint: 'edit' } : {}),
          }
        : {}),
    };
    const user = userOf(accountId);
    return {
      moduleKey: module.key,
      moduleType: module.type,
      title: module.title,
      accountId,
      frameSrc: `/ui/${encodeURI(isEditView && module.edit ? module.edit.entryFile : module.entryFile)}`,
      theme,
      isEditView,
      gadgetLocalId: isGadget ? localId : undefined,
      embedded: url.searchParams.get('embed') === '1',
      users: dir.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName })),
      links: { projectPage: projectPage?.key, home: '/' },
      context: {
        accountId,
        accountType: 'licensed',
        cloudId: env.cloudId,
        localId,
        moduleKey: module.key,
        siteUrl: options.baseUrl(),
        environmentId: env.environmentId,
        environmentType: 'DEVELOPMENT',
        locale: 'en-US',
        timezone: user?.timeZone ?? 'UTC',
        extension,
      },
    };
  }

  async function serveUi(res: ServerResponse, rel: string): Promise<void> {
    const file = path.resolve(uiDir, rel);
    if (!file.startsWith(uiDir + path.sep)) throw new HttpError(403, 'Outside the UI directory');
    if (!existsSync(file) || !statSync(file).isFile()) {
      const entry = rel.endsWith('.html');
      return send(
        res,
        entry ? 503 : 404,
        entry
          ? `<!doctype html><p>The Custom UI is not built (${rel} is missing). Run <code>npm run build:ui</code>.</p>`
          : `Not found: ${rel}`,
        entry ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      );
    }
    const ext = path.extname(file);
    const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
    if (ext !== '.html') return send(res, 200, readFileSync(file), type);
    // Entry HTML: the bridge goes first, before the app's module script, as Forge's iframe runtime does.
    const html = readFileSync(file, 'utf8').replace(
      /<head([^>]*)>/i,
      '<head$1>\n<script src="/__harness/iframe-bridge.js"></script>',
    );
    return send(res, 200, html, type, { 'content-security-policy': customUiCsp(manifest) });
  }

  /** The demo dashboard's gadget instances with what is stored for each. */
  function dashboardView(url: URL, res: ServerResponse) {
    const module = manifest.uiModules.find((m) => m.key === DASHBOARD_MODULE);
    if (!module) throw new HttpError(404, `No ${DASHBOARD_MODULE} module in manifest.yml`);
    const accountId = url.searchParams.get('as') || dir.defaultUser;
    const theme: ColorMode = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const frames = DEMO_DASHBOARD.map(({ gadgetId }) => {
      const config = (gadgetConfigs.get(gadgetLocalId(module.key, gadgetId)) ?? {}) as Record<
        string,
        unknown
      >;
      const board = dir.boards.find((b) => b.id === Number(config.boardId));
      const model = typeof config.model === 'string' ? config.model : 'project';
      const panels = Array.isArray(config.panels) ? config.panels.length : 0;
      return {
        gadgetId,
        title: `${module.title}${board ? ` — ${board.name}` : ''}`,
        summary: board
          ? `Board #${board.id} · ${model === 'project' ? "project's model" : model.toUpperCase()} · top ${String(config.topN ?? 10)} · ${panels} panel${panels === 1 ? '' : 's'}`
          : 'Not configured yet',
        config,
        src: moduleUrl(module.key, { gadget: gadgetId, as: accountId, theme, embed: '1' }),
        editUrl: moduleUrl(module.key, { gadget: gadgetId, as: accountId, theme, edit: '1' }),
      };
    });
    send(res, 200, dashboardPage(frames, { accountId, theme }), 'text/html; charset=utf-8');
  }

  async function productFetch(body: Record<string, unknown>) {
    if (body.product !== 'jira')
      throw new HttpError(400, `The local site only emulates Jira, not ${String(body.product)}`);
    const restPath = String(body.restPath ?? '');
    if (!restPath.startsWith('/rest/')) throw new HttpError(400, `Not a product REST path: ${restPath}`);
    const init = (body.fetchRequestInit ?? {}) as {
      method?: string;
      body?: string | null;
      headers?: Array<[string, string]>;
    };
    const headers = new Headers(init.headers ?? []);
    for (const h of ['authorization', 'x-local-user', 'x-local-actor', 'cookie']) headers.delete(h);
    const accountId = typeof body.accountId === 'string' && body.accountId ? body.accountId : undefined;
    if (!accountId) throw new HttpError(401, 'No user: log in to use requestJira');
    headers.set('X-Local-User', accountId);
    const method = (init.method ?? 'GET').toUpperCase();
    const response = await fetch(`${options.baseUrl()}${restPath}`, {
      method,
      headers,
      ...(init.body && method !== 'GET' ? { body: init.body } : {}),
    });
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => (outHeaders[k] = v));
    return {
      status: response.status,
      statusText: response.statusText,
      headers: outHeaders,
      body: await response.text(),
    };
  }

  /** Fields the issue view lists, in order (those the issue has). */
  const ISSUE_VIEW_FIELDS = [
    'status',
    'priority',
    'assignee',
    'reporter',
    'labels',
    'components',
    'fixVersions',
    'parent',
    'customfield_10016',
    'customfield_10030',
    'customfield_10031',
    'customfield_10032',
    'customfield_10036',
    'duedate',
  ];

  async function issueView(url: URL, key: string, res: ServerResponse) {
    const accountId = url.searchParams.get('as') || dir.defaultUser;
    const theme: ColorMode = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const asUser = { headers: { 'X-Local-User': accountId, Accept: 'application/json' } };
    const [r, fieldList] = await Promise.all([
      fetch(`${options.baseUrl()}/rest/api/3/issue/${encodeURIComponent(key)}?fields=*all`, asUser),
      fetch(`${options.baseUrl()}/rest/api/3/field`, asUser).then(async (f) =>
        f.ok ? ((await f.json()) as Array<{ id: string; name: string }>) : [],
      ),
    ]);
    const issue = r.ok ? ((await r.json()) as { key: string; fields: Record<string, unknown> }) : undefined;
    const names = new Map(fieldList.map((f) => [f.id, f.name] as const));
    // The issue modules framed in place, as the user, embedded (no bar) and sized to their content.
    const frame = (m: UiModule) => ({
      title: m.title,
      moduleKey: m.key,
      src: moduleUrl(m.key, { issue: key, project: key.split('-')[0], as: accountId, theme, embed: '1' }),
    });
    send(
      res,
      issue ? 200 : r.status,
      issueViewPage({
        key,
        issue,
        problem: issue
          ? undefined
          : `Jira answered ${r.status}: you cannot see this issue, or it does not exist.`,
        accountId,
        users: dir.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName })),
        theme,
        fieldNames: ISSUE_VIEW_FIELDS.map((id) => ({ id, name: names.get(id) ?? id })),
        panels: manifest.uiModules.filter((m) => m.type === 'jira:issuePanel').map(frame),
        context: manifest.uiModules.filter((m) => m.type === 'jira:issueContext').map(frame),
      }),
      'text/html; charset=utf-8',
    );
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    const p = url.pathname;
    if (method === 'GET' && p === '/') {
      const uiBuilt = manifest.uiModules.every((m) => existsSync(path.join(uiDir, m.entryFile)));
      send(res, 200, indexPage(manifest, dir, { uiBuilt }), 'text/html; charset=utf-8');
      return true;
    }
    if (method === 'GET' && p === '/favicon.ico') {
      send(res, 200, FAVICON, 'image/svg+xml');
      return true;
    }
    if (method === 'GET' && p.startsWith('/module/')) {
      const key = decodeURIComponent(p.slice('/module/'.length));
      const module = manifest.uiModules.find((m) => m.key === key);
      if (!module) throw new HttpError(404, `No Custom UI module ${key} in manifest.yml`);
      send(res, 200, shellPage(shellConfig(module, url)), 'text/html; charset=utf-8');
      return true;
    }
    if (method === 'GET' && p === '/dashboard') {
      dashboardView(url, res);
      return true;
    }
    if (method === 'GET' && p.startsWith('/browse/')) {
      await issueView(url, decodeURIComponent(p.slice('/browse/'.length)), res);
      return true;
    }
    if (method === 'GET' && p.startsWith('/ui/')) {
      await serveUi(res, decodeURIComponent(p.slice('/ui/'.length)));
      return true;
    }
    if (method === 'GET' && p.startsWith('/__harness/')) {
      const name = p.slice('/__harness/'.length);
      if (!/^[a-z-]+\.js$/.test(name) || !existsSync(path.join(CLIENT_DIR, name)))
        throw new HttpError(404, `No harness script ${name}`);
      send(res, 200, readFileSync(path.join(CLIENT_DIR, name)), 'text/javascript; charset=utf-8');
      return true;
    }
    if (method === 'POST' && p === '/_local/invoke') {
      const body = (await readBody(req)) as InvokeRequest;
      const answer = await invoker.invoke(body);
      sendJson(res, answer.status, answer.body);
      return true;
    }
    if (method === 'POST' && p === '/_local/action') {
      const body = (await readBody(req)) as ActionRequest;
      const answer = await runAction(
        {
          rovo,
          env,
          loadFunction: invoker.loadFunction,
          log,
          ...(options.resolverTimeoutMs ? { timeoutMs: options.resolverTimeoutMs } : {}),
        },
        body,
      );
      sendJson(res, answer.status, answer.body);
      return true;
    }
    if (method === 'GET' && p === '/_local/agent') {
      send(
        res,
        200,
        agentPage(rovo, dir, url.searchParams.get('as') || dir.defaultUser),
        'text/html; charset=utf-8',
      );
      return true;
    }
    if (method === 'POST' && p === '/_local/product-fetch') {
      sendJson(res, 200, await productFetch(((await readBody(req)) ?? {}) as Record<string, unknown>));
      return true;
    }
    if (p.startsWith('/_local/gadget-config/')) {
      const localId = decodeURIComponent(p.slice('/_local/gadget-config/'.length));
      if (method === 'PUT') gadgetConfigs.set(localId, (await readBody(req)) ?? {});
      else if (method !== 'GET') throw new HttpError(405, 'GET or PUT');
      sendJson(res, 200, gadgetConfigs.get(localId) ?? null);
      return true;
    }
    if (p === '/_local/kvs') {
      if (method === 'DELETE') kvs.reset();
      const snapshot = kvs.snapshot();
      if (snapshot.secret)
        snapshot.secret = Object.fromEntries(Object.keys(snapshot.secret).map((k) => [k, '***']));
      sendJson(res, 200, { stats: kvs.stats, spaces: snapshot });
      return true;
    }
    if (method === 'GET' && p === '/_local/jobs') {
      sendJson(
        res,
        200,
        [...events.jobs.values()].map((j) => ({
          jobId: j.jobId,
          queueName: j.queueName,
          ...events.stats(j),
          events: j.events,
        })),
      );
      return true;
    }
    return false;
  }

  return {
    manifest,
    directory: dir,
    env,
    kvs,
    events,
    invoker,
    gadgetConfigs,
    uiDir,
    moduleUrl: (module, accountId) => moduleLink(module, accountId),
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://local');
      try {
        const handled = await route(req, res, url);
        if (!handled) triggers.watch(req, res, url);
        return handled;
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        if (status === 500)
          log(`harness error on ${req.method} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent) sendJson(res, status, { message: (error as Error).message });
        else res.end();
        return true;
      }
    },
    close() {
      events.close();
      kvs.flush();
      uninstallEnvironment(env);
    },
  };
}
