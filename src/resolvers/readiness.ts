/** The readiness resolvers (issue panel, badge, rules, re-check): validated in define.ts, answered by src/features/readiness as the user. */
import type { z } from 'zod';
import { checkIssueByKey, type CriteriaDeps } from '../features/readiness';
import { issueBadge } from '../features/readiness/badge';
import { storedSettings } from '../features/prioritize';
import type { ReadinessAnswers, readinessPayloads } from '../features/readiness/api';
import { abandonRecheck, recheckProgress, resumeRecheck, startRecheck } from '../features/readiness/recheck';
import type { RecheckAnswers, recheckPayloads } from '../features/readiness/recheck-api';
import {
  criteriaConfigView,
  resetCriteriaRules,
  saveCriteriaRules,
  tryCriteriaRules,
} from '../features/readiness/rules';
import type { CriteriaConfigAnswers, criteriaConfigPayloads } from '../features/readiness/rules-api';
import { storedConfigs } from '../features/readiness/stored';
import type { Call } from './define';

type Answers = ReadinessAnswers & RecheckAnswers & CriteriaConfigAnswers;
type Payloads = typeof readinessPayloads & typeof recheckPayloads & typeof criteriaConfigPayloads;
type Resolve<K extends keyof Answers & keyof Payloads> = (
  payload: z.infer<Payloads[K]>,
  call: Call,
) => Promise<Answers[K]>;

const deps = ({ jira }: Call): CriteriaDeps => ({ jira, configs: storedConfigs });

export const check: Resolve<'readiness.check'> = (p, call) => checkIssueByKey(deps(call), p.issueKey);

export const badge: Resolve<'readiness.badge'> = (p, call) =>
  issueBadge({ ...deps(call), settings: storedSettings }, p.issueKey);

export const getRules: Resolve<'readiness.rules.get'> = (p, call) =>
  criteriaConfigView(call.jira, p.projectKey);

export const saveRules: Resolve<'readiness.rules.save'> = (p, call) =>
  saveCriteriaRules(call.jira, p.projectKey, p.config);

export const resetRules: Resolve<'readiness.rules.reset'> = (p, call) =>
  resetCriteriaRules(call.jira, p.projectKey);

export const tryRules: Resolve<'readiness.rules.try'> = (p, call) => tryCriteriaRules(call.jira, p);

export const startRecheckRun: Resolve<'readiness.recheck.start'> = (p, call) =>
  startRecheck(deps(call), { projectKey: p.projectKey, accountId: call.accountId, pageSize: p.pageSize });

export const recheckRun: Resolve<'readiness.recheck.progress'> = (p, call) =>
  recheckProgress({ jira: call.jira }, p, call.accountId);

export const resumeRecheckRun: Resolve<'readiness.recheck.resume'> = (p, call) =>
  resumeRecheck({ jira: call.jira }, { jobId: p.jobId, accountId: call.accountId });

export const abandonRecheckRun: Resolve<'readiness.recheck.abandon'> = (p, call) =>
  abandonRecheck({ jira: call.jira }, { jobId: p.jobId, accountId: call.accountId });
