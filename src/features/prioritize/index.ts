/**
 * Prioritize: score a backlog by business value and reorder its Jira rank, optimally, previewed and undoable.
 * The services here take a `JiraClient` (as the user) and the settings source; resolvers, the queue consumer
 * and the CLI all go through them (docs/adr/0004-feature-services.md).
 */
import type { ModelConfig } from '../../core/scoring';
import type { PreviewView, PrioritizeView } from './api';
import { listSnapshots } from '../../store/prioritize';
import { analyzeBoard, type ServiceDeps } from './analyze';
import { resolveBoard, rightsIn } from './board';
import { previewOf, prioritizeView } from './preview';

export interface BoardInput {
  boardId: number;
  model?: ModelConfig | undefined;
  /** The project the app was opened in: a board of another project is refused. */
  projectKey?: string | undefined;
}

/** The Prioritize view of a board, with what the caller may do there. */
export async function loadPrioritize(deps: ServiceDeps, input: BoardInput): Promise<PrioritizeView> {
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  const [analysis, rights, snapshots] = await Promise.all([
    analyzeBoard(deps, board.id, { model: input.model, board }),
    rightsIn(deps.jira, board.projectKey),
    listSnapshots(board.id),
  ]);
  return prioritizeView(analysis, rights, snapshots.length > 0);
}

/** The plan from the current order to the value order, without changing anything. */
export async function previewPrioritize(deps: ServiceDeps, input: BoardInput): Promise<PreviewView> {
  return previewOf(
    await analyzeBoard(deps, input.boardId, { model: input.model, projectKey: input.projectKey }),
  );
}

export { analyzeBoard, backlogKeys, fingerprintOf, type Analysis, type ServiceDeps } from './analyze';
export { rightsIn, requireRank, resolveBoard, type BoardRef, type Rights } from './board';
export { runRankCalls, type FailedIssue } from './execute';
export { inputChanges, jobProgress, reorderHistory } from './history';
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
export { backlogCoverage, callView, previewOf, prioritizeView } from './preview';
export { pinIssue, saveProjectMapping, saveProjectModel } from './settings';
export { DEFAULT_MODEL, noSettings, type SettingsSource } from './sources';
export { storedSettings } from './stored';
export { findScoreField, writeScores, SCORE_FIELD_KEY, SCORE_PROPERTY_KEY } from './writeback';
