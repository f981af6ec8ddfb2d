/**
 * The resolver API: every key the UI may `invoke`, its payload schema and its answer type. Each feature owns
 * its part (`src/features/<name>/api.ts`); this table joins them. static/src/bridge.ts imports these types;
 * test/wiring.test.ts ties UI calls, this table and the resolver definitions together.
 */
import type { z } from 'zod';
import { gadgetPayloads, type GadgetAnswers } from '../features/health/api';
import { goalsPayloads, type GoalsAnswers } from '../features/goals/api';
import { overviewPayloads, type OverviewAnswers } from '../features/overview/api';
import { prioritizePayloads, type PrioritizeAnswers } from '../features/prioritize/api';
import { workspacePayloads, type WorkspaceAnswers } from '../features/prioritize/workspace-api';
import { mappingPayloads, type MappingAnswers } from '../features/prioritize/mapping-api';
import { questionsPayloads, type QuestionsAnswers } from '../features/questions/api';
import { sessionsPayloads, type SessionsAnswers } from '../features/sessions/api';
import { readinessPayloads, type ReadinessAnswers } from '../features/readiness/api';
import { recheckPayloads, type RecheckAnswers } from '../features/readiness/recheck-api';
import { criteriaConfigPayloads, type CriteriaConfigAnswers } from '../features/readiness/rules-api';
import { visionPayloads, type VisionAnswers } from '../features/vision/api';

export const payloads = {
  ...overviewPayloads,
  ...prioritizePayloads,
  /** The Prioritize workspace: the grid's rows filtered and sorted, inline edits of score inputs. */
  ...workspacePayloads,
  /** The field picker of the mapping settings. */
  ...mappingPayloads,
  ...readinessPayloads,
  /** The project's readiness rules. */
  ...criteriaConfigPayloads,
  /** Re-check every issue of a project (a background job). */
  ...recheckPayloads,
  ...visionPayloads,
  ...goalsPayloads,
  ...gadgetPayloads,
  /** Questions for the Product Owner. */
  ...questionsPayloads,
  /** Value sessions: stakeholders rate blind, the PO reveals, decides and commits. */
  ...sessionsPayloads,
} as const;

export interface Answers
  extends
    OverviewAnswers,
    PrioritizeAnswers,
    WorkspaceAnswers,
    MappingAnswers,
    ReadinessAnswers,
    CriteriaConfigAnswers,
    RecheckAnswers,
    VisionAnswers,
    GoalsAnswers,
    GadgetAnswers,
    QuestionsAnswers,
    SessionsAnswers {}

export type ResolverKey = keyof typeof payloads;
export type Payload<K extends ResolverKey> = z.input<(typeof payloads)[K]>;

export type * from '../features/overview/api';
export type * from '../features/prioritize/api';
export type * from '../features/prioritize/workspace-api';
export type * from '../features/prioritize/mapping-api';
export type * from '../features/readiness/api';
export type * from '../features/questions/api';
export type * from '../features/sessions/api';
