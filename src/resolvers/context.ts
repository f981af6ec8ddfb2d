import { z } from 'zod';

/** The part of Forge's resolver context ValueRank reads, checked like any other input. */
export const ForgeContext = z
  .object({
    accountId: z.string().optional(),
    cloudId: z.string().optional(),
    moduleKey: z.string().optional(),
    extension: z
      .object({
        type: z.string().optional(),
        project: z.object({ id: z.string().optional(), key: z.string().optional() }).passthrough().optional(),
        issue: z.object({ id: z.string().optional(), key: z.string().optional() }).passthrough().optional(),
        board: z
          .object({ id: z.union([z.string(), z.number()]).optional() })
          .passthrough()
          .optional(),
      })
      .passthrough()
      .default({}),
  })
  .passthrough();
export type ForgeContext = z.infer<typeof ForgeContext>;
