/** The acceptance-criteria resolvers: validated in define.ts, answered by src/features/readiness as the user. */
import type { z } from 'zod';
import { checkIssueByKey, issueBadge, type CriteriaDeps } from '../features/readiness';
import { storedConfigs } from '../features/readiness/stored';
import type { Answers, payloads } from './api';
import type { Call } from './define';

const deps = ({ jira }: Call): CriteriaDeps => ({ jira, configs: storedConfigs });

type Resolve<K extends keyof Answers> = (
  payload: z.infer<(typeof payloads)[K]>,
  call: Call,
) => Promise<Answers[K]>;

export const check: Resolve<'criteria.check'> = (p, call) => checkIssueByKey(deps(call), p.issueKey);

export const badge: Resolve<'criteria.badge'> = (p, call) => issueBadge(deps(call), p.issueKey);
