/** The field picker's resolvers: each validates (define.ts), then hands over to src/features/prioritize. */
import type { z } from 'zod';
import { mappingCoverage, searchSiteFields } from '../features/prioritize/field-picker';
import type { Answers, payloads } from './api';
import { projectOf, type Call } from './define';

type Resolve<K extends keyof Answers> = (
  payload: z.infer<(typeof payloads)[K]>,
  call: Call,
) => Promise<Answers[K]>;

export const fields: Resolve<'mapping.fields'> = (p, call) => searchSiteFields(call.jira, p);

export const coverage: Resolve<'mapping.coverage'> = (p, call) =>
  mappingCoverage(call.jira, { ...p, projectKey: projectOf(call) });
