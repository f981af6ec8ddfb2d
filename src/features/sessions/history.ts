/** An issue's score history: the records its committed sessions kept, with names read now (ADR 9). */
import { JiraNotFoundError } from '../../jira/errors';
import { AppError } from '../../shared/errors';
import { nameResolver } from '../../shared/names';
import { listIssueRecords } from '../../store/sessions';
import type { SessionRecordView } from './api';
import type { SessionsDeps } from './deps';
import { labelOf, projectMapping } from './inputs';
import { personOf } from './view';

/** The issue's session records (its score history), newest first: for anyone who can see the issue. */
export async function issueSessionHistory(
  deps: SessionsDeps,
  issueKey: string,
): Promise<{ records: SessionRecordView[] }> {
  let held: Record<string, boolean>;
  try {
    held = await deps.jira.myPermissions({ issueKey }, ['BROWSE_PROJECTS']);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Issue ${issueKey} does not exist, or you cannot see it.`);
    throw error;
  }
  if (!held.BROWSE_PROJECTS)
    throw new AppError('not-found', `Issue ${issueKey} does not exist, or you cannot see it.`);
  const records = await listIssueRecords(issueKey);
  if (records.length === 0) return { records: [] };
  const mapping = await projectMapping(deps, records[0]?.projectKey ?? issueKey.replace(/-\d+$/, ''));
  const names = await nameResolver(deps.jira).names(
    records.flatMap((r) => [r.by, ...r.inputs.flatMap((i) => i.ratings.map((x) => x.accountId))]),
  );
  return {
    records: records.map((r) => ({
      sessionId: r.sessionId,
      title: r.title,
      at: r.at,
      by: personOf(names, r.by),
      ...(r.note ? { note: r.note } : {}),
      inputs: r.inputs.map((i) => ({
        input: i.input,
        label: labelOf(mapping, i.input),
        from: i.from,
        to: i.to,
        median: i.median,
        ratings: i.ratings.map((x) => ({
          by: personOf(names, x.accountId),
          value: x.value,
          ...(x.reason ? { reason: x.reason } : {}),
        })),
      })),
    })),
  };
}
