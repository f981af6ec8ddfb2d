/**
 * Who the caller is in a project, asked of Jira as the user: anyone who cannot browse it is refused
 * (`not-found` when Jira hides the project, `forbidden` otherwise); the answer says whether they administer
 * it. The rule of every project-level feature (readiness rules, re-check, vision).
 */
import type { JiraClient } from '../jira/client';
import { JiraNotFoundError } from '../jira/errors';
import { AppError } from './errors';

export interface ProjectAccess {
  canAdmin: boolean;
}

/**
 * Which of `keys` the caller holds in the project, asked of Jira as the user, each true or false; a project
 * Jira hides (or that does not exist) is a `not-found`.
 */
export async function projectPermissions<K extends string>(
  jira: JiraClient,
  projectKey: string,
  keys: readonly K[],
): Promise<Record<K, boolean>> {
  let held: Record<string, boolean>;
  try {
    held = await jira.myPermissions({ projectKey }, keys);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Project ${projectKey} does not exist, or you cannot see it.`);
    throw error;
  }
  return Object.fromEntries(keys.map((key) => [key, held[key] === true])) as Record<K, boolean>;
}

/**
 * Which of `keys` the caller holds in the project (asked together with Browse Projects), refusing anyone
 * who cannot browse it: `not-found` when Jira hides the project, `forbidden` otherwise. `what` names what a
 * non-browser cannot see: "its readiness rules", "its vision", "its sessions".
 */
export async function requireBrowsing<K extends string>(
  jira: JiraClient,
  projectKey: string,
  what: string,
  keys: readonly K[],
): Promise<Record<K | 'BROWSE_PROJECTS', boolean>> {
  const held = await projectPermissions(jira, projectKey, ['BROWSE_PROJECTS', ...keys]);
  if (!held.BROWSE_PROJECTS)
    throw new AppError('forbidden', `You cannot browse project ${projectKey}, so you cannot see ${what}.`);
  return held;
}

/** `what` names what a non-browser cannot see: "its readiness rules", "its vision". */
export async function projectAccess(
  jira: JiraClient,
  projectKey: string,
  what: string,
): Promise<ProjectAccess> {
  const held = await requireBrowsing(jira, projectKey, what, ['ADMINISTER_PROJECTS']);
  return { canAdmin: held.ADMINISTER_PROJECTS };
}

/** Refuses (`forbidden`, "… Nothing was changed.") anyone who does not administer the project. */
export async function requireProjectAdmin(
  jira: JiraClient,
  projectKey: string,
  toDo: string,
  what: string,
): Promise<ProjectAccess> {
  const access = await projectAccess(jira, projectKey, what);
  if (!access.canAdmin)
    throw new AppError(
      'forbidden',
      `Only administrators of project ${projectKey} can ${toDo}. Nothing was changed.`,
    );
  return access;
}
