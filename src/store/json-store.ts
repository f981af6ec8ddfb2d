import { kvs } from '@forge/kvs';
import type { z } from 'zod';
import { MAX_VALUE_BYTES, checkKey } from './keys';

/** Stored data that no longer matches its schema (an old version, or a manual edit). */
export class StoredDataError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`Stored data under ${key} is not valid: ${detail}`);
  }
}

/** Reads a value and checks it against its schema; undefined when nothing is stored. */
export async function readJson<S extends z.ZodTypeAny>(
  key: string,
  schema: S,
): Promise<z.infer<S> | undefined> {
  const raw = await kvs.get<unknown>(checkKey(key));
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredDataError(key, `${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export interface WriteOptions {
  /** Forge deletes the entry after this many days. */
  ttlDays?: number;
}

/** Validates, checks Forge's size limit, then writes: an invalid or oversized value writes nothing. */
export async function writeJson<S extends z.ZodTypeAny>(
  key: string,
  schema: S,
  value: z.input<S>,
  options: WriteOptions = {},
): Promise<z.infer<S>> {
  const checked: z.infer<S> = schema.parse(value);
  const bytes = Buffer.byteLength(JSON.stringify(checked), 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new RangeError(`Too large to store (${bytes} bytes; the limit is ${MAX_VALUE_BYTES})`);
  }
  const ttl = options.ttlDays ? { ttl: { value: options.ttlDays, unit: 'DAYS' as const } } : undefined;
  await kvs.set(checkKey(key), checked, ttl);
  return checked;
}

export async function remove(key: string): Promise<void> {
  await kvs.delete(checkKey(key));
}
