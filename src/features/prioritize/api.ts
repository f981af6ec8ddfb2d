/**
 * The Prioritize part of the resolver API (spread into `payloads` and `Answers` in src/resolvers/api.ts):
 * payload schemas and the views the Prioritize screen, the backlog action and the CLI show.
 */
import { z } from 'zod';
import type { Explanation, FieldMapping, ModelConfig, ModelKind, WrittenScore } from '../../core/scoring';
import { FieldMappingSchema, ModelConfigSchema } from '../../core/scoring';
import type { Quadrant } from '../../core/health/quadrants';
import type { CoverageReport } from '../../core/vision';
import type { ViewStatus } from '../../jobs/view-status';
import { boardId, issueKey, projectKey } from '../../shared/ids';

export const prioritizePayloads = {
  /** The Prioritize view of a board: every backlog item scored with the project's model, and the target order. */
  'prioritize.load': z.object({ boardId, model: ModelConfigSchema.optional() }).strict(),
  /** Dry run: the plan from the current order to the value order. */
  'prioritize.preview': z.object({ boardId, model: ModelConfigSchema.optional() }).strict(),
  /**
   * Rows of the board's latest analysis, as the table scrolls: `count` rows from `from` in value or current
   * order, or the rows of `keys` (at most 200 rows an answer).
   */
  'prioritize.rows': z
    .object({
      boardId,
      model: ModelConfigSchema.optional(),
      order: z.enum(['value', 'current']).default('value'),
      from: z.number().int().min(0).max(1_000_000).default(0),
      count: z.number().int().min(1).max(200).default(100),
      keys: z.array(issueKey).min(1).max(50).optional(),
    })
    .strict(),
  /** Applies a previewed plan as the user; answers a job to poll. `fingerprint` is the preview's. */
  'prioritize.apply': z
    .object({ boardId, model: ModelConfigSchema.optional(), fingerprint: z.string().min(1).max(200) })
    .strict(),
  'prioritize.progress': z.object({ jobId: z.string().min(1).max(100) }).strict(),
  /** Queues a stalled reorder again (its starter or a project admin); it goes on from its stored plan. */
  'prioritize.resume': z.object({ jobId: z.string().min(1).max(100) }).strict(),
  /** Ends a stalled reorder for good and releases the board (its starter or a project admin). */
  'prioritize.abandon': z.object({ jobId: z.string().min(1).max(100) }).strict(),
  /** Restores the order from before the last apply on this board (kept: last 10). */
  'prioritize.undo': z.object({ boardId }).strict(),
  'prioritize.history': z.object({ boardId }).strict(),
  'prioritize.pin': z.object({ boardId, key: issueKey, pinned: z.boolean() }).strict(),
  /** Pins or unpins up to 100 issues at once (the grid's selection). */
  'prioritize.pinMany': z
    .object({ boardId, keys: z.array(issueKey).min(1).max(100), pinned: z.boolean() })
    .strict(),
  /** The project's scoring model (any user who may rank may change it). */
  'prioritize.setModel': z.object({ projectKey, model: ModelConfigSchema }).strict(),
  /** The project's field mapping: project admins only. */
  'mapping.save': z.object({ projectKey, mapping: FieldMappingSchema }).strict(),
  /** Who changed a score's inputs and when (Jira's changelog of the mapped fields). */
  'score.history': z
    .object({ issueKey, fieldIds: z.array(z.string().min(1).max(100)).min(1).max(20) })
    .strict(),
} as const;

export interface PrioritizedItem {
  key: string;
  summary: string;
  issueType: string;
  status: string;
  /** 1-based position in the current backlog order. */
  rank: number;
  /** 1-based position in the value order. */
  targetRank: number;
  storyPoints: number | undefined;
  /** null when unscored; then `reason` says why. */
  score: number | null;
  /** The score as shown (rounded), or '—'. */
  display: string;
  reason?: string;
  /** MoSCoW bucket when the model is MoSCoW. */
  bucket?: string;
  explanation: Explanation;
  pinned: boolean;
  /** Issues in this backlog that this one blocks / is blocked by. */
  blocks: string[];
  blockedBy: string[];
  /** True when lifted above higher scores because it blocks one of them. */
  lifted: boolean;
  /** Shares its exact score with another item. */
  tie: boolean;
  /** Moving one input by one step would move it more than a few places. */
  fragile?: { input: string; from: number; to: number; places: number };
  /** Other boards this issue sits on (Jira's rank is global). */
  otherBoards: string[];
}

/** One point of the value/effort chart. */
export interface ChartPoint {
  key: string;
  summary: string;
  storyPoints: number;
  score: number;
  display: string;
  bucket?: string;
  /**
   * Its quadrant, split at the medians of every estimated, scored issue (core `valueEffortQuadrants`);
   * absent in snapshots stored before quadrants were part of the answer.
   */
  quadrant?: Quadrant;
}

/** The value/effort quadrants of the whole backlog: the one computation the gadget shows too. */
export interface QuadrantSummary {
  counts: Record<Quadrant, number>;
  /** The split points; null when no issue has both a score and an estimate. */
  medians: { effort: number; value: number } | null;
}

/** What the Prioritize screen shows of a board whatever its size: counts, aggregates, no long lists. */
export interface PrioritizeSummary {
  board: { id: number; name: string; projectKey: string };
  model: ModelConfig;
  mapping: FieldMapping;
  /** True when no mapping is stored yet and this one was proposed from the fields. */
  mappingProposed: boolean;
  mappingNotes: string[];
  /** Issues in the backlog, already in their value place, unscored, tied. */
  total: number;
  inPlace: number;
  unscored: number;
  ties: number;
  /** The most common reason an issue is unscored; and whether it is every issue's. */
  unscoredReason?: string;
  allUnscoredForOneReason: boolean;
  /** The value/effort chart: the highest-value estimated issues (at most 500) of `plotted`. */
  chart: { points: ChartPoint[]; plotted: number; quadrants?: QuadrantSummary };
  /** Blocking cycles (the first 50) and how many in all. */
  cycles: string[][];
  cycleCount: number;
  /** Identifies the backlog order, the model and the value order (apply compares it). */
  planFingerprint: string;
  /**
   * How well the order follows value (core `orderHealth`, as the gadget computes it): of the top `topSize`
   * scored issues by value, the share in the top `topSize` now; the rank correlation. Absent in snapshots
   * stored before it was part of the answer.
   */
  order?: { scored: number; topSize: number; topOverlap: number | null; spearman: number | null };
  /** How the backlog's value spreads over the vision's active goals (when the project has a vision). */
  goalCoverage?: CoverageReport;
}

export interface PrioritizeView extends PrioritizeSummary {
  canEditMapping: boolean;
  canRank: boolean;
  undoAvailable: boolean;
  /** The first rows in value order; `prioritize.rows` answers the rest. */
  rows: PrioritizedItem[];
  /** The analysis the rows come from. */
  snapshotId: string;
  /** How current the answer is, and the job computing the next one. */
  status: ViewStatus;
}

/** A row of the first screen while the value order is computed: current order, scored now. */
export interface FirstRow {
  key: string;
  summary: string;
  issueType: string;
  status: string;
  /** 1-based position in the current backlog order. */
  rank: number;
  score: number | null;
  display: string;
  reason?: string;
  bucket?: string;
}

export interface FirstRows {
  /** The first page of the backlog, in current order. */
  rows: FirstRow[];
  /** Issues in the backlog. */
  total: number;
  /** The model counts blocked issues: scores here see only this page's links. */
  provisional: boolean;
}

/** The board's analysis is being computed and none is kept yet: poll again. */
export interface PendingView {
  pending: true;
  board: { id: number; name: string; projectKey: string };
  status: ViewStatus;
  /** Prioritize only: the first page in current order, scored, while the value order is computed. */
  firstRows?: FirstRows;
}

export type PrioritizeLoad = PrioritizeView | PendingView;

export interface RowsAnswer {
  order: 'value' | 'current';
  from: number;
  /** Rows in all. */
  total: number;
  rows: PrioritizedItem[];
  snapshotId: string;
  computedAt: string;
}

export interface RankCallView {
  issues: string[];
  before?: string;
  after?: string;
}

/** The plan from the current order to the value order, summarised: its first moves, calls and warnings. */
export interface PreviewView {
  /** Identifies the backlog order the plan was made from; apply refuses a stale one and re-plans. */
  fingerprint: string;
  /** Issues in the backlog. */
  total: number;
  moved: number;
  /** The first 50 rank calls, of `callCount`. */
  calls: RankCallView[];
  callCount: number;
  /** What naive strategies would cost: one call per moved issue, and re-ranking everything in chunks of 50. */
  naive: { perMovedIssue: number; chunksOf50: number };
  /** The first 200 moves by target position, of `moveCount`. */
  moves: Array<{ key: string; from: number; to: number }>;
  moveCount: number;
  /** The first 50 warnings, of `warningCount`. */
  warnings: Array<{ key?: string; message: string }>;
  warningCount: number;
  status: ViewStatus;
}

export type PreviewAnswer = PreviewView | PendingView;

export interface JobView {
  jobId: string;
  kind: 'apply' | 'undo';
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Queued or running, but no progress (no heartbeat) for 2 minutes: its consumer died; resume or abandon it. */
  stalled: boolean;
  /** Rank calls done / planned. */
  done: number;
  total: number;
  /** True when the backlog changed after the preview and the plan was made again. */
  replanned: boolean;
  /** Issues Jira refused to rank, by key, with its reasons. */
  failed: Array<{ key: string; errors: string[] }>;
  /** After applying: did a re-read show exactly the planned order? */
  verified?: boolean;
  message?: string;
  /** Failed part-way after some rank calls took: the backlog is partly reordered (undo restores it). */
  partial?: boolean;
  /** The issues that moved (at most 50), when `partial`. */
  movedKeys?: string[];
  startedBy: { accountId: string; displayName?: string };
  /** The record's last move (progress or heartbeat). */
  updatedAt: string;
}

export interface HistoryEntry {
  id: string;
  at: string;
  byAccountId: string;
  byName?: string;
  model: string;
  moved: number;
}

export interface InputChange {
  fieldId: string;
  field: string;
  from: string | null;
  to: string | null;
  at: string;
  by: string;
}

export interface PrioritizeAnswers {
  'prioritize.load': PrioritizeLoad;
  'prioritize.preview': PreviewAnswer;
  'prioritize.rows': RowsAnswer;
  'prioritize.apply': JobView;
  'prioritize.progress': JobView;
  'prioritize.resume': JobView;
  'prioritize.abandon': JobView;
  'prioritize.undo': JobView;
  'prioritize.history': { entries: HistoryEntry[] };
  'prioritize.pin': { pinned: string[] };
  /** The board's pins after the change; the keys changed, and those left alone (not in the backlog). */
  'prioritize.pinMany': { pinned: string[]; changed: string[]; notInBacklog: string[] };
  'prioritize.setModel': { model: ModelConfig };
  'mapping.save': { mapping: FieldMapping };
  'score.history': { changes: InputChange[] };
}

/** One issue's score, live for its project's current model, and the state of the score written to it. */
export interface IssueScoreView {
  /** The project's model: its kind and its one label. */
  model: ModelKind;
  modelLabel: string;
  /** null when the model cannot score the issue; then `reason` says why. */
  score: number | null;
  /** The score as shown (rounded), or 'unscored'. */
  display: string;
  reason?: string;
  explanation: Explanation;
  /** What Prioritize wrote to the `valuerank` property; null when nothing was written. */
  written: WrittenScore | null;
  /** Why the written property or field no longer agrees with the live score; absent when it does. */
  stale?: string;
}
