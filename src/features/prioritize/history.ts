/** What happened before: the board's kept reorders, a job's progress, and who changed a score's inputs. */
import { JiraNotFoundError } from '../../jira/errors';
import { changeItemTo } from '../../jira/schemas';
import type { HistoryEntry, InputChange, JobView } from './api';
import { AppError } from '../../shared/errors';
import { nameOf, nameResolver, withStarterName } from '../../shared/names';
import { readReorderJob as readJob } from '../../store/jobs';
import { listSnapshots } from '../../store/prioritize';
import type { ServiceDeps } from './analyze';
import { resolveBoard } from './board';
import { jobView } from './jobs';

/** The board's reorders that can still be undone, newest first. */
export async function reorderHistory(
  deps: ServiceDeps,
  input: { boardId: number; projectKey?: string | undefined },
): Promise<HistoryEntry[]> {
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  const snapshots = await listSnapshots(board.id);
  const names = await nameResolver(deps.jira).names(snapshots.map((s) => s.byAccountId));
  return snapshots.map((s) => ({
    id: s.id,
    at: s.at,
    byAccountId: s.byAccountId,
    byName: nameOf(names, s.byAccountId),
    model: s.model,
    moved: s.moved,
  }));
}

/** A job's state. Someone else's job is shown only to users who can see its project. */
export async function jobProgress(deps: ServiceDeps, jobId: string, accountId: string): Promise<JobView> {
  const job = await readJob(jobId);
  const missing = new AppError('not-found', 'There is no such reorder job (jobs are kept for 7 days).');
  if (!job) throw missing;
  if (job.accountId !== accountId) {
    const seen = await deps.jira
      .myPermissions({ projectKey: job.projectKey }, ['BROWSE_PROJECTS'])
      .catch((error: unknown) => {
        if (error instanceof JiraNotFoundError) return { BROWSE_PROJECTS: false };
        throw error;
      });
    if (!seen.BROWSE_PROJECTS) throw missing;
  }
  return withStarterName(deps.jira, jobView(job, (deps.now?.() ?? new Date()).getTime()));
}

/** Who changed the given fields of an issue, when, from what to what: newest first. */
export async function inputChanges(
  deps: ServiceDeps,
  issueKey: string,
  fieldIds: readonly string[],
): Promise<InputChange[]> {
  const fields = await deps.jira.fields();
  const byId = new Map(fields.map((f) => [f.id, f] as const));
  const unknown = fieldIds.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw new AppError(
      'invalid-payload',
      `This site has no field ${unknown.join(', ')}.`,
      unknown.map((id) => `fieldIds: ${id} does not exist`),
    );
  let entries;
  try {
    entries = await deps.jira.changelog(issueKey);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Issue ${issueKey} does not exist, or you cannot see it.`);
    throw error;
  }
  const wanted = new Set(fieldIds);
  const byName = new Map(fieldIds.map((id) => [byId.get(id)?.name.toLowerCase(), id] as const));
  const changes: Array<InputChange & { order: number }> = [];
  entries.forEach((entry, order) => {
    for (const item of entry.items) {
      const fieldId = item.fieldId !== undefined ? item.fieldId : byName.get(item.field.toLowerCase());
      if (fieldId === undefined || !wanted.has(fieldId)) continue;
      changes.push({
        order,
        fieldId,
        field: byId.get(fieldId)?.name ?? item.field,
        from: item.fromString ?? item.from ?? null,
        to: changeItemTo(item) ?? item.to ?? null,
        at: entry.created,
        by: entry.author?.displayName ?? entry.author?.accountId ?? 'Unknown',
      });
    }
  });
  return changes
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.order - a.order)
    .map(({ order: _order, ...change }) => change);
}
