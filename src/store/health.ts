/**
 * What the health gadget keeps in Forge storage:
 *
 * | key                  | what                                                                   |
 * | -------------------- | ---------------------------------------------------------------------- |
 * | `health-trend:<board>` | the board's daily health snapshots, column-wise (core `TrendSeries`) |
 * | `health-boards`        | the boards gadgets show (most recent first, at most 100): the daily job's list |
 */
import { z } from 'zod';
import { readTrend, type TrendSeries } from '../core/health';
import { readJson, writeJson } from './json-store';
import { keyOf } from './keys';

const Stored = z.unknown();

/** The board's trend; an unreadable record reads as empty (the trend restarts rather than failing). */
export async function getHealthTrend(boardId: number): Promise<TrendSeries> {
  return readTrend(await readJson(keyOf('health-trend', boardId), Stored));
}

export async function saveHealthTrend(boardId: number, series: TrendSeries): Promise<void> {
  await writeJson(keyOf('health-trend', boardId), Stored, series);
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
