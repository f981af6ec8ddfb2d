/**
 * The readiness backfill ("re-check all issues") in Forge storage, each record checked with zod:
 *
 * | key                          | what                                                                  |
 * | ---------------------------- | --------------------------------------------------------------------- |
 * | `recheck:job:<id>`           | one run: who, when, where it is (page token, offset), counts (30 days) |
 * | `recheck:latest:<project>`   | the project's last run, for the Readiness tab (30 days)               |
 * | `recheck:lock:<project>`     | the project's running run; set only if absent, so one runs at a time  |
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readJson, remove, writeJson } from './json-store';
import { keyOf } from './keys';

/** Runs are kept this long (the Readiness tab shows the last one). */
const RECHECK_TTL_DAYS = 30;
/** Issues named in a run's failures (the rest are only counted). */
export const MAX_RECHECK_FAILURES_KEPT = 20;

const count = z.number().int().min(0);

export const RecheckFailure = z.object({ key: z.string().max(255), message: z.string().max(500) });
export type RecheckFailure = z.infer<typeof RecheckFailure>;

export const RecheckRecord = z.object({
  jobId: z.string().min(1).max(100),
  projectKey: z.string().min(1).max(255),
  /** Who started it: every Jira call of the run acts as them. */
  accountId: z.string().min(1),
  byName: z.string().optional(),
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
export type RecheckRecord = z.infer<typeof RecheckRecord>;

const jobKey = (jobId: string) => keyOf('recheck', 'job', jobId);
const latestKey = (projectKey: string) => keyOf('recheck', 'latest', projectKey);
const lockKey = (projectKey: string) => keyOf('recheck', 'lock', projectKey);
const ttl = { ttlDays: RECHECK_TTL_DAYS };

export async function readRecheck(jobId: string): Promise<RecheckRecord | undefined> {
  return readJson(jobKey(jobId), RecheckRecord);
}

/** Writes a run (failures capped, `updatedAt` now). */
export async function writeRecheck(job: RecheckRecord): Promise<RecheckRecord> {
  return writeJson(
    jobKey(job.jobId),
    RecheckRecord,
    {
      ...job,
      failures: job.failures.slice(0, MAX_RECHECK_FAILURES_KEPT),
      updatedAt: new Date().toISOString(),
    },
    ttl,
  );
}

/** Drops a run's record (a start that lost the race to another run). */
export async function removeRecheck(jobId: string): Promise<void> {
  await remove(jobKey(jobId));
}

const Pointer = z.object({ jobId: z.string().min(1).max(100), at: z.string() });

/** The project's last run, if one is kept. */
export async function latestRecheck(projectKey: string): Promise<RecheckRecord | undefined> {
  const pointer = await readJson(latestKey(projectKey), Pointer);
  return pointer ? readRecheck(pointer.jobId) : undefined;
}

export async function setLatestRecheck(projectKey: string, jobId: string): Promise<void> {
  await writeJson(latestKey(projectKey), Pointer, { jobId, at: new Date().toISOString() }, ttl);
}

/**
 * Claims the project for `jobId` unless another run holds it (Forge writes the lock only if it is absent,
 * so two starts at the same moment cannot both win). Answers the holder's job id: `jobId` when claimed.
 */
export async function claimRecheckLock(projectKey: string, jobId: string): Promise<string> {
  const key = lockKey(projectKey);
  const value = Pointer.parse({ jobId, at: new Date().toISOString() });
  try {
    await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 1, unit: 'DAYS' } });
    return jobId;
  } catch (error) {
    const holder = await readJson(key, Pointer);
    if (!holder) throw error;
    return holder.jobId;
  }
}

/** Releases the project if `jobId` holds it. */
export async function releaseRecheckLock(projectKey: string, jobId: string): Promise<void> {
  const holder = await readJson(lockKey(projectKey), Pointer);
  if (holder?.jobId === jobId) await remove(lockKey(projectKey));
}
