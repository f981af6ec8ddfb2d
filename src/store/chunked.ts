/**
 * Lists too large for one Forge KVS value (240 KiB), stored across numbered entries `<base>:0`, `<base>:1`…
 * A 10,000-issue backlog order is ~200 KiB of keys: it may need two. The caller keeps the chunk count
 * (in the record that owns the list), so reading needs no query.
 */
import { z } from 'zod';
import { MAX_VALUE_BYTES } from './keys';
import { readJson, remove, StoredDataError, writeJson, type WriteOptions } from './json-store';

/** Bytes of items per chunk: well under Forge's limit, leaving room for the wrapper. */
export const CHUNK_BYTES = MAX_VALUE_BYTES - 16 * 1024;

const Chunk = z.object({ items: z.array(z.unknown()) });

/** Splits items into runs whose JSON stays under `limit` bytes; one item larger than that is an error. */
export function splitByBytes<T>(items: readonly T[], limit = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 2;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item), 'utf8') + 1;
    if (size + 2 > limit) throw new RangeError(`One list item is too large to store (${size} bytes)`);
    if (bytes + size > limit && current.length > 0) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Writes the list; answers how many chunks it took (give it to {@link readList}). */
export async function writeList(
  base: string,
  items: readonly unknown[],
  options: WriteOptions = {},
): Promise<number> {
  const chunks = splitByBytes(items);
  for (const [i, chunk] of chunks.entries())
    await writeJson(`${base}:${i}`, Chunk, { items: chunk }, options);
  return chunks.length;
}

/** Reads a list written by {@link writeList}, checking each item; a missing chunk is an error. */
export async function readList<S extends z.ZodTypeAny>(
  base: string,
  chunks: number,
  item: S,
): Promise<Array<z.infer<S>>> {
  const schema = z.object({ items: z.array(item) });
  const out: Array<z.infer<S>> = [];
  for (let i = 0; i < chunks; i += 1) {
    const chunk = await readJson(`${base}:${i}`, schema);
    if (!chunk) throw new StoredDataError(`${base}:${i}`, 'the chunk is missing');
    out.push(...(chunk.items as Array<z.infer<S>>));
  }
  return out;
}

export async function removeList(base: string, chunks: number): Promise<void> {
  for (let i = 0; i < chunks; i += 1) await remove(`${base}:${i}`);
}

/** Writes the list in chunks; answers each chunk's item count (give them to {@link readRange}). */
export async function writeSizedList(
  base: string,
  items: readonly unknown[],
  options: WriteOptions = {},
): Promise<number[]> {
  const chunks = splitByBytes(items);
  for (const [i, chunk] of chunks.entries())
    await writeJson(`${base}:${i}`, Chunk, { items: chunk }, options);
  return chunks.map((c) => c.length);
}

/**
 * Items `from` to `from + count` (fewer at the end) of a list written by {@link writeSizedList}, reading
 * only the chunks that hold them.
 */
export async function readRange<S extends z.ZodTypeAny>(
  base: string,
  sizes: readonly number[],
  from: number,
  count: number,
  item: S,
): Promise<Array<z.infer<S>>> {
  const schema = z.object({ items: z.array(item) });
  const wanted: Array<Promise<Array<z.infer<S>>>> = [];
  let start = 0;
  for (const [i, size] of sizes.entries()) {
    const end = start + size;
    if (end > from && start < from + count) {
      const offset = start;
      wanted.push(
        readJson(`${base}:${i}`, schema).then((chunk) => {
          if (!chunk) throw new StoredDataError(`${base}:${i}`, 'the chunk is missing');
          const items = chunk.items as Array<z.infer<S>>;
          return items.slice(Math.max(0, from - offset), Math.max(0, from + count - offset));
        }),
      );
    }
    start = end;
  }
  return (await Promise.all(wanted)).flat();
}
