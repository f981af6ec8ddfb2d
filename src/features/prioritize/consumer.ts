/**
 * The `valuerank-reorder` queue consumer (manifest: `consumer` → function `reorder`, 900 s). Forge invokes it
 * with the AsyncEvent (`event.body` is what apply/undo pushed) in the context of the user who pushed it, so
 * `asUser()` acts as them: Jira checks their rights on every rank call. Scores are written back as the app.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import { runJob, type JobDeps } from './jobs';
import { ReorderEvent } from './queue';
import { storedSettings } from './stored';

/** Seconds the queue waits before delivering a job again after Jira was busy. */
export const RETRY_AFTER_SECONDS = 30;

export async function reorderConsumer(event: unknown): Promise<unknown> {
  const parsed = ReorderEvent.safeParse((event as { body?: unknown } | null)?.body);
  if (!parsed.success) {
    console.error('ValueRank: a reorder event without a valid body was ignored', parsed.error.issues[0]);
    return undefined;
  }
  const deps: JobDeps = {
    jira: new JiraClient(forgeTransport('user')),
    appJira: new JiraClient(forgeTransport('app')),
    settings: storedSettings,
  };
  const outcome = await runJob(deps, parsed.data);
  if (outcome === 'retry')
    return new InvocationError({
      retryAfter: RETRY_AFTER_SECONDS,
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
    });
  return undefined;
}
