/**
 * The one job queue. Every background job (reorder, undo, readiness re-check) is one record in
 * src/store/jobs.ts and travels as an event that names it: its id, and for a job that runs in several
 * deliveries (a re-check's slices) which step this delivery is, so a duplicate delivery runs nothing twice.
 * Everything else (board, model, project, who) is read from the record.
 */
import { Queue } from '@forge/events';
import { z } from 'zod';

export const JOBS_QUEUE = 'valuerank-jobs';

export const JobEvent = z.object({
  jobId: z.string().min(1).max(100),
  step: z.number().int().min(0).optional(),
});
export type JobEvent = z.infer<typeof JobEvent>;

/** Pushes one job event; answers Forge's id for it. */
export type PushJob = (event: JobEvent) => Promise<unknown>;

export const pushJob: PushJob = async (event) => {
  const { jobId } = await new Queue({ key: JOBS_QUEUE }).push({ body: JobEvent.parse(event) });
  return jobId;
};
