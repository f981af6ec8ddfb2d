/** Builders and fast-check arbitraries for vision tests. */
import fc from 'fast-check';
import type { Goal, VisionBoard, VisionNote } from '../../../src/core/vision';
import { GOAL_STATUSES, NOTE_TYPES } from '../../../src/core/vision';

export const goal = (
  id: string,
  weight: number,
  status: Goal['status'] = 'active',
  name = `Goal ${id}`,
): Goal => ({
  id,
  name,
  target: `target of ${id}`,
  status,
  weight,
});

export const board = (over: Partial<VisionBoard> = {}): VisionBoard => ({
  visionStatement: 'Every hiker finds a safe trail.',
  targetGroup: 'Weekend hikers',
  needs: 'Know the trail conditions before leaving',
  product: 'A trail-conditions app',
  goals: [goal('g1', 5), goal('g2', 3)],
  ...over,
});

export const note = (id: string, createdAt: string, over: Partial<VisionNote> = {}): VisionNote => ({
  id,
  author: 'acc-1',
  createdAt,
  type: 'decision',
  title: `Note ${id}`,
  text: '',
  tags: [],
  issueKeys: [],
  ...over,
});

/** Trimmed, non-empty-when-needed text without control characters, within `max`. */
const textArb = (max: number, min = 0): fc.Arbitrary<string> =>
  fc
    .string({
      maxLength: max,
      unit: fc.constantFrom('a', 'b', ' ', '<', '|', '*', '#', '\\', '\n', 'é', '&', '_', '1', '.'),
    })
    .map((s) => s.trim())
    .filter((s) => s.length >= min);

export const goalArb = (id: string): fc.Arbitrary<Goal> =>
  fc.record({
    id: fc.constant(id),
    name: textArb(30, 1),
    target: textArb(30),
    status: fc.constantFrom(...GOAL_STATUSES),
    weight: fc.integer({ min: 0, max: 10 }),
  });

export const boardArb: fc.Arbitrary<VisionBoard> = fc
  .uniqueArray(fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5', 'g6'), { maxLength: 6 })
  .chain((ids) =>
    fc.record({
      visionStatement: textArb(40),
      targetGroup: textArb(40),
      needs: textArb(40),
      product: textArb(40),
      goals: ids.length ? fc.tuple(...ids.map(goalArb)) : fc.constant([] as Goal[]),
    }),
  );

export const noteArb = (id: string): fc.Arbitrary<VisionNote> =>
  fc.record({
    id: fc.constant(id),
    author: fc.constantFrom('acc-1', 'acc-2'),
    createdAt: fc
      .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 10) })
      .map((ms) => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString()),
    type: fc.constantFrom(...NOTE_TYPES),
    title: textArb(20, 1),
    text: textArb(40),
    tags: fc.uniqueArray(fc.constantFrom('ux', 'risk', 'mobile'), { maxLength: 3 }),
    issueKeys: fc.uniqueArray(fc.constantFrom('TRAIL-1', 'TRAIL-2'), { maxLength: 2 }),
  });

export const notesArb: fc.Arbitrary<VisionNote[]> = fc
  .integer({ min: 0, max: 60 })
  .chain((n) =>
    n ? fc.tuple(...Array.from({ length: n }, (_, i) => noteArb(`n${i + 1}`))) : fc.constant([]),
  );
