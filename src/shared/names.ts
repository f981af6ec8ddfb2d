/**
 * People's names, read on display (ADR 9): ValueRank stores account ids only and asks Jira for the names
 * when it shows them, in one batched call (`GET /rest/api/3/user/bulk`) per request, as the viewer. A closed
 * account shows the name Jira gives it now (its placeholder), never a name stored while it was open.
 */
import type { JiraClient } from '../jira/client';

/** Shown for an account Jira does not know (any more), or when Jira could not be asked. */
export const UNKNOWN_USER = 'Unknown user';

export interface NameResolver {
  /** The display names of these accounts (every id answered; {@link UNKNOWN_USER} when Jira has none). */
  names(accountIds: Iterable<string | undefined>): Promise<Map<string, string>>;
}

/**
 * A resolver for one request: asks Jira (as whoever `jira` acts for) once per id at most, batching every id
 * asked for at once; a failed look-up answers {@link UNKNOWN_USER} rather than failing what is shown.
 */
export function nameResolver(jira: JiraClient): NameResolver {
  const known = new Map<string, Promise<string>>();
  return {
    async names(accountIds) {
      const ids = [
        ...new Set([...accountIds].filter((id): id is string => typeof id === 'string' && id !== '')),
      ];
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        const asked = jira.usersByAccountIds(missing).then(
          (users) => new Map(users.map((u) => [u.accountId, u.displayName] as const)),
          (error: unknown) => {
            console.warn('ValueRank could not read the names of some Jira users', error);
            return new Map<string, string | undefined>();
          },
        );
        for (const id of missing)
          known.set(
            id,
            asked.then((found) => found.get(id) || UNKNOWN_USER),
          );
      }
      const out = new Map<string, string>();
      await Promise.all(ids.map(async (id) => out.set(id, await (known.get(id) as Promise<string>))));
      return out;
    },
  };
}

/** A job's view with the name of who started it, read from Jira now (ADR 9: jobs store the account id). */
export async function withStarterName<T extends { startedBy: { accountId: string; displayName?: string } }>(
  jira: JiraClient,
  view: T,
): Promise<T> {
  const names = await nameResolver(jira).names([view.startedBy.accountId]);
  return { ...view, startedBy: { ...view.startedBy, displayName: nameOf(names, view.startedBy.accountId) } };
}

/** The name of one account from a resolved map ({@link UNKNOWN_USER} when absent). */
export const nameOf = (names: ReadonlyMap<string, string>, accountId: string | undefined): string =>
  (accountId !== undefined ? names.get(accountId) : undefined) ?? UNKNOWN_USER;
