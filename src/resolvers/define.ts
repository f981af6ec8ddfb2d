import type { z } from 'zod';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import { ForgeContext } from './context';
import { AppError, toResolverError, type ResolverResult } from '../shared/errors';

export interface Call {
  /** Who is asking (Forge's accountId); every user-triggered Jira call acts as them. */
  accountId: string;
  context: ForgeContext;
  /** Jira as the calling user: Jira enforces their rights. */
  jira: JiraClient;
}

/** The project the module was opened in, if any: boards and backlogs of other projects are refused. */
export const projectOf = ({ context }: Call): string | undefined => context.extension.project?.key;

export interface ResolverRequest {
  payload?: unknown;
  context?: unknown;
}

/**
 * A resolver: validates the payload with its schema, checks there is a user, then runs `fn`.
 * Errors become `{ ok: false, error }` with a clear message; nothing throws to the UI.
 */
export function defineResolver<S extends z.ZodTypeAny, T>(
  schema: S,
  fn: (payload: z.infer<S>, call: Call) => Promise<T>,
) {
  return async (request: ResolverRequest): Promise<ResolverResult<T>> => {
    try {
      const context = ForgeContext.parse(request.context ?? {});
      if (!context.accountId) throw new AppError('unauthorized', 'Log in to Jira to use ValueRank.');
      const payload: z.infer<S> = schema.parse(request.payload ?? {});
      const jira = new JiraClient(forgeTransport('user'));
      return { ok: true, data: await fn(payload, { accountId: context.accountId, context, jira }) };
    } catch (error) {
      const resolverError = toResolverError(error);
      if (resolverError.code === 'internal') console.error('ValueRank resolver failed', error);
      return { ok: false, error: resolverError };
    }
  };
}
