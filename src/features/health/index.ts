/**
 * Backlog health for the dashboard gadget (a feature room, ADR 4): reads and scores the board with
 * Prioritize's analysis, checks each item's acceptance criteria in memory from the description read with
 * the backlog (one pass, no per-issue calls), runs core `backlogHealth`, records today's trend snapshot,
 * and keeps the answer briefly so many viewers do not multiply Jira calls. Every call still checks, as the
 * viewer, that they can see the board and browse its project.
 */
import {
  backlogHealth,
  addSnapshot,
  keysJql,
  notReadyByPropertyJql,
  trendSnapshots,
  unscoredCause,
  type HealthItem,
  type TrendSeries,
} from '../../core/health';
import { toBacklogItem } from '../../core/backlog/items';
import type { ModelConfig } from '../../core/scoring';
import { QUESTIONS_PROPERTY } from '../../core/questions';
import { openQuestionsIn } from '../questions';
import { checkJiraIssue, fieldsFor as criteriaFields, type ConfigSource } from '../readiness';
import type { JiraClient } from '../../jira/client';
import { JiraForbiddenError, JiraNotFoundError } from '../../jira/errors';
import { analyzeBoard, type Analysis } from '../prioritize/analyze';
import { backlogCoverage, trimCoverage } from '../prioritize/preview';
import { resolveBoard, rightsIn } from '../prioritize/board';
import { trendModelKey } from '../../store/health';
import type { SettingsSource } from '../prioritize/sources';
import type { GadgetBoards, GadgetGoals, GadgetHealth, GadgetPanel } from './api';
import { AppError } from '../../shared/errors';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReadProgress } from '../../jira/client';
import type { JobOutcome } from '../../jobs/runner';
import { ensureView, runViewJob, type ViewStatus } from '../../jobs/views';
import type { ViewJob } from '../../store/jobs';
import { readViewSnapshot, writeViewSnapshot, type ViewSnapshot } from '../../store/views';
import { estimateMs, probeBoard } from '../prioritize/snapshot';
import { DEFAULT_MODEL } from '../prioritize/sources';

/** How long a computed answer is served again to the same viewer. */
export const CACHE_MS = 60_000;
/** Points of the value/effort chart sent to the gadget (highest value first). */
export const MAX_POINTS = 500;
const AGENDA_SIZE = 10;

export interface TrendStore {
  /** The board's trend for one model (`model`: `trendModelKey` of src/store/health); each model has its own. */
  read(boardId: number, model: string): Promise<TrendSeries>;
  write(boardId: number, series: TrendSeries, model: string): Promise<void>;
  /** Notes that a gadget shows this board, for the daily snapshot job. */
  remember?(boardId: number): Promise<void>;
}

/**
 * May this viewer change the board's shared stored data (today's trend point, the daily job's board list)?
 * Only who may rank the project's issues (Schedule and Edit Issues); a browse-only viewer's view writes
 * nothing, it only shows today's point computed for them (issue 15).
 */
async function mayRecordTrend(jira: JiraClient, projectKey: string): Promise<boolean> {
  return (await rightsIn(jira, projectKey).catch(() => ({ canRank: false }))).canRank;
}

export interface HealthDeps {
  /** Jira as the viewer. */
  jira: JiraClient;
  /**
   * The viewer's account id. Answers are cached per viewer only: with issue-level security two people may
   * see different issues of one board, so one viewer's answer is never served to another. No viewer: no cache.
   */
  viewer?: string | undefined;
  settings: SettingsSource;
  configs: ConfigSource;
  trend?: TrendStore | undefined;
  now?: () => Date;
}

export interface HealthRequest {
  boardId: number;
  model?: ModelConfig | undefined;
  topN: number;
  panels: GadgetPanel[];
}

type Computed = Omit<GadgetHealth, 'cached' | 'panels' | 'status' | 'pending'>;
const cache = new Map<string, { at: number; value: Computed }>();

/** Forgets every cached answer (tests). */
export function clearHealthCache(): void {
  cache.clear();
}

/** The JQL of the not-ready items: exactly the keys when few, else the indexed readiness property. */
export function notReadySearch(keys: readonly string[], projectKey: string): { jql: string; url: string } {
  const jql = keysJql(keys) ?? notReadyByPropertyJql(projectKey);
  return { jql, url: `/issues/?jql=${encodeURIComponent(jql)}` };
}

/**
 * Can the viewer see the board and browse its project? Two calls as the viewer; answers the project and a
 * signature of the viewer's access for the cache key. A missing or hidden board is `not-found`.
 */
async function access(jira: JiraClient, boardId: number): Promise<{ project: string; signature: string }> {
  const hidden = () =>
    new AppError('not-found', `Board ${boardId} does not exist any more, or you cannot see it.`);
  let project: string | undefined;
  try {
    project = (await jira.boardSettings(boardId)).projectKeyOrId;
  } catch (error) {
    if (error instanceof JiraNotFoundError || error instanceof JiraForbiddenError) throw hidden();
    throw error;
  }
  if (!project)
    throw new AppError(
      'not-found',
      `Board ${boardId} belongs to no project; the gadget shows project boards.`,
    );
  let held: Record<string, boolean>;
  try {
    held = await jira.myPermissions(
      /^\d+$/.test(project) ? { projectId: project } : { projectKey: project },
      ['BROWSE_PROJECTS'],
    );
  } catch (error) {
    if (error instanceof JiraNotFoundError) throw hidden();
    throw error;
  }
  if (held.BROWSE_PROJECTS !== true) throw hidden();
  return { project, signature: 'browse' };
}

/** Reads, scores and checks the board's backlog, and runs core `backlogHealth` over it. */
async function analyzeHealth(
  deps: HealthDeps,
  req: Pick<HealthRequest, 'boardId' | 'model' | 'topN'>,
  now: Date,
  onProgress?: ReadProgress,
) {
  const board = await resolveBoard(deps.jira, req.boardId);
  const config = await deps.configs.config(board.projectKey);
  // Independent reads: the scored backlog and the project's open questions, at once (as the agent does).
  const [a, questions] = await Promise.all([
    analyzeBoard({ jira: deps.jira, settings: deps.settings, now: () => now }, req.boardId, {
      model: req.model,
      otherBoards: false,
      board,
      extraFields: criteriaFields(config),
      ...(onProgress ? { onProgress } : {}),
    }),
    openQuestionsIn(deps.jira, board.projectKey),
  ]);
  const items: HealthItem[] = a.issues.map((issue, i) => {
    const score = a.scores[i];
    const base = toBacklogItem(issue, { estimationFieldId: a.board.estimationFieldId });
    const asked = questions.get(issue.key);
    // The readiness check counts open questions from the property, as the issue panel's check does.
    const check = checkJiraIssue(
      asked ? { ...issue, properties: { ...issue.properties, [QUESTIONS_PROPERTY]: asked } } : issue,
      config,
    );
    const why = unscoredCause(score);
    const finding = check.verdict.blocking[0] ?? check.findings[0];
    return {
      key: issue.key,
      summary: base.summary,
      score: score?.status === 'scored' ? score.value : null,
      storyPoints: base.storyPoints ?? null,
      ready: check.verdict.ready,
      topFinding: finding ? { kind: finding.kind, message: finding.message } : undefined,
      ...(why ? { unscored: why } : {}),
      ...(asked
        ? { openQuestions: asked.open, ...(asked.oldest ? { oldestQuestion: asked.oldest } : {}) }
        : {}),
    };
  });
  const health = backlogHealth(items, {
    now,
    projectKey: a.board.projectKey,
    topN: req.topN,
    agendaSize: AGENDA_SIZE,
  });
  // Open questions on the project's other issues (in sprints, on other boards): the gadget says they exist.
  const inBacklog = new Set(a.issues.map((i) => i.key));
  const outside = [...questions].filter(([key]) => !inBacklog.has(key));
  const elsewhere = { open: outside.reduce((n, [, p]) => n + p.open, 0), issues: outside.length };
  return { a, health, items, elsewhere };
}

/**
 * The daily snapshot job (scheduled trigger): for each board a gadget shows, today's snapshot with the
 * project's model, added to the board's trend. `jira` acts as the app. One board failing (deleted, no
 * access) is reported and skipped; answers how many boards were recorded.
 */
export async function snapshotBoards(
  deps: HealthDeps & { trend: TrendStore },
  boardIds: readonly number[],
): Promise<{ recorded: number[]; failed: Array<{ boardId: number; message: string }> }> {
  const now = deps.now?.() ?? new Date();
  const recorded: number[] = [];
  const failed: Array<{ boardId: number; message: string }> = [];
  for (const boardId of boardIds) {
    try {
      const { a, health } = await analyzeHealth(deps, { boardId, topN: 20 }, now);
      const model = trendModelKey(a.model);
      await deps.trend.write(
        boardId,
        addSnapshot(await deps.trend.read(boardId, model), health.snapshot, now),
        model,
      );
      recorded.push(boardId);
    } catch (error) {
      failed.push({ boardId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { recorded, failed };
}

/** Goal coverage of the backlog and its highest-value unaligned items; null without a vision. */
export function goalsPanel(a: Analysis, items: readonly HealthItem[]): GadgetGoals | null {
  const coverage = backlogCoverage(a);
  if (!coverage) return null;
  const byKey = new Map(items.map((i, index) => [i.key, { item: i, index }] as const));
  const unaligned = coverage.unaligned.keys
    .map((key) => byKey.get(key))
    .filter((e): e is { item: HealthItem; index: number } => e !== undefined)
    .sort((p, q) => (q.item.score ?? -Infinity) - (p.item.score ?? -Infinity) || p.index - q.index)
    .slice(0, AGENDA_SIZE)
    .map(({ item }) => ({ key: item.key, summary: item.summary, score: item.score }));
  // The same coverage as prioritize.load answers: every count and share, the first keys of each list.
  return { coverage: trimCoverage(coverage), unaligned };
}

async function compute(deps: HealthDeps, req: HealthRequest, onProgress?: ReadProgress): Promise<Computed> {
  const now = deps.now?.() ?? new Date();
  const { a, health, items, elsewhere } = await analyzeHealth(deps, req, now, onProgress);
  let trend = [health.snapshot];
  if (deps.trend) {
    // Today's point is always shown; it is stored (per board and model) only for a viewer who may rank.
    const model = trendModelKey(a.model);
    const series = addSnapshot(await deps.trend.read(a.board.id, model), health.snapshot, now);
    if (await mayRecordTrend(deps.jira, a.board.projectKey)) {
      await deps.trend.write(a.board.id, series, model);
      await deps.trend.remember?.(a.board.id);
    }
    trend = trendSnapshots(series);
  }
  const search = notReadySearch(health.readiness.all.notReadyKeys, a.board.projectKey);
  const strip = <T extends { notReadyKeys: string[]; uncheckedKeys: string[] }>(c: T) => {
    const { notReadyKeys: _n, uncheckedKeys: _u, ...rest } = c;
    void _n;
    void _u;
    return rest;
  };
  const byValue = new Map(health.top.map((t) => [t.key, t.position] as const));
  const points = [...health.quadrants.points]
    .sort((p, q) => q.y - p.y || (byValue.get(p.key) ?? 0) - (byValue.get(q.key) ?? 0))
    .slice(0, MAX_POINTS);
  const keep = new Set(points.map((p) => p.key));
  return {
    board: { id: a.board.id, name: a.board.name, projectKey: a.board.projectKey },
    model: a.model,
    computedAt: now.toISOString(),
    topN: req.topN,
    top: health.top.map((t) => ({
      rank: t.rank,
      position: t.position,
      tied: t.tied,
      currentRank: t.currentRank,
      key: t.key,
      summary: t.summary,
      score: t.score,
      ready: t.ready,
    })),
    readiness: {
      top: strip(health.readiness.top),
      all: strip(health.readiness.all),
      notReadyJql: search.jql,
      notReadyUrl: search.url,
    },
    quadrants: {
      counts: health.quadrants.counts,
      medians: health.quadrants.medians,
      points: health.quadrants.points
        .filter((p) => keep.has(p.key))
        .map((p) => ({ key: p.key, x: p.x, y: p.y, quadrant: p.quadrant })),
      plotted: health.quadrants.points.length,
      missing: health.quadrants.missing.length,
    },
    order: health.order,
    agenda: health.agenda,
    questions: { ...health.questions, elsewhere },
    scoring: health.scoring,
    trend,
    goals: goalsPanel(a, items),
  };
}

/** The gadget's answer for one board, as the viewer: fresh, or from the cache within {@link CACHE_MS}. */
export async function gadgetHealth(deps: HealthDeps, req: HealthRequest): Promise<GadgetHealth> {
  const { project, signature } = await access(deps.jira, req.boardId);
  const key =
    deps.viewer === undefined
      ? undefined
      : JSON.stringify([deps.viewer, req.boardId, project, req.model ?? null, req.topN, signature]);
  const nowMs = (deps.now?.() ?? new Date()).getTime();
  const hit = key === undefined ? undefined : cache.get(key);
  let value: Computed;
  let cached = false;
  let status: ViewStatus;
  if (hit && nowMs - hit.at < CACHE_MS) {
    value = hit.value;
    cached = true;
    status = { fresh: true, computedAt: value.computedAt };
  } else {
    const { snapshot, status: now, board } = await healthView(deps, req);
    status = now;
    if (!snapshot)
      return {
        board: { id: board.id, name: board.name, projectKey: board.projectKey },
        model: req.model ?? (await deps.settings.model(board.projectKey)) ?? DEFAULT_MODEL,
        computedAt: '',
        cached: false,
        topN: req.topN,
        panels: [...req.panels],
        pending: true,
        status,
      };
    value = ComputedSchema.parse(snapshot.summary);
    if (key !== undefined && status.fresh) cache.set(key, { at: nowMs, value });
    for (const [k, v] of cache) if (nowMs - v.at >= CACHE_MS) cache.delete(k);
  }
  const shown = new Set(req.panels);
  const out: GadgetHealth = {
    board: value.board,
    model: value.model,
    computedAt: value.computedAt,
    cached,
    topN: value.topN,
    panels: [...req.panels],
    status,
  };
  if (shown.has('top')) out.top = value.top;
  if (shown.has('readiness')) out.readiness = value.readiness;
  if (shown.has('quadrants')) out.quadrants = value.quadrants;
  if (shown.has('order')) out.order = value.order;
  if (shown.has('agenda')) out.agenda = value.agenda;
  if (shown.has('trend')) out.trend = value.trend;
  if (shown.has('goals')) out.goals = value.goals;
  if (shown.has('questions') && value.questions) out.questions = value.questions;
  if (value.scoring) out.scoring = value.scoring;
  return out;
}

const ComputedSchema = z.custom<Computed>(
  (v) =>
    typeof v === 'object' && v !== null && typeof (v as { computedAt?: unknown }).computedAt === 'string',
  'not a stored gadget answer',
);

/** The snapshot's variant: the viewer's own answer, for the model and top N asked for. */
const healthVariant = (viewer: string | undefined, req: Pick<HealthRequest, 'model' | 'topN'>) =>
  `h-${createHash('sha256')
    .update(JSON.stringify({ viewer: viewer ?? null, model: req.model ?? null, topN: req.topN }))
    .digest('hex')
    .slice(0, 24)}`;

/**
 * The gadget's computed answer as it should be served now (docs/adr/0011-view-snapshots.md): the stored
 * snapshot when nothing changed, computed now when that fits the resolver's budget, else the last snapshot
 * (or none) and a `health` job that computes the next.
 */
async function healthView(deps: HealthDeps, req: HealthRequest) {
  const started = Date.now();
  const board = await resolveBoard(deps.jira, req.boardId);
  const config = await deps.configs.config(board.projectKey);
  const variant = healthVariant(deps.viewer, req);
  const service = { jira: deps.jira, settings: deps.settings };
  const [probe, stored] = await Promise.all([
    probeBoard(service, board, { health: true, config, model: req.model ?? null, topN: req.topN }),
    readViewSnapshot('health', board.id, variant).catch(() => undefined),
  ]);
  const answer = await ensureView({
    kind: 'health',
    boardId: board.id,
    projectKey: board.projectKey,
    accountId: deps.viewer ?? 'unknown',
    variant,
    fingerprint: probe.fingerprint,
    params: { topN: req.topN, ...(req.model ? { model: req.model } : {}) },
    estimateMs: estimateMs(probe, deps.jira.concurrency),
    startedAt: started,
    stored,
    compute: () => storeHealth(deps, req, { variant, fingerprint: probe.fingerprint }),
  });
  return { ...answer, board };
}

/** Computes the gadget's answer for the board and keeps it as the variant's snapshot. */
async function storeHealth(
  deps: HealthDeps,
  req: HealthRequest,
  target: { variant: string; fingerprint: string },
  onProgress?: ReadProgress,
): Promise<ViewSnapshot> {
  const value = await compute(deps, req, onProgress);
  return writeViewSnapshot({
    kind: 'health',
    boardId: value.board.id,
    variant: target.variant,
    fingerprint: target.fingerprint,
    computedAt: value.computedAt,
    summary: value,
  });
}

/** The `health` view job's work: compute the gadget's answer as the viewer who asked, with progress. */
export async function runHealthJob(deps: HealthDeps, job: ViewJob): Promise<JobOutcome> {
  return runViewJob(job, async (j, onProgress) => {
    const topN = typeof j.params.topN === 'number' ? j.params.topN : 10;
    const model = j.params.model as ModelConfig | undefined;
    await storeHealth(
      { ...deps, viewer: j.accountId },
      { boardId: j.boardId, model, topN, panels: [] },
      { variant: j.variant, fingerprint: j.fingerprint },
      onProgress,
    );
  });
}

/** Every board of every project the viewer can see. */
export async function visibleBoards(jira: JiraClient): Promise<GadgetBoards> {
  const projects = await jira.projects();
  const lists = await Promise.all(
    projects.map(async (p) =>
      (await jira.boards({ projectKeyOrId: p.key })).map((b) => ({
        id: b.id,
        name: b.name,
        type: b.type,
        projectKey: p.key,
        projectName: p.name,
      })),
    ),
  );
  const seen = new Set<number>();
  return { boards: lists.flat().filter((b) => !seen.has(b.id) && (seen.add(b.id), true)) };
}
