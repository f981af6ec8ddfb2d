/**
 * Field-level differences between two vision boards, for a side-by-side compare (two versions, or "yours"
 * against "theirs" after a save conflict).
 *
 * Text fields: `same` when equal, `added` when only the newer board has text, `removed` when only the older
 * one has, `changed` otherwise. Goals are matched by id: `added`, `removed`, `changed` (listing which of
 * name, target, status, weight changed) or `same`. Goals come in the newer board's order, each removed goal
 * right after the goal it followed in the older board, so both columns line up. `goalOrderChanged` tells
 * whether the goals the two boards share are in a different order.
 */
import type { BoardTextField, Goal, VisionBoard } from './schema';
import { BOARD_FIELD_LABELS, BOARD_TEXT_FIELDS } from './schema';

export type FieldChange = 'same' | 'changed' | 'added' | 'removed';

export interface FieldDiff {
  field: BoardTextField;
  label: string;
  change: FieldChange;
  before: string;
  after: string;
}

export const GOAL_ATTRIBUTES = ['name', 'target', 'status', 'weight'] as const;
export type GoalAttribute = (typeof GOAL_ATTRIBUTES)[number];

export interface GoalDiff {
  id: string;
  change: FieldChange;
  /** The attributes that differ; empty unless `changed`. */
  attributes: GoalAttribute[];
  /** The goal in the older board (absent when added). */
  before?: Goal;
  /** The goal in the newer board (absent when removed). */
  after?: Goal;
}

export interface BoardDiff {
  /** Whether anything differs (a change of goal order included). */
  changed: boolean;
  fields: FieldDiff[];
  goals: GoalDiff[];
  goalOrderChanged: boolean;
  counts: { fieldsChanged: number; goalsAdded: number; goalsRemoved: number; goalsChanged: number };
}

function fieldChange(before: string, after: string): FieldChange {
  if (before === after) return 'same';
  if (before === '') return 'added';
  if (after === '') return 'removed';
  return 'changed';
}

/** The differences from `a` (older, left) to `b` (newer, right). */
export function diffBoards(a: VisionBoard, b: VisionBoard): BoardDiff {
  const fields = BOARD_TEXT_FIELDS.map((field): FieldDiff => ({
    field,
    label: BOARD_FIELD_LABELS[field],
    change: fieldChange(a[field], b[field]),
    before: a[field],
    after: b[field],
  }));

  const older = new Map(a.goals.map((g) => [g.id, g]));
  const newer = new Map(b.goals.map((g) => [g.id, g]));
  const goals: GoalDiff[] = b.goals.map((after) => {
    const before = older.get(after.id);
    if (!before) return { id: after.id, change: 'added', attributes: [], after };
    const attributes = GOAL_ATTRIBUTES.filter((attr) => before[attr] !== after[attr]);
    return { id: after.id, change: attributes.length ? 'changed' : 'same', attributes, before, after };
  });
  a.goals.forEach((before, i) => {
    if (newer.has(before.id)) return;
    const previous = a.goals[i - 1]?.id;
    const at = previous === undefined ? 0 : goals.findIndex((g) => g.id === previous) + 1;
    goals.splice(at, 0, { id: before.id, change: 'removed', attributes: [], before });
  });

  const sharedA = a.goals.filter((g) => newer.has(g.id)).map((g) => g.id);
  const sharedB = b.goals.filter((g) => older.has(g.id)).map((g) => g.id);
  const goalOrderChanged = sharedA.some((id, i) => sharedB[i] !== id);

  const counts = {
    fieldsChanged: fields.filter((f) => f.change !== 'same').length,
    goalsAdded: goals.filter((g) => g.change === 'added').length,
    goalsRemoved: goals.filter((g) => g.change === 'removed').length,
    goalsChanged: goals.filter((g) => g.change === 'changed').length,
  };
  const changed =
    goalOrderChanged ||
    counts.fieldsChanged + counts.goalsAdded + counts.goalsRemoved + counts.goalsChanged > 0;
  return { changed, fields, goals, goalOrderChanged, counts };
}
