/**
 * The ValueRank Rovo agent's actions (a feature room, ADR 4): each validates its inputs, calls the app's own
 * services as the asking user (Jira's permissions apply) and answers in the text-plus-JSON form of
 * ./answer.ts. Nothing here computes a fact of its own: scores, orders and explanations are Prioritize's,
 * verdicts and suggestions the readiness check's, the agenda core health's, the vision the Vision tab's.
 * Every failure is an answer too: a refusal saying why, in the app's words (docs/rovo.md).
 */
import { ZodError } from 'zod';
import { toResolverError } from '../../shared/errors';
import { AGENT_ACTIONS, agentInputs, inputsOf, RovoContext, type AgentAction } from './api';
import { refusal } from './answer';
import { agenda, explain, pin, ranking, type AgentDeps } from './board-actions';
import { note, readiness, vision } from './project-actions';

export {
  ACTION_KEYS,
  AGENT_ACTIONS,
  AGENT_LIMITS,
  WRITE_ACTIONS,
  agentInputs,
  type AgentAction,
} from './api';
export { JSON_MARKER, parseAnswer, type AgentFacts } from './answer';
export type { AgentDeps } from './board-actions';

type Run = (deps: AgentDeps, input: never) => Promise<string>;

const RUN: Record<AgentAction, Run> = { ranking, explain, readiness, agenda, vision, pin, note };

/** Runs one action for `deps` (the caller and the app's stored settings); always answers, never throws. */
export async function runAgentAction(
  action: AgentAction,
  payload: unknown,
  deps: Omit<AgentDeps, 'context'>,
): Promise<string> {
  try {
    const context = RovoContext.safeParse(
      payload !== null && typeof payload === 'object'
        ? ((payload as { context?: unknown }).context ?? {})
        : {},
    );
    const input = agentInputs[action].parse(inputsOf(payload));
    return await RUN[action](
      { ...deps, ...(context.success ? { context: context.data } : {}) },
      input as never,
    );
  } catch (error) {
    const refused = toResolverError(error);
    if (error instanceof ZodError) refused.message = `The inputs of the ${action} action are not valid.`;
    if (refused.code === 'internal') console.error(`ValueRank agent action ${action} failed`, error);
    return refusal(action, refused);
  }
}

export const isAgentAction = (name: string): name is AgentAction =>
  (AGENT_ACTIONS as readonly string[]).includes(name);
