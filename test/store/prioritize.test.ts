/**
 * Prioritize's records in Forge storage, through the REAL @forge/kvs client on the local KVS (Forge's key
 * pattern and 240 KiB value limit): settings, pins, chunked undo snapshots (a 15,000-issue order does not
 * fit one value), the last-10 rule, job records and plans, and the board lock.
 */
import { kvs } from '@forge/kvs';
import { splitByBytes } from '../../src/store/chunked';
import { StoredDataError } from '../../src/store/json-store';
import { MAX_VALUE_BYTES } from '../../src/store/keys';
import {
  dropSnapshot,
  getMapping,
  getModel,
  getPins,
  MAX_PINS,
  listSnapshots,
  MAX_SNAPSHOTS,
  pushSnapshot,
  readJobPlan,
  readSnapshotOrder,
  saveMapping,
  saveModel,
  setPins,
  writeJobPlan,
} from '../../src/store/prioritize';
import { installTestForge } from '../support/forge-runtime';

beforeEach(() => installTestForge());

const keys = (n: number, prefix = 'ABCDEFGHIJ') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${100000 + i}`);
const snapshot = (id: string) => ({
  id,
  at: '2026-11-18T12:00:00.000Z',
  byAccountId: 'local-po',
  model: 'WSJF',
  moved: 3,
});

describe('settings', () => {
  it('stores the mapping and the model per project, validated', async () => {
    expect(await getMapping('TRAIL')).toBeUndefined();
    await saveMapping('TRAIL', { businessValue: { fieldId: 'customfield_10030' } });
    await saveModel('TRAIL', { kind: 'rice', confidenceUnit: 'percent' });
    expect(await getMapping('TRAIL')).toEqual({ businessValue: { fieldId: 'customfield_10030' } });
    expect(await getModel('TRAIL')).toEqual({ kind: 'rice', confidenceUnit: 'percent' });
    expect(await getModel('OPS')).toBeUndefined();
    await expect(saveModel('TRAIL', { kind: 'nope' } as never)).rejects.toThrow();
    expect(await getModel('TRAIL')).toEqual({ kind: 'rice', confidenceUnit: 'percent' });
  });

  it('refuses stored data that no longer matches its schema', async () => {
    await kvs.set('model:TRAIL', { kind: 'custom' });
    await expect(getModel('TRAIL')).rejects.toBeInstanceOf(StoredDataError);
  });

  it('toggles pins per board', async () => {
    expect(await setPins(1, ['TRAIL-5'], true)).toEqual(['TRAIL-5']);
    expect(await setPins(1, ['TRAIL-7'], true)).toEqual(['TRAIL-5', 'TRAIL-7']);
    expect(await setPins(1, ['TRAIL-5'], true)).toEqual(['TRAIL-5', 'TRAIL-7']); // pinning again changes nothing
    expect(await setPins(1, ['TRAIL-7'], false)).toEqual(['TRAIL-5']);
    expect(await getPins(2)).toEqual([]);
  });

  it('pins and unpins several issues in one write, keeping the order of those already pinned', async () => {
    await setPins(3, ['TRAIL-2'], true);
    expect(await setPins(3, ['TRAIL-1', 'TRAIL-2', 'TRAIL-3'], true)).toEqual([
      'TRAIL-2',
      'TRAIL-1',
      'TRAIL-3',
    ]);
    expect(await setPins(3, ['TRAIL-2', 'TRAIL-9'], false)).toEqual(['TRAIL-1', 'TRAIL-3']);
    await expect(
      setPins(
        3,
        Array.from({ length: MAX_PINS }, (_, i) => `TRAIL-${i + 10}`),
        true,
      ),
    ).rejects.toThrow(RangeError);
    expect(await getPins(3)).toEqual(['TRAIL-1', 'TRAIL-3']);
  });
});

describe('undo snapshots', () => {
  it('splits a list into chunks below the value limit', () => {
    const chunks = splitByBytes(keys(15_000));
    expect(chunks.length).toBe(2);
    for (const chunk of chunks)
      expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThan(MAX_VALUE_BYTES);
    expect(chunks.flat()).toEqual(keys(15_000));
    expect(splitByBytes([])).toEqual([[]]);
  });

  it('keeps a 15,000-issue order (over 240 KiB of keys) across several entries, exactly', async () => {
    const order = keys(15_000);
    expect(Buffer.byteLength(JSON.stringify(order))).toBeGreaterThan(MAX_VALUE_BYTES);
    const info = await pushSnapshot(99, snapshot('big'), order);
    expect(info).toMatchObject({ id: 'big', count: 15_000, chunks: 2 });
    expect(await readSnapshotOrder(99, info)).toEqual(order);
    const stored = await kvs.get<{ items: string[] }>('snapshot:99:big:1');
    expect(stored?.items.length).toBeGreaterThan(0);
  });

  it('keeps the last 10 per board, newest first, and deletes the chunks of older ones', async () => {
    for (let i = 1; i <= MAX_SNAPSHOTS + 2; i += 1)
      await pushSnapshot(1, snapshot(`s${i}`), keys(3, 'TRAIL'));
    const list = await listSnapshots(1);
    expect(list.map((s) => s.id)).toEqual(['s12', 's11', 's10', 's9', 's8', 's7', 's6', 's5', 's4', 's3']);
    expect(await kvs.get('snapshot:1:s1:0')).toBeUndefined();
    expect(await kvs.get('snapshot:1:s2:0')).toBeUndefined();
    expect(await listSnapshots(2)).toEqual([]);
    await dropSnapshot(1, 's12');
    expect((await listSnapshots(1))[0]?.id).toBe('s11');
    expect(await kvs.get('snapshot:1:s12:0')).toBeUndefined();
  });

  it('fails clearly when a chunk went missing', async () => {
    const info = await pushSnapshot(1, snapshot('x'), keys(15_000));
    await kvs.delete('snapshot:1:x:1');
    await expect(readSnapshotOrder(1, info)).rejects.toThrow('the chunk is missing');
  });
});

describe('job plans', () => {
  it('stores a plan for 10,000 issues and reads it back', async () => {
    const before = keys(10_000);
    const target = [...before].reverse();
    const calls = [{ issues: target.slice(0, 50), before: before[0] as string }];
    const chunks = await writeJobPlan('job-1', { before, target, calls, moved: 9_999 });
    expect(await readJobPlan('job-1', chunks)).toEqual({ before, target, calls, moved: 9_999 });
  });
});
