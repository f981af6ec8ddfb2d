/**
 * Re-check every issue of a project (the readiness backfill). The readiness trigger keeps the
 * `valuerank-readiness` property current on edits only; issues nobody edited since the install, and every
 * issue after the project's criteria rules change, need this.
 *
 * A project administrator starts it (resolver `readiness.recheck.start`); it runs as a `@forge/events` job in
 * the context of that user (the consumer acts `asUser()`), so Jira writes the property only on issues they
 * may edit; its 403s are counted as skipped. Each queue event is one bounded slice: at most one JQL page
 * (`project = KEY ORDER BY key`, ≤ 100 issues, the property read in the same search) and at most
 * {@link SLICE_BUDGET_MS} of work, well within Forge's 900 s; then it saves where it is (page token and
 * offset) and pushes the next slice. The property is written only when its value changed. One run per
 * project at a time; progress and counts live in Forge storage (src/store/recheck.ts).
 *
 * This file starts runs and reports their progress; the slices run in recheck-slice.ts, and what both
 * share (the queue event, the dependencies, the limits) is in recheck-run.ts. All are re-exported here.
 */
import { randomUUID } from 'node:crypto';
import type { RecheckView } from './recheck-api';
import { projectAccess, requireProjectAdmin } from '../../shared/project-access';
import { AppError } from '../../shared/errors';
import { pushJob } from '../../jobs/queue';
import { abandonJobRecord, claimScope, isStale, releaseScope, resumeJobRecord } from '../../jobs/runner';
import {
  latestJobId,
  readRecheckJob,
  setLatestJob,
  writeRecheckJob,
  type RecheckJob,
} from '../../store/jobs';
import { jqlFor, RECHECK_PAGE_SIZE, recheckScope, type RecheckDeps } from './recheck-run';

export {
  MAX_SLICE_ATTEMPTS,
  RECHECK_PAGE_SIZE,
  RECHECK_QUEUE,
  recheckScope,
  SLICE_BUDGET_MS,
  STALE_RUN_MS,
  type RecheckDeps,
} from './recheck-run';
import { withStarterName } from '../../shared/names';
export { sameReadiness } from './index';
export { runRecheckSlice, type SliceOutcome } from './recheck-slice';

export function recheckView(job: RecheckJob, now = Date.now()): RecheckView {
  return {
    jobId: job.jobId,
    projectKey: job.projectKey,
    state: job.state,
    stalled: isStale(job, now),
    ...(job.total !== undefined ? { total: job.total } : {}),
    checked: job.checked,
    written: job.written,
    unchanged: job.unchanged,
    skipped: job.skipped,
    skippedReasons: { noPermission: job.skippedNoPermission, notFound: job.skippedNotFound },
    failed: job.failed,
    failures: job.failures,
    startedBy: { accountId: job.accountId },
    startedAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.lastError ? { lastError: job.lastError } : {}),
  };
}

export interface StartInput {
  projectKey: string;
  accountId: string;
  pageSize?: number | undefined;
}

/**
 * Checks that the caller administers the project, then records a run and queues its first slice; when a
 * run is already going in the project, answers that one. Nothing in Jira changes before the consumer runs.
 */
export async function startRecheck(
  deps: RecheckDeps,
  input: StartInput,
): Promise<{ jobId: string; alreadyRunning: boolean }> {
  const { projectKey } = input;
  await requireProjectAdmin(deps.jira, projectKey, 're-check all its issues', 'its issues');
  const now = deps.now ?? Date.now;
  const total = await deps.jira.countIssues(jqlFor(projectKey, undefined)).catch(() => undefined);
  const at = new Date(now()).toISOString();
  let job: RecheckJob = await writeRecheckJob({
    jobId: randomUUID(),
    kind: 'recheck',
    projectKey,
    accountId: input.accountId,
    state: 'queued',
    pageSize: input.pageSize ?? RECHECK_PAGE_SIZE,
    ...(total !== undefined ? { total } : {}),
    checked: 0,
    written: 0,
    unchanged: 0,
    skipped: 0,
    skippedNoPermission: 0,
    skippedNotFound: 0,
    failed: 0,
    failures: [],
    cursor: { offset: 0 },
    slice: 0,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  });

  // The record is written before the project is claimed, so a holder without a record is a dead run.
  const claim = await claimScope(recheckScope(projectKey), job, now());
  if (!claim.claimed) return { jobId: claim.holder.jobId, alreadyRunning: true };

  await setLatestJob(recheckScope(projectKey), job.jobId);
  try {
    await (deps.push ?? pushJob)({ jobId: job.jobId, step: 0 });
  } catch (error) {
    job = await writeRecheckJob({
      ...job,
      state: 'failed',
      finishedAt: new Date(now()).toISOString(),
      lastError: 'The re-check could not be queued; nothing was changed.',
    });
    await releaseScope(recheckScope(projectKey), job.jobId);
    throw error;
  }
  return { jobId: job.jobId, alreadyRunning: false };
}

/**
 * A run's progress by id, or the project's last run. Anyone who can browse the project may see it (the
 * starter always sees their own); otherwise it does not exist for them.
 */
export async function recheckProgress(
  deps: Pick<RecheckDeps, 'jira' | 'now'>,
  query: { jobId: string } | { projectKey: string },
  accountId: string,
): Promise<{ run: RecheckView | null }> {
  const now = (deps.now ?? Date.now)();
  const canBrowse = (projectKey: string) =>
    projectAccess(deps.jira, projectKey, 'its issues').then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError) return false;
        throw error;
      },
    );

  if ('projectKey' in query) {
    if (!(await canBrowse(query.projectKey)))
      throw new AppError('not-found', `Project ${query.projectKey} does not exist, or you cannot see it.`);
    const latest = await latestJobId(recheckScope(query.projectKey));
    const job = latest ? await readRecheckJob(latest) : undefined;
    return { run: job ? await withStarterName(deps.jira, recheckView(job, now)) : null };
  }
  const job = await readRecheckJob(query.jobId);
  const missing = new AppError('not-found', 'There is no such re-check (runs are kept for 30 days).');
  if (!job) throw missing;
  if (job.accountId !== accountId && !(await canBrowse(job.projectKey))) throw missing;
  return { run: await withStarterName(deps.jira, recheckView(job, now)) };
}

/** A run that may be resumed or abandoned: stalled, and the caller started it or administers the project. */
async function stalledRun(
  deps: Pick<RecheckDeps, 'jira' | 'now'>,
  jobId: string,
  accountId: string,
  toDo: string,
) {
  const job = await readRecheckJob(jobId);
  if (!job) throw new AppError('not-found', 'There is no such re-check (runs are kept for 30 days).');
  if (job.accountId !== accountId) await requireProjectAdmin(deps.jira, job.projectKey, toDo, 'its issues');
  if (!isStale(job, (deps.now ?? Date.now)()))
    throw new AppError(
      'conflict',
      job.state === 'done' || job.state === 'failed'
        ? `This re-check has ended (${job.state}); there is nothing to ${toDo.split(' ')[0]}.`
        : 'This re-check is still making progress; only a stalled run (no progress for 2 minutes) can be resumed or abandoned.',
    );
  return job;
}

/** Queues a stalled run again: it goes on from its cursor (the page and the issues already done on it). */
export async function resumeRecheck(
  deps: Pick<RecheckDeps, 'jira' | 'now' | 'push'>,
  input: { jobId: string; accountId: string },
): Promise<{ run: RecheckView }> {
  const job = await stalledRun(deps, input.jobId, input.accountId, 'resume this re-check');
  const saved = await resumeJobRecord(
    job,
    deps.push ?? pushJob,
    `Resumed after it stalled at ${job.checked} issue${job.checked === 1 ? '' : 's'} checked.`,
  );
  return { run: recheckView(saved as RecheckJob, (deps.now ?? Date.now)()) };
}

/** Ends a stalled run for good (failed, counts kept) and releases the project for a new run. */
export async function abandonRecheck(
  deps: Pick<RecheckDeps, 'jira' | 'now'>,
  input: { jobId: string; accountId: string },
): Promise<{ run: RecheckView }> {
  const job = await stalledRun(deps, input.jobId, input.accountId, 'abandon this re-check');
  const saved = await abandonJobRecord(
    job,
    recheckScope(job.projectKey),
    `Abandoned after it stalled at ${job.checked} issue${job.checked === 1 ? '' : 's'} checked; the properties written so far are kept.`,
  );
  return { run: recheckView(saved as RecheckJob, (deps.now ?? Date.now)()) };
}
