/**
 * Views that never time out (docs/adr/0011-view-snapshots.md). A view of a large backlog (the Prioritize
 * analysis, the health gadget) is kept as a snapshot (src/store/views.ts) with the fingerprint of what it
 * was computed from. A resolver answers:
 *
 * - the snapshot, when its fingerprint is the backlog's now (`fresh`);
 * - else a fresh computation, when it is expected to fit the resolver's budget ({@link INLINE_BUDGET_MS})
 *   and does finish before {@link RESOLVER_DEADLINE_MS};
 * - else at once the last snapshot (with its age) or nothing yet, and a view job (kind `analyze` or
 *   `health`, one per view and variant at a time) that computes the next one on the queue, with progress.
 */
import { randomUUID } from 'node:crypto';
import { isTransientJiraError } from '../jira/errors';
import type { ReadProgress } from '../jira/client';
import { describeFailure } from '../shared/errors';
import { readLock, readViewJob, writeViewJob, type ViewJob } from '../store/jobs';
import type { ViewKind, ViewSnapshot } from '../store/views';
import { pushJob, type PushJob } from './queue';
import type { ViewJobView, ViewStatus } from './view-status';
import { claimScope, isActive, isStale, MAX_JOB_ATTEMPTS, releaseScope, type JobOutcome } from './runner';

/**
 * A computation expected to take longer than this goes to the queue at once. Kept short so that a person
 * sees rows within 5 s: past it, Prioritize answers the backlog's first page (current order, scored) with
 * the pending answer, and the job's result follows (measured in docs/benchmarks.md: at 2,000 issues and
 * 300 ms a 6 s budget kept the first rows 6.3 s away in the browser, 4 s shows them after 2.9 s).
 */
export const INLINE_BUDGET_MS = 4_000;
/** A computation still running this long after the resolver started goes to the queue (Forge stops at 25 s). */
export const RESOLVER_DEADLINE_MS = 18_000;

export type { ViewJobView, ViewStatus } from './view-status';

export const viewScope = (kind: ViewKind, boardId: number, variant: string) =>
  `view:${kind}:${boardId}:${variant}`;

export function viewJobView(job: ViewJob): ViewJobView {
  return {
    jobId: job.jobId,
    state: job.state,
    read: job.read,
    ...(job.total !== undefined ? { total: job.total } : {}),
    ...(job.message ? { message: job.message } : {}),
  };
}

export interface ViewRequest {
  kind: ViewKind;
  boardId: number;
  projectKey: string;
  accountId: string;
  variant: string;
  /** What the view is now computed from. */
  fingerprint: string;
  /** The feature's parameters, handed to its job. */
  params?: Record<string, unknown>;
  /** Expected time of computing inline, in ms. */
  estimateMs: number;
  /** When the resolver started (ms since the epoch). */
  startedAt: number;
  /** The last snapshot kept. */
  stored: ViewSnapshot | undefined;
  /** Computes the view now and writes its snapshot. */
  compute: () => Promise<ViewSnapshot>;
  push?: PushJob;
}

export interface ViewAnswer {
  /** The snapshot to answer from (none: nothing computed yet). */
  snapshot: ViewSnapshot | undefined;
  status: ViewStatus;
}

function statusOf(snapshot: ViewSnapshot | undefined, fresh: boolean, job?: ViewJob): ViewStatus {
  const now = Date.now();
  return {
    fresh,
    ...(snapshot
      ? {
          computedAt: snapshot.computedAt,
          ageSeconds: Math.max(0, Math.round((now - Date.parse(snapshot.computedAt)) / 1000)),
        }
      : {}),
    ...(job ? { job: viewJobView(job) } : {}),
  };
}

const TIMED_OUT = Symbol('timed out');

/** The view's answer: fresh from the snapshot or computed now, or the last snapshot and a job. */
export async function ensureView(req: ViewRequest): Promise<ViewAnswer> {
  if (req.stored?.fingerprint === req.fingerprint)
    return { snapshot: req.stored, status: statusOf(req.stored, true) };
  const running = await activeJob(req);
  if (!running && req.estimateMs <= INLINE_BUDGET_MS) {
    const left = RESOLVER_DEADLINE_MS - (Date.now() - req.startedAt);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const work = req.compute();
    const outcome = await Promise.race([
      work,
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, left));
      }),
    ]).finally(() => clearTimeout(timer));
    if (outcome !== TIMED_OUT) return { snapshot: outcome, status: statusOf(outcome, true) };
    work.catch(() => undefined); // it goes on until Forge stops it; its result is not waited for
  }
  const job = running ?? (await startViewJob(req));
  return { snapshot: req.stored, status: statusOf(req.stored, false, job) };
}

/** The queued or running job of this view and variant, if one is alive. */
async function activeJob(
  req: Pick<ViewRequest, 'kind' | 'boardId' | 'variant'>,
): Promise<ViewJob | undefined> {
  const lock = await readLock(viewScope(req.kind, req.boardId, req.variant));
  if (!lock) return undefined;
  const holder = await readViewJob(lock.jobId);
  return holder && isActive(holder) && !isStale(holder, Date.now()) ? holder : undefined;
}

/** Records and queues a view job; when another is starting at the same moment, answers that one. */
export async function startViewJob(req: ViewRequest): Promise<ViewJob> {
  const now = new Date().toISOString();
  const job = await writeViewJob({
    jobId: randomUUID(),
    kind: req.kind,
    boardId: req.boardId,
    projectKey: req.projectKey,
    accountId: req.accountId,
    variant: req.variant,
    fingerprint: req.fingerprint,
    params: req.params ?? {},
    state: 'queued',
    read: 0,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
  const scope = viewScope(req.kind, req.boardId, req.variant);
  const claim = await claimScope(scope, job);
  if (!claim.claimed) {
    const holder = claim.holder;
    if (holder.kind === 'analyze' || holder.kind === 'health') return holder;
    throw new Error(`The scope ${scope} is held by a job of another kind`);
  }
  try {
    await (req.push ?? pushJob)({ jobId: job.jobId });
  } catch (error) {
    await writeViewJob({ ...job, state: 'failed', message: 'The job could not be queued.' });
    await releaseScope(scope, job.jobId);
    throw error;
  }
  return job;
}

/** Saves a job's read progress at most once a second (and always at the end of the read). */
const PROGRESS_EVERY_MS = 1_000;

/**
 * One delivery of a view job: runs `work` (read, compute, write the snapshot) with a progress callback
 * that keeps the record current. Never throws: the record says what happened.
 */
export async function runViewJob(
  found: ViewJob,
  work: (job: ViewJob, onProgress: ReadProgress) => Promise<void>,
): Promise<JobOutcome> {
  if (found.state === 'done' || found.state === 'failed') return 'skipped';
  let job = await writeViewJob({
    ...found,
    state: 'running',
    attempts: found.attempts + 1,
    message: undefined,
  });
  let saved = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const onProgress: ReadProgress = (read, total) => {
    const now = Date.now();
    if (now - saved < PROGRESS_EVERY_MS && (total === undefined || read < total)) return;
    saved = now;
    writing = writing.then(async () => {
      job = await writeViewJob({ ...job, read, ...(total !== undefined ? { total } : {}) });
    });
    return writing.then(() => undefined);
  };
  try {
    await work(job, onProgress);
    await writing.catch(() => undefined);
    job = await writeViewJob({ ...job, state: 'done' });
    return 'done';
  } catch (error) {
    await writing.catch(() => undefined);
    if (isTransientJiraError(error) && job.attempts < MAX_JOB_ATTEMPTS) {
      job = await writeViewJob({
        ...job,
        state: 'queued',
        message: `Jira is busy; trying again shortly. (${describeFailure(error)})`,
      });
      return 'retry';
    }
    console.error('ValueRank view job failed', job.jobId, error);
    job = await writeViewJob({ ...job, state: 'failed', message: describeFailure(error) });
    return 'failed';
  } finally {
    if (job.state === 'done' || job.state === 'failed')
      await releaseScope(viewScope(job.kind, job.boardId, job.variant), job.jobId).catch(() => undefined);
  }
}
