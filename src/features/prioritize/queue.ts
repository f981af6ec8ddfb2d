/** The reorder queue: apply and undo hand their rank calls to a consumer with Forge's 900 s budget. */
import { Queue } from '@forge/events';
import { z } from 'zod';
import { ModelConfigSchema } from '../../core/scoring';

export const REORDER_QUEUE = 'valuerank-reorder';

/** The event body: who asked for what; the job record in storage holds the rest. */
export const ReorderEvent = z.object({
  jobId: z.string().min(1).max(100),
  boardId: z.number().int().positive(),
  projectKey: z.string().min(1),
  model: ModelConfigSchema,
  fingerprint: z.string().optional(),
  accountId: z.string().min(1),
});
export type ReorderEvent = z.infer<typeof ReorderEvent>;

/** Pushes one reorder event; answers Forge's queue job id. */
export type PushReorder = (event: ReorderEvent) => Promise<string>;

export const pushReorder: PushReorder = async (event) => {
  const { jobId } = await new Queue({ key: REORDER_QUEUE }).push({ body: { ...event } });
  return jobId;
};
