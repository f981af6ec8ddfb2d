/**
 * The Prioritize analysis of one board: Jira → core → one plain record. Reads the board, the project's
 * mapping, model and pins, and the backlog (only the fields the mapping and the order need); scores with
 * core `scoreBacklog`, orders with core `targetOrder` (score, pins, "blocks" links, unscored last), and
 * finds ties, fragile positions and the issues that also sit on the project's other boards.
 */
import { createHash } from 'node:crypto';
import { toBacklogItem } from '../../core/backlog/items';
import { targetOrder } from '../../core/ordering';
import {
  compareRanked,
  DEFAULT_SCALES,
  fragileIssues,
  MOSCOW_LABEL,
  proposeMapping,
  ranked,
  scoreBacklog,
  tieGroups,
  type FieldMapping,
  type Fragility,
  type ModelConfig,
  type Score,
} from '../../core/scoring';
import { strategicFit, type VisionBoard } from '../../core/vision';
import { projectGoalTags } from '../goals';
import type { JiraClient, ReadProgress } from '../../jira/client';
import type { JiraField, JiraIssue } from '../../jira/schemas';
import type { PrioritizedItem } from './api';
import type { WorkspaceRow } from './workspace-api';
import { resolveBoard, type BoardRef } from './board';
import { fieldsFor } from './mapped-fields';
import { assertModelCompiles } from './model';
import { DEFAULT_MODEL, type SettingsSource } from './sources';
import { findScoreField } from './writeback';

export interface ServiceDeps {
  /** Jira as the person asking (Jira enforces their rights). */
  jira: JiraClient;
  settings: SettingsSource;
  /** Today, for due dates (default: the clock). */
  now?: () => Date;
}

export interface AnalyzeOptions {
  /** Score with this model instead of the project's. */
  model?: ModelConfig | undefined;
  /** The project the app was opened in: a board of another project is refused. */
  projectKey?: string | undefined;
  /** Read the project's other boards to warn about global rank (default true). */
  otherBoards?: boolean;
  /** The board, when the caller resolved it already. */
  board?: BoardRef;
  /** More fields to read with the backlog (the health gadget reads descriptions for readiness). */
  extraFields?: readonly string[];
  /** Told how far the backlog read has come (a view job's progress). */
  onProgress?: ReadProgress;
}

export interface Analysis {
  board: BoardRef;
  mapping: FieldMapping;
  mappingProposed: boolean;
  model: ModelConfig;
  /** The backlog, in current rank order. */
  issues: JiraIssue[];
  /** Scores, in current rank order. */
  scores: Score[];
  /** Keys in current order, and in value order. */
  before: string[];
  after: string[];
  cycles: string[][];
  /** Issues lifted above higher scores because they block one of them. */
  lifted: Map<string, string>;
  /** Keys that share their exact score with another issue. */
  tied: Set<string>;
  pinned: Set<string>;
  /** Within the backlog: who blocks whom. */
  blocks: Map<string, string[]>;
  blockedBy: Map<string, string[]>;
  fragile: Map<string, Fragility>;
  /** Key → names of the project's other boards whose backlog holds it. */
  otherBoards: Map<string, string[]>;
  /** The project's vision board and the goal ids per tagged issue (when the project has a vision). */
  vision?: { board: VisionBoard; tags: Map<string, string[]> };
}

/** Today's date (`YYYY-MM-DD`, UTC) for due-date inputs. */
export const todayOf = (deps: Pick<ServiceDeps, 'now'>): string =>
  (deps.now?.() ?? new Date()).toISOString().slice(0, 10);

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * "Blocks" links between issues of the backlog, read from both ends (an outward link on the blocker, an
 * inward one on the blocked). Links to issues outside the backlog are left out.
 */
export function blockLinks(
  issues: readonly JiraIssue[],
  linkType = 'Blocks',
): { blocks: Map<string, string[]>; blockedBy: Map<string, string[]> } {
  const inBacklog = new Set(issues.map((i) => i.key));
  const wanted = normalize(linkType);
  const pairs = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to || !inBacklog.has(from) || !inBacklog.has(to)) return;
    const set = pairs.get(from) ?? new Set<string>();
    set.add(to);
    pairs.set(from, set);
  };
  for (const issue of issues) {
    const links = issue.fields.issuelinks;
    if (!Array.isArray(links)) continue;
    for (const raw of links) {
      const link = record(raw);
      const name = record(link?.type)?.name;
      if (typeof name !== 'string' || normalize(name) !== wanted) continue;
      const outward = record(link?.outwardIssue)?.key;
      const inward = record(link?.inwardIssue)?.key;
      if (typeof outward === 'string') add(issue.key, outward);
      if (typeof inward === 'string') add(inward, issue.key);
    }
  }
  const blocks = new Map<string, string[]>();
  const blockedBy = new Map<string, string[]>();
  for (const issue of issues) {
    const targets = [...(pairs.get(issue.key) ?? [])];
    blocks.set(issue.key, targets);
    for (const t of targets) blockedBy.set(t, [...(blockedBy.get(t) ?? []), issue.key]);
  }
  return { blocks, blockedBy };
}

/**
 * One number per scored issue for core `targetOrder`, higher first, equal exactly when core scoring calls
 * two scores tied (same MoSCoW bucket, same value at 12 significant digits): the dense rank of the tuple.
 */
export function orderValues(scores: readonly Score[]): Map<string, number> {
  const sorted = scores
    .map(ranked)
    .filter((r) => r.scored)
    .sort(compareRanked);
  const out = new Map<string, number>();
  let group = 0;
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    if (prev && (prev.bucket !== r.bucket || prev.value !== r.value)) group += 1;
    out.set(r.score.key, -group);
  });
  return out;
}

/**
 * A first mapping guessed from the site's fields (core `proposeMapping`). The app's own "Business value
 * score" field is left out: it holds ValueRank's output and must never feed the scores. `known`: the site's
 * fields when the caller has already read them (else they are read here).
 */
export async function proposedMapping(
  jira: JiraClient,
  estimationFieldId?: string,
  known?: readonly JiraField[],
): Promise<FieldMapping> {
  const fields = known ?? (await jira.fields());
  const own = findScoreField(fields);
  return proposeMapping(
    fields.filter((f) => f !== own),
    { estimationFieldId },
  );
}

/**
 * The mapping and model a project scores with: its stored mapping, else the one proposed from the site's
 * fields (`fields` when the caller has read them); the model asked for, else the stored one, else the
 * default. `mappingProposed` says the mapping is a guess (nothing stored yet).
 */
export async function settingsInForce(
  deps: Pick<ServiceDeps, 'jira' | 'settings'>,
  project: { projectKey: string; estimationFieldId?: string | undefined },
  options: { model?: ModelConfig | undefined; fields?: readonly JiraField[] | undefined } = {},
): Promise<{ mapping: FieldMapping; model: ModelConfig; mappingProposed: boolean }> {
  const [stored, storedModel] = await Promise.all([
    deps.settings.mapping(project.projectKey),
    options.model ? undefined : deps.settings.model(project.projectKey),
  ]);
  return {
    mapping: stored ?? (await proposedMapping(deps.jira, project.estimationFieldId, options.fields)),
    model: options.model ?? storedModel ?? DEFAULT_MODEL,
    mappingProposed: stored === undefined,
  };
}

/** The keys of a board's backlog, in rank order, reading no fields. */
export async function backlogKeys(jira: JiraClient, boardId: number): Promise<string[]> {
  return (await jira.boardBacklog(boardId, { fields: ['id'] })).map((i) => i.key);
}

export async function analyzeBoard(
  deps: ServiceDeps,
  boardId: number,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const { jira, settings } = deps;
  const board = options.board ?? (await resolveBoard(jira, boardId, options.projectKey));
  const [{ mapping, model, mappingProposed }, pins] = await Promise.all([
    settingsInForce(deps, board, { model: options.model }),
    settings.pins(board.id),
  ]);
  assertModelCompiles(model, mapping);

  const wantOthers = options.otherBoards !== false && board.otherBoards.length > 0;
  const [issues, others] = await Promise.all([
    jira.boardBacklog(
      board.id,
      { fields: [...fieldsFor(mapping, board.estimationFieldId), ...(options.extraFields ?? [])] },
      options.onProgress,
    ),
    wantOthers
      ? Promise.all(
          board.otherBoards.map(async (b) => ({
            name: b.name,
            keys: await backlogKeys(jira, b.id).catch(() => [] as string[]),
          })),
        )
      : Promise.resolve([]),
  ]);

  const { blocks, blockedBy } = blockLinks(issues, mapping.blockedCount?.linkType);
  const blockedCount = new Map([...blocks].map(([k, v]) => [k, v.length] as const));
  const visionBoard = await settings.vision?.(board.projectKey);
  const vision = visionBoard
    ? { board: visionBoard, tags: await projectGoalTags(jira, board.projectKey) }
    : undefined;
  const fit = vision
    ? new Map(issues.map((i) => [i.key, strategicFit(vision.tags.get(i.key) ?? [], vision.board)] as const))
    : undefined;
  const scores = scoreBacklog(
    issues.map((i) => ({ key: i.key, fields: i.fields })),
    mapping,
    model,
    { now: todayOf(deps), blockedCount, strategicFit: fit },
  );
  const values = orderValues(scores);
  const backlog = new Set(issues.map((i) => i.key));
  const pinned = new Set(pins.filter((k) => backlog.has(k)));
  const order = targetOrder(
    issues.map((i) => ({
      key: i.key,
      score: values.get(i.key) ?? null,
      pinned: pinned.has(i.key),
      blocks: blocks.get(i.key) ?? [],
    })),
  );
  const otherBoards = new Map<string, string[]>();
  for (const other of others)
    for (const key of other.keys)
      if (backlog.has(key)) otherBoards.set(key, [...(otherBoards.get(key) ?? []), other.name]);

  return {
    board,
    mapping,
    mappingProposed,
    model,
    issues,
    scores,
    before: issues.map((i) => i.key),
    after: order.order,
    cycles: order.cycles,
    lifted: new Map(order.lifted.map((l) => [l.key, l.before])),
    tied: new Set(tieGroups(scores).flat()),
    pinned,
    blocks,
    blockedBy,
    fragile: new Map(
      fragileIssues(scores, DEFAULT_SCALES, { model, mapping }).map((f) => [f.key, f] as const),
    ),
    otherBoards,
    ...(vision ? { vision } : {}),
  };
}

/** Identifies the backlog order, the model and the value order a plan is made for. */
export function fingerprintOf(a: Pick<Analysis, 'before' | 'after' | 'model'>): string {
  return createHash('sha256')
    .update(JSON.stringify({ before: a.before, after: a.after, model: a.model }))
    .digest('hex')
    .slice(0, 32);
}

/** The issue's epic (parent) and fix versions, as the workspace's grid shows and filters them. */
function belonging(fields: Record<string, unknown>): Pick<WorkspaceRow, 'epic' | 'versions'> {
  const parent = record(fields.parent);
  const key = parent?.key;
  const summary = record(parent?.fields)?.summary;
  const versions = Array.isArray(fields.fixVersions)
    ? fields.fixVersions.map((v) => record(v)?.name).filter((n): n is string => typeof n === 'string')
    : [];
  return {
    ...(typeof key === 'string'
      ? { epic: { key, summary: typeof summary === 'string' ? summary : '' } }
      : {}),
    versions,
  };
}

/** Every backlog item with its score, explanation and place, in current rank order. */
export function prioritizedItems(a: Analysis): Array<PrioritizedItem & WorkspaceRow> {
  const targetRank = new Map(a.after.map((k, i) => [k, i + 1] as const));
  return a.issues.map((issue, i) => {
    const score = a.scores[i] as Score;
    const base = toBacklogItem(issue, { estimationFieldId: a.board.estimationFieldId });
    const fragile = a.fragile.get(issue.key);
    const item: PrioritizedItem & WorkspaceRow = {
      ...belonging(issue.fields),
      goals: a.vision?.tags.get(issue.key) ?? [],
      key: issue.key,
      summary: base.summary,
      issueType: base.issueType,
      status: base.status,
      rank: i + 1,
      targetRank: targetRank.get(issue.key) ?? i + 1,
      storyPoints: base.storyPoints,
      score: score.status === 'scored' ? score.value : null,
      display: score.status === 'scored' ? score.explanation.result : '—',
      explanation: score.explanation,
      pinned: a.pinned.has(issue.key),
      blocks: a.blocks.get(issue.key) ?? [],
      blockedBy: a.blockedBy.get(issue.key) ?? [],
      lifted: a.lifted.has(issue.key),
      tie: a.tied.has(issue.key),
      otherBoards: a.otherBoards.get(issue.key) ?? [],
    };
    if (score.status === 'unscored') item.reason = score.reason;
    if (score.status === 'scored' && score.bucket) item.bucket = MOSCOW_LABEL[score.bucket];
    if (fragile)
      item.fragile = { input: fragile.input, from: fragile.from, to: fragile.to, places: fragile.places };
    return item;
  });
}
