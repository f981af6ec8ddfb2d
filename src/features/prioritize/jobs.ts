/**
 * Apply and undo as jobs. The resolver checks the caller's rights, records a job in storage and pushes a
 * queue event; the consumer (Forge keeps the pushing user's context, so Jira calls act as them) does the
 * work within Forge's 900 s budget:
 *
 * 1. Plan from the backlog as it is now. Apply: score, order and plan afresh (a preview's plan is never
 *    replayed); when the order, model or value order differs from the preview's fingerprint the job says
 *    `replanned`. Before the first rank call the current order is stored as an undo snapshot. Undo: plan from
 *    the current order back to the snapshot (issues added since keep their neighbours).
 * 2. Make the rank calls in order, saving progress after each. A job delivered again after a failure resumes
 *    after the last completed call when the backlog is exactly where those calls left it, else plans again.
 * 3. Re-read the backlog: `verified` when it is exactly the planned order.
 * 4. Write the scores back as the app (custom field, issue property): apply with its model, undo with the
 *    project's current model, so no written score outlives an undone reorder. Undo: drop the snapshot.
 */
import { randomUUID } from 'node:crypto';
import { applyPlan, outOfPlace, planRank, sameOrder } from '../../core/rank-plan';
import type { ModelConfig } from '../../core/scoring';
import type { JiraClient } from '../../jira/client';
import { pushJob, type JobEvent, type PushJob } from '../../jobs/queue';
import {
  abandonJobRecord,
  claimScope,
  describeFailure,
  isStale,
  isTransientJiraError,
  MAX_JOB_ATTEMPTS,
  releaseScope,
  resumeJobRecord,
  serialWriter,
  startHeartbeat,
  type JobOutcome,
} from '../../jobs/runner';
import { AppError } from '../../shared/errors';
import { requireProjectAdmin } from '../../shared/project-access';
import { readReorderJob, writeReorderJob, type ReorderJob as JobRecord } from '../../store/jobs';
import {
  dropSnapshot,
  listSnapshots,
  type StoredRankCall,
  pushSnapshot,
  readJobPlan,
  readSnapshotOrder,
  writeJobPlan,
  type JobPlan,
} from '../../store/prioritize';
import type { JobView } from './api';
import {
  analyzeBoard,
  backlogKeys,
  fingerprintOf,
  settingsInForce,
  type Analysis,
  type ServiceDeps,
} from './analyze';
import { requireRank, resolveBoard, type BoardRef } from './board';
import { runRankCalls, type FailedIssue } from './execute';
import { assertModelCompiles, modelLabel } from './model';
import { DEFAULT_MODEL } from './sources';
import { writeScores } from './writeback';

export interface JobDeps extends ServiceDeps {
  /** Jira as the app: writes the score field and the issue properties. */
  appJira?: JiraClient;
  /** How events reach the consumer (default: the Forge queue). */
  push?: PushJob;
  /** The consumer's heartbeat period (default the runner's `HEARTBEAT_MS`; tests shorten it). */
  heartbeatMs?: number;
}

/** The scope a reorder holds: one reorder or undo per board at a time. */
export const boardScope = (boardId: number) => `board:${boardId}`;

export function jobView(job: JobRecord, now = Date.now()): JobView {
  return {
    jobId: job.jobId,
    kind: job.kind,
    state: job.state,
    stalled: isStale(job, now),
    done: job.done,
    total: job.total,
    replanned: job.replanned,
    failed: job.failed,
    ...(job.verified !== undefined ? { verified: job.verified } : {}),
    ...(job.message ? { message: job.message } : {}),
    ...(job.moved && job.moved.length > 0 && job.state === 'failed'
      ? { partial: true, movedKeys: job.moved }
      : {}),
    startedBy: { accountId: job.accountId },
    updatedAt: job.updatedAt,
  };
}

/** Issues named as moved in a job's record and message (the rest are counted). */
const MOVED_NAMED = 50;

/** The issues the calls done so far moved: every issue of those calls that Jira did not refuse. */
export function movedByCalls(
  calls: readonly StoredRankCall[],
  done: number,
  failed: readonly { key: string }[],
): string[] {
  const refused = new Set(failed.map((f) => f.key));
  const moved = new Set<string>();
  for (const call of calls.slice(0, done))
    for (const key of call.issues) if (!refused.has(key)) moved.add(key);
  return [...moved];
}

/** What a job that stopped part-way says: what moved, and how to get the order back. */
function partialSentence(job: JobRecord, moved: readonly string[]): string {
  if (moved.length === 0) return 'Nothing was moved.';
  const named = moved.slice(0, 20).join(', ') + (moved.length > 20 ? `, and ${moved.length - 20} more` : '');
  return job.kind === 'apply'
    ? `The backlog is partly reordered: ${moved.length} issue${moved.length === 1 ? '' : 's'} moved (${named}). Undo restores the order from before.`
    : `The backlog is partly restored: ${moved.length} issue${moved.length === 1 ? '' : 's'} moved back (${named}). Start Undo again to finish restoring it.`;
}

/**
 * The order to restore: the snapshot's issues that are still in the backlog, in the snapshot's order; an
 * issue that joined the backlog since keeps its place right after the issue it follows now.
 */
export function restoreTarget(snapshot: readonly string[], current: readonly string[]): string[] {
  const present = new Set(current);
  const base = snapshot.filter((k) => present.has(k));
  const inBase = new Set(base);
  const newcomers = new Map<string | undefined, string[]>();
  let previous: string | undefined;
  for (const key of current) {
    if (inBase.has(key)) previous = key;
    else newcomers.set(previous, [...(newcomers.get(previous) ?? []), key]);
  }
  return [...(newcomers.get(undefined) ?? []), ...base.flatMap((k) => [k, ...(newcomers.get(k) ?? [])])];
}

interface EnqueueSpec {
  kind: JobRecord['kind'];
  board: BoardRef;
  model: ModelConfig;
  accountId: string;
  fingerprint?: string;
  snapshotId?: string;
}

async function enqueue(deps: JobDeps, spec: EnqueueSpec): Promise<JobView> {
  const { board } = spec;
  const now = new Date().toISOString();
  const job: JobRecord = await writeReorderJob({
    jobId: randomUUID(),
    kind: spec.kind,
    boardId: board.id,
    projectKey: board.projectKey,
    accountId: spec.accountId,
    model: spec.model,
    ...(spec.fingerprint ? { fingerprint: spec.fingerprint } : {}),
    ...(spec.snapshotId ? { snapshotId: spec.snapshotId } : {}),
    state: 'queued',
    done: 0,
    total: 0,
    replanned: false,
    failed: [],
    failedCount: 0,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
  // The board is claimed atomically before anything else happens: of two starts at once, one wins.
  const claim = await claimScope(boardScope(board.id), job);
  if (!claim.claimed)
    throw new AppError(
      'conflict',
      `Busy: the backlog of ${board.name} is being reordered already; wait until that finishes (job ${claim.holder.jobId}). Nothing was started.`,
    );
  try {
    await (deps.push ?? pushJob)({ jobId: job.jobId });
  } catch (error) {
    await writeReorderJob({
      ...job,
      state: 'failed',
      message: 'The reorder could not be queued; nothing was changed.',
    });
    await releaseScope(boardScope(board.id), job.jobId);
    throw error;
  }
  return jobView(job);
}

export interface ApplyInput {
  boardId: number;
  model?: ModelConfig | undefined;
  fingerprint: string;
  accountId: string;
  /** The project the app was opened in. */
  projectKey?: string | undefined;
}

/** Checks rights, records the job and queues it. Nothing in Jira changes before the consumer runs. */
export async function startApply(deps: JobDeps, input: ApplyInput): Promise<JobView> {
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  await requireRank(deps.jira, board.projectKey, `reorder the backlog of ${board.name}`);
  const model = input.model ?? (await deps.settings.model(board.projectKey)) ?? DEFAULT_MODEL;
  if (input.model) {
    // A model from the payload is checked now, not in the consumer: a bad formula is the caller's to fix.
    const { mapping } = await settingsInForce(deps, board, { model });
    assertModelCompiles(model, mapping);
  }
  return enqueue(deps, {
    kind: 'apply',
    board,
    model,
    accountId: input.accountId,
    fingerprint: input.fingerprint,
  });
}

/** Queues a job that restores the board's latest snapshot. */
export async function startUndo(
  deps: JobDeps,
  input: { boardId: number; accountId: string; projectKey?: string | undefined },
): Promise<JobView> {
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  await requireRank(deps.jira, board.projectKey, `undo a reorder of ${board.name}`);
  const latest = (await listSnapshots(board.id))[0];
  if (!latest)
    throw new AppError('conflict', `There is nothing to undo on ${board.name}: no reorder is kept for it.`);
  const model = (await deps.settings.model(board.projectKey)) ?? DEFAULT_MODEL;
  return enqueue(deps, {
    kind: 'undo',
    board,
    model,
    accountId: input.accountId,
    snapshotId: latest.id,
  });
}

function summary(job: JobRecord, plan: JobPlan, verified: boolean, problems: readonly string[]): string {
  const what = job.kind === 'apply' ? 'Reordered' : 'Restored';
  // The one moved count (issues out of place): the same for a reorder and its undo, as the preview said.
  const moved = outOfPlace(plan.before, plan.target);
  const parts = [
    plan.calls.length === 0
      ? 'The backlog was already in this order; nothing was moved.'
      : `${what} ${moved} issue${moved === 1 ? '' : 's'} with ${plan.calls.length} rank call${plan.calls.length === 1 ? '' : 's'}.`,
  ];
  if (job.replanned) parts.push('The backlog had changed since the preview, so the plan was made again.');
  if (job.failedCount > 0) {
    const named = job.failed.map((f) => `${f.key} (${f.errors.join(' ') || 'refused'})`);
    parts.push(
      `Jira refused to rank ${job.failedCount} issue${job.failedCount === 1 ? '' : 's'}, even when asked again: ${named.slice(0, 20).join(', ')}${job.failedCount > 20 ? ', ...' : ''}.`,
    );
  }
  parts.push(
    verified
      ? 'Jira now shows exactly the planned order.'
      : 'Jira does not show exactly the planned order: someone may have moved issues meanwhile.',
  );
  parts.push(...problems);
  return parts.join(' ');
}

/** The consumer's work for one delivery of a job's event. Never throws: the job record says what happened. */
export async function runJob(deps: JobDeps, event: Pick<JobEvent, 'jobId'>): Promise<JobOutcome> {
  const found = await readReorderJob(event.jobId);
  if (!found || found.state === 'done' || found.state === 'failed') return 'skipped';
  let job: JobRecord = await writeReorderJob({
    ...found,
    state: 'running',
    attempts: found.attempts + 1,
    message: undefined,
  });
  // Progress and heartbeats go through one writer, so a heartbeat never undoes newer progress.
  const save = serialWriter(async (patch: Partial<JobRecord>) => {
    job = await writeReorderJob({ ...job, ...patch });
  });
  const stopHeartbeat = startHeartbeat(() => save({}), deps.heartbeatMs);
  let plan: JobPlan | undefined;
  /** Every issue moved by the calls done so far (this delivery and earlier ones). */
  const movedSoFar = () => (plan ? movedByCalls(plan.calls, job.done, job.failed) : (job.moved ?? []));
  const movedPatch = (moved: string[]) => ({ moved: moved.slice(0, MOVED_NAMED), movedCount: moved.length });
  try {
    const board = await resolveBoard(deps.jira, job.boardId);
    let analysis: Analysis | undefined;
    let startAt = 0;
    let earlier: FailedIssue[] = [];
    const newPlan = async (p: JobPlan, patch: Partial<JobRecord> = {}) => {
      const chunks = await writeJobPlan(job.jobId, p);
      await save({ plan: chunks, total: p.calls.length, done: 0, failed: [], failedCount: 0, ...patch });
      return p;
    };
    const planFrom = (before: string[], target: string[]): JobPlan => {
      const p = planRank(before, target);
      return { before, target, calls: p.calls, moved: p.moved };
    };

    if (job.plan) {
      const stored = await readJobPlan(job.jobId, job.plan);
      const current = await backlogKeys(deps.jira, board.id);
      if (sameOrder(applyPlan(stored.before, { calls: stored.calls.slice(0, job.done) }), current)) {
        plan = stored;
        startAt = job.done;
        earlier = job.failed;
      } else
        plan = await newPlan(planFrom(current, restoreTarget(stored.target, current)), { replanned: true });
    } else if (job.kind === 'apply') {
      analysis = await analyzeBoard(deps, board.id, { model: job.model, otherBoards: false, board });
      const fresh = planFrom(analysis.before, analysis.after);
      const replanned = job.fingerprint !== undefined && fingerprintOf(analysis) !== job.fingerprint;
      let snapshotId: string | undefined;
      if (fresh.calls.length > 0) {
        // Stored before the first rank call; dropped again when no call moved anything (no empty undo).
        await pushSnapshot(
          board.id,
          {
            id: job.jobId,
            at: new Date().toISOString(),
            byAccountId: job.accountId,
            model: modelLabel(job.model),
            moved: outOfPlace(analysis.before, analysis.after),
          },
          analysis.before,
        );
        snapshotId = job.jobId;
      }
      plan = await newPlan(fresh, { replanned, ...(snapshotId ? { snapshotId } : {}) });
    } else {
      const info = (await listSnapshots(board.id)).find((s) => s.id === job.snapshotId);
      if (!info)
        throw new AppError('conflict', 'The reorder to undo is no longer kept (another undo restored it).');
      const snapshot = await readSnapshotOrder(board.id, info);
      const current = await backlogKeys(deps.jira, board.id);
      plan = await newPlan(planFrom(current, restoreTarget(snapshot, current)));
    }

    const running = plan;
    const keyById = analysis ? new Map(analysis.issues.map((i) => [i.id, i.key] as const)) : undefined;
    await runRankCalls(deps.jira, running.calls, {
      rankCustomFieldId: board.rankCustomFieldId,
      startAt,
      ...(keyById ? { keyById } : {}),
      onProgress: (done, failed) => {
        const all = [...earlier, ...failed];
        return save({
          done,
          failed: all,
          failedCount: all.length,
          ...movedPatch(movedByCalls(running.calls, done, all)),
        });
      },
    });
    const verified = sameOrder(await backlogKeys(deps.jira, board.id), running.target);

    const problems: string[] = [];
    // Apply writes the scores of its model; undo writes the project's current model's scores again (its job
    // model), so the written field and property never keep a score from a reorder that was undone.
    if (deps.appJira) {
      const scored =
        analysis ?? (await analyzeBoard(deps, board.id, { model: job.model, otherBoards: false, board }));
      problems.push(...(await writeScores(deps.appJira, scored)).problems);
    }
    if (job.kind === 'undo' && job.snapshotId && verified && job.failedCount === 0)
      await dropSnapshot(board.id, job.snapshotId);
    if (job.kind === 'apply' && job.snapshotId && movedSoFar().length === 0)
      await dropSnapshot(board.id, job.snapshotId);
    await save({ state: 'done', verified, message: summary(job, running, verified, problems) });
    return 'done';
  } catch (error) {
    if (isTransientJiraError(error) && job.attempts < MAX_JOB_ATTEMPTS) {
      await save({
        state: 'queued',
        message: `Jira is busy; the reorder resumes shortly. (${describeFailure(error)})`,
      });
      return 'retry';
    }
    console.error('ValueRank reorder job failed', job.jobId, error);
    const moved = movedSoFar();
    if (job.kind === 'apply' && job.snapshotId && moved.length === 0)
      await dropSnapshot(job.boardId, job.snapshotId).catch(() => undefined);
    await save({
      state: 'failed',
      ...movedPatch(moved),
      message: `The reorder stopped: ${describeFailure(error)} ${partialSentence(job, moved)}`,
    });
    return 'failed';
  } finally {
    stopHeartbeat();
    if (job.state === 'done' || job.state === 'failed')
      await releaseScope(boardScope(job.boardId), job.jobId).catch(() => undefined);
  }
}

/** Who may resume or abandon a job: the user who started it, or an administrator of its project. */
async function requireJobOwner(deps: JobDeps, job: JobRecord, accountId: string, toDo: string) {
  if (job.accountId === accountId) return;
  await requireProjectAdmin(deps.jira, job.projectKey, toDo, 'its backlog');
}

async function stalledJob(deps: JobDeps, jobId: string, accountId: string, toDo: string) {
  const job = await readReorderJob(jobId);
  if (!job) throw new AppError('not-found', 'There is no such reorder job (jobs are kept for 7 days).');
  await requireJobOwner(deps, job, accountId, toDo);
  if (!isStale(job, (deps.now?.() ?? new Date()).getTime()))
    throw new AppError(
      'conflict',
      job.state === 'done' || job.state === 'failed'
        ? `This reorder has ended (${job.state}); there is nothing to ${toDo.split(' ')[0]}.`
        : 'This reorder is still making progress; only a stalled job (no progress for 2 minutes) can be resumed or abandoned.',
    );
  return job;
}

/** Queues a stalled reorder again: it goes on from its stored plan (or plans again if the backlog moved). */
export async function resumeReorder(
  deps: JobDeps,
  input: { jobId: string; accountId: string },
): Promise<JobView> {
  const job = await stalledJob(deps, input.jobId, input.accountId, 'resume this reorder');
  const saved = await resumeJobRecord(
    job,
    deps.push ?? pushJob,
    `Resumed after it stalled at ${job.done} of ${job.total} rank calls.`,
  );
  return jobView(saved as JobRecord, (deps.now?.() ?? new Date()).getTime());
}

/** Ends a stalled reorder for good and releases the board; says what moved and keeps undo when something did. */
export async function abandonReorder(
  deps: JobDeps,
  input: { jobId: string; accountId: string },
): Promise<JobView> {
  const job = await stalledJob(deps, input.jobId, input.accountId, 'abandon this reorder');
  const moved = job.plan
    ? movedByCalls((await readJobPlan(job.jobId, job.plan)).calls, job.done, job.failed)
    : (job.moved ?? []);
  if (job.kind === 'apply' && job.snapshotId && moved.length === 0)
    await dropSnapshot(job.boardId, job.snapshotId);
  const saved = await abandonJobRecord(
    { ...job, moved: moved.slice(0, MOVED_NAMED), movedCount: moved.length },
    boardScope(job.boardId),
    `Abandoned after it stalled at ${job.done} of ${job.total} rank calls. ${partialSentence(job, moved)}`,
  );
  return jobView(saved as JobRecord, (deps.now?.() ?? new Date()).getTime());
}
