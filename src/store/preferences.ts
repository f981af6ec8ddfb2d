import { z } from 'zod';
import { keyOf } from './keys';
import { readJson, writeJson } from './json-store';

/** What a user last chose in ValueRank, per project: restored when they come back. */
export const UserPreferences = z.object({
  boardId: z.number().int().positive().optional(),
});
export type UserPreferences = z.infer<typeof UserPreferences>;

const key = (accountId: string, projectKey: string) => keyOf('prefs', accountId, projectKey);

export async function getPreferences(accountId: string, projectKey: string): Promise<UserPreferences> {
  return (await readJson(key(accountId, projectKey), UserPreferences)) ?? {};
}

export async function savePreferences(
  accountId: string,
  projectKey: string,
  prefs: UserPreferences,
): Promise<UserPreferences> {
  return writeJson(key(accountId, projectKey), UserPreferences, prefs);
}
