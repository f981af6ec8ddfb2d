/**
 * Every job's state in one store, through the REAL @forge/kvs client on the local KVS: reorder and re-check
 * records validated on the way in and out, the scope locks (atomic) and the scopes' last jobs.
 */
import { kvs, MetadataField } from '@forge/kvs';
import { StoredDataError } from '../../src/store/json-store';
import {
  claimLock,
  latestJobId,
  MAX_RECHECK_FAILURES_KEPT,
  readJobRecord,
  readLock,
  readRecheckJob,
  readReorderJob,
  releaseLock,
  setLatestJob,
  writeRecheckJob,
  writeReorderJob,
  type RecheckJob,
  type ReorderJob,
} from '../../src/store/jobs';
import { installTestForge } from '../support/forge-runtime';

beforeEach(() => installTestForge());

const keys = (n: number, prefix = 'ABCDEFGHIJ') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${100000 + i}`);

const run = (jobId: string, patch: Partial<RecheckJob> = {}): RecheckJob => ({
  jobId,
  kind: 'recheck',
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
    const saved = await writeRecheckJob(
      run('a', { failed: 30, failures, cursor: { pageToken: 't', offset: 3 } }),
    );
    expect(saved.failures).toHaveLength(MAX_RECHECK_FAILURES_KEPT);
    expect(saved.updatedAt).not.toBe('2026-11-18T12:00:00.000Z');
    expect(await readRecheckJob('a')).toEqual(saved);
    expect(await readRecheckJob('nope')).toBeUndefined();
    await expect(writeRecheckJob(run('b', { checked: -1 }))).rejects.toThrow();
    await expect(writeRecheckJob(run('b', { pageSize: 500 }))).rejects.toThrow();
    expect(await readRecheckJob('b')).toBeUndefined();
  });

  it('refuses a stored run that no longer matches its schema', async () => {
    await kvs.set('job:c', { jobId: 'c', state: 'exploded' });
    await expect(readRecheckJob('c')).rejects.toThrow(StoredDataError);
    await expect(readJobRecord('c')).rejects.toThrow(StoredDataError);
  });

  it("keeps the project's last run", async () => {
    expect(await latestJobId('recheck:TRAIL')).toBeUndefined();
    await writeRecheckJob(run('a'));
    await setLatestJob('recheck:TRAIL', 'a');
    expect(await latestJobId('recheck:TRAIL')).toBe('a');
    expect(await latestJobId('recheck:OPS')).toBeUndefined();
  });

  it('lets one job hold a scope at a time', async () => {
    const holder = async (scope: string, id: string) => (await claimLock(scope, id)).jobId;
    expect(await holder('board:1', 'a')).toBe('a');
    expect(await holder('board:1', 'b')).toBe('a');
    expect(await holder('recheck:TRAIL', 'b')).toBe('b');
    await releaseLock('board:1', 'b'); // not the holder: nothing happens
    expect(await holder('board:1', 'c')).toBe('a');
    expect((await readLock('board:1'))?.jobId).toBe('a');
    await releaseLock('board:1', 'a');
    expect(await readLock('board:1')).toBeUndefined();
    expect(await holder('board:1', 'c')).toBe('c');
  });

  it('two claims at the same moment: exactly one wins', async () => {
    const holders = await Promise.all(['a', 'b', 'c', 'd'].map((id) => claimLock('board:7', id)));
    expect(new Set(holders.map((h) => h.jobId)).size).toBe(1);
  });
});

describe('reorder jobs', () => {
  const job: ReorderJob = {
    jobId: 'job-1',
    kind: 'apply',
    boardId: 1,
    projectKey: 'TRAIL',
    accountId: 'local-po',
    model: { kind: 'wsjf' },
    state: 'queued',
    done: 0,
    total: 0,
    replanned: false,
    failed: [],
    failedCount: 0,
    attempts: 0,
    createdAt: '2026-11-18T12:00:00.000Z',
    updatedAt: '2026-11-18T12:00:00.000Z',
  };

  it('keeps the record with a TTL and caps the failures it lists', async () => {
    const failed = keys(300).map((key) => ({ key, errors: ['no'] }));
    await writeReorderJob({ ...job, failed, failedCount: 300 });
    const read = await readReorderJob('job-1');
    expect(read?.failed).toHaveLength(200);
    expect(read?.failedCount).toBe(300);
    const stored = await kvs.get('job:job-1', { metadataFields: [MetadataField.EXPIRE_TIME] });
    const days = (Date.parse(stored?.expireTime ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('is one record store: a reorder job is not a re-check, and the other way round', async () => {
    await writeReorderJob(job);
    expect((await readJobRecord('job-1'))?.kind).toBe('apply');
    expect(await readRecheckJob('job-1')).toBeUndefined();
    await writeRecheckJob(run('r-1'));
    expect(await readReorderJob('r-1')).toBeUndefined();
    expect((await readJobRecord('r-1'))?.kind).toBe('recheck');
  });
});
