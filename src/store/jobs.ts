/**
 * Every background job's state, in one place (Forge storage, each record checked with zod): reorders
 * (`apply`, `undo`) and readiness re-checks (`recheck`). The one job runner (src/jobs) reads and writes
 * jobs only through this file.
 *
 * | key                    | what                                                                        |
 * | ---------------------- | --------------------------------------------------------------------------- |
 * | `job:<id>`             | one job: kind, who started it, state, progress, failures (reorder 7 days, re-check 30 days) |
 * | `job-lock:<scope>`     | the job holding a scope (`board:1`, `recheck:TRAIL`); set only if absent, so it is atomic |
 * | `job-latest:<scope>`   | the scope's last job, for the screens that show it                          |
 */
import { z } from 'zod';
import { ModelConfigSchema } from '../core/scoring';
import { readJson, remove, writeJson } from './json-store';
import { keyOf } from './keys';
import { claimKey } from './locks';

/** Failures kept in a reorder job's record (the rest are counted in its message). */
export const MAX_FAILURES_KEPT = 200;
/** Issues named in a re-check's failures (the rest are only counted). */
export const MAX_RECHECK_FAILURES_KEPT = 20;
const REORDER_TTL_DAYS = 7;
const RECHECK_TTL_DAYS = 30;

// ------------------------------------------------------------------------------------------------ reorder

export const JobFailure = z.object({ key: z.string(), errors: z.array(z.string()) });

export const ReorderJob = z.object({
  jobId: z.string().min(1).max(100),
  kind: z.enum(['apply', 'undo']),
  boardId: z.number().int().positive(),
  projectKey: z.string(),
  /** Who started it: the consumer acts as them. Account id only (ADR 9; an old `byName` is dropped on read). */
  accountId: z.string(),
  model: ModelConfigSchema,
  /** The preview's fingerprint (apply). */
  fingerprint: z.string().optional(),
  /** Undo: the snapshot it restores. Apply: the snapshot it stored. */
  snapshotId: z.string().optional(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** Rank calls done / planned. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  replanned: z.boolean(),
  failed: z.array(JobFailure),
  failedCount: z.number().int().min(0).default(0),
  verified: z.boolean().optional(),
  message: z.string().optional(),
  /** Issues the rank calls so far moved (Jira took them), the first 50 by key; and how many in all. */
  moved: z.array(z.string()).max(50).optional(),
  movedCount: z.number().int().min(0).optional(),
  /** Chunk counts of the stored plan, once planned. */
  plan: z
    .object({
      before: z.number().int().min(1),
      target: z.number().int().min(1),
      calls: z.number().int().min(1),
      moved: z.number().int().min(0),
    })
    .optional(),
  /** Deliveries of the queue event so far. */
  attempts: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReorderJob = z.infer<typeof ReorderJob>;

// ------------------------------------------------------------------------------------------------ re-check

const count = z.number().int().min(0);

export const RecheckFailure = z.object({ key: z.string().max(255), message: z.string().max(500) });
export type RecheckFailure = z.infer<typeof RecheckFailure>;

export const RecheckJob = z.object({
  jobId: z.string().min(1).max(100),
  kind: z.literal('recheck').default('recheck'),
  projectKey: z.string().min(1).max(255),
  /** Who started it: every Jira call of the run acts as them. */
  accountId: z.string().min(1),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** Issues per JQL page (at most 100). */
  pageSize: z.number().int().min(1).max(100),
  /** Jira's approximate count of the project's issues when the run started. */
  total: count.optional(),
  /** Issues checked so far, and what became of them. */
  checked: count,
  written: count,
  unchanged: count,
  skipped: count,
  /** Of the skipped: Jira refused the write (no Edit Issues), or the issue was gone. */
  skippedNoPermission: count,
  skippedNotFound: count,
  failed: count,
  failures: z.array(RecheckFailure).max(MAX_RECHECK_FAILURES_KEPT),
  /** Where the next slice starts: the token of the page being worked on, and issues already done on it. */
  cursor: z.object({
    /** Set when Jira stopped taking a page token: the run goes on with `key > after`. */
    after: z.string().max(255).optional(),
    /** Undefined: the first page. */
    pageToken: z.string().max(10_000).optional(),
    offset: count,
    /** The last issue done, to resume by key if Jira no longer takes the token. */
    lastKey: z.string().max(255).optional(),
  }),
  /** Slices done; each queue event names the slice it runs, so a redelivered event runs nothing twice. */
  slice: count,
  /** Deliveries of the current slice (transient Jira failures are retried by the queue). */
  attempts: count,
  lastError: z.string().max(2000).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type RecheckJob = z.infer<typeof RecheckJob>;

// ------------------------------------------------------------------------------------------------ view

/**
 * A view snapshot being computed in the background (docs/adr/0011-view-snapshots.md): `analyze` (the
 * Prioritize analysis of a board) or `health` (the gadget's). The resolver answers at once; this job reads
 * the backlog and writes the snapshot (src/store/views.ts).
 */
export const ViewJob = z.object({
  jobId: z.string().min(1).max(100),
  kind: z.enum(['analyze', 'health']),
  boardId: z.number().int().positive(),
  projectKey: z.string().min(1).max(255),
  /** Who asked: the consumer reads Jira as them. */
  accountId: z.string().min(1),
  /** The snapshot's variant and the fingerprint it is computed for. */
  variant: z.string().min(1).max(100),
  fingerprint: z.string().min(1).max(200),
  /** The feature's parameters (the model tried, the gadget's top N). */
  params: z.record(z.string(), z.unknown()).default({}),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** Backlog issues read so far, of `total`. */
  read: count,
  total: count.optional(),
  message: z.string().max(2000).optional(),
  attempts: count,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ViewJob = z.infer<typeof ViewJob>;

export const isViewJob = (job: { kind: string }): job is ViewJob =>
  job.kind === 'analyze' || job.kind === 'health';

/** A view job by id; undefined for a job of another kind. */
export async function readViewJob(jobId: string): Promise<ViewJob | undefined> {
  const job = await readJobRecord(jobId);
  return job && isViewJob(job) ? job : undefined;
}

/** Writes a view job (`updatedAt` now; kept a day). */
export async function writeViewJob(job: z.input<typeof ViewJob>): Promise<ViewJob> {
  return writeJson(
    jobKey(job.jobId),
    ViewJob,
    { ...job, updatedAt: new Date().toISOString() },
    { ttlDays: 1 },
  );
}

// ------------------------------------------------------------------------------------------------ any job

export const JobRecord = z.union([ReorderJob, RecheckJob, ViewJob]);
export type JobRecord = ReorderJob | RecheckJob | ViewJob;
export type JobKind = JobRecord['kind'];

const jobKey = (jobId: string) => keyOf('job', jobId);

/** A job of any kind, by id. */
export async function readJobRecord(jobId: string): Promise<JobRecord | undefined> {
  return readJson(jobKey(jobId), JobRecord);
}

/** A reorder job by id; undefined for a job of another kind. */
export async function readReorderJob(jobId: string): Promise<ReorderJob | undefined> {
  const job = await readJobRecord(jobId);
  return job?.kind === 'apply' || job?.kind === 'undo' ? job : undefined;
}

/** Writes a reorder job (failures capped, `updatedAt` now). */
export async function writeReorderJob(job: ReorderJob): Promise<ReorderJob> {
  const failed = job.failed.slice(0, MAX_FAILURES_KEPT);
  return writeJson(
    jobKey(job.jobId),
    ReorderJob,
    { ...job, failed, updatedAt: new Date().toISOString() },
    { ttlDays: REORDER_TTL_DAYS },
  );
}

/** A re-check job by id; undefined for a job of another kind. */
export async function readRecheckJob(jobId: string): Promise<RecheckJob | undefined> {
  const job = await readJobRecord(jobId);
  return job?.kind === 'recheck' ? job : undefined;
}

/** Writes a re-check job (failures capped, `updatedAt` now). */
export async function writeRecheckJob(job: z.input<typeof RecheckJob>): Promise<RecheckJob> {
  return writeJson(
    jobKey(job.jobId),
    RecheckJob,
    {
      ...job,
      failures: job.failures.slice(0, MAX_RECHECK_FAILURES_KEPT),
      updatedAt: new Date().toISOString(),
    },
    { ttlDays: RECHECK_TTL_DAYS },
  );
}

/** Writes a job of either kind. */
export async function writeJobRecord(job: JobRecord): Promise<JobRecord> {
  if (isViewJob(job)) return writeViewJob(job);
  return job.kind === 'recheck' ? writeRecheckJob(job) : writeReorderJob(job as ReorderJob);
}

/** Drops a job's record (a start that lost the race to another job). */
export async function removeJob(jobId: string): Promise<void> {
  await remove(jobKey(jobId));
}

// ------------------------------------------------------------------------------------------------ scopes

export const ScopeLock = z.object({ jobId: z.string().min(1).max(100), at: z.string() });
export type ScopeLock = z.infer<typeof ScopeLock>;

const lockKey = (scope: string) => keyOf('job-lock', scope);
const latestKey = (scope: string) => keyOf('job-latest', scope);

/**
 * Claims `scope` for `jobId` unless a job holds it: Forge writes the lock only if it is absent
 * (`FAIL_IF_EXISTS`), so of two claims at the same moment exactly one wins. Answers the holder.
 */
export async function claimLock(scope: string, jobId: string): Promise<ScopeLock> {
  const key = lockKey(scope);
  const value = ScopeLock.parse({ jobId, at: new Date().toISOString() });
  const claim = await claimKey(key, value, { value: 1, unit: 'DAYS' }, () => readJson(key, ScopeLock));
  return claim.claimed ? value : claim.holder;
}

/** The job holding `scope`, if any. */
export async function readLock(scope: string): Promise<ScopeLock | undefined> {
  return readJson(lockKey(scope), ScopeLock);
}

/** Releases `scope` if `jobId` holds it. */
export async function releaseLock(scope: string, jobId: string): Promise<void> {
  const holder = await readLock(scope);
  if (holder?.jobId === jobId) await remove(lockKey(scope));
}

/** The scope's last job, if one is kept. */
export async function latestJobId(scope: string): Promise<string | undefined> {
  return (await readJson(latestKey(scope), ScopeLock))?.jobId;
}

export async function setLatestJob(scope: string, jobId: string): Promise<void> {
  await writeJson(
    latestKey(scope),
    ScopeLock,
    { jobId, at: new Date().toISOString() },
    { ttlDays: RECHECK_TTL_DAYS },
  );
}
