/**
 * An in-memory Forge Key-Value Store, answering the HTTP API that the REAL `@forge/kvs` calls through
 * `__forge_fetch__({ type: 'kvs' }, '/api/v1/...', init)`: request bodies and answers are those of
 * @forge/kvs 1.6's StorageApi (out/storage-api.js), errors are `{ code, message }` with Forge's codes.
 *
 * Limits enforced (Forge's documented storage limits):
 * - keys: 1–500 characters matching /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ (KEY_TOO_SHORT, KEY_TOO_LONG, INVALID_KEY)
 * - values: at most 240 KiB of JSON (MAX_SIZE) and 32 levels deep (MAX_DEPTH)
 * - query(): only `where('key', beginsWith(...))`, limit 1–20 (default 10), opaque cursors
 * - batchSet/batchGet/batchDelete: 1–25 items, no key twice
 * - transact(): at most 25 operations, no key twice, all-or-nothing, entity conditions checked first
 * - custom entities: names 3–60 characters, declared in manifest.yml (`app.storage.entities`), attribute
 *   types checked, queries by declared index (partition + range + filters + sort), limit 1–100
 * Nothing is persisted unless `persistFile` is given (`npm start -- --persist` → .vr-data/kvs.json).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { EntityAttributeType, EntityDef, EntityIndex } from './manifest';

export const KVS_LIMITS = {
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxDepth: 32,
  defaultQueryLimit: 10,
  maxQueryLimit: 20,
  maxEntityQueryLimit: 100,
  maxBatchItems: 25,
  maxTransactionOps: 25,
  minEntityNameLength: 3,
  maxEntityNameLength: 60,
} as const;

export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** A Forge storage error: the HTTP status and the `{ code, message }` body Forge answers. */
export class KvsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Entry {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms after which the entry is gone (TTL). */
  expireAt?: number;
}

type Ttl = { value: number; unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' };
interface Condition {
  property: string;
  condition: string;
  values: unknown[];
}
type Conditions = { and?: Condition[]; or?: Condition[] };

const TTL_SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 };
const PLAIN = 'kvs';
const SECRET = 'secret';
const entityNs = (name: string) => `entity:${name}`;

const bad = (message: string, code = 'BAD_REQUEST') => new KvsApiError(400, code, message);
const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Object.values(value as object)) max = Math.max(max, depthOf(v));
  return max + 1;
}

function encodeCursor(data: unknown): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}
function decodeCursor<T>(cursor: string): T {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw bad('The cursor is not valid', 'INVALID_CURSOR');
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** One condition of a where/filter/transaction clause against a value (undefined = attribute absent). */
export function matches(actual: unknown, c: { condition: string; values: unknown[] }): boolean {
  const [v0, v1] = c.values;
  switch (c.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && actual === v0;
    case 'NOT_EQUAL_TO':
      return actual !== v0;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(v0));
    case 'CONTAINS':
      return Array.isArray(actual)
        ? actual.includes(v0)
        : typeof actual === 'string' && actual.includes(String(v0));
    case 'NOT_CONTAINS':
      return Array.isArray(actual)
        ? !actual.includes(v0)
        : typeof actual === 'string' && !actual.includes(String(v0));
    case 'GREATER_THAN':
      return actual !== undefined && compare(actual, v0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return actual !== undefined && compare(actual, v0) >= 0;
    case 'LESS_THAN':
      return actual !== undefined && compare(actual, v0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return actual !== undefined && compare(actual, v0) <= 0;
    case 'BETWEEN':
      return actual !== undefined && compare(actual, v0) >= 0 && compare(actual, v1) <= 0;
    default:
      throw bad(`Unknown condition ${c.condition}`);
  }
}

function checkConditions(value: unknown, conditions: Conditions | undefined): boolean {
  if (!conditions) return true;
  const attr = (p: string) => (isObj(value) ? value[p] : undefined);
  if (conditions.and) return conditions.and.every((c) => matches(attr(c.property), c));
  if (conditions.or) return conditions.or.some((c) => matches(attr(c.property), c));
  return true;
}

export interface KvsStoreOptions {
  /** Custom entities (manifest.yml `app.storage.entities`). */
  entities?: EntityDef[];
  /** Write the store here (debounced) and read it back at start. */
  persistFile?: string;
  now?: () => number;
}

export interface KvsAnswer {
  status: number;
  body?: unknown;
}

export class KvsStore {
  private spaces = new Map<string, Map<string, Entry>>();
  private readonly entities: Map<string, EntityDef>;
  private readonly now: () => number;
  private saveTimer: NodeJS.Timeout | undefined;
  /** Every operation, by path (e.g. `/api/v1/set`): what the app did to storage. */
  readonly stats: Record<string, number> = {};

  constructor(private readonly options: KvsStoreOptions = {}) {
    this.entities = new Map((options.entities ?? []).map((e) => [e.name, e]));
    this.now = options.now ?? Date.now;
    if (options.persistFile && existsSync(options.persistFile)) this.load(options.persistFile);
  }

  /** The `__forge_fetch__({ type: 'kvs' }, path, init)` endpoint: answers like Forge's storage service. */
  async fetch(urlPath: string, init?: { method?: string; body?: unknown }): Promise<Response> {
    let answer: KvsAnswer;
    try {
      const text = typeof init?.body === 'string' ? init.body : '';
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw bad('Provided request body is invalid');
      }
      answer = this.handle(urlPath, body);
    } catch (error) {
      if (!(error instanceof KvsApiError)) throw error;
      answer = { status: error.status, body: { code: error.code, message: error.message } };
    }
    const headers = { 'content-type': 'application/json', 'x-trace-id': 'local-kvs' };
    if (answer.body === undefined)
      return new Response(null, { status: answer.status === 200 ? 204 : answer.status, headers });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
  }

  /** Runs one storage API call; throws KvsApiError with Forge's status and code when Forge would refuse. */
  handle(urlPath: string, body: unknown): KvsAnswer {
    const op = urlPath.replace(/^\/api\/v1/, '');
    this.stats[op] = (this.stats[op] ?? 0) + 1;
    const b = (isObj(body) ? body : {}) as Record<string, unknown>;
    const items = () => {
      if (!Array.isArray(body)) throw bad('Provided request body is invalid');
      return body as Array<Record<string, unknown>>;
    };
    switch (op) {
      case '/get':
        return this.get(PLAIN, b);
      case '/set':
        return this.set(PLAIN, b);
      case '/delete':
        return this.del(PLAIN, b);
      case '/query':
        return this.query(b);
      case '/secret/get':
        return this.get(SECRET, b);
      case '/secret/set':
        return this.set(SECRET, b);
      case '/secret/delete':
        return this.del(SECRET, b);
      case '/entity/get':
        return this.get(this.entitySpace(b.entityName), b);
      case '/entity/set':
        return this.set(this.entitySpace(b.entityName), b);
      case '/entity/delete':
        return this.del(this.entitySpace(b.entityName), b);
      case '/entity/query':
        return this.queryEntity(b);
      case '/batch/set':
        return this.batch('set', items());
      case '/batch/get':
        return this.batch('get', items());
      case '/batch/delete':
        return this.batch('delete', items());
      case '/transaction':
        return this.transact(b);
      default:
        throw new KvsApiError(404, 'NOT_FOUND', `No storage API at ${urlPath}`);
    }
  }

  reset(): void {
    this.spaces = new Map();
    this.scheduleSave();
  }

  /** Everything stored, by space (`kvs`, `secret`, `entity:<name>`): for /_local/kvs and tests. */
  snapshot(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [space, map] of this.spaces) {
      const values: Record<string, unknown> = {};
      for (const [key, entry] of map) if (this.alive(entry)) values[key] = entry.value;
      out[space] = values;
    }
    return out;
  }

  /** Writes the store now (when persisting). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const file = this.options.persistFile;
    if (!file) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const spaces = Object.fromEntries([...this.spaces].map(([k, m]) => [k, Object.fromEntries(m)]));
    writeFileSync(file, JSON.stringify({ version: 1, spaces }));
  }

  private load(file: string): void {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { spaces?: Record<string, Record<string, Entry>> };
    for (const [space, entries] of Object.entries(data.spaces ?? {}))
      this.spaces.set(space, new Map(Object.entries(entries)));
  }

  private scheduleSave(): void {
    if (!this.options.persistFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 200);
    this.saveTimer.unref();
  }

  // ---- validation ----

  private checkKey(key: unknown): string {
    if (typeof key !== 'string' || key.length === 0)
      throw bad('The provided key needs to be more than one character.', 'KEY_TOO_SHORT');
    if (key.length > KVS_LIMITS.maxKeyLength)
      throw bad(
        `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`,
        'KEY_TOO_LONG',
      );
    if (!KEY_PATTERN.test(key))
      throw bad(
        'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
        'INVALID_KEY',
      );
    return key;
  }

  private checkValue(value: unknown): void {
    if (value === undefined) throw bad('A value is required', 'INVALID_VALUE');
    const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
    if (bytes > KVS_LIMITS.maxValueBytes)
      throw bad(
        `The provided value has exceeded the maximum size limit (${bytes} bytes; the limit is ${KVS_LIMITS.maxValueBytes}).`,
        'MAX_SIZE',
      );
    if (depthOf(value) > KVS_LIMITS.maxDepth)
      throw bad(
        `The provided value has exceeded the maximum object depth (${KVS_LIMITS.maxDepth}) limit.`,
        'MAX_DEPTH',
      );
  }

  private entityDef(name: unknown): EntityDef {
    if (typeof name !== 'string' || name.length < KVS_LIMITS.minEntityNameLength)
      throw bad('The provided entity name needs to be more than 3 characters.', 'ENTITY_TYPE_TOO_SHORT');
    if (name.length > KVS_LIMITS.maxEntityNameLength)
      throw bad('The provided entity name has exceeded the maximum 60 characters.', 'ENTITY_TYPE_TOO_LARGE');
    const def = this.entities.get(name);
    if (!def)
      throw bad(
        `The entity ${name} is not defined: declare it in manifest.yml under app.storage.entities.`,
        'INVALID_ENTITY_TYPE',
      );
    return def;
  }

  private entitySpace(name: unknown): string {
    return entityNs(this.entityDef(name).name);
  }

  private checkEntityValue(def: EntityDef, value: unknown): void {
    if (!isObj(value)) throw bad(`An entity value must be an object (entity ${def.name})`, 'INVALID_VALUE');
    for (const [attr, type] of Object.entries(def.attributes)) {
      const v = value[attr];
      if (v === undefined || v === null) continue;
      if (!typeOk(type, v))
        throw bad(
          `Attribute ${attr} of entity ${def.name} must be of type ${type}`,
          'INVALID_ATTRIBUTE_VALUE',
        );
    }
  }

  private ttlExpiry(options: unknown): number | undefined {
    if (!isObj(options) || options.ttl === undefined) return undefined;
    const ttl = options.ttl as Ttl;
    const unit = TTL_SECONDS[ttl?.unit];
    if (!unit || !Number.isInteger(ttl.value) || ttl.value <= 0)
      throw bad('ttl must be { value: positive integer, unit: SECONDS|MINUTES|HOURS|DAYS }', 'INVALID_TTL');
    return this.now() + ttl.value * unit * 1000;
  }

  // ---- storage ----

  private space(ns: string): Map<string, Entry> {
    let map = this.spaces.get(ns);
    if (!map) this.spaces.set(ns, (map = new Map()));
    return map;
  }

  private alive(entry: Entry | undefined): entry is Entry {
    return entry !== undefined && (entry.expireAt === undefined || entry.expireAt > this.now());
  }

  private read(ns: string, key: string): Entry | undefined {
    const map = this.space(ns);
    const entry = map.get(key);
    if (entry && !this.alive(entry)) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private view(key: string, entry: Entry, extra: Record<string, unknown> = {}) {
    return {
      key,
      ...extra,
      value: entry.value,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      ...(entry.expireAt !== undefined ? { expireTime: new Date(entry.expireAt).toISOString() } : {}),
    };
  }

  private get(ns: string, b: Record<string, unknown>): KvsAnswer {
    const key = this.checkKey(b.key);
    const entry = this.read(ns, key);
    if (!entry) throw new KvsApiError(404, 'KEY_NOT_FOUND', 'The specified key does not exist.');
    return { status: 200, body: this.view(key, entry) };
  }

  /** Validates a write fully (key, value, entity attributes, ttl, key policy) without writing. */
  private prepareSet(ns: string, b: Record<string, unknown>) {
    const key = this.checkKey(b.key);
    this.checkValue(b.value);
    if (ns.startsWith('entity:')) this.checkEntityValue(this.entityDef(ns.slice(7)), b.value);
    const options = isObj(b.options) ? b.options : {};
    const expireAt = this.ttlExpiry(options);
    const previous = this.read(ns, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous)
      throw new KvsApiError(409, 'KEY_CONFLICT', `The key ${key} already exists.`);
    return { key, value: structuredClone(b.value), options, expireAt, previous };
  }

  private write(ns: string, p: ReturnType<KvsStore['prepareSet']>): Entry {
    const now = this.now();
    const entry: Entry = {
      value: p.value,
      createdAt: p.previous?.createdAt ?? now,
      updatedAt: now,
      ...(p.expireAt !== undefined ? { expireAt: p.expireAt } : {}),
    };
    this.space(ns).set(p.key, entry);
    this.scheduleSave();
    return entry;
  }

  private set(ns: string, b: Record<string, unknown>): KvsAnswer {
    const prepared = this.prepareSet(ns, b);
    const entry = this.write(ns, prepared);
    const returnValue = prepared.options.returnValue;
    if (returnValue === 'LATEST') return { status: 200, body: this.view(prepared.key, entry) };
    if (returnValue === 'PREVIOUS')
      return prepared.previous
        ? { status: 200, body: this.view(prepared.key, prepared.previous) }
        : { status: 204 };
    return { status: 204 };
  }

  private del(ns: string, b: Record<string, unknown>): KvsAnswer {
    const key = this.checkKey(b.key);
    this.space(ns).delete(key);
    this.scheduleSave();
    return { status: 204 };
  }

  private limit(value: unknown, max: number): number {
    if (value === undefined || value === null) return KVS_LIMITS.defaultQueryLimit;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
      throw bad(`limit must be an integer between 1 and ${max}`, 'INVALID_LIMIT');
    return value;
  }

  private query(b: Record<string, unknown>): KvsAnswer {
    const limit = this.limit(b.limit, KVS_LIMITS.maxQueryLimit);
    const where = Array.isArray(b.where) ? (b.where as Condition[]) : [];
    if (where.length > 1) throw bad('Only one where condition is supported', 'INVALID_WHERE');
    const w = where[0];
    if (w && (w.property !== 'key' || w.condition !== 'BEGINS_WITH'))
      throw bad('The Key-Value Store can only query the key with beginsWith', 'INVALID_WHERE');
    const after = typeof b.after === 'string' ? decodeCursor<{ k: string }>(b.after).k : undefined;
    const keys = [...this.space(PLAIN).keys()].sort();
    const data = [];
    let more = false;
    for (const key of keys) {
      if (after !== undefined && key <= after) continue;
      if (w && !key.startsWith(String(w.values[0]))) continue;
      const entry = this.read(PLAIN, key);
      if (!entry) continue;
      if (data.length === limit) {
        more = true;
        break;
      }
      data.push(this.view(key, entry));
    }
    const last = data[data.length - 1];
    return {
      status: 200,
      body: { data, ...(more && last ? { cursor: encodeCursor({ k: last.key }) } : {}) },
    };
  }

  private queryEntity(b: Record<string, unknown>): KvsAnswer {
    const def = this.entityDef(b.entityName);
    const index = def.indexes.find((i) => i.name === b.indexName);
    if (!index)
      throw bad(`Entity ${def.name} has no index ${String(b.indexName)} in manifest.yml`, 'INVALID_INDEX');
    const limit = this.limit(b.limit, KVS_LIMITS.maxEntityQueryLimit);
    const partition = Array.isArray(b.partition) ? b.partition : [];
    if (partition.length !== index.partition.length)
      throw bad(
        `Index ${index.name} needs ${index.partition.length} partition value(s) (${index.partition.join(', ')})`,
        'INVALID_PARTITION',
      );
    const range = isObj(b.range) ? (b.range as unknown as Condition) : undefined;
    const filters = isObj(b.filters) ? (b.filters as Conditions) : undefined;
    const offset = typeof b.cursor === 'string' ? decodeCursor<{ o: number }>(b.cursor).o : 0;
    const rows = this.indexRows(def, index)
      .filter(({ value }) => index.partition.every((attr, i) => value[attr] === partition[i]))
      .filter(({ rangeValue }) => !range || matches(rangeValue, range))
      .filter(({ value }) => checkConditions(value, filters));
    if (b.sort === 'DESC') rows.reverse();
    const page = rows.slice(offset, offset + limit);
    const more = offset + limit < rows.length;
    return {
      status: 200,
      body: {
        data: page.map((r) => this.view(r.key, r.entry)),
        ...(more ? { cursor: encodeCursor({ o: offset + limit }) } : {}),
      },
    };
  }

  /** The entities an index holds (those with every index attribute), in range order then key order. */
  private indexRows(def: EntityDef, index: EntityIndex) {
    const rows: Array<{ key: string; entry: Entry; value: Record<string, unknown>; rangeValue: unknown }> =
      [];
    for (const key of this.space(entityNs(def.name)).keys()) {
      const entry = this.read(entityNs(def.name), key);
      if (!entry || !isObj(entry.value)) continue;
      const value = entry.value;
      if ([...index.partition, ...index.range].some((a) => value[a] === undefined)) continue;
      rows.push({
        key,
        entry,
        value,
        rangeValue: index.range.length ? value[index.range[0] as string] : key,
      });
    }
    return rows.sort((a, b) => compare(a.rangeValue, b.rangeValue) || compare(a.key, b.key));
  }

  private batch(kind: 'set' | 'get' | 'delete', items: Array<Record<string, unknown>>): KvsAnswer {
    if (items.length === 0) throw bad('A batch needs at least one item', 'BATCH_EMPTY');
    if (items.length > KVS_LIMITS.maxBatchItems)
      throw bad(`A batch can contain at most ${KVS_LIMITS.maxBatchItems} keys`, 'BATCH_TOO_LARGE');
    const ids = items.map((i) => `${String(i.entityName ?? '')}\u0000${String(i.key)}`);
    if (new Set(ids).size !== ids.length)
      throw bad('A batch cannot name the same key twice', 'DUPLICATE_KEYS');
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      const ref = {
        key: item.key,
        ...(item.entityName !== undefined ? { entityName: item.entityName } : {}),
      };
      try {
        const ns = item.entityName !== undefined ? this.entitySpace(item.entityName) : PLAIN;
        if (kind === 'set') {
          this.write(ns, this.prepareSet(ns, item));
          successfulKeys.push(ref);
        } else if (kind === 'delete') {
          this.del(ns, item);
          successfulKeys.push(ref);
        } else {
          const key = this.checkKey(item.key);
          const entry = this.read(ns, key);
          if (!entry)
            failedKeys.push({
              ...ref,
              error: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' },
            });
          else
            successfulKeys.push(
              this.view(key, entry, ref.entityName !== undefined ? { entityName: ref.entityName } : {}),
            );
        }
      } catch (error) {
        if (!(error instanceof KvsApiError)) throw error;
        failedKeys.push({ ...ref, error: { code: error.code, message: error.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private transact(b: Record<string, unknown>): KvsAnswer {
    type Op = {
      key?: unknown;
      value?: unknown;
      entityName?: unknown;
      conditions?: Conditions;
      options?: unknown;
    };
    const list = (v: unknown): Op[] => (Array.isArray(v) ? (v as Op[]) : []);
    const sets = list(b.set);
    const deletes = list(b.delete);
    const checks = list(b.check);
    const all = [...sets, ...deletes, ...checks];
    if (all.length === 0) throw bad('A transaction needs at least one operation', 'TRANSACTION_EMPTY');
    if (all.length > KVS_LIMITS.maxTransactionOps)
      throw bad(
        `A transaction can contain at most ${KVS_LIMITS.maxTransactionOps} operations`,
        'TRANSACTION_TOO_LARGE',
      );
    const ids = all.map((o) => `${String(o.entityName ?? '')}\u0000${String(o.key)}`);
    if (new Set(ids).size !== ids.length)
      throw bad('A transaction cannot name the same key twice', 'DUPLICATE_KEYS');
    const nsOf = (o: Op) => (o.entityName !== undefined ? this.entitySpace(o.entityName) : PLAIN);
    // Validate everything and check every condition before changing anything.
    for (const o of all) {
      const ns = nsOf(o);
      const key = this.checkKey(o.key);
      if (o.conditions) {
        if (o.entityName === undefined)
          throw bad('Conditions apply to custom entities only', 'INVALID_CONDITION');
        const current = this.read(ns, key);
        if (!checkConditions(current?.value, o.conditions))
          throw new KvsApiError(
            409,
            'CONDITION_CHECK_FAILED',
            `The transaction's condition on ${key} was not met.`,
          );
      }
    }
    const prepared = sets.map((o) => ({
      ns: nsOf(o),
      p: this.prepareSet(nsOf(o), o as Record<string, unknown>),
    }));
    for (const { ns, p } of prepared) this.write(ns, p);
    for (const o of deletes) this.space(nsOf(o)).delete(o.key as string);
    this.scheduleSave();
    return { status: 204 };
  }
}

function typeOk(type: EntityAttributeType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
    case 'float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}
