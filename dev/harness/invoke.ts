/**
 * Runs the app's functions exactly as Forge would: finds the module's resolver function in
 * manifest.yml, loads its handler from src/ (`<file>.<export>`, the TypeScript source through tsx's
 * require hook, or jest's transform under jest), builds the Forge event and backend runtime payload
 * and calls `handler(event, runtimePayload)` inside an invocation (user, module, 25 s deadline). A payload
 * over Forge's {@link INVOCATION_PAYLOAD_LIMIT_BYTES} (413) or an answer over the project's
 * {@link RESOLVER_ANSWER_LIMIT_BYTES} (500) is refused with a code that names the limit, so a test that
 * breaches it fails.
 */

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
import path from 'node:path';
import {
  INVOCATION_PAYLOAD_LIMIT_BYTES,
  RESOLVER_ANSWER_LIMIT_BYTES,
  RESOLVER_TIMEOUT_MS,
  newInvocation,
  runInInvocation,
  type ForgeEnvironment,
} from './forge-runtime';
import type { ForgeHandler } from './events';
import { REPO_ROOT, type AppManifest, type UiModule } from './manifest';

export interface InvokeRequest {
  /** The resolver definition key, e.g. `site.overview`. */
  functionKey: string;
  payload?: unknown;
  /** The user the call acts for; absent = no logged-in user. */
  accountId?: string;
  context?: {
    moduleKey?: string;
    localId?: string;
    extension?: Record<string, unknown>;
  };
}

export interface InvokeAnswer {
  status: number;
  body: unknown;
}

export interface InvokerOptions {
  manifest: AppManifest;
  env: ForgeEnvironment;
  /** Where `<file>` of a handler is looked up (default: the repository's src/). */
  srcDir?: string;
  /** Handlers by function key that replace the real ones (tests). */
  overrides?: Record<string, ForgeHandler>;
  /** Resolver budget (Forge: 25 s). */
  timeoutMs?: number;
  /** The largest payload in JSON bytes (Forge: 5 MB); tests lower it. */
  payloadLimitBytes?: number;
  /** The largest answer in JSON bytes (the project's rule: 1 MB); tests lower it. */
  answerLimitBytes?: number;
  extraContext?: () => Record<string, unknown>;
  /** Where resolver failures are reported (default: stderr). */
  log?: (line: string) => void;
}

let tsHookChecked = false;
/** Loading src/*.ts needs a TypeScript require hook: tsx's, unless one is there (tsx CLI, jest). */
function ensureTypeScriptRequire(): void {
  if (tsHookChecked) return;
  tsHookChecked = true;
  if (require.extensions['.ts'] || process.env.JEST_WORKER_ID) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('tsx/cjs/api') as { register: () => unknown }).register();
}

export class Invoker {
  private readonly cache = new Map<string, ForgeHandler>();

  constructor(private readonly options: InvokerOptions) {}

  /** The handler of a function module (`function: - key: resolver, handler: index.handler`). */
  loadFunction = (functionKey: string): ForgeHandler => {
    const override = this.options.overrides?.[functionKey];
    if (override) return override;
    const cached = this.cache.get(functionKey);
    if (cached) return cached;
    const def = this.options.manifest.functions[functionKey];
    if (!def) throw new Error(`No function ${functionKey} in manifest.yml`);
    ensureTypeScriptRequire();
    const file = path.join(this.options.srcDir ?? path.join(REPO_ROOT, 'src'), def.file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    const handler = mod[def.exportName];
    if (typeof handler !== 'function')
      throw new Error(`Function ${functionKey}: ${def.file} has no exported function ${def.exportName}`);
    this.cache.set(functionKey, handler as ForgeHandler);
    return handler as ForgeHandler;
  };

  module(moduleKey: string | undefined): UiModule | undefined {
    const modules = this.options.manifest.uiModules;
    return moduleKey ? modules.find((m) => m.key === moduleKey) : modules.find((m) => m.resolverFunction);
  }

  /** One resolver call, as Custom UI's `invoke(functionKey, payload)` makes it. */
  async invoke(request: InvokeRequest): Promise<InvokeAnswer> {
    if (!request || typeof request.functionKey !== 'string' || !request.functionKey)
      return { status: 400, body: { message: 'functionKey must be a string' } };
    const module = this.module(request.context?.moduleKey);
    if (!module)
      return {
        status: 404,
        body: { message: `No module ${request.context?.moduleKey ?? ''} in manifest.yml` },
      };
    if (!module.resolverFunction)
      return { status: 400, body: { message: `Module ${module.key} has no resolver in manifest.yml` } };

    const limit = this.options.payloadLimitBytes ?? INVOCATION_PAYLOAD_LIMIT_BYTES;
    const sent = jsonBytes(request.payload);
    if (sent > limit)
      return {
        status: 413,
        body: {
          message: `The payload of ${request.functionKey} is ${sent} bytes; Forge accepts at most ${limit}.`,
          code: 'FUNCTION_PAYLOAD_TOO_LARGE',
        },
      };
    const env = this.options.env;
    const installContext = `ari:cloud:jira::site/${env.cloudId}`;
    const accountId = request.accountId || undefined;
    const event = {
      call: { functionKey: request.functionKey, payload: request.payload ?? {}, jobId: undefined },
      context: {
        cloudId: env.cloudId,
        moduleKey: module.key,
        localId: request.context?.localId ?? `${module.key}-local`,
        environmentId: env.environmentId,
        environmentType: 'DEVELOPMENT',
        siteUrl: env.siteUrl(),
        ...(this.options.extraContext?.() ?? {}),
        extension: { type: module.type, ...(request.context?.extension ?? {}) },
        ...(accountId ? { accountId } : {}),
      },
    };
    const runtimePayload = {
      principal: accountId ? { accountId } : undefined,
      installContext,
      license: undefined,
      installation: undefined,
    };
    const timeoutMs = this.options.timeoutMs ?? RESOLVER_TIMEOUT_MS;
    const invocation = newInvocation(env, { accountId, moduleKey: module.key, timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = this.loadFunction(module.resolverFunction);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FunctionTimeout(timeoutMs)), timeoutMs);
        timer.unref();
      });
      const result = await Promise.race([
        runInInvocation(invocation, async () => handler(event, runtimePayload)),
        timeout,
      ]);
      const answered = jsonBytes(result);
      const answerLimit = this.options.answerLimitBytes ?? RESOLVER_ANSWER_LIMIT_BYTES;
      if (answered > answerLimit) {
        const message = `The answer of ${request.functionKey} is ${answered} bytes; ValueRank's resolvers answer at most ${answerLimit} (Forge: ${INVOCATION_PAYLOAD_LIMIT_BYTES}).`;
        (this.options.log ?? ((line: string) => console.error(`[harness] ${line}`)))(message);
        return { status: 500, body: { message, code: 'FUNCTION_RESPONSE_TOO_LARGE' } };
      }
      return { status: 200, body: result === undefined ? null : result };
    } catch (error) {
      if (error instanceof FunctionTimeout)
        return { status: 504, body: { message: error.message, code: 'FUNCTION_TIME_OUT' } };
      const message = error instanceof Error ? error.message : String(error);
      const log = this.options.log ?? ((line: string) => console.error(`[harness] ${line}`));
      log(
        `resolver ${request.functionKey} (${module.key}) threw: ${error instanceof Error ? (error.stack ?? message) : message}`,
      );
      return {
        status: 500,
        body: {
          message: `There was an error invoking the function - ${message}`,
          code: 'FUNCTION_ERR',
          ...(error instanceof Error ? { name: error.name } : {}),
        },
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

class FunctionTimeout extends Error {
  constructor(ms: number) {
    super(`The function timed out after ${ms / 1000} s (Forge stops resolvers after 25 s).`);
  }
}
