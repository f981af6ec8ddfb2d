/**
 * What a readiness re-check run is made of, shared by its start (recheck.ts) and its slices
 * (recheck-slice.ts): the queue and its event, the dependencies, the limits, the JQL that pages through the
 * project, and when a run is active or stale.
 */
import { Queue } from '@forge/events';
import { z } from 'zod';
import type { JiraClient } from '../../jira/client';
import type { RecheckRecord } from '../../store/recheck';
import type { ConfigSource } from '.';

export const RECHECK_QUEUE = 'valuerank-readiness-backfill';
/** Issues per JQL page (Jira answers at most 100 when fields are requested). */
export const RECHECK_PAGE_SIZE = 100;
/** A slice stops after this much work and hands over to the next event (Forge allows 900 s). */
export const SLICE_BUDGET_MS = 5 * 60 * 1000;
/** A queued or running run whose record has not moved for this long is dead (its consumer gave up). */
export const STALE_RUN_MS = 30 * 60 * 1000;
/** Deliveries of one slice before the run fails (transient Jira errors are retried by the queue). */
export const MAX_SLICE_ATTEMPTS = 4;

/** The event body: which run, and which of its slices (a slice delivered twice runs once). */
export const RecheckEvent = z.object({
  jobId: z.string().min(1).max(100),
  projectKey: z.string().min(1).max(255),
  slice: z.number().int().min(0),
  accountId: z.string().min(1),
});
export type RecheckEvent = z.infer<typeof RecheckEvent>;

/** Pushes one slice's event. */
export type PushRecheck = (event: RecheckEvent) => Promise<void>;

export const pushRecheck: PushRecheck = async (event) => {
  await new Queue({ key: RECHECK_QUEUE }).push({ body: { ...event } });
};

export interface RecheckDeps {
  /** Jira as the user who started the run (the resolver's caller; in the consumer, the pusher). */
  jira: JiraClient;
  configs: ConfigSource;
  /** How slices reach the consumer (default: the Forge queue). */
  push?: PushRecheck;
  /** Milliseconds now (tests move time). */
  now?: () => number;
  /** A slice's work budget (default {@link SLICE_BUDGET_MS}). */
  sliceBudgetMs?: number;
}

export const jqlFor = (projectKey: string, after: string | undefined) =>
  `project = "${projectKey}"${after ? ` AND key > "${after}"` : ''} ORDER BY key ASC`;

export const isActive = (job: RecheckRecord) => job.state === 'queued' || job.state === 'running';
export const isStale = (job: RecheckRecord, now: number) =>
  isActive(job) && now - Date.parse(job.updatedAt) > STALE_RUN_MS;
