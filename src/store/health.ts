/**
 * What the health gadget keeps in Forge storage:
 *
 * | key                  | what                                                                   |
 * | -------------------- | ---------------------------------------------------------------------- |
 * | `health-trend:<board>:<model>` | the board's daily health snapshots for one model (a hash of it), column-wise (core `TrendSeries`); written only by the daily snapshot and by users who may rank |
 * | `health-boards`        | the boards gadgets show (most recent first, at most 100): the daily job's list |
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { readTrend, type TrendSeries } from '../core/health';
import { readJson, writeJson } from './json-store';
import { keyOf } from './keys';

const Stored = z.unknown();

/**
 * The key of a model's trend: a short hash of the model as configured, so a gadget with a custom formula
 * never mixes its points into the project model's trend, nor into another gadget's.
 */
export function trendModelKey(model: unknown): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 16);
}

/** The board's trend for one model; an unreadable record reads as empty (the trend restarts rather than failing). */
export async function getHealthTrend(boardId: number, model: string): Promise<TrendSeries> {
  return readTrend(await readJson(keyOf('health-trend', boardId, model), Stored));
}

export async function saveHealthTrend(boardId: number, series: TrendSeries, model: string): Promise<void> {
  await writeJson(keyOf('health-trend', boardId, model), Stored, series);
}

/** At most this many boards get a daily snapshot (the most recently shown). */
export const MAX_SNAPSHOT_BOARDS = 100;
const BoardIds = z.array(z.number().int().positive()).max(MAX_SNAPSHOT_BOARDS);

export async function getSnapshotBoards(): Promise<number[]> {
  return (await readJson(keyOf('health-boards'), BoardIds)) ?? [];
}

/** Puts the board first in the daily job's list (no write when it is first already). */
export async function rememberSnapshotBoard(boardId: number): Promise<void> {
  const ids = await getSnapshotBoards();
  if (ids[0] === boardId) return;
  await writeJson(
    keyOf('health-boards'),
    BoardIds,
    [boardId, ...ids.filter((id) => id !== boardId)].slice(0, MAX_SNAPSHOT_BOARDS),
  );
}
