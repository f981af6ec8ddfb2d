/**
 * The `valuerank-readiness-backfill` queue consumer (manifest: `consumer` → function `readiness-backfill`,
 * 900 s). Forge invokes it with the AsyncEvent (`event.body` is a slice of a re-check run) in the context of
 * the user who pushed it, so `asUser()` acts as the project administrator who started the run: Jira writes
 * the property only where they may edit. Each slice queues the next one (src/features/readiness/recheck.ts).
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraClient } from '../../jira/client';
import { forgeTransport } from '../../jira/forge-transport';
import { RecheckEvent, runRecheckSlice } from './recheck';
import { storedConfigs } from './stored';

/** Seconds the queue waits before delivering a slice again after Jira was busy. */
export const RECHECK_RETRY_AFTER_SECONDS = 30;

export async function readinessBackfillConsumer(event: unknown): Promise<unknown> {
  const parsed = RecheckEvent.safeParse((event as { body?: unknown } | null)?.body);
  if (!parsed.success) {
    console.error('ValueRank: a re-check event without a valid body was ignored', parsed.error.issues[0]);
    return undefined;
  }
  const outcome = await runRecheckSlice(
    { jira: new JiraClient(forgeTransport('user')), configs: storedConfigs },
    parsed.data,
  );
  if (outcome === 'retry')
    return new InvocationError({
      retryAfter: RECHECK_RETRY_AFTER_SECONDS,
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
    });
  return undefined;
}
