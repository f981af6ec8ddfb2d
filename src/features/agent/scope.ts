/**
 * Which board an action is about: the one named, or, when only a project is known (named, or the page Rovo
 * was opened on), the project's first board the user can see. Every lookup is made as the user, so a board
 * or project they cannot see is refused the way the app refuses it.
 */
import type { JiraClient } from '../../jira/client';
import { AppError } from '../../shared/errors';
import { projectAccess } from '../../shared/project-access';
import { resolveBoard, type BoardRef } from '../prioritize/board';

export interface BoardScope {
  board: BoardRef;
  /** True when no board was named and the project's first board was taken. */
  chosen: boolean;
}

/** The project key of an issue key (`TRAIL-220` → `TRAIL`). */
export const projectOfKey = (key: string): string => key.replace(/-\d+$/, '');

export async function boardScope(
  jira: JiraClient,
  input: { boardId?: number | undefined; projectKey?: string | undefined },
  what: string,
): Promise<BoardScope> {
  if (input.boardId !== undefined)
    return { board: await resolveBoard(jira, input.boardId, input.projectKey), chosen: false };
  const project = input.projectKey;
  if (!project)
    throw new AppError(
      'invalid-payload',
      `Name a board (boardId) or a project (projectKey): ValueRank answers ${what} for a board's backlog.`,
    );
  await projectAccess(jira, project, what);
  const boards = (await jira.boards({ projectKeyOrId: project }))
    .filter((b) => b.location?.projectKey === project)
    .sort((a, b) => a.id - b.id);
  const first = boards[0];
  if (!first)
    throw new AppError(
      'not-found',
      `Project ${project} has no board you can see, so there is no backlog to rank.`,
    );
  return { board: await resolveBoard(jira, first.id, project), chosen: true };
}

/** "board 1 (TRAIL board)", with a note when it was chosen for the user. */
export const boardWords = (scope: BoardScope): string =>
  `board ${scope.board.id} (${scope.board.name})${scope.chosen ? `, the first board of ${scope.board.projectKey}` : ''}`;
