/**
 * Snapshots of computed views (docs/adr/0011-view-snapshots.md): what a large backlog's analysis came to,
 * so a resolver answers at once with the last one and a queue job computes the next. One record per view
 * and variant (the model, the gadget's top N) holds the fingerprint of what it was computed from, when,
 * the view's small summary and the chunk sizes of its long lists; each list is chunked under the
 * snapshot's own id, so a reader never mixes two snapshots.
 *
 * | key                                   | what                                                          |
 * | ------------------------------------- | ------------------------------------------------------------- |
 * | `view:<kind>:<board>:<variant>`       | the latest snapshot: fingerprint, computedAt, summary, lists   |
 * | `view-list:<snapshot>:<list>:<n>`     | a list of the snapshot (rows, orders), chunked                 |
 * | `view-gen:<project>`                  | bumped by every change the app makes in the project            |
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readRange, removeList, writeSizedList } from './chunked';
import { readJson, writeJson } from './json-store';
import { keyOf } from './keys';

export const VIEW_KINDS = ['analyze', 'health'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];
const TTL_DAYS = 7;

export const ViewSnapshot = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(VIEW_KINDS),
  boardId: z.number().int().positive(),
  variant: z.string().min(1).max(100),
  /** What it was computed from (the backlog's order and updates, the settings): equal means still true. */
  fingerprint: z.string().min(1).max(200),
  computedAt: z.string(),
  /** The view's summary, checked by the feature that owns it. */
  summary: z.unknown(),
  /** List name → item counts of its chunks. */
  lists: z.record(z.string(), z.array(z.number().int().min(0))),
});
export type ViewSnapshot = z.infer<typeof ViewSnapshot>;

const snapshotKey = (kind: ViewKind, boardId: number, variant: string) =>
  keyOf('view', kind, boardId, variant);
const listBase = (id: string, list: string) => keyOf('view-list', id, list);

export async function readViewSnapshot(
  kind: ViewKind,
  boardId: number,
  variant: string,
): Promise<ViewSnapshot | undefined> {
  return readJson(snapshotKey(kind, boardId, variant), ViewSnapshot);
}

/** Writes the lists, then the record that names them; the previous snapshot's lists are dropped after. */
export async function writeViewSnapshot(
  snapshot: Omit<ViewSnapshot, 'id' | 'lists'>,
  lists: Record<string, readonly unknown[]> = {},
): Promise<ViewSnapshot> {
  const previous = await readViewSnapshot(snapshot.kind, snapshot.boardId, snapshot.variant).catch(
    () => undefined,
  );
  const id = randomUUID();
  const sizes: Record<string, number[]> = {};
  for (const [name, items] of Object.entries(lists))
    sizes[name] = await writeSizedList(listBase(id, name), items, { ttlDays: TTL_DAYS });
  const written = await writeJson(
    snapshotKey(snapshot.kind, snapshot.boardId, snapshot.variant),
    ViewSnapshot,
    { ...snapshot, id, lists: sizes },
    { ttlDays: TTL_DAYS },
  );
  if (previous)
    for (const [name, chunks] of Object.entries(previous.lists))
      await removeList(listBase(previous.id, name), chunks.length).catch(() => undefined);
  return written;
}

/** Items `from` to `from + count` of one of the snapshot's lists. */
export async function readViewRange<S extends z.ZodTypeAny>(
  snapshot: ViewSnapshot,
  list: string,
  from: number,
  count: number,
  item: S,
): Promise<Array<z.infer<S>>> {
  const sizes = snapshot.lists[list] ?? [];
  return readRange(listBase(snapshot.id, list), sizes, from, count, item);
}

/** A whole list of the snapshot. */
export async function readViewList<S extends z.ZodTypeAny>(
  snapshot: ViewSnapshot,
  list: string,
  item: S,
): Promise<Array<z.infer<S>>> {
  const sizes = snapshot.lists[list] ?? [];
  return readViewRange(
    snapshot,
    list,
    0,
    sizes.reduce((a, b) => a + b, 0),
    item,
  );
}

/** The length of one of the snapshot's lists. */
export const listLength = (snapshot: ViewSnapshot, list: string): number =>
  (snapshot.lists[list] ?? []).reduce((a, b) => a + b, 0);

const Generation = z.object({ n: z.number().int().min(0), at: z.string() });

/** The project's change counter: part of every view fingerprint of its boards. */
export async function readGeneration(projectKey: string): Promise<number> {
  return (await readJson(keyOf('view-gen', projectKey), Generation))?.n ?? 0;
}

/** Marks every stored view of the project's boards as out of date (the app changed something there). */
export async function bumpGeneration(projectKey: string): Promise<void> {
  const n = (await readGeneration(projectKey)) + 1;
  await writeJson(keyOf('view-gen', projectKey), Generation, { n, at: new Date().toISOString() });
}
