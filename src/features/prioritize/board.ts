/** Which board, of which project, and what the caller may do there. */
import type { JiraClient } from '../../jira/client';
import { JiraNotFoundError } from '../../jira/errors';
import { AppError } from '../../shared/errors';
import { projectPermissions } from '../../shared/project-access';

export interface BoardRef {
  id: number;
  name: string;
  projectKey: string;
  /** The numeric id `PUT /rest/agile/1.0/issue/rank` takes; undefined when the board does not say. */
  rankCustomFieldId: number | undefined;
  estimationFieldId: string | undefined;
  estimationFieldName: string | undefined;
  /** The project's other boards the caller can see (Jira's rank is global: moves show there too). */
  otherBoards: Array<{ id: number; name: string }>;
}

/**
 * Reads a board's settings and its project. A board that does not exist or that the caller cannot see, a
 * board outside `expectedProjectKey` (the project the app was opened in), or a board that belongs to no
 * project is a `not-found` with a sentence saying which.
 */
export async function resolveBoard(
  jira: JiraClient,
  boardId: number,
  expectedProjectKey?: string,
): Promise<BoardRef> {
  let settings;
  try {
    settings = await jira.boardSettings(boardId);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Board ${boardId} does not exist, or you cannot see it.`);
    throw error;
  }
  if (!settings.projectKeyOrId)
    throw new AppError(
      'not-found',
      `Board ${boardId} (${settings.name}) belongs to no project; ValueRank orders project boards only.`,
    );
  const boards = await jira.boards({ projectKeyOrId: settings.projectKeyOrId });
  const self = boards.find((b) => b.id === boardId);
  const projectKey = self?.location?.projectKey;
  if (!projectKey) throw new AppError('not-found', `Board ${boardId} does not exist, or you cannot see it.`);
  if (expectedProjectKey && projectKey !== expectedProjectKey)
    throw new AppError(
      'not-found',
      `Board ${boardId} (${settings.name}) is not a board of project ${expectedProjectKey}: it belongs to ${projectKey}.`,
    );
  return {
    id: boardId,
    name: settings.name,
    projectKey,
    rankCustomFieldId: settings.rankCustomFieldId,
    estimationFieldId: settings.estimationFieldId,
    estimationFieldName: settings.estimationFieldName,
    otherBoards: boards.filter((b) => b.id !== boardId).map((b) => ({ id: b.id, name: b.name })),
  };
}

export interface Rights {
  /** SCHEDULE_ISSUES and EDIT_ISSUES: Jira's rank needs both. */
  canRank: boolean;
  /** ADMINISTER_PROJECTS. */
  canEditMapping: boolean;
}

export async function rightsIn(jira: JiraClient, projectKey: string): Promise<Rights> {
  const held = await projectPermissions(jira, projectKey, [
    'SCHEDULE_ISSUES',
    'EDIT_ISSUES',
    'ADMINISTER_PROJECTS',
  ]);
  return {
    canRank: held.SCHEDULE_ISSUES && held.EDIT_ISSUES,
    canEditMapping: held.ADMINISTER_PROJECTS,
  };
}

/** Refuses with `forbidden` unless the caller may rank issues in the project. */
export async function requireRank(jira: JiraClient, projectKey: string, toDo: string): Promise<void> {
  if (!(await rightsIn(jira, projectKey)).canRank)
    throw new AppError(
      'forbidden',
      `You need the Schedule Issues and Edit Issues permissions in ${projectKey} to ${toDo}. Nothing was changed.`,
    );
}

/** Refuses with `forbidden` unless the caller administers the project. */
export async function requireAdmin(jira: JiraClient, projectKey: string, toDo: string): Promise<void> {
  if (!(await rightsIn(jira, projectKey)).canEditMapping)
    throw new AppError(
      'forbidden',
      `Only administrators of project ${projectKey} can ${toDo}. Nothing was changed.`,
    );
}
