/**
 * The ONE module that talks to Forge's bridge: every other file calls these typed wrappers. `call` ties a
 * resolver key to its payload and answer types (src/resolvers/api.ts) and turns `{ ok: false }` answers
 * into an AppCallError carrying the resolver's code and message. Calls use literal keys (`call('site.overview', …)`),
 * which the wiring test checks against the resolver table.
 */
import { events, invoke, router, view } from '@forge/bridge';
import type { Answers, Payload, ResolverKey } from '../../src/resolvers/api';
import type { ErrorCode, ResolverError, ResolverResult } from '../../src/shared/errors';

export type { Answers, Payload, ResolverKey } from '../../src/resolvers/api';

/** `bridge`: the backend could not be reached or answered something that is not a ResolverResult. */
export type AppErrorCode = ErrorCode | 'bridge';

export class AppCallError extends Error {
  override readonly name = 'AppCallError';
  readonly code: AppErrorCode;
  readonly details: readonly string[];
  constructor(
    readonly key: string,
    error: ResolverError | { code: 'bridge'; message: string },
  ) {
    super(error.message);
    this.code = error.code;
    this.details = 'details' in error && error.details ? error.details : [];
  }
}

function isResult(value: unknown): value is ResolverResult<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Calls one resolver; resolves with its data or throws AppCallError. */
export async function call<K extends ResolverKey>(key: K, payload: Payload<K>): Promise<Answers[K]> {
  let answer: unknown;
  try {
    answer = await invoke(key, payload as Record<string, unknown>);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppCallError(key, {
      code: 'bridge',
      message: `ValueRank could not reach its backend (${reason}).`,
    });
  }
  if (!isResult(answer))
    throw new AppCallError(key, {
      code: 'bridge',
      message: 'ValueRank received an answer it does not understand.',
    });
  if (!answer.ok) throw new AppCallError(key, answer.error);
  return answer.data as Answers[K];
}

/** The part of Forge's context the UI uses. */
export interface AppContext {
  accountId: string | undefined;
  moduleKey: string;
  siteUrl: string;
  locale: string;
  timezone: string;
  colorMode: 'light' | 'dark' | undefined;
  extension: {
    type: string;
    project?: { id: string; key: string; type?: string };
    issue?: { id?: string; key: string; type?: string };
    board?: { id: string; type?: string };
    gadgetConfiguration?: Record<string, unknown>;
    entryPoint?: string;
    [k: string]: unknown;
  };
}

export async function getContext(): Promise<AppContext> {
  const context = await view.getContext();
  const mode = context.theme?.colorMode;
  return {
    accountId: context.accountId,
    moduleKey: context.moduleKey,
    siteUrl: context.siteUrl,
    locale: context.locale,
    timezone: context.timezone,
    colorMode: mode === 'dark' || mode === 'light' ? mode : undefined,
    extension: context.extension as AppContext['extension'],
  };
}

/** Follows Jira's theme (light/dark): Forge sets data-color-mode/data-theme on <html>. */
export function enableTheme(): Promise<void> {
  return view.theme.enable();
}

/** Opens an issue in Jira (same tab). */
export function openIssue(issueKey: string): Promise<void> {
  return router.navigate({ target: 'issue', issueKey });
}

/** Closes the module's modal (backlog actions and other modal modules). */
export function closeView(): Promise<void> {
  return view.close();
}

/** Saves a gadget's configuration (from its edit view). */
export function submitConfig(config: Record<string, unknown>): Promise<void> {
  return view.submit(config);
}

/** Opens a Jira page of this site by its path (e.g. an issue search: `/issues/?jql=…`), same tab. */
export function openSitePath(path: string): Promise<void> {
  return router.navigate(path);
}

/**
 * Calls `onChange` when the issue the module is shown on changes: Jira's `JIRA_ISSUE_CHANGED` event
 * (issue panels and contexts; the local shell sends it too), and when the window gets the focus back (an
 * edit made in another tab or by an automation). Answers a function that stops listening.
 */
export function onIssueChanged(onChange: () => void): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | undefined;
  events
    .on('JIRA_ISSUE_CHANGED', () => {
      if (!stopped) onChange();
    })
    .then(
      (subscription) => {
        if (stopped) subscription.unsubscribe();
        else unsubscribe = () => subscription.unsubscribe();
      },
      () => undefined,
    );
  const onFocus = () => {
    if (!stopped) onChange();
  };
  window.addEventListener('focus', onFocus);
  return () => {
    stopped = true;
    window.removeEventListener('focus', onFocus);
    unsubscribe?.();
  };
}
