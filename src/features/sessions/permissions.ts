/**
 * Who may do what with a session, asked of Jira as the caller: browsing the project shows its sessions
 * (one's own; all of them to the PO, who has Schedule Issues), and a session is seen only by its project's
 * PO and its participants. A state change (reveal, commit, close) runs alone, under the session's lock.
 */
import { isParticipant, type Session } from '../../core/sessions';
import type { JiraClient } from '../../jira/client';
import { AppError } from '../../shared/errors';
import { projectPermissions, requireBrowsing } from '../../shared/project-access';
import { readSession, withSessionLock } from '../../store/sessions';
import type { SessionsDeps } from './deps';

export interface Rights {
  browse: boolean;
  /** Schedule Issues: the PO. */
  po: boolean;
  edit: boolean;
}

const PERMISSIONS = ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'EDIT_ISSUES'] as const;

const toRights = (held: Record<(typeof PERMISSIONS)[number], boolean>): Rights => {
  const browse = held.BROWSE_PROJECTS;
  return { browse, po: browse && held.SCHEDULE_ISSUES, edit: browse && held.EDIT_ISSUES };
};

const rightsIn = async (jira: JiraClient, projectKey: string): Promise<Rights> =>
  toRights(await projectPermissions(jira, projectKey, PERMISSIONS));

export async function requireBrowse(jira: JiraClient, projectKey: string): Promise<Rights> {
  return toRights(
    await requireBrowsing(jira, projectKey, 'its sessions', ['SCHEDULE_ISSUES', 'EDIT_ISSUES']),
  );
}

const notPo = (projectKey: string, toDo: string) =>
  new AppError(
    'forbidden',
    `Only the Product Owner can ${toDo}: you need the Schedule Issues permission in ${projectKey}. Nothing was changed.`,
  );

export async function requirePo(jira: JiraClient, projectKey: string, toDo: string): Promise<Rights> {
  const rights = await requireBrowse(jira, projectKey);
  if (!rights.po) throw notPo(projectKey, toDo);
  return rights;
}

/**
 * Runs a state change of the PO's (`toDo`: reveal, commit or close a session) alone: with the session's lock
 * held, on the session as it is now, once the caller is known to be its project's PO; a change already
 * running is a `conflict` and nothing happens.
 */
export async function changing<T>(
  deps: SessionsDeps,
  accountId: string,
  sessionId: string,
  toDo: string,
  change: (session: Session, rights: Rights) => Promise<T>,
): Promise<T> {
  const held = await withSessionLock(sessionId, async () => {
    const { session, rights } = await sessionFor(deps, accountId, sessionId);
    if (!rights.po) throw notPo(session.projectKey, toDo);
    return change(session, rights);
  });
  if (!held)
    throw new AppError(
      'conflict',
      'This session is being changed right now (revealed, committed or closed). Nothing was changed; look again in a moment.',
    );
  return held.value;
}

const missingSession = () =>
  new AppError('not-found', 'There is no such value session, or you are not part of it.');

/** The session, if the caller may see it: the PO of its project, or one of its participants. */
export async function sessionFor(
  deps: SessionsDeps,
  accountId: string,
  sessionId: string,
): Promise<{ session: Session; rights: Rights }> {
  const session = await readSession(sessionId);
  if (!session) throw missingSession();
  let rights: Rights;
  try {
    rights = await rightsIn(deps.jira, session.projectKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') throw missingSession();
    throw error;
  }
  if (!rights.browse || (!rights.po && !isParticipant(session, accountId))) throw missingSession();
  return { session, rights };
}
