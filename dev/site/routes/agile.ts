/** Jira Software (Agile 1.0) routes: boards, board configuration, backlog, board issues, sprints, rank. */
import { z } from 'zod';
import type { RouteHandler, RouteRequest, SiteContext } from '../context';
import { parseFieldSelection } from '../fields';
import { BOARD_NOT_FOUND, jiraError, json, listParam, NO_CONTENT, paging } from '../http';
import { APP_USER, canBrowseProject, hasIssuePermission } from '../permissions';
import { avatarUrls, issueJson, sprintJson } from '../render';
import { boardIssues } from '../search';
import { RANK_FIELD_ID } from '../seed';
import type { SeedBoard, SeedSprint } from '../seed-schema';
import { jiraTime, type IssueRecord } from '../state';

export const AGILE_PAGE_CAP = 50;
export const MAX_RANK_ISSUES = 50;
const RANK_CUSTOM_FIELD_ID = Number(RANK_FIELD_ID.replace('customfield_', ''));

function boardJson(site: SiteContext, board: SeedBoard): Record<string, unknown> {
  const project = site.state.projects.get(board.projectKey);
  return {
    id: board.id,
    self: `${site.baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    ...(project
      ? {
          location: {
            projectId: Number(project.id),
            displayName: `${project.name} (${project.key})`,
            projectName: project.name,
            projectKey: project.key,
            projectTypeKey: 'software',
            avatarURI: avatarUrls(site.baseUrl, 'project', project.id)['24x24'],
            name: `${project.name} (${project.key})`,
          },
        }
      : {}),
    isPrivate: false,
  };
}

/** The board, if the caller may see it (it can browse the board's project); else Jira's 404. */
function visibleBoard(request: RouteRequest): SeedBoard {
  const { site, caller, params } = request;
  const raw = params.boardId ?? '';
  const board = /^\d+$/.test(raw) ? site.state.boards.get(Number(raw)) : undefined;
  if (!board || !canBrowseProject(caller, site.state.projects.get(board.projectKey))) {
    throw jiraError(404, BOARD_NOT_FOUND);
  }
  return board;
}

// ------------------------------------------------------------------------------------------------ boards

const BOARD_TYPES = new Set(['scrum', 'kanban', 'simple']);

const listBoards: RouteHandler = ({ site, caller, query }) => {
  const { startAt, maxResults } = paging(query, AGILE_PAGE_CAP, AGILE_PAGE_CAP);
  const types = listParam(query, 'type');
  for (const t of types ?? []) {
    if (!BOARD_TYPES.has(t))
      throw jiraError(400, `The board type '${t}' is not valid. Valid types are scrum, kanban and simple.`);
  }
  const orderBy = query.get('orderBy');
  if (orderBy !== null && !['name', '-name', '+name'].includes(orderBy)) {
    throw jiraError(
      400,
      `The orderBy value '${orderBy}' is not valid. Valid values are name, -name and +name.`,
    );
  }
  const name = (query.get('name') ?? '').toLowerCase();
  const projectKeyOrId = query.get('projectKeyOrId');
  const project = projectKeyOrId ? site.state.project(projectKeyOrId) : undefined;
  let boards = [...site.state.boards.values()].filter((b) => {
    if (!canBrowseProject(caller, site.state.projects.get(b.projectKey))) return false;
    if (projectKeyOrId && b.projectKey !== project?.key) return false;
    if (types && !types.includes(b.type)) return false;
    return name === '' || b.name.toLowerCase().includes(name);
  });
  if (orderBy) {
    boards = boards.sort((a, b) => a.name.localeCompare(b.name));
    if (orderBy === '-name') boards.reverse();
  }
  const page = boards.slice(startAt, startAt + maxResults);
  return json(200, {
    maxResults,
    startAt,
    total: boards.length,
    isLast: startAt + page.length >= boards.length,
    values: page.map((b) => boardJson(site, b)),
  });
};

const getBoard: RouteHandler = (request) => json(200, boardJson(request.site, visibleBoard(request)));

const COLUMNS: Array<[string, string]> = [
  ['To Do', 'new'],
  ['In Progress', 'indeterminate'],
  ['Done', 'done'],
];

const boardConfiguration: RouteHandler = (request) => {
  const { site } = request;
  const board = visibleBoard(request);
  const project = site.state.projects.get(board.projectKey);
  const filterId = String(10_000 + board.id);
  const used = new Set(
    site.state
      .issuesInRankOrder()
      .filter((i) => i.projectKey === board.projectKey)
      .map((i) => (i.fields.status as { name: string }).name.toLowerCase()),
  );
  const statuses = site.state.statuses.filter((s) => used.size === 0 || used.has(s.name.toLowerCase()));
  const estimation = board.estimationFieldId
    ? {
        type: 'field',
        field: {
          fieldId: board.estimationFieldId,
          displayName: site.state.fieldsById.get(board.estimationFieldId)?.name ?? board.estimationFieldId,
        },
      }
    : { type: 'issueCount' };
  return json(200, {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${site.baseUrl}/rest/agile/1.0/board/${board.id}/configuration`,
    location: { type: 'project', projectKeyOrId: project?.id ?? board.projectKey },
    filter: { id: filterId, self: `${site.baseUrl}/rest/api/3/filter/${filterId}` },
    ...(board.type === 'kanban'
      ? { subQuery: { query: 'fixVersion in unreleasedVersions() OR fixVersion is EMPTY' } }
      : {}),
    columnConfig: {
      columns: COLUMNS.map(([name, category]) => ({
        name,
        statuses: statuses
          .filter((s) => s.category === category)
          .map((s) => ({ id: s.id, self: `${site.baseUrl}/rest/api/3/status/${s.id}` })),
      })),
      constraintType: 'issueCount',
    },
    ...(board.type === 'scrum' ? { estimation } : {}),
    ranking: { rankCustomFieldId: RANK_CUSTOM_FIELD_ID },
  });
};

function issueList(which: 'board' | 'backlog'): RouteHandler {
  return (request) => {
    const { site, caller, query } = request;
    const board = visibleBoard(request);
    const { startAt, maxResults } = paging(query, AGILE_PAGE_CAP, AGILE_PAGE_CAP);
    const jql = query.get('jql') ?? undefined;
    const all = boardIssues(site, caller, board, which, jql);
    const page = all.slice(startAt, startAt + maxResults);
    const view = {
      api: 'agile' as const,
      selection: parseFieldSelection(listParam(query, 'fields'), '*navigable'),
    };
    return json(200, {
      expand: 'schema,names',
      startAt,
      maxResults,
      total: all.length,
      issues: page.map((issue) => issueJson(site, issue, view)),
    });
  };
}

const SPRINT_STATES = ['closed', 'active', 'future'];

const boardSprints: RouteHandler = (request) => {
  const { site, query } = request;
  const board = visibleBoard(request);
  if (board.type !== 'scrum') throw jiraError(400, 'The board does not support sprints');
  const { startAt, maxResults } = paging(query, AGILE_PAGE_CAP, AGILE_PAGE_CAP);
  const states = listParam(query, 'state');
  for (const s of states ?? []) {
    if (!SPRINT_STATES.includes(s))
      throw jiraError(
        400,
        `The sprint state '${s}' is not valid. Valid states are future, active and closed.`,
      );
  }
  const sprints = [...site.state.sprints.values()]
    .filter((s) => s.boardId === board.id && (!states || states.includes(s.state)))
    .sort((a, b) => SPRINT_STATES.indexOf(a.state) - SPRINT_STATES.indexOf(b.state) || a.id - b.id);
  const page: SeedSprint[] = sprints.slice(startAt, startAt + maxResults);
  return json(200, {
    maxResults,
    startAt,
    total: sprints.length,
    isLast: startAt + page.length >= sprints.length,
    values: page.map((s) => sprintJson(site, s)),
  });
};

// ------------------------------------------------------------------------------------------------ rank

const RankBody = z
  .object({
    issues: z.array(z.string().min(1)),
    rankBeforeIssue: z.string().min(1).optional(),
    rankAfterIssue: z.string().min(1).optional(),
    rankCustomFieldId: z.number().int().optional(),
  })
  .strict();

function rankBody(body: unknown): z.infer<typeof RankBody> {
  const result = RankBody.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'body';
    throw jiraError(400, `Invalid rank request: ${where}: ${first?.message ?? 'invalid'}`);
  }
  return result.data;
}

interface RankEntry {
  issueId: number;
  issueKey: string;
  status: number;
  errors?: string[];
}

const rank: RouteHandler = async (request) => {
  const { site, caller } = request;
  const body = rankBody(await request.body());
  if (body.issues.length === 0) throw jiraError(400, 'There must be at least one issue to rank.');
  if (body.issues.length > MAX_RANK_ISSUES) {
    throw jiraError(400, `Only ${MAX_RANK_ISSUES} issues can be ranked at once (got ${body.issues.length}).`);
  }
  if ((body.rankBeforeIssue === undefined) === (body.rankAfterIssue === undefined)) {
    throw jiraError(400, 'Exactly one of rankBeforeIssue and rankAfterIssue must be given.');
  }
  if (body.rankCustomFieldId !== undefined && body.rankCustomFieldId !== RANK_CUSTOM_FIELD_ID) {
    throw jiraError(400, `The field customfield_${body.rankCustomFieldId} is not a rank field.`);
  }
  const visible = (keyOrId: string): IssueRecord | undefined => {
    const issue = site.state.issue(keyOrId);
    return issue && canBrowseProject(caller, site.state.projects.get(issue.projectKey)) ? issue : undefined;
  };
  const anchorRef = (body.rankBeforeIssue ?? body.rankAfterIssue) as string;
  const anchor = visible(anchorRef);
  if (!anchor)
    throw jiraError(400, `Issue '${anchorRef}' does not exist or you do not have permission to see it.`);
  const issues: IssueRecord[] = [];
  for (const ref of body.issues) {
    const issue = visible(ref);
    if (!issue)
      throw jiraError(400, `Issue '${ref}' does not exist or you do not have permission to see it.`);
    if (issue === anchor) throw jiraError(400, `Cannot rank issue ${issue.key} relative to itself.`);
    if (!issues.includes(issue)) issues.push(issue);
  }
  const entries: RankEntry[] = issues.map((issue) => {
    const entry: RankEntry = { issueId: Number(issue.id), issueKey: issue.key, status: 200 };
    const allowed =
      hasIssuePermission(site.state, caller, issue, 'SCHEDULE_ISSUES') &&
      hasIssuePermission(site.state, caller, issue, 'EDIT_ISSUES');
    if (!allowed) {
      entry.status = 403;
      entry.errors = [`You do not have permission to rank issue ${issue.key}.`];
    } else if (site.faults.rankFails(issue.key, issue.id)) {
      entry.status = 503;
      entry.errors = ['Ranking failed: the service is unavailable. Try again later.'];
    }
    return entry;
  });
  if (entries.every((e) => e.status === 403)) {
    throw jiraError(
      403,
      'You do not have permission to rank issues: it needs the Schedule Issues and Edit Issues permissions.',
    );
  }
  const moving = issues.filter((_, i) => entries[i]?.status === 200);
  const positions = site.state.move(moving, anchor, body.rankBeforeIssue !== undefined);
  const now = Date.now();
  const author = caller.kind === 'app' ? APP_USER.accountId : caller.user.accountId;
  for (const issue of moving) {
    const p = positions.get(issue);
    if (!p || p.from === p.to) continue;
    issue.fields.updated = jiraTime(now);
    site.state.addHistory(
      issue,
      author,
      [
        {
          field: 'Rank',
          fieldId: RANK_FIELD_ID,
          fieldtype: 'custom',
          from: '',
          fromString: '',
          to: '',
          toString: p.to < p.from ? 'Ranked higher' : 'Ranked lower',
        },
      ],
      now,
    );
  }
  if (entries.every((e) => e.status === 200)) return NO_CONTENT;
  return json(207, { entries });
};

export const AGILE_ROUTES: ReadonlyArray<[string, string, RouteHandler]> = [
  ['GET', '/rest/agile/1.0/board', listBoards],
  ['GET', '/rest/agile/1.0/board/{boardId}', getBoard],
  ['GET', '/rest/agile/1.0/board/{boardId}/configuration', boardConfiguration],
  ['GET', '/rest/agile/1.0/board/{boardId}/backlog', issueList('backlog')],
  ['GET', '/rest/agile/1.0/board/{boardId}/issue', issueList('board')],
  ['GET', '/rest/agile/1.0/board/{boardId}/sprint', boardSprints],
  ['PUT', '/rest/agile/1.0/issue/rank', rank],
];
