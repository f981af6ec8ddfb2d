import { fieldsNeeded, summarize, toBacklogItem } from '../../core/backlog/items';
import { getPreferences, savePreferences, type UserPreferences } from '../../store/preferences';
import type { Answers } from '../../resolvers/api';
import type { Call } from '../../resolvers/define';

export async function siteOverview(
  _payload: unknown,
  { jira, accountId, context }: Call,
): Promise<Answers['site.overview']> {
  const projectKey = context.extension.project?.key;
  const [me, projects, prefs] = await Promise.all([
    jira.myself(),
    jira.projects(),
    projectKey ? getPreferences(accountId, projectKey) : Promise.resolve<UserPreferences>({}),
  ]);
  const withBoards = await Promise.all(
    projects.map(async (project) => ({
      id: project.id,
      key: project.key,
      name: project.name,
      boards: (await jira.boards({ projectKeyOrId: project.key })).map(({ id, name, type }) => ({
        id,
        name,
        type,
      })),
    })),
  );
  return {
    user: { accountId: me.accountId, displayName: me.displayName ?? me.accountId },
    projects: withBoards,
    lastBoardId: prefs.boardId,
  };
}

export async function boardBacklog(
  { boardId }: { boardId: number },
  { jira, accountId, context }: Call,
): Promise<Answers['board.backlog']> {
  const settings = await jira.boardSettings(boardId);
  const map = { estimationFieldId: settings.estimationFieldId };
  const issues = await jira.boardBacklog(boardId, { fields: fieldsNeeded(map) });
  const items = issues.map((issue) => toBacklogItem(issue, map));
  const projectKey = context.extension.project?.key;
  if (projectKey) await savePreferences(accountId, projectKey, { boardId });
  return {
    board: { id: settings.boardId, name: settings.name, estimationFieldName: settings.estimationFieldName },
    summary: summarize(items),
    items,
  };
}
