/**
 * The overview: the projects and boards a user sees, and one board's backlog. Boards are read in one paged
 * call (`GET /rest/agile/1.0/board`, which names each board's project), never one call per project.
 */
import { fieldsNeeded, summarize, toBacklogItem } from '../../core/backlog/items';
import { getPreferences, savePreferences, type UserPreferences } from '../../store/preferences';
import type { Caller } from '../../shared/caller';
import type { BoardBacklog, SiteOverview } from './api';

/** The project the module was opened in, if any (it is listed first, and remembers the last board). */
export interface OverviewScope {
  projectKey?: string | undefined;
}

export async function siteOverview({ jira, accountId }: Caller, scope: OverviewScope): Promise<SiteOverview> {
  const { projectKey } = scope;
  const [me, projects, boards, prefs] = await Promise.all([
    jira.myself(),
    jira.projects(),
    jira.boards({}),
    projectKey ? getPreferences(accountId, projectKey) : Promise.resolve<UserPreferences>({}),
  ]);
  const byProject = new Map<string, SiteOverview['projects'][number]['boards']>();
  for (const { id, name, type, location } of boards) {
    const key = location?.projectKey;
    if (!key) continue;
    byProject.set(key, [...(byProject.get(key) ?? []), { id, name, type }]);
  }
  const listed = projects.map((project) => ({
    id: project.id,
    key: project.key,
    name: project.name,
    boards: byProject.get(project.key) ?? [],
  }));
  // The project the app was opened in comes first; the others keep Jira's order.
  const here = listed.filter((p) => p.key === projectKey);
  return {
    user: { accountId: me.accountId, displayName: me.displayName ?? me.accountId },
    projects: [...here, ...listed.filter((p) => p.key !== projectKey)],
    lastBoardId: prefs.boardId,
  };
}

/** A board's backlog in rank order with its estimates (the Overview's and `valuerank backlog`'s read). */
export async function readBoardBacklog(jira: Caller['jira'], boardId: number): Promise<BoardBacklog> {
  const settings = await jira.boardSettings(boardId);
  const map = { estimationFieldId: settings.estimationFieldId };
  const issues = await jira.boardBacklog(boardId, { fields: fieldsNeeded(map) });
  const items = issues.map((issue) => toBacklogItem(issue, map));
  return {
    board: { id: settings.boardId, name: settings.name, estimationFieldName: settings.estimationFieldName },
    summary: summarize(items),
    items,
  };
}

/** The backlog, remembering the board as the caller's last one in the project. */
export async function boardBacklog(
  { jira, accountId }: Caller,
  { boardId, projectKey }: { boardId: number } & OverviewScope,
): Promise<BoardBacklog> {
  const backlog = await readBoardBacklog(jira, boardId);
  if (projectKey) await savePreferences(accountId, projectKey, { boardId });
  return backlog;
}
