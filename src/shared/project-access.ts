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

/** `what` names what a non-browser cannot see: "its readiness rules", "its vision". */
export async function projectAccess(
  jira: JiraClient,
  projectKey: string,
  what: string,
): Promise<ProjectAccess> {
  let held: Record<string, boolean>;
  try {
    held = await jira.myPermissions({ projectKey }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Project ${projectKey} does not exist, or you cannot see it.`);
    throw error;
  }
  if (held.BROWSE_PROJECTS !== true)
    throw new AppError('forbidden', `You cannot browse project ${projectKey}, so you cannot see ${what}.`);
  return { canAdmin: held.ADMINISTER_PROJECTS === true };
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
