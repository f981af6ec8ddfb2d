/** The health gadget's resolvers: each validates (define.ts), then hands over to the src/features/health service. */
import type { z } from 'zod';
import { storedConfigs } from '../features/readiness/stored';
import { gadgetHealth, visibleBoards, type HealthDeps } from '../features/health';
import { storedSettings } from '../features/prioritize';
import { getHealthTrend, rememberSnapshotBoard, saveHealthTrend } from '../store/health';
import type { Call } from './define';
import type { GadgetAnswers, gadgetPayloads } from '../features/health/api';

const deps = ({ jira }: Call): HealthDeps => ({
  jira,
  settings: storedSettings,
  configs: storedConfigs,
  trend: { read: getHealthTrend, write: saveHealthTrend, remember: rememberSnapshotBoard },
});

type Resolve<K extends keyof GadgetAnswers> = (
  payload: z.infer<(typeof gadgetPayloads)[K]>,
  call: Call,
) => Promise<GadgetAnswers[K]>;

export const health: Resolve<'gadget.health'> = (p, call) => gadgetHealth(deps(call), p);

export const boards: Resolve<'gadget.boards'> = (_p, call) => visibleBoards(call.jira);
