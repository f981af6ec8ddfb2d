import { AGILE_PAGE_SIZE, readAllByStartAt } from './paging';
import { jiraPath, query } from './path';
import { checkId, type JiraRequester } from './request';
import { AgileValuesPage, JiraBoard, JiraBoardConfiguration } from './schemas';

export interface BoardQuery {
  /** All boards the user sees when absent. */
  projectKeyOrId?: string;
  type?: 'scrum' | 'kanban';
}

export interface BoardSettings {
  boardId: number;
  name: string;
  /** e.g. `customfield_10019`. */
  rankFieldId: string | undefined;
  /** The numeric id the rank endpoint takes as `rankCustomFieldId`. */
  rankCustomFieldId: number | undefined;
  /** The board's estimation field, e.g. `customfield_10016`; undefined when it estimates by count. */
  estimationFieldId: string | undefined;
  estimationFieldName: string | undefined;
  filterId: string | undefined;
  projectKeyOrId: string | undefined;
}

/** `GET /rest/agile/1.0/board?projectKeyOrId=`: every board of a project the caller can see. */
export async function boards(r: JiraRequester, q: BoardQuery): Promise<JiraBoard[]> {
  const schema = AgileValuesPage(JiraBoard);
  return await readAllByStartAt(
    (startAt) => {
      const params = query({
        projectKeyOrId: q.projectKeyOrId,
        type: q.type,
        startAt,
        maxResults: AGILE_PAGE_SIZE,
      });
      return r.json('GET', jiraPath`/rest/agile/1.0/board?${params}`, schema);
    },
    (page) => page.values,
    (page) => page.isLast !== false,
  );
}

/** `GET /rest/agile/1.0/board/{id}/configuration`: the rank and estimation fields. */
export async function boardSettings(r: JiraRequester, boardId: number): Promise<BoardSettings> {
  const config = await r.json(
    'GET',
    jiraPath`/rest/agile/1.0/board/${checkId(boardId)}/configuration`,
    JiraBoardConfiguration,
  );
  const rankId = config.ranking?.rankCustomFieldId;
  const estimation = config.estimation?.type === 'field' ? config.estimation.field : undefined;
  return {
    boardId: config.id,
    name: config.name,
    rankFieldId: rankId === undefined ? undefined : `customfield_${rankId}`,
    rankCustomFieldId: rankId,
    estimationFieldId: estimation?.fieldId,
    estimationFieldName: estimation?.displayName,
    filterId: config.filter?.id,
    projectKeyOrId: config.location?.projectKeyOrId,
  };
}
