/**
 * A reorder job while it runs (a progress bar of rank calls), when it stalled (resume or abandon it:
 * `prioritize.resume`, `prioritize.abandon`) and once it ends (verified, replanned, failures, what moved).
 */
import { useState } from 'react';
import { call } from '../../bridge';
import type { JobRun, JobView } from './useJob';
import { Banner, Button, ErrorMessage } from '../../components';

/** A job whose consumer died: the starter or a project admin resumes it or abandons it; polling goes on. */
function Stalled({ job }: { job: JobView }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const act = (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    request().then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <Banner
      tone="warning"
      title={`This job has stalled at ${job.done} of ${job.total} rank calls: it made no progress for 2 minutes.`}
      actions={
        <>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => act(() => call('prioritize.resume', { jobId: job.jobId }))}
          >
            Resume
          </Button>
          <Button disabled={busy} onClick={() => act(() => call('prioritize.abandon', { jobId: job.jobId }))}>
            Abandon
          </Button>
        </>
      }
    >
      <p>
        Resume goes on from the stored plan; Abandon ends it and frees the board (Undo restores anything it
        moved). Only {job.startedBy.displayName ?? 'the person who started it'} or a project administrator can
        do either.
      </p>
      {error ? <ErrorMessage title="That did not work." error={error} /> : null}
    </Banner>
  );
}

export function JobStatus({ run, onDismiss }: { run: JobRun; onDismiss: () => void }) {
  const what = run.kind === 'apply' ? 'Reorder' : 'Undo';
  const job = run.job;
  if (!run.finished) {
    const total = job?.total ?? 0;
    const done = job?.done ?? 0;
    const pct = total > 0 ? Math.round((done / total) * 100) : 0;
    return (
      <div className="vr-job" role="status" aria-live="polite">
        <p className="vr-job__title">
          {run.kind === 'apply' ? 'Reordering the backlog…' : 'Restoring the previous order…'}{' '}
          <span className="vr-muted">
            {job ? `${done} of ${total} rank calls` : 'starting'}
            {job?.state === 'queued' ? ' (queued)' : ''}
          </span>
        </p>
        <div
          className="vr-progress"
          role="progressbar"
          aria-label={`${what} progress`}
          aria-valuemin={0}
          aria-valuemax={total || 1}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${total} rank calls`}
        >
          <div className="vr-progress__bar" style={{ width: `${pct}%` }} />
        </div>
        {job?.stalled ? <Stalled job={job} /> : null}
      </div>
    );
  }
  if (!job)
    return (
      <div className="vr-job vr-job--done">
        <ErrorMessage
          title={run.kind === 'apply' ? 'The new order was not applied.' : 'The undo did not start.'}
          error={run.error}
        />
        <Button onClick={onDismiss}>Dismiss</Button>
      </div>
    );
  const failedJob = job.state === 'failed';
  const tone = failedJob || job.failed.length > 0 ? 'danger' : job.verified === false ? 'warning' : 'success';
  const title = failedJob
    ? `${what} failed after ${job.done} of ${job.total} rank calls.`
    : job.verified
      ? `${what} done: ${job.done} of ${job.total} rank calls. Verified ✓ Jira’s backlog has the planned order.`
      : job.verified === false
        ? `${what} done (${job.done} of ${job.total} rank calls), but Jira’s order does not match the plan.`
        : `${what} done: ${job.done} of ${job.total} rank calls.`;
  return (
    <div className="vr-job vr-job--done">
      <Banner
        tone={tone}
        title={title}
        alert={tone === 'danger'}
        actions={<Button onClick={onDismiss}>Dismiss</Button>}
      >
        <div
          className="vr-progress"
          role="progressbar"
          aria-label={`${what} progress`}
          aria-valuemin={0}
          aria-valuemax={job.total || 1}
          aria-valuenow={job.done}
          aria-valuetext={`${job.done} of ${job.total} rank calls`}
        >
          <div
            className={`vr-progress__bar${tone === 'success' ? ' vr-progress__bar--success' : ''}`}
            style={{ width: `${job.total > 0 ? Math.round((job.done / job.total) * 100) : 100}%` }}
          />
        </div>
        {job.message ? <p>{job.message}</p> : null}
        {job.partial && job.movedKeys ? (
          <p>
            {job.kind === 'apply'
              ? 'Use Undo to restore the order from before this reorder.'
              : 'Use Undo again to finish restoring the earlier order.'}
          </p>
        ) : null}
        {job.replanned ? (
          <p>
            The backlog changed after the preview, so ValueRank planned the moves again from the current
            order.
          </p>
        ) : null}
        {job.verified === false && !failedJob ? (
          <p>Someone may have moved issues meanwhile. Preview again to see the order now.</p>
        ) : null}
        {job.failed.length > 0 ? (
          <>
            <p>Jira refused to rank {job.failed.length === 1 ? 'this issue' : 'these issues'}:</p>
            <ul className="vr-job__failed">
              {job.failed.map((f) => (
                <li key={f.key}>
                  <strong>{f.key}</strong>: {f.errors.join('; ') || 'no reason given'}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {run.error ? <ErrorMessage title="ValueRank lost track of the job." error={run.error} /> : null}
      </Banner>
    </div>
  );
}
