/**
 * Prioritize: score a backlog by business value and reorder its Jira rank, optimally, previewed and undoable.
 * The services here take a `JiraClient` (as the user) and the settings source; resolvers, the queue consumer
 * and the CLI all go through them (docs/adr/0004-feature-services.md).
 */
import type { ModelConfig } from '../../core/scoring';
import type { PreviewAnswer, PrioritizeLoad, RowsAnswer } from './api';
import type { ServiceDeps } from './analyze';
import { loadView, previewView, rowsView } from './snapshot';

export interface BoardInput {
  boardId: number;
  model?: ModelConfig | undefined;
  /** The project the app was opened in: a board of another project is refused. */
  projectKey?: string | undefined;
  /** Who asks: when the backlog is too large to analyse at once, the background job reads Jira as them. */
  accountId?: string;
}

/**
 * The Prioritize view of a board, with what the caller may do there: counts, aggregates and the first rows
 * (docs/adr/0011-view-snapshots.md); a backlog too large to analyse at once answers the last analysis or
 * progress, while a job computes the next.
 */
export async function loadPrioritize(deps: ServiceDeps, input: BoardInput): Promise<PrioritizeLoad> {
  return loadView(deps, input);
}

/** Rows of the board's latest analysis, as the table scrolls. */
export async function prioritizeRows(
  deps: ServiceDeps,
  input: BoardInput & {
    order: 'value' | 'current';
    from: number;
    count: number;
    keys?: string[] | undefined;
  },
): Promise<RowsAnswer> {
  return rowsView(deps, input);
}

/** The plan from the current order to the value order, without changing anything (summarised). */
export async function previewPrioritize(deps: ServiceDeps, input: BoardInput): Promise<PreviewAnswer> {
  return previewView(deps, input);
}

export { analyzeBoard, backlogKeys, fingerprintOf, type Analysis, type ServiceDeps } from './analyze';
export { rightsIn, requireRank, resolveBoard, type BoardRef, type Rights } from './board';
export { runRankCalls, type FailedIssue } from './execute';
export { inputChanges, jobProgress, reorderHistory } from './history';
export { issueScore } from './issue-score';
export {
  abandonReorder,
  jobView,
  restoreTarget,
  resumeReorder,
  runJob,
  startApply,
  startUndo,
  type JobDeps,
} from './jobs';
export { modelLabel, parseModelName } from './model';
export { backlogCoverage, callView } from './preview';
export { runAnalyzeJob } from './snapshot';
export { pinIssue, pinIssues, saveProjectMapping, saveProjectModel } from './settings';
export { DEFAULT_MODEL, noSettings, type SettingsSource } from './sources';
export { storedSettings } from './stored';
export { findScoreField, writeScores, SCORE_FIELD_KEY, SCORE_PROPERTY_KEY } from './writeback';
export { findRows } from './find';
export { setInput } from './set-input';
