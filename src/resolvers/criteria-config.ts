/** The readiness rules resolvers: validated in define.ts, answered by src/features/readiness/rules.ts as the user. */
import type { z } from 'zod';
import {
  criteriaConfigView,
  resetCriteriaRules,
  saveCriteriaRules,
  tryCriteriaRules,
} from '../features/readiness/rules';
import type { CriteriaConfigAnswers, criteriaConfigPayloads } from '../features/readiness/rules-api';
import type { Call } from './define';

type Resolve<K extends keyof CriteriaConfigAnswers> = (
  payload: z.infer<(typeof criteriaConfigPayloads)[K]>,
  call: Call,
) => Promise<CriteriaConfigAnswers[K]>;

export const get: Resolve<'criteria.config.get'> = (p, call) => criteriaConfigView(call.jira, p.projectKey);

export const save: Resolve<'criteria.config.save'> = (p, call) =>
  saveCriteriaRules(call.jira, p.projectKey, p.config);

export const reset: Resolve<'criteria.config.reset'> = (p, call) =>
  resetCriteriaRules(call.jira, p.projectKey);

export const tryRules: Resolve<'criteria.config.try'> = (p, call) => tryCriteriaRules(call.jira, p);
