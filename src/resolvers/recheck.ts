/** The readiness backfill resolvers: validated in define.ts, answered by src/features/readiness/recheck.ts as the user. */
import type { z } from 'zod';
import { recheckProgress, startRecheck } from '../features/readiness/recheck';
import { storedConfigs } from '../features/readiness/stored';
import type { Call } from './define';
import type { RecheckAnswers, recheckPayloads } from '../features/readiness/recheck-api';

type Resolve<K extends keyof RecheckAnswers> = (
  payload: z.infer<(typeof recheckPayloads)[K]>,
  call: Call,
) => Promise<RecheckAnswers[K]>;

export const start: Resolve<'criteria.recheck.start'> = (p, { jira, accountId }) =>
  startRecheck(
    { jira, configs: storedConfigs },
    { projectKey: p.projectKey, accountId, pageSize: p.pageSize },
  );

export const progress: Resolve<'criteria.recheck.progress'> = (p, { jira, accountId }) =>
  recheckProgress({ jira }, p, accountId);
