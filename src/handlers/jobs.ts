/**
 * The one queue consumer (manifest: `consumer` on queue `valuerank-jobs` → function `jobs`, 900 s): every
 * background job's event comes here and goes to the handler of the job's kind (src/jobs/runner.ts).
 */
import { runHealthViewJob } from '../features/health/consumer';
import { runAnalyzeViewJob, runReorderJob } from '../features/prioritize/consumer';
import { runRecheckJob } from '../features/readiness/recheck-consumer';
import { consumeJobEvent } from '../jobs/runner';

export const jobsConsumer = (event: unknown): Promise<unknown> =>
  consumeJobEvent(
    {
      apply: runReorderJob,
      undo: runReorderJob,
      recheck: runRecheckJob,
      analyze: runAnalyzeViewJob,
      health: runHealthViewJob,
    },
    event,
  );
