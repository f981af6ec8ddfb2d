/**
 * Rovo on the local site: runs the manifest's `action` modules as Rovo does, and a page to try them.
 *
 * `POST /_local/action {actionKey, inputs, accountId, context, confirmed}` checks the inputs against the
 * action's declared inputs (required ones present, each of its declared type, no undeclared ones: Rovo fills
 * only what the manifest declares), asks for confirmation of a write action (any verb but GET: Rovo asks the
 * user first; without `confirmed: true` the harness answers 409 `CONFIRMATION_REQUIRED` and the function does
 * not run), then calls the action's function with Forge's two arguments: the payload (the inputs and Rovo's
 * `context`: cloudId, moduleKey, and the `jira` context of the page) and the function context
 * (`principal.accountId`: `asUser()` acts as them). The answer is what the function returned.
 *
 * `GET /_local/agent?as=<accountId>` lists the agent's name, description, conversation starters and prompt,
 * and a form per action; its script (client/agent-page.js) shows the exact answer the agent would receive.
 * Every value on the page is escaped; answers are shown as text, never as HTML.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { newInvocation, runInInvocation, RESOLVER_TIMEOUT_MS, type ForgeEnvironment } from './forge-runtime';
import type { ForgeHandler } from './events';
import { MANIFEST_PATH } from './manifest';
import { escapeHtml, type SiteDirectory } from './pages';

export type ActionInputType = 'string' | 'integer' | 'number' | 'boolean';

export interface ActionDef {
  key: string;
  name: string;
  description: string;
  functionKey: string;
  actionVerb: string;
  inputs: Array<{
    name: string;
    title: string;
    type: ActionInputType;
    required: boolean;
    description: string;
  }>;
}

export interface AgentDef {
  key: string;
  name: string;
  description: string;
  prompt: string;
  conversationStarters: string[];
  actions: string[];
}

export interface RovoManifest {
  agents: AgentDef[];
  actions: ActionDef[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The manifest's `rovo:agent` and `action` modules. */
export function parseRovo(text: string): RovoManifest {
  const doc: unknown = parse(text);
  const modules = isObj(doc) && isObj(doc.modules) ? doc.modules : {};
  const agents = list(modules['rovo:agent'])
    .filter(isObj)
    .map((a) => ({
      key: str(a.key),
      name: str(a.name),
      description: str(a.description),
      prompt: str(a.prompt),
      conversationStarters: list(a.conversationStarters).map((s) => str(s)),
      actions: list(a.actions).map((s) => str(s)),
    }));
  const actions = list(modules.action)
    .filter(isObj)
    .map((a) => ({
      key: str(a.key),
      name: str(a.name, str(a.key)),
      description: str(a.description),
      functionKey: str(a.function),
      actionVerb: str(a.actionVerb, 'GET'),
      inputs: Object.entries(isObj(a.inputs) ? a.inputs : {}).map(([name, i]) => {
        const input = isObj(i) ? i : {};
        return {
          name,
          title: str(input.title, name),
          type: str(input.type, 'string') as ActionInputType,
          required: input.required === true,
          description: str(input.description),
        };
      }),
    }));
  return { agents, actions };
}

export const loadRovo = (file = MANIFEST_PATH): RovoManifest => parseRovo(readFileSync(file, 'utf8'));

export interface ActionRequest {
  actionKey: string;
  inputs?: Record<string, unknown>;
  /** The user who asks Rovo; absent = nobody logged in. */
  accountId?: string;
  /** Rovo's context of the page the user is on, e.g. `{ jira: { projectKey: 'TRAIL' } }`. */
  context?: Record<string, unknown>;
  /** The user confirmed the write action in Rovo's dialog. */
  confirmed?: boolean;
}

export interface ActionAnswer {
  status: number;
  body: unknown;
}

const typeOk = (type: ActionInputType, v: unknown): boolean =>
  type === 'string'
    ? typeof v === 'string'
    : type === 'boolean'
      ? typeof v === 'boolean'
      : type === 'integer'
        ? Number.isInteger(v)
        : typeof v === 'number' && Number.isFinite(v);

export interface ActionRunnerOptions {
  rovo: RovoManifest;
  env: ForgeEnvironment;
  loadFunction: (functionKey: string) => ForgeHandler;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Runs one action as Rovo would; see the module notes. */
export async function runAction(options: ActionRunnerOptions, request: ActionRequest): Promise<ActionAnswer> {
  const bad = (message: string, code = 'INVALID_INPUT') => ({ status: 400, body: { message, code } });
  if (!request || typeof request.actionKey !== 'string') return bad('actionKey must be a string');
  const action = options.rovo.actions.find((a) => a.key === request.actionKey);
  if (!action) return { status: 404, body: { message: `No action ${request.actionKey} in manifest.yml` } };
  const inputs = isObj(request.inputs) ? request.inputs : {};
  for (const name of Object.keys(inputs))
    if (!action.inputs.some((i) => i.name === name))
      return bad(`Action ${action.key} declares no input ${name}`);
  for (const input of action.inputs) {
    const v = inputs[input.name];
    if (v === undefined || v === null) {
      if (input.required) return bad(`Action ${action.key} needs the input ${input.name}`);
    } else if (!typeOk(input.type, v))
      return bad(`Input ${input.name} of ${action.key} must be ${input.type}`);
  }
  if (action.actionVerb !== 'GET' && request.confirmed !== true)
    return {
      status: 409,
      body: {
        message: `${action.name} (${action.actionVerb}) changes data: Rovo asks the user to confirm before it runs. Nothing ran.`,
        code: 'CONFIRMATION_REQUIRED',
      },
    };
  const env = options.env;
  const accountId = request.accountId || undefined;
  const payload = {
    ...inputs,
    context: {
      cloudId: env.cloudId,
      moduleKey: action.key,
      ...(isObj(request.context) ? request.context : {}),
    },
  };
  const context = {
    principal: accountId ? { accountId } : undefined,
    installContext: `ari:cloud:jira::site/${env.cloudId}`,
  };
  const timeoutMs = options.timeoutMs ?? RESOLVER_TIMEOUT_MS;
  const invocation = newInvocation(env, { accountId, moduleKey: action.key, timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  try {
    const handler = options.loadFunction(action.functionKey);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      timer.unref();
    });
    const result = await Promise.race([
      runInInvocation(invocation, async () => handler(payload, context)),
      timeout,
    ]);
    return { status: 200, body: result === undefined ? null : result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.log?.(
      `action ${action.key} threw: ${error instanceof Error ? (error.stack ?? message) : message}`,
    );
    return {
      status: 500,
      body: { message: `The action's function failed - ${message}`, code: 'FUNCTION_ERR' },
    };
  } finally {
    clearTimeout(timer);
  }
}

const PAGE_STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #172b4d; max-width: 1100px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
pre { background: #f4f5f7; padding: 10px; white-space: pre-wrap; word-break: break-word; }
form { border: 1px solid #dfe1e6; border-radius: 6px; padding: 12px; margin: 12px 0; }
label { display: block; margin: 6px 0; } input[type=text] { width: 320px; }
.verb { font-size: 12px; padding: 1px 6px; border-radius: 3px; background: #e9f2ff; }
.write { background: #fff7d6; }
`;

/** The local agent page: the agent's starters and a form per action (see the module notes). */
export function agentPage(rovo: RovoManifest, dir: SiteDirectory, accountId: string): string {
  const agent = rovo.agents[0];
  const users = dir.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.accountId)}"${u.accountId === accountId ? ' selected' : ''}>${escapeHtml(u.displayName)} (${escapeHtml(u.accountId)})</option>`,
    )
    .join('');
  const forms = rovo.actions
    .map((a) => {
      const fields = a.inputs
        .map(
          (i) =>
            `<label>${escapeHtml(i.title)}${i.required ? ' *' : ''} <code>${escapeHtml(i.name)}</code> (${escapeHtml(i.type)})<br>` +
            (i.type === 'boolean'
              ? `<select name="${escapeHtml(i.name)}" data-type="boolean"><option value=""></option><option>true</option><option>false</option></select>`
              : `<input type="text" name="${escapeHtml(i.name)}" data-type="${escapeHtml(i.type)}">`) +
            `<br><small>${escapeHtml(i.description)}</small></label>`,
        )
        .join('');
      const write = a.actionVerb !== 'GET';
      return `<form class="action" data-action="${escapeHtml(a.key)}">
<h2>${escapeHtml(a.name)} <span class="verb${write ? ' write' : ''}">${escapeHtml(a.actionVerb)}</span> <code>${escapeHtml(a.key)}</code></h2>
<p>${escapeHtml(a.description)}</p>${fields}
${write ? '<label><input type="checkbox" name="__confirmed"> The user confirmed this change (Rovo asks first)</label>' : ''}
<button type="submit">Run as the selected user</button>
<pre class="answer" aria-live="polite"></pre></form>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ValueRank agent — local</title>
<style>${PAGE_STYLE}</style></head><body>
<h1>${escapeHtml(agent?.name ?? 'No agent')} — Rovo agent on the local site</h1>
<p>${escapeHtml(agent?.description ?? 'manifest.yml declares no rovo:agent.')}</p>
<p><a href="/">All modules</a></p>
<label>Ask as <select id="user">${users}</select></label>
<h2>Conversation starters</h2>
<ul class="starters">${(agent?.conversationStarters ?? []).map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<details><summary>The agent's prompt</summary><pre>${escapeHtml(agent?.prompt ?? '')}</pre></details>
<p>Each form runs one action through <code>POST /_local/action</code>, exactly as Rovo would, and shows the exact answer the agent receives.</p>
${forms}
<script src="/__harness/agent-page.js"></script>
</body></html>`;
}
