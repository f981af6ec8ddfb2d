/**
 * The live score of one issue for its project's model: the number the badge, and anything else that shows a
 * single issue, takes from the same settings and core scoring as the Prioritize view (`analyzeBoard`):
 * the project's stored mapping (else the mapping proposed from the fields and the project's first board's
 * estimate field), its stored model (else WSJF), today's date and the strategic fit of its goal tags. A
 * model that counts blocked issues counts them within a board's backlog, so then the board is analysed
 * and the issue's score taken from that analysis. Also reads what Prioritize wrote (the `valuerank`
 * property and the "Business value score" field) and says when that copy is stale.
 */
import {
  readWrittenScore,
  requiredInputs,
  scoreIssue,
  writtenStaleness,
  type Score,
} from '../../core/scoring';
import { strategicFit } from '../../core/vision';
import type { JiraClient } from '../../jira/client';
import { readIssueGoals } from '../goals';
import type { IssueScoreView } from './api';
import { analyzeBoard, settingsInForce, todayOf, type ServiceDeps } from './analyze';
import { resolveBoard, type BoardRef } from './board';
import { fieldsFor } from './mapped-fields';
import { modelLabel } from './model';
import { findScoreField, SCORE_PROPERTY_KEY } from './writeback';

/** The project's first board (lowest id) the caller can see, resolved; undefined when it has none. */
async function firstBoard(jira: JiraClient, projectKey: string): Promise<BoardRef | undefined> {
  const boards = await jira.boards({ projectKeyOrId: projectKey }).catch(() => []);
  const first = [...boards].sort((a, b) => a.id - b.id)[0];
  return first ? resolveBoard(jira, first.id) : undefined;
}

/** The score of one issue, live, and the state of its written copy. */
export async function issueScore(deps: ServiceDeps, issueKey: string): Promise<IssueScoreView> {
  const { jira, settings } = deps;
  const projectKey = issueKey.replace(/-\d+$/, '');
  const [board, siteFields] = await Promise.all([firstBoard(jira, projectKey), jira.fields()]);
  const estimationFieldId = board?.estimationFieldId;
  const { mapping, model } = await settingsInForce(
    deps,
    { projectKey, estimationFieldId },
    { fields: siteFields },
  );
  const scoreField = findScoreField(siteFields);

  const [issue, property, visionBoard] = await Promise.all([
    jira.issue(issueKey, [...fieldsFor(mapping, estimationFieldId), ...(scoreField ? [scoreField.id] : [])]),
    jira.getIssueProperty(issueKey, SCORE_PROPERTY_KEY).catch(() => undefined),
    settings.vision?.(projectKey),
  ]);

  let score: Score | undefined;
  if (board && requiredInputs(model, mapping).includes('blockedCount')) {
    const a = await analyzeBoard(deps, board.id, { board, otherBoards: false });
    score = a.scores.find((s) => s.key === issueKey);
  }
  if (!score) {
    const fit = visionBoard ? strategicFit(await readIssueGoals(jira, issueKey), visionBoard) : undefined;
    score = scoreIssue({ key: issue.key, fields: issue.fields }, mapping, model, {
      now: todayOf(deps),
      strategicFit: fit,
    });
  }

  const live = score.status === 'scored' ? score.value : null;
  const written = readWrittenScore(property);
  const rawField = scoreField ? issue.fields[scoreField.id] : undefined;
  const field = typeof rawField === 'number' ? rawField : rawField === null ? null : undefined;
  const stale = writtenStaleness({ model: score.model, score: live }, written, field);
  return {
    model: score.model,
    modelLabel: modelLabel(model),
    score: live,
    display: score.explanation.result,
    ...(score.status === 'unscored' ? { reason: score.reason } : {}),
    explanation: score.explanation,
    written,
    ...(stale ? { stale } : {}),
  };
}
