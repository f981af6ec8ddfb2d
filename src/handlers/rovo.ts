/**
 * The Rovo agent's action functions (manifest `action` modules, through src/index.ts). Forge calls each with
 * `(payload, context)`: the payload holds the inputs Rovo filled and Rovo's own `context`; `context.principal`
 * is the user who asked, and `asUser()` acts as them, so Jira's permissions apply to every answer. Each
 * answers the text-plus-JSON string of src/features/agent (a refusal when there is no user).
 */
import { refusal } from '../features/agent/answer';
import { runAgentAction, type AgentAction } from '../features/agent';
import { storedSettings } from '../features/prioritize/stored';
import { storedConfigs } from '../features/readiness/stored';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';

interface ActionContext {
  principal?: { accountId?: unknown } | undefined;
}

const action =
  (name: AgentAction) =>
  async (payload: unknown, context?: ActionContext): Promise<string> => {
    const accountId = context?.principal?.accountId;
    if (typeof accountId !== 'string' || accountId === '')
      return refusal(name, { code: 'unauthorized', message: 'Log in to Jira to ask ValueRank.' });
    return runAgentAction(name, payload, {
      accountId,
      jira: new JiraClient(forgeTransport('user')),
      settings: storedSettings,
      configs: storedConfigs,
    });
  };

export const rovoRanking = action('ranking');
export const rovoExplain = action('explain');
export const rovoReadiness = action('readiness');
export const rovoAgenda = action('agenda');
export const rovoVision = action('vision');
export const rovoPin = action('pin');
export const rovoAddNote = action('note');
