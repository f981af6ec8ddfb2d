/**
 * What Prioritize keeps in Forge storage, each record checked with zod on the way in and out:
 *
 * | key                              | what                                                          |
 * | -------------------------------- | ------------------------------------------------------------- |
 * | `mapping:<project>`              | the project's field mapping (core `FieldMappingSchema`)       |
 * | `model:<project>`                | the project's scoring model (core `ModelConfigSchema`)        |
 * | `pins:<board>`                   | issue keys pinned in place on the board                       |
 * | `snapshots:<board>`              | the undo snapshots' index, newest first (last 10)              |
 * | `snapshot:<board>:<id>:<n>`      | a snapshot's backlog order, keys only, chunked                |
 * | `jobplan:<id>:<list>:<n>`        | the job's before/target orders and rank calls, chunked         |
 */
import { z } from 'zod';
import { FieldMappingSchema, ModelConfigSchema, type FieldMapping, type ModelConfig } from '../core/scoring';
import { readList, removeList, writeList } from './chunked';
import type { ReorderJob } from './jobs';
import { readJson, writeJson } from './json-store';
import { keyOf } from './keys';

export const MAX_SNAPSHOTS = 10;
export const MAX_PINS = 500;
const JOB_TTL_DAYS = 7;

// ------------------------------------------------------------------------------------------------ settings

export async function getMapping(projectKey: string): Promise<FieldMapping | undefined> {
  return readJson(keyOf('mapping', projectKey), FieldMappingSchema);
}

export async function saveMapping(projectKey: string, mapping: FieldMapping): Promise<FieldMapping> {
  return writeJson(keyOf('mapping', projectKey), FieldMappingSchema, mapping);
}

export async function getModel(projectKey: string): Promise<ModelConfig | undefined> {
  return readJson(keyOf('model', projectKey), ModelConfigSchema);
}

export async function saveModel(projectKey: string, model: ModelConfig): Promise<ModelConfig> {
  return writeJson(keyOf('model', projectKey), ModelConfigSchema, model);
}

const Pins = z.object({ keys: z.array(z.string().min(1).max(255)).max(MAX_PINS) });

export async function getPins(boardId: number): Promise<string[]> {
  return (await readJson(keyOf('pins', boardId), Pins))?.keys ?? [];
}

/** Pins or unpins one issue; answers the board's pins. */
/** Pins or unpins several issues of a board in one write; answers the board's pins. */
export async function setPins(boardId: number, keys: readonly string[], pinned: boolean): Promise<string[]> {
  const current = await getPins(boardId);
  const changing = new Set(keys);
  const pins = pinned
    ? [...current, ...[...changing].filter((k) => !current.includes(k))]
    : current.filter((k) => !changing.has(k));
  if (pins.length > MAX_PINS) throw new RangeError(`A board can have at most ${MAX_PINS} pinned issues`);
  await writeJson(keyOf('pins', boardId), Pins, { keys: pins });
  return pins;
}

// ------------------------------------------------------------------------------------------------ snapshots

export const SnapshotInfo = z.object({
  id: z.string().min(1).max(100),
  at: z.string(),
  /** Account id only (ADR 9: names are read from Jira when shown; an old `byName` is dropped on read). */
  byAccountId: z.string(),
  /** The model's label, e.g. `WSJF`. */
  model: z.string(),
  /** Issues the reorder moved. */
  moved: z.number().int().min(0),
  /** Issues in the order. */
  count: z.number().int().min(0),
  chunks: z.number().int().min(1),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

const SnapshotIndex = z.object({ entries: z.array(SnapshotInfo).max(MAX_SNAPSHOTS) });

const snapshotBase = (boardId: number, id: string) => keyOf('snapshot', boardId, id);

/** The board's snapshots, newest first. */
export async function listSnapshots(boardId: number): Promise<SnapshotInfo[]> {
  return (await readJson(keyOf('snapshots', boardId), SnapshotIndex))?.entries ?? [];
}

/** Stores an order as the newest snapshot; drops the oldest beyond {@link MAX_SNAPSHOTS}. */
export async function pushSnapshot(
  boardId: number,
  info: Omit<SnapshotInfo, 'chunks' | 'count'>,
  order: readonly string[],
): Promise<SnapshotInfo> {
  const chunks = await writeList(snapshotBase(boardId, info.id), order);
  const entry: SnapshotInfo = { ...info, count: order.length, chunks };
  const all = [entry, ...(await listSnapshots(boardId)).filter((e) => e.id !== info.id)];
  await writeJson(keyOf('snapshots', boardId), SnapshotIndex, { entries: all.slice(0, MAX_SNAPSHOTS) });
  for (const old of all.slice(MAX_SNAPSHOTS)) await removeList(snapshotBase(boardId, old.id), old.chunks);
  return entry;
}

export async function readSnapshotOrder(boardId: number, info: SnapshotInfo): Promise<string[]> {
  return readList(snapshotBase(boardId, info.id), info.chunks, z.string());
}

/** Removes one snapshot (after an undo restored it). */
export async function dropSnapshot(boardId: number, id: string): Promise<void> {
  const all = await listSnapshots(boardId);
  const gone = all.find((e) => e.id === id);
  if (!gone) return;
  await writeJson(keyOf('snapshots', boardId), SnapshotIndex, { entries: all.filter((e) => e.id !== id) });
  await removeList(snapshotBase(boardId, id), gone.chunks);
}

// ------------------------------------------------------------------------------------------------ job plans

export const StoredRankCall = z.object({
  issues: z.array(z.string()).min(1),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type StoredRankCall = z.infer<typeof StoredRankCall>;

export interface JobPlan {
  before: string[];
  target: string[];
  calls: StoredRankCall[];
  moved: number;
}

const planBase = (jobId: string, list: string) => keyOf('jobplan', jobId, list);

/** Stores a job's plan; answers the chunk counts to keep in the job record. */
export async function writeJobPlan(jobId: string, plan: JobPlan): Promise<NonNullable<ReorderJob['plan']>> {
  const ttl = { ttlDays: JOB_TTL_DAYS };
  return {
    before: await writeList(planBase(jobId, 'before'), plan.before, ttl),
    target: await writeList(planBase(jobId, 'target'), plan.target, ttl),
    calls: await writeList(planBase(jobId, 'calls'), plan.calls, ttl),
    moved: plan.moved,
  };
}

export async function readJobPlan(jobId: string, chunks: NonNullable<ReorderJob['plan']>): Promise<JobPlan> {
  return {
    before: await readList(planBase(jobId, 'before'), chunks.before, z.string()),
    target: await readList(planBase(jobId, 'target'), chunks.target, z.string()),
    calls: await readList(planBase(jobId, 'calls'), chunks.calls, StoredRankCall),
    moved: chunks.moved,
  };
}

export async function removeJobPlan(jobId: string, chunks: NonNullable<ReorderJob['plan']>): Promise<void> {
  await removeList(planBase(jobId, 'before'), chunks.before);
  await removeList(planBase(jobId, 'target'), chunks.target);
  await removeList(planBase(jobId, 'calls'), chunks.calls);
}
