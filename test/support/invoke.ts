/**
 * Runs a resolver through the harness's `POST /_local/invoke`, exactly as the UI's `invoke` would: the
 * real resolver, a Forge-shaped context for the given user and module.
 */
import type { Answers, ResolverKey } from '../../src/resolvers/api';
import type { ResolverError, ResolverResult } from '../../src/shared/errors';

/** The demo project as Forge puts it in a project page's extension context. */
export const TRAIL = { id: '10000', key: 'TRAIL', type: 'software' };

export interface InvokeContext {
  moduleKey: string;
  extension: Record<string, unknown>;
}

export const PROJECT_PAGE: InvokeContext = {
  moduleKey: 'valuerank-project-page',
  extension: { project: TRAIL },
};

export async function invokeResolver<K extends ResolverKey>(
  serverUrl: string,
  functionKey: K,
  payload: unknown,
  accountId = 'local-po',
  context: InvokeContext = PROJECT_PAGE,
): Promise<ResolverResult<Answers[K]>> {
  const response = await fetch(`${serverUrl}/_local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, accountId, context }),
  });
  if (response.status !== 200) throw new Error(`/_local/invoke ${functionKey} answered ${response.status}`);
  return (await response.json()) as ResolverResult<Answers[K]>;
}

/** The answer's data; throws with the resolver's error when it refused. */
export async function invokeData<K extends ResolverKey>(
  serverUrl: string,
  functionKey: K,
  payload: unknown,
  accountId = 'local-po',
  context: InvokeContext = PROJECT_PAGE,
): Promise<Answers[K]> {
  const answer = await invokeResolver(serverUrl, functionKey, payload, accountId, context);
  if (!answer.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** The error of a refused answer; throws when the resolver answered with data. */
export function refused<T>(answer: ResolverResult<T>): ResolverError {
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`);
  return answer.error;
}
