/**
 * Re-check all issues of a project (the readiness backfill): the last or current run with a progress bar
 * and its counts, followed while it runs, and — for project administrators — the button that starts one.
 * Resolvers: `readiness.recheck.progress` ({ projectKey } for the last run, { jobId } while following one),
 * `readiness.recheck.start`, and for a stalled run `readiness.recheck.resume` and `readiness.recheck.abandon`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppCallError, call, type Answers } from '../../bridge';
import { Banner, Button, ErrorMessage, Section, Spinner } from '../../components';
import './recheck.css';

export type RecheckRun = NonNullable<Answers['readiness.recheck.progress']['run']>;

export const RECHECK_POLL_MS = 1500;
const MAX_POLL_FAILURES = 3;

const active = (run: RecheckRun | null | undefined) =>
  run !== null && run !== undefined && (run.state === 'queued' || run.state === 'running') && !run.stalled;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function when(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** "Skipped 3 issues: 2 because Jira did not let … edit them …; 1 deleted or moved meanwhile." */
function skippedText(run: RecheckRun, by: string): string {
  const reasons = [
    run.skippedReasons.noPermission > 0
      ? `${run.skippedReasons.noPermission} because Jira did not let ${by} edit them (Edit Issues permission)`
      : '',
    run.skippedReasons.notFound > 0 ? `${run.skippedReasons.notFound} deleted or moved meanwhile` : '',
  ].filter(Boolean);
  return `Skipped ${plural(run.skipped, 'issue')}${reasons.length ? `: ${reasons.join('; ')}` : ''}.`;
}

function Progress({ run }: { run: RecheckRun }) {
  const total = run.total !== undefined ? Math.max(run.total, run.checked) : undefined;
  const finished = run.state === 'done' || run.state === 'failed';
  const max = finished ? Math.max(run.checked, 1) : (total ?? 0);
  const pct = finished ? 100 : total ? Math.round((run.checked / Math.max(total, 1)) * 100) : 0;
  const text =
    total !== undefined ? `${run.checked} of ${total} issues checked` : `${run.checked} issues checked`;
  return (
    <div
      className="vr-recheck__progress"
      role="progressbar"
      aria-label="Re-check progress"
      aria-valuemin={0}
      aria-valuemax={max || 1}
      aria-valuenow={run.checked}
      aria-valuetext={text}
    >
      <div
        className={`vr-recheck__bar${run.state === 'done' ? ' vr-recheck__bar--done' : ''}`}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}

function Counts({ run }: { run: RecheckRun }) {
  const items: Array<[string, number]> = [
    ['checked', run.checked],
    ['written', run.written],
    ['unchanged', run.unchanged],
    ['skipped', run.skipped],
    ['failed', run.failed],
  ];
  return (
    <dl className="vr-recheck__counts">
      {items.map(([label, n]) => (
        <div key={label} className="vr-recheck__count">
          <dt>{label}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A run whose consumer died: its starter or a project admin resumes it (from its cursor) or abandons it. */
function StalledActions({ run, onChanged }: { run: RecheckRun; onChanged: (run: RecheckRun) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const act = (request: () => Promise<{ run: RecheckRun }>) => {
    setBusy(true);
    setError(undefined);
    request().then(
      ({ run: next }) => {
        setBusy(false);
        onChanged(next);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <Banner
      tone="warning"
      title="This re-check made no progress for 2 minutes: it has stalled."
      actions={
        <>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => act(() => call('readiness.recheck.resume', { jobId: run.jobId }))}
          >
            Resume
          </Button>
          <Button
            disabled={busy}
            onClick={() => act(() => call('readiness.recheck.abandon', { jobId: run.jobId }))}
          >
            Abandon
          </Button>
        </>
      }
    >
      <p>
        Resume goes on after the last issue checked; Abandon ends it and lets a new re-check start. Only the
        person who started it or a project administrator can do either.
      </p>
      {error ? <ErrorMessage title="That did not work." error={error} /> : null}
    </Banner>
  );
}

function RunSummary({ run, onChanged }: { run: RecheckRun; onChanged: (run: RecheckRun) => void }) {
  const by = run.startedBy.displayName ?? run.startedBy.accountId;
  const title =
    run.state === 'done'
      ? `Last re-check finished ${when(run.finishedAt)}: ${plural(run.checked, 'issue')} checked.`
      : run.state === 'failed'
        ? `The last re-check stopped after ${plural(run.checked, 'issue')}.`
        : run.stalled
          ? `The re-check started ${when(run.startedAt)} has stopped making progress.`
          : run.state === 'queued' && run.checked === 0
            ? 'Re-check queued…'
            : 'Re-checking every issue…';
  return (
    <div className="vr-recheck__run" role="status" aria-live="polite">
      <p className="vr-recheck__title">{title}</p>
      <Progress run={run} />
      {run.stalled ? <StalledActions run={run} onChanged={onChanged} /> : null}
      <Counts run={run} />
      <p className="vr-muted">
        Started by {by} on {when(run.startedAt)}
        {run.finishedAt ? `; finished ${when(run.finishedAt)}` : ''}.
      </p>
      {run.written > 0 || run.state === 'done' ? (
        <p className="vr-muted">
          Written: the readiness property was missing or had changed. Unchanged: it was already up to date.
        </p>
      ) : null}
      {run.skipped > 0 ? <p>{skippedText(run, by)}</p> : null}
      {run.failures.length > 0 ? (
        <>
          <p>Jira refused to store the readiness of:</p>
          <ul className="vr-recheck__failures">
            {run.failures.map((f) => (
              <li key={f.key}>
                <strong>{f.key}</strong>: {f.message}
              </li>
            ))}
          </ul>
          {run.failed > run.failures.length ? (
            <p className="vr-muted">… and {plural(run.failed - run.failures.length, 'more issue')}.</p>
          ) : null}
        </>
      ) : null}
      {run.lastError ? (
        <Banner tone={run.state === 'failed' ? 'danger' : 'warning'} title={run.lastError} />
      ) : null}
    </div>
  );
}

export function RecheckPanel({ projectKey, canEdit }: { projectKey: string; canEdit: boolean }) {
  const [run, setRun] = useState<RecheckRun | null | undefined>(undefined);
  const [error, setError] = useState<{ title: string; error: unknown } | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  /** A run is being followed (from its start until it ends). */
  const [following, setFollowing] = useState(false);
  const generation = useRef(0);

  /** Follows one run until it ends; a newer load or start supersedes it. */
  const follow = useCallback((jobId: string) => {
    const mine = ++generation.current;
    let failures = 0;
    setFollowing(true);
    const tick = () => {
      if (generation.current !== mine) return;
      call('readiness.recheck.progress', { jobId }).then(
        ({ run: next }) => {
          if (generation.current !== mine) return;
          failures = 0;
          setRun(next);
          if (active(next)) setTimeout(tick, RECHECK_POLL_MS);
          else setFollowing(false);
        },
        (e: unknown) => {
          if (generation.current !== mine) return;
          failures += 1;
          if (failures >= MAX_POLL_FAILURES || (e instanceof AppCallError && e.code === 'not-found')) {
            setFollowing(false);
            setError({ title: 'ValueRank lost track of the re-check.', error: e });
          } else setTimeout(tick, RECHECK_POLL_MS);
        },
      );
    };
    tick();
  }, []);

  const load = useCallback(() => {
    const mine = ++generation.current;
    setError(undefined);
    setFollowing(false);
    setRun(undefined);
    call('readiness.recheck.progress', { projectKey }).then(
      ({ run: last }) => {
        if (generation.current !== mine) return;
        setRun(last);
        if (last && active(last)) follow(last.jobId);
      },
      (e: unknown) => {
        if (generation.current === mine)
          setError({ title: 'The last re-check could not be loaded.', error: e });
      },
    );
  }, [projectKey, follow]);

  useEffect(() => {
    load();
    return () => {
      generation.current += 1;
    };
  }, [load]);

  const start = () => {
    setStarting(true);
    setError(undefined);
    setNotice(undefined);
    call('readiness.recheck.start', { projectKey }).then(
      ({ jobId, alreadyRunning }) => {
        setStarting(false);
        if (alreadyRunning) setNotice('A re-check of this project is running already; showing it.');
        follow(jobId);
      },
      (e: unknown) => {
        setStarting(false);
        setError({ title: 'The re-check did not start.', error: e });
      },
    );
  };

  const running = starting || following;
  return (
    <Section
      title="Re-check all issues"
      actions={
        canEdit ? (
          <Button appearance="primary" onClick={start} disabled={running || run === undefined}>
            {running ? 'Re-checking…' : 'Re-check all issues'}
          </Button>
        ) : undefined
      }
    >
      <p className="vr-muted">
        ValueRank re-checks an issue and stores its readiness (searchable in JQL, e.g.{' '}
        <code>issue.property[valuerank-readiness].ready = &quot;false&quot;</code>) whenever the issue
        changes. Issues nobody edited since ValueRank was installed, and all issues after the readiness rules
        change, need a re-check of the whole project. It runs in the background as the person who starts it,
        and only writes where the readiness changed.
      </p>
      {!canEdit ? (
        <p className="vr-muted">Only administrators of {projectKey} can start a re-check.</p>
      ) : null}
      {notice ? <Banner tone="information" title={notice} /> : null}
      {error ? <ErrorMessage title={error.title} error={error.error} onRetry={load} /> : null}
      {run === undefined && !error ? <Spinner label="Loading the last re-check…" /> : null}
      {run === null ? <p>No re-check of {projectKey} has run yet.</p> : null}
      {run ? (
        <RunSummary
          run={run}
          onChanged={(next) => {
            setRun(next);
            if (active(next)) follow(next.jobId);
          }}
        />
      ) : null}
      {starting && !run ? <Spinner label="Starting the re-check…" /> : null}
    </Section>
  );
}
