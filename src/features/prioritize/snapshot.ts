/**
 * The Prioritize view of a board of any size (docs/adr/0011-view-snapshots.md): the analysis is kept as a
 * snapshot (src/store/views.ts), the view answers what the screen shows (the first rows in value order,
 * counts, the chart's points, goal coverage) and `prioritize.rows` pages the rest. A backlog too large to
 * analyse inside the resolver's budget goes to a view job (kind `analyze`); the view answers at once with
 * the last snapshot and its age, or with progress.
 */
import type { WorkspaceRow } from './workspace-api';
import { createHash } from 'node:crypto';
import { orderAgreement } from '../../core/health/order-health';
import { valueEffortQuadrants } from '../../core/health/quadrants';
import { outOfPlace, planRank } from '../../core/rank-plan';
import type { ModelConfig } from '../../core/scoring';
import { AGILE_PAGE_SIZE, type ReadProgress } from '../../jira/client';
import { ensureView, INLINE_BUDGET_MS, runViewJob, type ViewStatus } from '../../jobs/views';
import { AppError } from '../../shared/errors';
import type { ViewJob } from '../../store/jobs';
import { listSnapshots } from '../../store/prioritize';
import {
  listLength,
  readGeneration,
  readViewList,
  readViewRange,
  readViewSnapshot,
  writeViewSnapshot,
  type ViewSnapshot,
} from '../../store/views';
import { z } from 'zod';
import type {
  ChartPoint,
  PendingView,
  PreviewAnswer,
  PrioritizedItem,
  PrioritizeLoad,
  PrioritizeSummary,
  RowsAnswer,
} from './api';
import { analyzeBoard, fingerprintOf, prioritizedItems, type ServiceDeps } from './analyze';
import { resolveBoard, rightsIn, type BoardRef } from './board';
import { backlogCoverage, callView, movedKeys, trimCoverage } from './preview';
import { firstRows } from './first-rows';

/** Rows in `prioritize.load`'s answer (the first screen), and at most per `prioritize.rows` call. */
export const FIRST_ROWS = 50;
export const MAX_ROWS = 200;
/** Points of the value/effort chart (highest value first). */
export const CHART_POINTS = 500;
/** Moves, rank calls and warnings a preview lists (the rest are counted). */
export const PREVIEW_MOVES = 200;
export const PREVIEW_CALLS = 50;
export const PREVIEW_WARNINGS = 50;
const MAX_CYCLES = 50;
/** Bump when the snapshot's shape changes: older snapshots are then recomputed. */
const SNAPSHOT_VERSION = 1;

export interface ViewInput {
  boardId: number;
  model?: ModelConfig | undefined;
  projectKey?: string | undefined;
  /** Who asks: a view job reads Jira as them. */
  accountId?: string;
}

/** A stored row of the analysis (the rows carry the workspace's facets too). */
export const Row = z.custom<WorkspaceRow>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string',
  'not a backlog row',
);
const Summary = z.custom<PrioritizeSummary>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { total?: unknown }).total === 'number' &&
    typeof (v as { planFingerprint?: unknown }).planFingerprint === 'string',
  'not a Prioritize summary',
);
const Other = z.tuple([z.string(), z.array(z.string())]);

/**
 * The snapshot's variant: whose view (each person's own: with issue-level security two people may see
 * different issues of one board) and which model (the project's own, or one being tried).
 */
export const variantOf = (model: ModelConfig | undefined, accountId: string | undefined): string =>
  `p-${hash({ model: model ?? 'project', accountId: accountId ?? null }).slice(0, 24)}`;

const hash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

export interface Probe {
  /** What a view of the board is computed from, now. */
  fingerprint: string;
  total: number;
  /** How long one backlog page took (Jira's latency now). */
  pageMs: number;
}

/**
 * What the board's views are computed from, read cheaply: the backlog's size and first page (keys and
 * `updated`), the project's most recently updated issue (a rank or field change updates it), the stored
 * settings (mapping, model, pins, vision) and the app's change counter for the project. Two Jira calls.
 */
export async function probeBoard(deps: ServiceDeps, board: BoardRef, extra: unknown = null): Promise<Probe> {
  const { jira, settings } = deps;
  const started = performance.now();
  let pageMs = 0;
  const [page, latest, mapping, model, pins, vision, generation] = await Promise.all([
    jira.backlogPage(board.id, { fields: ['updated'] }).then((p) => {
      pageMs = performance.now() - started;
      return p;
    }),
    jira
      .searchPage({
        jql: `project = "${board.projectKey}" ORDER BY updated DESC`,
        fields: ['updated'],
        pageSize: 1,
      })
      .then((p) => p.issues[0]?.fields.updated ?? null)
      .catch(() => null),
    settings.mapping(board.projectKey),
    settings.model(board.projectKey),
    settings.pins(board.id),
    settings.vision?.(board.projectKey),
    readGeneration(board.projectKey).catch(() => 0),
  ]);
  const total = page.total ?? page.issues.length;
  const fingerprint = hash({
    v: SNAPSHOT_VERSION,
    total,
    first: page.issues.map((i) => [i.key, i.fields.updated ?? null]),
    latest,
    mapping: mapping ?? null,
    model: model ?? null,
    pins,
    vision: vision ?? null,
    generation,
    extra,
  });
  return { fingerprint, total, pageMs };
}

/**
 * A backlog of at most this many pages is always analysed inline: two rounds of reads at most, well inside
 * the resolver's deadline even at 1,000 ms a request. (The probe times one page, and a cold first page can
 * be slow for reasons that do not repeat; a small backlog should not go to a job for that.)
 */
export const ALWAYS_INLINE_PAGES = 10;

/** Expected ms to read and analyse `total` issues at `pageMs` a page, `concurrency` pages at a time. */
export function estimateMs(probe: Pick<Probe, 'total' | 'pageMs'>, concurrency: number): number {
  const pages = Math.ceil(probe.total / AGILE_PAGE_SIZE);
  const rounds = Math.ceil(Math.max(0, pages - 1) / Math.max(1, concurrency));
  // The board, the fields and the vision's tags are a few more round trips; scoring ~0.3 ms an issue.
  const estimate = probe.pageMs * (rounds + 5) * 1.25 + probe.total * 0.3;
  return pages <= ALWAYS_INLINE_PAGES ? Math.min(estimate, INLINE_BUDGET_MS) : estimate;
}

function mostCommon(values: readonly string[]): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return value === undefined || count === undefined ? undefined : { value, count };
}

/** Reads and scores the board, and writes the snapshot the views answer from. */
export async function computeSnapshot(
  deps: ServiceDeps,
  board: BoardRef,
  model: ModelConfig | undefined,
  target: { variant: string; fingerprint: string },
  onProgress?: ReadProgress,
): Promise<ViewSnapshot> {
  const a = await analyzeBoard(deps, board.id, { model, board, ...(onProgress ? { onProgress } : {}) });
  const items = prioritizedItems(a);
  const byValue = [...items].sort((x, y) => x.targetRank - y.targetRank);
  const unscored = items.filter((i) => i.score === null);
  const reason = mostCommon(unscored.map((i) => i.reason ?? ''));
  const estimated = byValue.filter((i) => i.score !== null && i.storyPoints !== undefined);
  // The gadget's own functions over the whole backlog: quadrants (one split, one set of counts) and how well
  // the order follows value (core orderAgreement: orderHealth's measures without its rank plan).
  const healthItems = items.map((i) => ({
    key: i.key,
    summary: i.summary,
    score: i.score,
    storyPoints: i.storyPoints,
    ready: undefined,
  }));
  const quadrants = valueEffortQuadrants(healthItems);
  const quadrantOf = new Map(quadrants.points.map((p) => [p.key, p.quadrant] as const));
  const order = orderAgreement(healthItems);
  const points: ChartPoint[] = [...estimated]
    .sort((x, y) => (y.score as number) - (x.score as number) || x.rank - y.rank)
    .slice(0, CHART_POINTS)
    .map((i) => ({
      key: i.key,
      summary: i.summary,
      storyPoints: i.storyPoints as number,
      score: i.score as number,
      display: i.display,
      ...(i.bucket ? { bucket: i.bucket } : {}),
      quadrant: quadrantOf.get(i.key) ?? 'filler',
    }));
  const coverage = backlogCoverage(a);
  const summary: PrioritizeSummary = {
    board: { id: a.board.id, name: a.board.name, projectKey: a.board.projectKey },
    model: a.model,
    mapping: a.mapping,
    mappingProposed: a.mappingProposed,
    mappingNotes: [
      ...Object.entries(a.mapping.notes ?? {}).map(([input, note]) => `${input}: ${note}`),
      ...(unscored.length > 0
        ? [`${unscored.length} of ${items.length} issues are unscored; they go to the bottom.`]
        : []),
    ],
    total: items.length,
    inPlace: items.filter((i) => i.rank === i.targetRank).length,
    unscored: unscored.length,
    ties: items.filter((i) => i.tie).length,
    ...(reason ? { unscoredReason: reason.value } : {}),
    allUnscoredForOneReason: items.length > 0 && reason?.count === items.length,
    chart: {
      points,
      plotted: estimated.length,
      quadrants: { counts: quadrants.counts, medians: quadrants.medians },
    },
    cycles: a.cycles.slice(0, MAX_CYCLES),
    cycleCount: a.cycles.length,
    planFingerprint: fingerprintOf(a),
    order,
    ...(coverage ? { goalCoverage: trimCoverage(coverage) } : {}),
  };
  return writeViewSnapshot(
    {
      kind: 'analyze',
      boardId: board.id,
      variant: target.variant,
      fingerprint: target.fingerprint,
      computedAt: new Date().toISOString(),
      summary,
    },
    {
      rows: byValue,
      byRank: items.map((i) => i.targetRank - 1),
      before: a.before,
      after: a.after,
      others: [...a.otherBoards],
    },
  );
}

/** The board's analysis snapshot as it should be answered now: fresh, or the last one and a job. */
async function analysisFor(
  deps: ServiceDeps,
  input: ViewInput,
  board: BoardRef,
  started: number,
  kept: Promise<ViewSnapshot | undefined> = keptSnapshot(board, input),
) {
  const variant = variantOf(input.model, input.accountId);
  const [probe, stored] = await Promise.all([probeBoard(deps, board, input.model ?? null), kept]);
  return ensureView({
    kind: 'analyze',
    boardId: board.id,
    projectKey: board.projectKey,
    accountId: input.accountId ?? 'unknown',
    variant,
    fingerprint: probe.fingerprint,
    params: input.model ? { model: input.model } : {},
    estimateMs: estimateMs(probe, deps.jira.concurrency),
    startedAt: started,
    stored,
    compute: () => computeSnapshot(deps, board, input.model, { variant, fingerprint: probe.fingerprint }),
  });
}

/** The board's last analysis snapshot for this viewer and model, if one is kept. */
const keptSnapshot = (board: BoardRef, input: ViewInput) =>
  readViewSnapshot('analyze', board.id, variantOf(input.model, input.accountId)).catch(() => undefined);

const pendingView = (board: BoardRef, status: ViewStatus): PendingView => ({
  pending: true,
  board: { id: board.id, name: board.name, projectKey: board.projectKey },
  status,
});

/** `prioritize.load`: what the screen shows first, never more than a few hundred KB. */
export async function loadView(deps: ServiceDeps, input: ViewInput): Promise<PrioritizeLoad> {
  const started = Date.now();
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  const kept = keptSnapshot(board, input);
  // Nothing kept yet (a first opening): the backlog's first page, scored, is read at the same time, for
  // the answer to show while a job computes the value order (unused when the analysis fits inline).
  const first = kept.then((k) =>
    k ? undefined : firstRows(deps, board, input.model).catch(() => undefined),
  );
  const [rights, snapshots, answer] = await Promise.all([
    rightsIn(deps.jira, board.projectKey),
    listSnapshots(board.id),
    analysisFor(deps, input, board, started, kept),
  ]);
  const { snapshot, status } = answer;
  if (!snapshot) {
    const page = await first;
    return { ...pendingView(board, status), ...(page ? { firstRows: page } : {}) };
  }
  const summary = Summary.parse(snapshot.summary);
  const rows = await readViewRange(snapshot, 'rows', 0, FIRST_ROWS, Row);
  return {
    ...summary,
    canEditMapping: rights.canEditMapping,
    canRank: rights.canRank,
    undoAvailable: snapshots.length > 0,
    rows,
    snapshotId: snapshot.id,
    status,
  };
}

/** The board's latest stored analysis for this model and caller; a conflict when there is none yet. */
export async function storedFor(input: ViewInput): Promise<ViewSnapshot> {
  const snapshot = await readViewSnapshot('analyze', input.boardId, variantOf(input.model, input.accountId));
  if (!snapshot)
    throw new AppError('conflict', 'This backlog has not been scored yet: load the Prioritize view first.');
  return snapshot;
}

/**
 * `prioritize.rows`: rows `from` to `from + count` in value or current order, or the rows of some keys,
 * from the board's latest snapshot (the caller's access to the board is checked first).
 */
export async function rowsView(
  deps: ServiceDeps,
  input: ViewInput & { order: 'value' | 'current'; from: number; count: number; keys?: string[] | undefined },
): Promise<RowsAnswer> {
  await resolveBoard(deps.jira, input.boardId, input.projectKey);
  const snapshot = await storedFor(input);
  const total = listLength(snapshot, 'rows');
  const count = Math.min(input.count, MAX_ROWS);
  let rows: PrioritizedItem[];
  if (input.keys) {
    const after = await readViewList(snapshot, 'after', z.string());
    const index = new Map(after.map((k, i) => [k, i] as const));
    const at = input.keys.map((k) => index.get(k)).filter((i): i is number => i !== undefined);
    rows = await readAt(snapshot, at);
  } else if (input.order === 'value') {
    rows = await readViewRange(snapshot, 'rows', input.from, count, Row);
  } else {
    const at = await readViewRange(snapshot, 'byRank', input.from, count, z.number().int().min(0));
    rows = await readAt(snapshot, at);
  }
  return {
    order: input.keys ? 'value' : input.order,
    from: input.keys ? 0 : input.from,
    total,
    rows,
    snapshotId: snapshot.id,
    computedAt: snapshot.computedAt,
  };
}

/** Rows at these value-order positions, in the order given, reading each chunk once. */
async function readAt(snapshot: ViewSnapshot, positions: readonly number[]): Promise<PrioritizedItem[]> {
  if (positions.length === 0) return [];
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  const sizes = snapshot.lists.rows ?? [];
  // Read the chunks that hold the positions (contiguous runs of chunks, not every row between).
  const starts: number[] = [];
  sizes.reduce((s, n) => (starts.push(s), s + n), 0);
  const needed = new Set(
    positions.map((p) => {
      let c = 0;
      while (c + 1 < starts.length && (starts[c + 1] as number) <= p) c += 1;
      return c;
    }),
  );
  const found = new Map<number, PrioritizedItem>();
  await Promise.all(
    [...needed].map(async (c) => {
      const start = starts[c] as number;
      const chunk = await readViewRange(snapshot, 'rows', start, sizes[c] as number, Row);
      chunk.forEach((row, i) => {
        if (start + i >= lo && start + i <= hi) found.set(start + i, row);
      });
    }),
  );
  return positions.map((p) => found.get(p)).filter((r): r is PrioritizedItem => r !== undefined);
}

/**
 * `prioritize.preview`: the plan from the current order to the value order, from a fresh analysis,
 * summarised (the first moves, calls and warnings, and how many in all). While the analysis runs as a job
 * it answers progress.
 */
export async function previewView(deps: ServiceDeps, input: ViewInput): Promise<PreviewAnswer> {
  const started = Date.now();
  const board = await resolveBoard(deps.jira, input.boardId, input.projectKey);
  const { snapshot, status } = await analysisFor(deps, input, board, started);
  if (!snapshot || !status.fresh) return pendingView(board, status);
  const summary = Summary.parse(snapshot.summary);
  const [before, after, others] = await Promise.all([
    readViewList(snapshot, 'before', z.string()),
    readViewList(snapshot, 'after', z.string()),
    readViewList(snapshot, 'others', Other),
  ]);
  const plan = planRank(before, after);
  // The one moved count (issues out of place), as the reorder job reports it.
  const outOf = outOfPlace(before, after);
  const from = new Map(before.map((k, i) => [k, i + 1] as const));
  const to = new Map(after.map((k, i) => [k, i + 1] as const));
  const moved = movedKeys(plan);
  const otherBoards = new Map(others);
  const warnings: Array<{ key?: string; message: string }> = [];
  for (const key of moved)
    for (const b of otherBoards.get(key) ?? [])
      warnings.push({ key, message: `Jira's rank is global: moving ${key} also moves it on board ${b}.` });
  for (const cycle of summary.cycles)
    warnings.push({
      key: cycle[0],
      message: `These issues block each other in a cycle, so their links are ignored: ${[...cycle, cycle[0]].join(' → ')}.`,
    });
  const unscored = summary.unscored;
  if (unscored > 0)
    warnings.push({
      message: `${unscored} issue${unscored === 1 ? ' is' : 's are'} unscored and go${unscored === 1 ? 'es' : ''} to the bottom, in their current order.`,
    });
  const moves = moved
    .map((key) => ({ key, from: from.get(key) ?? 0, to: to.get(key) ?? 0 }))
    .sort((x, y) => x.to - y.to);
  return {
    fingerprint: summary.planFingerprint,
    total: before.length,
    moved: outOf,
    callCount: plan.calls.length,
    calls: plan.calls.slice(0, PREVIEW_CALLS).map(callView),
    naive: { perMovedIssue: outOf, chunksOf50: Math.ceil(before.length / 50) },
    moves: moves.slice(0, PREVIEW_MOVES),
    moveCount: moves.length,
    warnings: warnings.slice(0, PREVIEW_WARNINGS),
    warningCount: warnings.length,
    status,
  };
}

/** The `analyze` job's work: resolve the board again, read it with progress, write the snapshot. */
export async function runAnalyzeJob(deps: ServiceDeps, job: ViewJob) {
  return runViewJob(job, async (j, onProgress) => {
    const board = await resolveBoard(deps.jira, j.boardId);
    const model = j.params.model as ModelConfig | undefined;
    await computeSnapshot(deps, board, model, { variant: j.variant, fingerprint: j.fingerprint }, onProgress);
  });
}
