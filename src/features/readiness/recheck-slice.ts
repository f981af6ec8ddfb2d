/**
 * One slice of a readiness re-check run (see recheck.ts): at most one JQL page and at most
 * {@link SLICE_BUDGET_MS} of work, checking each issue and writing its readiness property only when it
 * changed, then saving where it is and queuing the next slice.
 */
import type { CriteriaConfig } from '../../core/criteria';
import type { JiraClient } from '../../jira/client';
import {
  JiraError,
  JiraForbiddenError,
  JiraNotFoundError,
  JiraValidationError,
  isTransientJiraError,
} from '../../jira/errors';
import type { JiraIssue } from '../../jira/schemas';
import { pushJob, type JobEvent } from '../../jobs/queue';
import {
  describeFailure,
  releaseScope,
  serialWriter,
  startHeartbeat,
  type JobOutcome,
} from '../../jobs/runner';
import { AppError } from '../../shared/errors';
import {
  MAX_RECHECK_FAILURES_KEPT,
  readRecheckJob,
  writeRecheckJob,
  type RecheckJob,
} from '../../store/jobs';
import { QUESTIONS_PROPERTY } from '../../core/questions';
import { checkJiraIssue, fieldsFor, READINESS_PROPERTY_KEY, readinessOf, sameReadiness } from './index';
import {
  isActive,
  jqlFor,
  MAX_SLICE_ATTEMPTS,
  recheckScope,
  SLICE_BUDGET_MS,
  type RecheckDeps,
} from './recheck-run';

/** Issues checked and written at once within a slice. */
const WRITE_CONCURRENCY = 4;
/** Progress is saved after this many issues, so a slice delivered again redoes little. */
const SAVE_EVERY = 20;

export type SliceOutcome = JobOutcome;

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
  event: Pick<JobEvent, 'jobId' | 'step'>,
): Promise<SliceOutcome> {
  const now = deps.now ?? Date.now;
  const started = now();
  const found = await readRecheckJob(event.jobId);
  if (!found || !isActive(found) || found.slice !== (event.step ?? 0)) return 'skipped';
  let job: RecheckJob = await writeRecheckJob({
    ...found,
    state: 'running',
    attempts: found.attempts + 1,
    lastError: undefined,
  });
  // Progress and heartbeats go through one writer, so a heartbeat never undoes newer progress.
  const save = serialWriter(async (patch: Partial<RecheckJob> = {}) => {
    job = await writeRecheckJob({ ...job, ...patch });
  });
  const stopHeartbeat = startHeartbeat(() => save({}), deps.heartbeatMs);
  /** Queues the slice the record now names; a failure here stops the run (it is never retried). */
  const handOver = async () => {
    try {
      await (deps.push ?? pushJob)({ jobId: job.jobId, step: job.slice });
    } catch (error) {
      console.error('ValueRank: the next re-check slice could not be queued', job.jobId, error);
      throw new AppError('internal', 'the next part of the re-check could not be queued. Start it again.');
    }
  };
  const finish = async (patch: Partial<RecheckJob>) => {
    await save({ ...patch, finishedAt: new Date(now()).toISOString() });
    await releaseScope(recheckScope(job.projectKey), job.jobId).catch(() => undefined);
  };

  try {
    const config = await deps.configs.config(job.projectKey);
    const query = {
      fields: fieldsFor(config),
      properties: [READINESS_PROPERTY_KEY, QUESTIONS_PROPERTY],
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
        await save({});
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
  } finally {
    stopHeartbeat();
  }
}
