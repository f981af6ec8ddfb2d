/**
 * What the readiness feature does for Forge's events (the handlers in src/handlers/readiness.ts call these):
 * - `readinessTrigger`: product trigger on `avi:jira:created:issue` / `avi:jira:updated:issue`; as the
 *   app, re-checks the issue and writes its `valuerank-readiness` property (indexed for JQL).
 * - `definitionOfReady`: `jira:workflowValidator`; blocks a transition while the issue is not ready.
 */
import { z } from 'zod';
import { checkIssueByKey, describeFinding, refreshReadiness, type CriteriaDeps } from './index';

const IssueRef = z
  .object({ id: z.union([z.string(), z.number()]).optional(), key: z.string().min(1) })
  .passthrough();
const IssueEvent = z.object({ issue: IssueRef }).passthrough();

/** Re-checks the issue of a created/updated event and writes its readiness; never throws. */
export async function onIssueEvent(event: unknown, deps: CriteriaDeps): Promise<void> {
  const parsed = IssueEvent.safeParse(event);
  if (!parsed.success) {
    console.warn('ValueRank readiness trigger: an event without an issue key was ignored');
    return;
  }
  try {
    await refreshReadiness(deps, parsed.data.issue.key);
  } catch (error) {
    console.error(`ValueRank readiness trigger failed for ${parsed.data.issue.key}`, error);
  }
}

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

/**
 * Definition of Ready. Forge calls it with `{ issue: { key }, transition, ... }` and expects
 * `{ result, errorMessage? }`; the message lists the top 3 blocking findings. An issue that cannot be read
 * is not blocked (a validator must not lock a workflow because of ValueRank), and says so in the log.
 */
export async function validateReady(event: unknown, deps: CriteriaDeps): Promise<ValidatorResult> {
  const parsed = IssueEvent.safeParse(event);
  if (!parsed.success) return { result: true };
  try {
    const check = await checkIssueByKey(deps, parsed.data.issue.key);
    if (check.verdict.ready) return { result: true };
    const top = check.verdict.blocking.slice(0, 3).map((f) => `• ${describeFinding(f, check)}`);
    const more = check.verdict.blocking.length - top.length;
    return {
      result: false,
      errorMessage: [
        `${check.issueKey} is not ready (Definition of Ready). Missing:`,
        ...top,
        ...(more > 0 ? [`… and ${more} more in the Acceptance criteria panel.`] : []),
      ].join('\n'),
    };
  } catch (error) {
    console.error(`ValueRank Definition of Ready could not check ${parsed.data.issue.key}`, error);
    return { result: true };
  }
}
