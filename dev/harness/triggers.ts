/**
 * Product triggers, emulated: when the local site creates (`POST /rest/api/3/issue`) or edits
 * (`PUT /rest/api/3/issue/{key}`) an issue and answers 2xx, the manifest's `trigger` modules subscribed to
 * `avi:jira:created:issue` / `avi:jira:updated:issue` run with a Forge-shaped event
 * `{ eventType, atlassianId, issue: { id, key, fields: { summary, issuetype, project, status } } }`, as the
 * app (no user; `asApp()`), one invocation each.
 *
 * An edit made by one of the app's own functions (asUser or asApp) is `selfGenerated`; triggers declared
 * with `filter: { ignoreSelf: true }` do not run for it.
 *
 * Unlike Forge (asynchronous, seconds of lag), the handlers run BEFORE the site's answer reaches the
 * caller, so a test can search right after the edit; a handler that throws is logged, never fails the edit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CALL_HEADER, newInvocation, runInInvocation, type ForgeEnvironment } from './forge-runtime';
import type { ForgeHandler } from './events';
import type { TriggerDef } from './manifest';

export const TRIGGER_TIMEOUT_MS = 55_000;

export interface TriggerOptions {
  triggers: TriggerDef[];
  loadFunction: (functionKey: string) => ForgeHandler;
  env: ForgeEnvironment;
  log: (line: string) => void;
}

const EDIT = /^\/rest\/api\/[23]\/issue\/([^/]+)$/;
const CREATE = /^\/rest\/api\/[23]\/issue$/;

export class ProductTriggers {
  constructor(private readonly options: TriggerOptions) {}

  /**
   * Called for every request before the site handles it: for an issue create/edit, holds the site's
   * answer until the subscribed triggers have run. Never consumes the request body.
   */
  watch(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const method = req.method ?? 'GET';
    const edit = method === 'PUT' ? EDIT.exec(url.pathname) : null;
    const create = method === 'POST' && CREATE.test(url.pathname);
    if (!edit && !create) return;
    const eventType = create ? 'avi:jira:created:issue' : 'avi:jira:updated:issue';
    // An edit the app's own functions made is self-generated: a trigger with `ignoreSelf` does not run.
    const selfGenerated = req.headers[APP_CALL_HEADER.toLowerCase()] === 'true';
    const subscribed = this.options.triggers.filter(
      (t) => t.events.includes(eventType) && !(selfGenerated && t.ignoreSelf),
    );
    if (subscribed.length === 0) return;
    const header = req.headers['x-local-user'];
    const atlassianId = typeof header === 'string' ? header : undefined;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && chunk !== null) chunks.push(Buffer.from(chunk as string));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
        chunks.push(Buffer.from(chunk as string));
      const body = Buffer.concat(chunks);
      void (async () => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          const keyOrId = edit ? decodeURIComponent(edit[1]!) : createdKey(body);
          if (keyOrId) await this.fire(eventType, keyOrId, atlassianId, subscribed, selfGenerated);
        }
        res.write = write;
        res.end = end;
        end(body);
      })();
      return res;
    }) as typeof res.end;
  }

  private async fire(
    eventType: string,
    keyOrId: string,
    atlassianId: string | undefined,
    triggers: TriggerDef[],
    selfGenerated: boolean,
  ): Promise<void> {
    const { env, log } = this.options;
    const issue = await this.readIssue(keyOrId);
    if (!issue) return;
    const event = { eventType, atlassianId, issue, selfGenerated };
    const context = { installContext: `ari:cloud:jira::site/${env.cloudId}`, cloudId: env.cloudId };
    for (const trigger of triggers) {
      try {
        const handler = this.options.loadFunction(trigger.functionKey);
        const invocation = newInvocation(env, { moduleKey: trigger.key, timeoutMs: TRIGGER_TIMEOUT_MS });
        await runInInvocation(invocation, async () => handler(event, context));
      } catch (error) {
        log(
          `trigger ${trigger.key} threw on ${eventType} ${keyOrId}: ${(error as Error).stack ?? String(error)}`,
        );
      }
    }
  }

  /** The issue as the app sees it, in the shape Forge's issue events carry. */
  private async readIssue(
    keyOrId: string,
  ): Promise<{ id: string; key: string; fields: unknown } | undefined> {
    const r = await fetch(
      `${this.options.env.siteUrl()}/rest/api/3/issue/${encodeURIComponent(keyOrId)}?fields=summary,issuetype,project,status`,
      { headers: { 'X-Local-Actor': 'app', accept: 'application/json' } },
    );
    if (!r.ok) return undefined;
    return (await r.json()) as { id: string; key: string; fields: unknown };
  }
}

function createdKey(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { key?: unknown; id?: unknown };
    return typeof parsed.key === 'string'
      ? parsed.key
      : typeof parsed.id === 'string'
        ? parsed.id
        : undefined;
  } catch {
    return undefined;
  }
}
