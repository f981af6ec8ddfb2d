/**
 * Re-check every issue of a project (the readiness backfill). The readiness trigger keeps the
 * `valuerank-readiness` property current on edits only; issues nobody edited since the install, and every
 * issue after the project's criteria rules change, need this.
 *
 * A project administrator starts it (resolver `criteria.recheck.start`); it runs as a `@forge/events` job in
 * the context of that user (the consumer acts `asUser()`), so Jira writes the property only on issues they
 * may edit; its 403s are counted as skipped. Each queue event is one bounded slice: at most one JQL page
 * (`project = KEY ORDER BY key`, ≤ 100 issues, the property read in the same search) and at most
 * {@link SLICE_BUDGET_MS} of work, well within Forge's 900 s; then it saves where it is (page token and
 * offset) and pushes the next slice. The property is written only when its value changed. One run per
 * project at a time; progress and counts live in Forge storage (src/store/recheck.ts).
 */
import { randomUUID } from 'node:crypto';
import { Queue } from '@forge/events';
import { z } from 'zod';
import type { CriteriaConfig } from '../core/criteria';
import type { JiraClient } from '../jira/client';
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraValidationError,
  isTransientJiraError,
} from '../jira/errors';
import type { JiraIssue } from '../jira/schemas';
import type { RecheckView } from '../resolvers/recheck-api';
import { projectAccess, requireProjectAdmin } from '../resolvers/project-access';
import { AppError, describeFailure } from '../resolvers/result';
import {
  claimRecheckLock,
  latestRecheck,
  MAX_RECHECK_FAILURES_KEPT,
  readRecheck,
  releaseRecheckLock,
  removeRecheck,
  setLatestRecheck,
  writeRecheck,
  type RecheckRecord,
} from '../store/recheck';
import {
  checkJiraIssue,
  fieldsFor,
  READINESS_PROPERTY_KEY,
  readinessOf,
  type ConfigSource,
  type ReadinessProperty,
} from './index';

export const RECHECK_QUEUE = 'valuerank-readiness-backfill';
/** Issues per JQL page (Jira answers at most 100 when fields are requested). */
export const RECHECK_PAGE_SIZE = 100;
/** A slice stops after this much work and hands over to the next event (Forge allows 900 s). */
export const SLICE_BUDGET_MS = 5 * 60 * 1000;
/** A queued or running run whose record has not moved for this long is dead (its consumer gave up). */
export const STALE_RUN_MS = 30 * 60 * 1000;
/** Deliveries of one slice before the run fails (transient Jira errors are retried by the queue). */
export const MAX_SLICE_ATTEMPTS = 4;
/** Issues checked and written at once within a slice. */
const WRITE_CONCURRENCY = 4;
/** Progress is saved after this many issues, so a slice delivered again redoes little. */
const SAVE_EVERY = 20;

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

const jqlFor = (projectKey: string, after: string | undefined) =>
  `project = "${projectKey}"${after ? ` AND key > "${after}"` : ''} ORDER BY key ASC`;

const isActive = (job: RecheckRecord) => job.state === 'queued' || job.state === 'running';
const isStale = (job: RecheckRecord, now: number) =>
  isActive(job) && now - Date.parse(job.updatedAt) > STALE_RUN_MS;

export function recheckView(job: RecheckRecord, now = Date.now()): RecheckView {
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
    startedBy: { accountId: job.accountId, ...(job.byName ? { displayName: job.byName } : {}) },
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
  const me = await deps.jira.myself().catch(() => undefined);
  const total = await deps.jira.countIssues(jqlFor(projectKey, undefined)).catch(() => undefined);
  const at = new Date(now()).toISOString();
  let job: RecheckRecord = await writeRecheck({
    jobId: randomUUID(),
    projectKey,
    accountId: input.accountId,
    ...(me?.displayName ? { byName: me.displayName } : {}),
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

  // The record is written before the lock is claimed, so a holder without a record is a dead run.
  for (let round = 0; ; round += 1) {
    const holder = await claimRecheckLock(projectKey, job.jobId);
    if (holder === job.jobId) break;
    const other = await readRecheck(holder);
    if (other && isActive(other) && (!isStale(other, now()) || round > 0)) {
      await removeRecheck(job.jobId);
      return { jobId: holder, alreadyRunning: true };
    }
    if (other && isActive(other))
      await writeRecheck({
        ...other,
        state: 'failed',
        finishedAt: at,
        lastError: 'The run stopped making progress and was replaced by a new one.',
      });
    await releaseRecheckLock(projectKey, holder);
    if (round > 0) throw new AppError('conflict', 'Another re-check is starting; try again in a moment.');
  }

  await setLatestRecheck(projectKey, job.jobId);
  try {
    await (deps.push ?? pushRecheck)({
      jobId: job.jobId,
      projectKey,
      slice: 0,
      accountId: input.accountId,
    });
  } catch (error) {
    job = await writeRecheck({
      ...job,
      state: 'failed',
      finishedAt: new Date(now()).toISOString(),
      lastError: 'The re-check could not be queued; nothing was changed.',
    });
    await releaseRecheckLock(projectKey, job.jobId);
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
    const job = await latestRecheck(query.projectKey);
    return { run: job ? recheckView(job, now) : null };
  }
  const job = await readRecheck(query.jobId);
  const missing = new AppError('not-found', 'There is no such re-check (runs are kept for 30 days).');
  if (!job) throw missing;
  if (job.accountId !== accountId && !(await canBrowse(job.projectKey))) throw missing;
  return { run: recheckView(job, now) };
}

/** The same readiness, ignoring when it was computed (`at`). */
export function sameReadiness(stored: unknown, fresh: ReadinessProperty): boolean {
  if (!stored || typeof stored !== 'object') return false;
  const s = stored as Partial<Record<keyof ReadinessProperty, unknown>>;
  return (
    s.ready === fresh.ready &&
    s.quality === fresh.quality &&
    s.criteria === fresh.criteria &&
    s.done === fresh.done &&
    s.total === fresh.total &&
    Array.isArray(s.blocking) &&
    s.blocking.length === fresh.blocking.length &&
    s.blocking.every((k, i) => k === fresh.blocking[i])
  );
}

export type SliceOutcome = 'continued' | 'done' | 'retry' | 'failed' | 'skipped';

type IssueOutcome = 'written' | 'unchanged' | 'no-permission' | 'not-found' | { failed: string };

/** Checks one issue read with its readiness property; writes the property only when it changed. */
async function recheckIssue(
  jira: JiraClient,
  issue: JiraIssue,
  config: CriteriaConfig,
): Promise<IssueOutcome> {
  const fresh = readinessOf(checkJiraIssue(issue, config));
  if (sameReadiness(issue.properties?.[READINESS_PROPERTY_KEY], fresh)) return 'unchanged';
  try {
    await jira.setIssueProperty(issue.key, READINESS_PROPERTY_KEY, fresh);
    return 'written';
  } catch (error) {
    if (error instanceof JiraForbiddenError) return 'no-permission';
    if (error instanceof JiraNotFoundError) return 'not-found';
    if (isTransientJiraError(error) || !(error instanceof JiraError || error instanceof RangeError))
      throw error;
    return { failed: describeFailure(error).slice(0, 500) };
  }
}

/** One delivery of a slice's event. Never throws: the run's record says what happened. */
export async function runRecheckSlice(
  deps: RecheckDeps,
  event: Pick<RecheckEvent, 'jobId' | 'slice'>,
): Promise<SliceOutcome> {
  const now = deps.now ?? Date.now;
  const started = now();
  const found = await readRecheck(event.jobId);
  if (!found || !isActive(found) || found.slice !== event.slice) return 'skipped';
  let job: RecheckRecord = await writeRecheck({
    ...found,
    state: 'running',
    attempts: found.attempts + 1,
    lastError: undefined,
  });
  const save = async (patch: Partial<RecheckRecord> = {}) => {
    job = await writeRecheck({ ...job, ...patch });
  };
  /** Queues the slice the record now names; a failure here stops the run (it is never retried). */
  const handOver = async () => {
    try {
      await (deps.push ?? pushRecheck)({
        jobId: job.jobId,
        projectKey: job.projectKey,
        slice: job.slice,
        accountId: job.accountId,
      });
    } catch (error) {
      console.error('ValueRank: the next re-check slice could not be queued', job.jobId, error);
      throw new AppError('internal', 'the next part of the re-check could not be queued. Start it again.');
    }
  };
  const finish = async (patch: Partial<RecheckRecord>) => {
    await save({ ...patch, finishedAt: new Date(now()).toISOString() });
    await releaseRecheckLock(job.projectKey, job.jobId).catch(() => undefined);
  };

  try {
    const config = await deps.configs.config(job.projectKey);
    const query = {
      fields: fieldsFor(config),
      properties: [READINESS_PROPERTY_KEY],
      pageSize: job.pageSize,
    };
    let page: { issues: JiraIssue[]; nextPageToken: string | undefined };
    try {
      page = await deps.jira.searchPage(
        { ...query, jql: jqlFor(job.projectKey, job.cursor.after) },
        job.cursor.pageToken,
      );
    } catch (error) {
      // Jira no longer takes the page token (expired between slices): go on by key after the last one done.
      if (!(error instanceof JiraValidationError) || !job.cursor.pageToken || !job.cursor.lastKey)
        throw error;
      await save({ cursor: { after: job.cursor.lastKey, lastKey: job.cursor.lastKey, offset: 0 } });
      page = await deps.jira.searchPage({ ...query, jql: jqlFor(job.projectKey, job.cursor.after) });
    }

    const budget = deps.sliceBudgetMs ?? SLICE_BUDGET_MS;
    let sinceSave = 0;
    const rest = page.issues.slice(job.cursor.offset);
    for (let at = 0; at < rest.length; at += WRITE_CONCURRENCY) {
      if (now() - started > budget) {
        // Out of time mid-page: the next slice starts from the same page, after the issues done.
        await save({ slice: job.slice + 1, attempts: 0 });
        await handOver();
        return 'continued';
      }
      // A few issues at a time: writes overlap Jira's latency; a throw re-runs the slice from the last
      // batch counted (re-writing the same value is harmless).
      const batch = rest.slice(at, at + WRITE_CONCURRENCY);
      const outcomes = await Promise.all(batch.map((issue) => recheckIssue(deps.jira, issue, config)));
      batch.forEach((issue, i) => {
        const outcome = outcomes[i] as IssueOutcome;
        job = {
          ...job,
          checked: job.checked + 1,
          written: job.written + (outcome === 'written' ? 1 : 0),
          unchanged: job.unchanged + (outcome === 'unchanged' ? 1 : 0),
          skipped: job.skipped + (outcome === 'no-permission' || outcome === 'not-found' ? 1 : 0),
          skippedNoPermission: job.skippedNoPermission + (outcome === 'no-permission' ? 1 : 0),
          skippedNotFound: job.skippedNotFound + (outcome === 'not-found' ? 1 : 0),
          failed: job.failed + (typeof outcome === 'object' ? 1 : 0),
          failures:
            typeof outcome === 'object' && job.failures.length < MAX_RECHECK_FAILURES_KEPT
              ? [...job.failures, { key: issue.key, message: outcome.failed }]
              : job.failures,
          cursor: { ...job.cursor, offset: job.cursor.offset + 1, lastKey: issue.key },
        };
      });
      sinceSave += batch.length;
      if (sinceSave >= SAVE_EVERY) {
        await save();
        sinceSave = 0;
      }
    }

    if (!page.nextPageToken) {
      await finish({ state: 'done' });
      return 'done';
    }
    await save({
      cursor: {
        ...(job.cursor.after ? { after: job.cursor.after } : {}),
        pageToken: page.nextPageToken,
        offset: 0,
        ...(job.cursor.lastKey ? { lastKey: job.cursor.lastKey } : {}),
      },
      slice: job.slice + 1,
      attempts: 0,
    });
    await handOver();
    return 'continued';
  } catch (error) {
    if (isTransientJiraError(error) && job.attempts < MAX_SLICE_ATTEMPTS) {
      await save({
        state: 'queued',
        lastError: `Jira is busy; the re-check resumes shortly. (${describeFailure(error)})`,
      }).catch(() => undefined);
      return 'retry';
    }
    console.error('ValueRank readiness re-check failed', job.jobId, error);
    await finish({ state: 'failed', lastError: `The re-check stopped: ${describeFailure(error)}` }).catch(
      () => undefined,
    );
    return 'failed';
  }
}
