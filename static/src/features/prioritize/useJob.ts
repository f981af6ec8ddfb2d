/**
 * Runs a reorder job (apply or undo) and follows it: `prioritize.progress` every ~700 ms until the job is
 * done or failed. A progress call that fails is retried a few times before the job is reported lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppCallError, call, type Answers } from '../../bridge';

export type JobView = Answers['prioritize.progress'];
export type JobKind = 'apply' | 'undo';

export interface JobRun {
  kind: JobKind;
  job: JobView | undefined;
  /** The start or the polling failed. */
  error: unknown;
  finished: boolean;
}

export const POLL_MS = 700;
const MAX_POLL_FAILURES = 3;

export function useJob(onFinished: (run: JobRun) => void): {
  run: JobRun | undefined;
  start: (kind: JobKind, begin: () => Promise<JobView>) => void;
  dismiss: () => void;
} {
  const [run, setRun] = useState<JobRun | undefined>(undefined);
  const generation = useRef(0);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  const start = useCallback((kind: JobKind, begin: () => Promise<JobView>) => {
    generation.current += 1;
    const mine = generation.current;
    const alive = () => generation.current === mine;
    const finish = (state: JobRun) => {
      if (!alive()) return;
      setRun(state);
      finished.current(state);
    };
    setRun({ kind, job: undefined, error: undefined, finished: false });

    const follow = (job: JobView, failures: number) => {
      if (!alive()) return;
      if (job.state === 'done' || job.state === 'failed') {
        finish({ kind, job, error: undefined, finished: true });
        return;
      }
      setRun({ kind, job, error: undefined, finished: false });
      setTimeout(() => {
        if (!alive()) return;
        call('prioritize.progress', { jobId: job.jobId }).then(
          (next) => follow(next, 0),
          (error: unknown) => {
            if (
              failures + 1 >= MAX_POLL_FAILURES ||
              (error instanceof AppCallError && error.code === 'not-found')
            )
              finish({ kind, job, error, finished: true });
            else follow(job, failures + 1);
          },
        );
      }, POLL_MS);
    };

    begin().then(
      (job) => follow(job, 0),
      (error: unknown) => finish({ kind, job: undefined, error, finished: true }),
    );
  }, []);

  const dismiss = useCallback(() => {
    generation.current += 1;
    setRun(undefined);
  }, []);

  return { run, start, dismiss };
}
