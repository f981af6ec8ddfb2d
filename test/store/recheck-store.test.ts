/**
 * The readiness backfill's records in Forge storage, through the REAL @forge/kvs client on the local KVS:
 * runs validated on the way in and out, the project's last run, and the one-run-per-project lock.
 */
import { StoredDataError } from '../../src/store/json-store';
import {
  claimRecheckLock,
  latestRecheck,
  MAX_RECHECK_FAILURES_KEPT,
  readRecheck,
  releaseRecheckLock,
  setLatestRecheck,
  writeRecheck,
  type RecheckRecord,
} from '../../src/store/recheck';
import { kvs } from '@forge/kvs';
import { installTestForge } from '../support/forge-runtime';

beforeEach(() => installTestForge());

const run = (jobId: string, patch: Partial<RecheckRecord> = {}): RecheckRecord => ({
  jobId,
  projectKey: 'TRAIL',
  accountId: 'local-po',
  state: 'queued',
  pageSize: 100,
  checked: 0,
  written: 0,
  unchanged: 0,
  skipped: 0,
  skippedNoPermission: 0,
  skippedNotFound: 0,
  failed: 0,
  failures: [],
  cursor: { offset: 0 },
  slice: 0,
  attempts: 0,
  createdAt: '2026-11-18T12:00:00.000Z',
  updatedAt: '2026-11-18T12:00:00.000Z',
  ...patch,
});

describe('re-check runs', () => {
  it('stores a run, validated, with its failures capped and updatedAt set', async () => {
    const failures = Array.from({ length: 30 }, (_, i) => ({ key: `TRAIL-${i}`, message: 'refused' }));
    const saved = await writeRecheck(
      run('a', { failed: 30, failures, cursor: { pageToken: 't', offset: 3 } }),
    );
    expect(saved.failures).toHaveLength(MAX_RECHECK_FAILURES_KEPT);
    expect(saved.updatedAt).not.toBe('2026-11-18T12:00:00.000Z');
    expect(await readRecheck('a')).toEqual(saved);
    expect(await readRecheck('nope')).toBeUndefined();
    await expect(writeRecheck(run('b', { checked: -1 }))).rejects.toThrow();
    await expect(writeRecheck(run('b', { pageSize: 500 }))).rejects.toThrow();
    expect(await readRecheck('b')).toBeUndefined();
  });

  it('refuses a stored run that no longer matches its schema', async () => {
    await kvs.set('recheck:job:c', { jobId: 'c', state: 'exploded' });
    await expect(readRecheck('c')).rejects.toThrow(StoredDataError);
  });

  it("keeps the project's last run", async () => {
    expect(await latestRecheck('TRAIL')).toBeUndefined();
    await writeRecheck(run('a'));
    await setLatestRecheck('TRAIL', 'a');
    expect((await latestRecheck('TRAIL'))?.jobId).toBe('a');
    expect(await latestRecheck('OPS')).toBeUndefined();
  });

  it('lets one run hold a project at a time', async () => {
    expect(await claimRecheckLock('TRAIL', 'a')).toBe('a');
    expect(await claimRecheckLock('TRAIL', 'b')).toBe('a');
    expect(await claimRecheckLock('OPS', 'b')).toBe('b');
    await releaseRecheckLock('TRAIL', 'b'); // not the holder: nothing happens
    expect(await claimRecheckLock('TRAIL', 'c')).toBe('a');
    await releaseRecheckLock('TRAIL', 'a');
    expect(await claimRecheckLock('TRAIL', 'c')).toBe('c');
  });

  it('two claims at the same moment: exactly one wins', async () => {
    const holders = await Promise.all(['a', 'b', 'c', 'd'].map((id) => claimRecheckLock('TRAIL', id)));
    expect(new Set(holders).size).toBe(1);
  });
});
