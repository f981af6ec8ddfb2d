/**
 * The first screen of a backlog whose value order is still being computed (a view job reads it, issue 14):
 * the first page of the backlog in its current Jira order, each issue scored now with the same settings and
 * core scoring as the full analysis (`analyzeBoard`), so the PO sees real rows within a few Jira round trips
 * instead of a progress bar alone. Value ranks come with the job's result.
 *
 * A model that counts blocked issues needs every "blocks" link of the backlog, so its scores here are
 * provisional (links seen on this page only) and said to be.
 */
import { toBacklogItem } from '../../core/backlog/items';
import { MOSCOW_LABEL, requiredInputs, scoreBacklog, type ModelConfig } from '../../core/scoring';
import { strategicFit } from '../../core/vision';
import { GOALS_PROPERTY, goalsOf } from '../goals';
import type { FirstRow, FirstRows } from './api';
import { blockLinks, settingsInForce, todayOf, type ServiceDeps } from './analyze';
import type { BoardRef } from './board';
import { fieldsFor } from './mapped-fields';

/** Rows of the first screen while the value order is computed. */
export const FIRST_PAGE_ROWS = 50;

/** The first page of the board's backlog in current order, scored now. Four Jira round trips at most. */
export async function firstRows(
  deps: ServiceDeps,
  board: BoardRef,
  model: ModelConfig | undefined,
): Promise<FirstRows> {
  const { jira, settings } = deps;
  const [{ mapping, model: used }, visionBoard] = await Promise.all([
    settingsInForce(deps, board, { model }),
    settings.vision?.(board.projectKey),
  ]);
  const page = await jira.backlogPage(board.id, {
    fields: fieldsFor(mapping, board.estimationFieldId),
    pageSize: FIRST_PAGE_ROWS,
  });
  const issues = page.issues.slice(0, FIRST_PAGE_ROWS);
  let fit: Map<string, number> | undefined;
  if (visionBoard && issues.length > 0) {
    // The goal tags of these issues only: one JQL search asking for the property.
    const tagged = await jira.searchPage({
      jql: `key in (${issues.map((i) => i.key).join(',')})`,
      fields: ['id'],
      properties: [GOALS_PROPERTY],
      pageSize: issues.length,
    });
    const goals = new Map(
      tagged.issues.map((i) => [i.key, goalsOf(i.properties?.[GOALS_PROPERTY])] as const),
    );
    fit = new Map(issues.map((i) => [i.key, strategicFit(goals.get(i.key) ?? [], visionBoard)] as const));
  }
  const { blocks } = blockLinks(issues, mapping.blockedCount?.linkType);
  const scores = scoreBacklog(
    issues.map((i) => ({ key: i.key, fields: i.fields })),
    mapping,
    used,
    {
      now: todayOf(deps),
      blockedCount: new Map([...blocks].map(([k, v]) => [k, v.length] as const)),
      strategicFit: fit,
    },
  );
  const rows: FirstRow[] = issues.map((issue, i) => {
    const score = scores[i];
    const base = toBacklogItem(issue, { estimationFieldId: board.estimationFieldId });
    const row: FirstRow = {
      key: issue.key,
      summary: base.summary,
      issueType: base.issueType,
      status: base.status,
      rank: i + 1,
      score: score?.status === 'scored' ? score.value : null,
      display: score?.status === 'scored' ? score.explanation.result : '—',
    };
    if (score?.status === 'unscored') row.reason = score.reason;
    if (score?.status === 'scored' && score.bucket) row.bucket = MOSCOW_LABEL[score.bucket];
    return row;
  });
  return {
    rows,
    total: page.total ?? rows.length,
    provisional: requiredInputs(used, mapping).includes('blockedCount'),
  };
}
