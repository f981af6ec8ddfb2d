/**
 * Versions of the vision board, with optimistic concurrency.
 *
 * Every save makes a new version numbered one above the current one; nothing is overwritten. A save names
 * the version it was edited from (`expectedVersion`); when someone else saved in between, the save is
 * refused with the material to merge: your board, theirs, and the differences from theirs to yours. The
 * storage layer makes the decision stick with a KVS transaction conditioned on the current version, so two
 * racing saves cannot both become version n + 1. A project without a board is at version 0 (the empty
 * board). Restoring an old version makes a NEW version equal to it, so history only grows.
 */
import type { BoardDiff } from './diff';
import { diffBoards } from './diff';
import type { VisionBoard } from './schema';
import { AccountIdSchema, emptyBoard, parseBoard } from './schema';

export interface VisionVersion {
  /** 1, 2, 3, …; 0 only for the implicit empty board of a project with no vision yet. */
  version: number;
  /** ISO instant. */
  savedAt: string;
  /** Account id of who saved it. */
  savedBy: string;
  board: VisionBoard;
  /** Set when this version restores an older one. */
  restoredFrom?: number;
}

export interface SaveConflict {
  /** The board the user tried to save (validated). */
  yours: VisionBoard;
  /** The version now current, saved by someone else since the user's `expectedVersion`. */
  theirs: VisionVersion;
  /** The version the user edited. */
  expectedVersion: number;
  /** From theirs (left) to yours (right). */
  diff: BoardDiff;
}

export type SaveResult =
  | { ok: true; version: VisionVersion }
  | { ok: false; reason: 'conflict'; conflict: SaveConflict }
  | { ok: false; reason: 'invalid'; errors: string[] };

export type RestoreResult =
  | { ok: true; version: VisionVersion; history: VisionVersion[] }
  | { ok: false; reason: 'not-found' | 'invalid'; errors: string[] };

/** The implicit version 0 of a project with no vision yet. */
export const initialVersion = (): VisionVersion => ({
  version: 0,
  savedAt: new Date(0).toISOString(),
  savedBy: 'nobody',
  board: emptyBoard(),
});

/** `now` as an ISO instant; RangeError when it is not a valid date. */
export function instantOf(now: Date | string): string {
  const ms = now instanceof Date ? now.getTime() : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`now is not a valid date: ${String(now)}`);
  return new Date(ms).toISOString();
}

export const cloneBoard = (board: VisionBoard): VisionBoard => ({
  ...board,
  goals: board.goals.map((g) => ({ ...g })),
});

function checkAuthor(by: string): string[] {
  const result = AccountIdSchema.safeParse(by);
  return result.success ? [] : result.error.issues.map((i) => `savedBy ${i.message}`);
}

/**
 * The version a save creates, or why it cannot be made: the edited board is invalid, or `expectedVersion`
 * is not the current version (a conflict). `current` undefined means no board saved yet (version 0).
 */
export function nextVersion(
  current: VisionVersion | undefined,
  edited: unknown,
  expectedVersion: number,
  by: string,
  now: Date | string,
): SaveResult {
  const savedAt = instantOf(now);
  const parsed = parseBoard(edited);
  const errors = [...(parsed.ok ? [] : parsed.errors), ...checkAuthor(by)];
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    errors.push(`expectedVersion must be a whole number ≥ 0, not ${String(expectedVersion)}`);
  if (!parsed.ok || errors.length) return { ok: false, reason: 'invalid', errors };
  const base = current ?? initialVersion();
  if (expectedVersion !== base.version)
    return {
      ok: false,
      reason: 'conflict',
      conflict: {
        yours: parsed.value,
        theirs: base,
        expectedVersion,
        diff: diffBoards(base.board, parsed.value),
      },
    };
  return {
    ok: true,
    version: { version: base.version + 1, savedAt, savedBy: by.trim(), board: parsed.value },
  };
}

/**
 * A new version, numbered above every version in `history`, whose board equals version `version`'s.
 * Returns the new version and the history with it appended; the input history is not changed.
 */
export function restoreVersion(
  history: readonly VisionVersion[],
  version: number,
  by: string,
  now: Date | string,
): RestoreResult {
  const savedAt = instantOf(now);
  const errors = checkAuthor(by);
  if (errors.length) return { ok: false, reason: 'invalid', errors };
  const source = history.find((v) => v.version === version);
  if (!source)
    return { ok: false, reason: 'not-found', errors: [`version ${String(version)} is not in the history`] };
  const latest = history.reduce((max, v) => Math.max(max, v.version), 0);
  const restored: VisionVersion = {
    version: latest + 1,
    savedAt,
    savedBy: by.trim(),
    board: cloneBoard(source.board),
    restoredFrom: source.version,
  };
  return { ok: true, version: restored, history: [...history, restored] };
}
