/**
 * The local Forge KVS, driven through the REAL @forge/kvs client: Forge's limits, error codes and
 * semantics (queries, cursors, batches, TTL, secrets, custom entities, transactions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { KvsStore, KVS_LIMITS } from '../../../dev/harness/kvs';
import { parseManifest } from '../../../dev/harness/manifest';
import { installTestForge } from '../../support/forge-runtime';

const MANIFEST = `
modules: {}
app:
  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000
  storage:
    entities:
      - name: employee
        attributes:
          surname: { type: string }
          age: { type: integer }
          team: { type: string }
          active: { type: boolean }
        indexes:
          - age
          - name: by-team-age
            partition: [team]
            range: [age]
`;

let clock = Date.parse('2026-11-18T12:00:00Z');

function install(): void {
  installTestForge(new KvsStore({ entities: parseManifest(MANIFEST).entities, now: () => clock }));
}

beforeEach(install);

describe('keys and values', () => {
  it('sets, gets (with metadata) and deletes', async () => {
    await kvs.set('prefs:local-po:TRAIL', { boardId: 1 });
    expect(await kvs.get('prefs:local-po:TRAIL')).toEqual({ boardId: 1 });
    const withMeta = await kvs.get('prefs:local-po:TRAIL', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT],
    });
    expect(withMeta).toEqual({
      key: 'prefs:local-po:TRAIL',
      value: { boardId: 1 },
      createdAt: clock,
      updatedAt: clock,
    });
    await kvs.delete('prefs:local-po:TRAIL');
    expect(await kvs.get('prefs:local-po:TRAIL')).toBeUndefined();
    await expect(kvs.delete('never-there')).resolves.toBeUndefined();
  });

  it.each([
    ['an empty key', 'KEY_TOO_SHORT', ''],
    ['a 501-character key', 'KEY_TOO_LONG', 'a'.repeat(KVS_LIMITS.maxKeyLength + 1)],
    ['a slash', 'INVALID_KEY', 'has/slash'],
    ['only spaces', 'INVALID_KEY', '   '],
    ['a non-ASCII letter', 'INVALID_KEY', 'émoji'],
  ])('refuses %s with %s, as Forge does', async (_what, code, key) => {
    await expect(kvs.set(key, 1)).rejects.toMatchObject({ code, responseDetails: { status: 400 } });
    await expect(kvs.get(key)).rejects.toMatchObject({ code });
  });

  it('accepts every character the pattern allows, up to 500 characters', async () => {
    const key = 'Aa0:._- #';
    await kvs.set(key, 'ok');
    expect(await kvs.get(key)).toBe('ok');
    await kvs.set('k'.repeat(500), 'long');
    expect(await kvs.get('k'.repeat(500))).toBe('long');
  });

  it('refuses values over 240 KiB of JSON and deeper than 32 levels', async () => {
    const fits = 'x'.repeat(KVS_LIMITS.maxValueBytes - 2); // + 2 quotes = exactly the limit
    await kvs.set('big', fits);
    await expect(kvs.set('too-big', `${fits}x`)).rejects.toMatchObject({ code: 'MAX_SIZE' });
    expect(await kvs.get('too-big')).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = { d: deep };
    await expect(kvs.set('deep', deep)).rejects.toMatchObject({ code: 'MAX_DEPTH' });
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({
      code: 'KEY_CONFLICT',
      responseDetails: { status: 409 },
    });
    const previous = await kvs.set('lock', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'lock', value: 'first' });
  });

  it('expires values after their TTL', async () => {
    await kvs.set('session', 'abc', { ttl: { value: 1, unit: 'SECONDS' } });
    expect(await kvs.get('session')).toBe('abc');
    clock += 1500;
    expect(await kvs.get('session')).toBeUndefined();
  });

  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });
});

describe('query', () => {
  beforeEach(async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`item:${String(i).padStart(2, '0')}`, i);
    await kvs.set('other:1', 'x');
  });

  it('pages by beginsWith in key order: 10 by default, at most 20, with cursors', async () => {
    const first = await kvs.query().where('key', WhereConditions.beginsWith('item:')).getMany<number>();
    expect(first.results.map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const page = await kvs
      .query()
      .where('key', WhereConditions.beginsWith('item:'))
      .limit(20)
      .getMany<number>();
    expect(page.results).toHaveLength(20);
    const rest = await kvs
      .query()
      .where('key', WhereConditions.beginsWith('item:'))
      .limit(20)
      .cursor(page.nextCursor as string)
      .getMany<number>();
    expect(rest.results.map((r) => r.value)).toEqual([20, 21, 22, 23, 24]);
    expect(rest.nextCursor).toBeUndefined();

    expect(await kvs.query().where('key', WhereConditions.beginsWith('other')).getOne()).toEqual({
      key: 'other:1',
      value: 'x',
      createdAt: clock,
      updatedAt: clock,
    });
  });

  it('refuses a limit over 20', async () => {
    await expect(kvs.query().limit(21).getMany()).rejects.toMatchObject({ code: 'INVALID_LIMIT' });
    await expect(kvs.query().limit(0).getMany()).rejects.toMatchObject({ code: 'INVALID_LIMIT' });
  });
});

describe('batches', () => {
  it('sets, gets and deletes up to 25 keys, reporting each failure', async () => {
    const set = await kvs.batchSet([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'bad/key', value: 3 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(set.failedKeys).toEqual([
      { key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } },
    ]);

    const got = await kvs.batchGet<number>([{ key: 'a' }, { key: 'missing' }]);
    expect(got.successfulKeys).toEqual([expect.objectContaining({ key: 'a', value: 1 })]);
    expect(got.failedKeys).toEqual([
      { key: 'missing', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) },
    ]);

    await kvs.batchDelete([{ key: 'a' }, { key: 'b' }]);
    expect(await kvs.get('a')).toBeUndefined();
  });

  it('refuses empty batches, more than 25 keys and a key twice', async () => {
    await expect(kvs.batchSet([])).rejects.toMatchObject({ code: 'BATCH_EMPTY' });
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    await expect(kvs.batchSet(many)).rejects.toMatchObject({ code: 'BATCH_TOO_LARGE' });
    await expect(kvs.batchSet(many.slice(0, 25))).resolves.toMatchObject({ failedKeys: [] });
    await expect(kvs.batchGet([{ key: 'k1' }, { key: 'k1' }])).rejects.toMatchObject({
      code: 'DUPLICATE_KEYS',
    });
  });
});

interface Employee {
  surname: string;
  age: number;
  team: string;
  active?: boolean;
}

describe('custom entities (from manifest.yml app.storage.entities)', () => {
  beforeEach(async () => {
    const people: Array<[string, Employee]> = [
      ['e1', { surname: 'Davis', age: 30, team: 'web' }],
      ['e2', { surname: 'Okafor', age: 41, team: 'web', active: true }],
      ['e3', { surname: 'Lindqvist', age: 35, team: 'mobile' }],
      ['e4', { surname: 'Tanaka', age: 52, team: 'web', active: false }],
    ];
    for (const [key, value] of people) await kvs.entity<Employee>('employee').set(key, value);
  });

  it('gets and queries by index with range, partition, filters, sort and cursor', async () => {
    expect(await kvs.entity<Employee>('employee').get('e2')).toEqual({
      surname: 'Okafor',
      age: 41,
      team: 'web',
      active: true,
    });
    const older = await kvs
      .entity<Employee>('employee')
      .query()
      .index('age')
      .where(WhereConditions.greaterThan(30))
      .sort(Sort.DESC)
      .getMany();
    expect(older.results.map((r) => r.key)).toEqual(['e4', 'e2', 'e3']);

    const web = await kvs
      .entity<Employee>('employee')
      .query()
      .index('by-team-age', { partition: ['web'] })
      .filters(new Filter<Employee>().and('surname', FilterConditions.beginsWith('O')))
      .getMany();
    expect(web.results.map((r) => r.key)).toEqual(['e2']);

    const first = await kvs.entity<Employee>('employee').query().index('age').limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['e1', 'e3']);
    const next = await kvs
      .entity<Employee>('employee')
      .query()
      .index('age')
      .limit(2)
      .cursor(first.nextCursor as string)
      .getMany();
    expect(next.results.map((r) => r.key)).toEqual(['e2', 'e4']);
  });

  it('refuses undeclared entities and indexes, short names, wrong attribute types, missing partitions', async () => {
    await expect(kvs.entity('nobody').set('x', { a: 1 })).rejects.toMatchObject({
      code: 'INVALID_ENTITY_TYPE',
    });
    await expect(kvs.entity('ab').get('x')).rejects.toMatchObject({ code: 'ENTITY_TYPE_TOO_SHORT' });
    await expect(
      kvs.entity<Employee>('employee').set('e9', { surname: 'X', age: 1.5, team: 'web' }),
    ).rejects.toMatchObject({ code: 'INVALID_ATTRIBUTE_VALUE' });
    await expect(kvs.entity('employee').query().index('by-nothing').getMany()).rejects.toMatchObject({
      code: 'INVALID_INDEX',
    });
    await expect(kvs.entity('employee').query().index('by-team-age').getMany()).rejects.toMatchObject({
      code: 'INVALID_PARTITION',
    });
  });
});

describe('transactions', () => {
  it('applies sets and deletes together when every condition holds', async () => {
    await kvs.set('gone', 1);
    await kvs.entity<Employee>('employee').set('e1', { surname: 'Davis', age: 30, team: 'web' });
    await kvs
      .transact()
      .set('new', 'value')
      .delete('gone')
      .set<Employee>(
        'e1',
        { surname: 'Davis', age: 31, team: 'web' },
        {
          entityName: 'employee',
          conditions: new Filter<Employee>().and('age', FilterConditions.equalTo(30)),
        },
      )
      .execute();
    expect(await kvs.get('new')).toBe('value');
    expect(await kvs.get('gone')).toBeUndefined();
    expect(await kvs.entity<Employee>('employee').get('e1')).toMatchObject({ age: 31 });
  });

  it('changes nothing when a condition fails', async () => {
    await kvs.entity<Employee>('employee').set('e1', { surname: 'Davis', age: 30, team: 'web' });
    const tx = kvs
      .transact()
      .set('new', 'value')
      .check<Employee>('e1', {
        entityName: 'employee',
        conditions: new Filter<Employee>().and('age', FilterConditions.greaterThan(40)),
      });
    await expect(tx.execute()).rejects.toMatchObject({
      code: 'CONDITION_CHECK_FAILED',
      responseDetails: { status: 409 },
    });
    expect(await kvs.get('new')).toBeUndefined();
  });

  it('refuses a key twice and more than 25 operations', async () => {
    await expect(kvs.transact().set('a', 1).delete('a').execute()).rejects.toMatchObject({
      code: 'DUPLICATE_KEYS',
    });
    const tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx.set(`t${i}`, i);
    await expect(tx.execute()).rejects.toMatchObject({ code: 'TRANSACTION_TOO_LARGE' });
  });
});

describe('persistence (npm start -- --persist)', () => {
  it('writes the store to its file and reads it back in a new store', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vr-kvs-'));
    try {
      const file = path.join(dir, 'kvs.json');
      const first = new KvsStore({ persistFile: file });
      first.handle('/api/v1/set', { key: 'prefs:a', value: { boardId: 2 } });
      first.handle('/api/v1/secret/set', { key: 'token', value: 's' });
      first.flush();
      const second = new KvsStore({ persistFile: file });
      expect(second.handle('/api/v1/get', { key: 'prefs:a' }).body).toMatchObject({ value: { boardId: 2 } });
      expect(second.snapshot().secret).toEqual({ token: 's' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
