/**
 * What a readiness re-check run is made of, shared by its start (recheck.ts) and its slices
 * (recheck-slice.ts): the scope it holds, the dependencies, the limits, the JQL that pages through the
 * project, and when a run is active or stale.
 */
import type { JiraClient } from '../../jira/client';
import type { PushJob } from '../../jobs/queue';
import type { ConfigSource } from './index';

export { JOBS_QUEUE as RECHECK_QUEUE } from '../../jobs/queue';
/** Issues per JQL page (Jira answers at most 100 when fields are requested). */
export const RECHECK_PAGE_SIZE = 100;
/** A slice stops after this much work and hands over to the next event (Forge allows 900 s). */
export const SLICE_BUDGET_MS = 5 * 60 * 1000;
export { MAX_JOB_ATTEMPTS as MAX_SLICE_ATTEMPTS, STALE_JOB_MS as STALE_RUN_MS } from '../../jobs/runner';

/** The scope a re-check holds: one run per project at a time. */
export const recheckScope = (projectKey: string) => `recheck:${projectKey}`;

export interface RecheckDeps {
  /** Jira as the user who started the run (the resolver's caller; in the consumer, the pusher). */
  jira: JiraClient;
  configs: ConfigSource;
  /** How slices reach the consumer (default: the Forge queue). */
  push?: PushJob;
  /** Milliseconds now (tests move time). */
  now?: () => number;
  /** A slice's work budget (default {@link SLICE_BUDGET_MS}). */
  sliceBudgetMs?: number;
  /** The consumer's heartbeat period (default the runner's `HEARTBEAT_MS`; tests shorten it). */
  heartbeatMs?: number;
}

export const jqlFor = (projectKey: string, after: string | undefined) =>
  `project = "${projectKey}"${after ? ` AND key > "${after}"` : ''} ORDER BY key ASC`;

export { isActive, isStale } from '../../jobs/runner';
