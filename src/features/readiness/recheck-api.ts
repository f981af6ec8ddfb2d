/**
 * The readiness backfill's part of the resolver API (spread into `payloads` and `Answers` in api.ts):
 * re-check every issue of a project and write its `valuerank-readiness` property, as a queue job
 * (src/features/readiness/recheck.ts).
 */
import { z } from 'zod';
import { projectKey } from '../../shared/ids';

const jobId = z.string().min(1).max(100);

export const recheckPayloads = {
  /**
   * Starts re-checking every issue of the project (project administrators only), as the caller: Jira lets
   * them write the property only where they may edit. A run already going in the project is answered
   * instead of starting another. `pageSize`: issues per slice (default 100).
   */
  'readiness.recheck.start': z
    .object({ projectKey, pageSize: z.number().int().min(1).max(100).optional() })
    .strict(),
  /** A run's progress by its id, or the project's last run (null when it never ran or the run expired). */
  'readiness.recheck.progress': z.union([z.object({ jobId }).strict(), z.object({ projectKey }).strict()]),
  /** Queues a stalled run again from its cursor (the admin who started it, or a project admin). */
  'readiness.recheck.resume': z.object({ jobId }).strict(),
  /** Ends a stalled run for good and releases the project (the admin who started it, or a project admin). */
  'readiness.recheck.abandon': z.object({ jobId }).strict(),
} as const;

export interface RecheckView {
  jobId: string;
  projectKey: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /**
   * True when a queued or running run has not moved (no heartbeat) for 2 minutes: its consumer died. Resume
   * it (`readiness.recheck.resume`) or abandon it (`readiness.recheck.abandon`); a new start replaces it.
   */
  stalled: boolean;
  /** Jira's approximate count of the project's issues at the start (undefined when Jira did not say). */
  total?: number;
  checked: number;
  /** Properties written because the readiness changed (or there was none). */
  written: number;
  unchanged: number;
  /** Not written: Jira refused (no Edit Issues) or the issue was gone. */
  skipped: number;
  skippedReasons: { noPermission: number; notFound: number };
  failed: number;
  /** Some failed issues with Jira's reason (at most 20). */
  failures: Array<{ key: string; message: string }>;
  startedBy: { accountId: string; displayName?: string };
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  lastError?: string;
}

export interface RecheckAnswers {
  'readiness.recheck.start': { jobId: string; alreadyRunning: boolean };
  'readiness.recheck.progress': { run: RecheckView | null };
  'readiness.recheck.resume': { run: RecheckView };
  'readiness.recheck.abandon': { run: RecheckView };
}
