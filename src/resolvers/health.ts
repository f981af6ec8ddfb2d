/** The health gadget's resolvers: each validates (define.ts), then hands over to the src/features/health service. */
import type { z } from 'zod';
import { gadgetHealth, visibleBoards } from '../features/health';
import type { GadgetAnswers, gadgetPayloads } from '../features/health/api';
import { storedHealthDeps } from '../features/health/stored';
import type { Call } from './define';

type Resolve<K extends keyof GadgetAnswers> = (
  payload: z.infer<(typeof gadgetPayloads)[K]>,
  call: Call,
) => Promise<GadgetAnswers[K]>;

export const health: Resolve<'gadget.health'> = (p, call) =>
  gadgetHealth({ ...storedHealthDeps(call.jira), viewer: call.accountId }, p);

export const boards: Resolve<'gadget.boards'> = (_p, call) => visibleBoards(call.jira);
