/**
 * The one job runner: how every background job starts, runs and ends, whatever its kind.
 *
 * - **Start.** A job's record is written, then its scope (`board:1`, `recheck:TRAIL`) is claimed
 *   atomically ({@link claimScope}) before any Jira call: of two starts at once exactly one wins. A holder
 *   that stopped making progress for {@link STALE_JOB_MS} is marked failed and replaced.
 * - **Run.** The consumer parses the event once ({@link consumeJobEvent}), reads the record and hands it to
 *   the handler of its kind. Handlers save progress in the record, so a delivery after a crash resumes.
 *   While a consumer works, its record's `updatedAt` moves at least every {@link HEARTBEAT_MS}
 *   ({@link startHeartbeat}, also through long reads); a record that has not moved for {@link STALE_JOB_MS}
 *   is `stalled`: its consumer died. A stalled job is resumed ({@link resumeJobRecord}: its event queued
 *   again, the handler goes on from what the record kept) or abandoned ({@link abandonJobRecord}: failed,
 *   scope released) by the user who started it or a project admin.
 * - **End.** One vocabulary of outcomes ({@link JobOutcome}); transient Jira failures are delivered again
 *   up to {@link MAX_JOB_ATTEMPTS} times, {@link RETRY_AFTER_SECONDS} apart; failures are one line
 *   ({@link describeFailure}).
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { AppError } from '../shared/errors';
import {
  claimLock,
  readJobRecord,
  releaseLock,
  removeJob,
  writeJobRecord,
  type JobKind,
  type JobRecord,
} from '../store/jobs';
import { JobEvent, type PushJob } from './queue';

export { describeFailure } from '../shared/errors';
export { isTransientJiraError } from '../jira/errors';

/** What one delivery of a job's event came to. */
export type JobOutcome = 'done' | 'continued' | 'retry' | 'failed' | 'skipped';

/** Deliveries of one step before the job fails for good (transient Jira errors are retried by the queue). */
export const MAX_JOB_ATTEMPTS = 4;
/** Seconds the queue waits before delivering a step again after Jira was busy. */
export const RETRY_AFTER_SECONDS = 30;
/** A consumer at work moves its job's `updatedAt` at least this often (its heartbeat). */
export const HEARTBEAT_MS = 20 * 1000;
/**
 * A queued or running job whose record has not moved for this long is stalled (its consumer died): six
 * missed heartbeats. A queued job waiting for a retry (at most {@link RETRY_AFTER_SECONDS}) stays fresh.
 */
export const STALE_JOB_MS = 2 * 60 * 1000;
/** What a job that stopped making progress is told when another replaces it. */
export const STALLED_MESSAGE = 'The job stopped making progress and was replaced by a new one.';

export const isActive = (job: Pick<JobRecord, 'state'>) => job.state === 'queued' || job.state === 'running';
export const isStale = (job: Pick<JobRecord, 'state' | 'updatedAt'>, now: number) =>
  isActive(job) && now - Date.parse(job.updatedAt) > STALE_JOB_MS;

/** The job failed with `message` (its kind's record says it in its own field). */
export function failedRecord(job: JobRecord, message: string, at = new Date()): JobRecord {
  return job.kind === 'recheck'
    ? { ...job, state: 'failed', finishedAt: at.toISOString(), lastError: message }
    : { ...job, state: 'failed', message };
}

export type ScopeClaim = { claimed: true } | { claimed: false; holder: JobRecord };

/**
 * Claims `scope` for `job` (whose record is already written, so a holder without a record is dead). An
 * active holder that is not stale keeps the scope: the answer names it, and `job`'s record is removed.
 */
export async function claimScope(scope: string, job: JobRecord, now = Date.now()): Promise<ScopeClaim> {
  for (let round = 0; round < 2; round += 1) {
    const holder = await claimLock(scope, job.jobId);
    if (holder.jobId === job.jobId) return { claimed: true };
    const other = await readJobRecord(holder.jobId);
    if (other && isActive(other) && !isStale(other, now)) {
      await removeJob(job.jobId);
      return { claimed: false, holder: other };
    }
    if (other && isActive(other)) await writeJobRecord(failedRecord(other, STALLED_MESSAGE, new Date(now)));
    await releaseLock(scope, holder.jobId);
  }
  await removeJob(job.jobId);
  throw new AppError('conflict', 'Another job is starting here; try again in a moment.');
}

export const releaseScope = releaseLock;

/**
 * Calls `beat` every `everyMs` (default {@link HEARTBEAT_MS}) until the answered function is called; a
 * failed beat is logged, never thrown. Timers fire during every await, so a long read keeps beating.
 */
export function startHeartbeat(beat: () => Promise<unknown>, everyMs = HEARTBEAT_MS): () => void {
  const timer = setInterval(() => {
    beat().catch((error: unknown) => console.warn('ValueRank: a job heartbeat failed', error));
  }, everyMs);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}

/**
 * One writer of a job's record: every write (progress or heartbeat) waits for the one before, so a
 * heartbeat never lands after, and undoes, a newer progress write. `write` gets the patch.
 */
export function serialWriter<P>(write: (patch: P) => Promise<void>): (patch: P) => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  return (patch) => {
    const next = last.then(() => write(patch));
    last = next.catch(() => undefined);
    return next;
  };
}

/** Queues a stalled job again: its record says `queued`, and the handler goes on from what it kept. */
export async function resumeJobRecord(job: JobRecord, push: PushJob, note: string): Promise<JobRecord> {
  const queued: JobRecord =
    job.kind === 'recheck'
      ? { ...job, state: 'queued', attempts: 0, lastError: note }
      : { ...job, state: 'queued', attempts: 0, message: note };
  const saved = await writeJobRecord(queued);
  await push(job.kind === 'recheck' ? { jobId: job.jobId, step: job.slice } : { jobId: job.jobId });
  return saved;
}

/** Ends a job for good (`failed`, with `message`) and releases its scope. */
export async function abandonJobRecord(job: JobRecord, scope: string, message: string): Promise<JobRecord> {
  const saved = await writeJobRecord(failedRecord(job, message));
  await releaseLock(scope, job.jobId);
  return saved;
}
/** Runs one delivery of a job of the handler's kind; never throws: the record says what happened. */
export type JobHandler = (event: JobEvent, job: JobRecord) => Promise<JobOutcome>;

/**
 * The queue consumer's work: parse the event, find the job, hand it to its kind's handler, and turn "Jira
 * was busy" into a delivery later. An event that names no job is logged and dropped.
 */
export async function consumeJobEvent(
  handlers: Record<JobKind, JobHandler>,
  event: unknown,
): Promise<InvocationError | undefined> {
  const parsed = JobEvent.safeParse((event as { body?: unknown } | null)?.body);
  if (!parsed.success) {
    console.error('ValueRank: a job event without a valid body was ignored', parsed.error.issues[0]);
    return undefined;
  }
  const job = await readJobRecord(parsed.data.jobId);
  if (!job) {
    console.warn(`ValueRank: job ${parsed.data.jobId} is no longer kept; its event was dropped`);
    return undefined;
  }
  const outcome = await handlers[job.kind](parsed.data, job);
  if (outcome === 'retry')
    return new InvocationError({
      retryAfter: RETRY_AFTER_SECONDS,
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
    });
  return undefined;
}
