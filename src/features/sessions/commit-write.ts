/**
 * Writing a commit's fields as the PO, all or nothing: a few issues at a time; if Jira refuses one, the
 * issues already written are put back as they were.
 */
import type { JiraClient } from '../../jira/client';
import { JiraError } from '../../jira/errors';
import { AppError } from '../../shared/errors';
import type { Planned } from './commit-plan';

/** Field writes in flight at once during a commit. */
const WRITE_CONCURRENCY = 4;

/** Writes every planned issue; on a refusal puts back those already written and says what happened. */
export async function writeAllOrNothing(jira: JiraClient, plan: readonly Planned[]): Promise<void> {
  const written: Planned[] = [];
  let failure: { issueKey: string; error: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (next < plan.length && !failure) {
      const p = plan[next] as Planned;
      next += 1;
      try {
        await jira.editIssue(p.issueKey, p.fields);
        written.push(p);
      } catch (error) {
        failure ??= { issueKey: p.issueKey, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, plan.length) }, worker));
  if (!failure) return;
  const notRestored: string[] = [];
  for (const p of written)
    await jira.editIssue(p.issueKey, p.restore).catch(() => notRestored.push(p.issueKey));
  const detail =
    failure.error instanceof JiraError && failure.error.jiraMessages
      ? [failure.error.jiraMessages]
      : [failure.error instanceof Error ? failure.error.message : String(failure.error)];
  throw new AppError(
    'jira-refused',
    notRestored.length === 0
      ? `Jira refused to write ${failure.issueKey}, so nothing was committed${written.length > 0 ? ` (the ${written.length} issue(s) already written were put back)` : ''}.`
      : `Jira refused to write ${failure.issueKey}, and ${notRestored.join(', ')} could not be put back: check them. The session was not committed.`,
    detail,
  );
}
