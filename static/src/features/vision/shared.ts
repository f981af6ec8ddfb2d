/** Shared bits of the Vision view: conflict decoding, formatting, an empty goal. */
import { AppCallError } from '../../bridge';
import type { Goal, VisionBoard } from '../../../../src/core/vision';
import {
  NOTE_CONFLICT_PREFIX,
  VISION_CONFLICT_PREFIX,
  type VisionConflict,
} from '../../../../src/features/vision/api';

export type { Goal, VisionBoard };

/** The merge material of a `conflict` answer, or undefined for any other error. */
export function conflictOf(error: unknown): VisionConflict | undefined {
  if (!(error instanceof AppCallError) || error.code !== 'conflict') return undefined;
  const encoded = error.details.find((d) => d.startsWith(VISION_CONFLICT_PREFIX));
  if (!encoded) return undefined;
  try {
    return JSON.parse(encoded.slice(VISION_CONFLICT_PREFIX.length)) as VisionConflict;
  } catch {
    return undefined;
  }
}

/** A note as someone else saved it meanwhile (what a note edit's `conflict` carries). */
export interface TheirNote {
  title: string;
  text: string;
  version: number;
  updatedAt?: string;
}

/** The note as it is now, from a note edit's `conflict` answer; undefined for any other error. */
export function noteConflictOf(error: unknown): TheirNote | undefined {
  if (!(error instanceof AppCallError) || error.code !== 'conflict') return undefined;
  const encoded = error.details.find((d) => d.startsWith(NOTE_CONFLICT_PREFIX));
  if (!encoded) return undefined;
  try {
    return JSON.parse(encoded.slice(NOTE_CONFLICT_PREFIX.length)) as TheirNote;
  } catch {
    return undefined;
  }
}

/** An error without the machine-readable conflict entry (for ErrorMessage). */
export function readableError(error: unknown): unknown {
  if (!(error instanceof AppCallError)) return error;
  const details = error.details.filter(
    (d) => !d.startsWith(VISION_CONFLICT_PREFIX) && !d.startsWith(NOTE_CONFLICT_PREFIX),
  );
  return new AppCallError(
    error.key,
    error.code === 'bridge'
      ? { code: 'bridge', message: error.message }
      : { code: error.code, message: error.message, details },
  );
}

export { formatWhen as when } from '../../format';

export const day = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

export const newGoal = (): Goal => ({
  id: `g-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
  name: '',
  target: '',
  status: 'active',
  weight: 5,
});

export const cloneBoard = (board: VisionBoard): VisionBoard => ({
  ...board,
  goals: board.goals.map((g) => ({ ...g })),
});
