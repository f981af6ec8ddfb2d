/**
 * The vision store on the emulated Forge KVS (real @forge/kvs, the manifest's custom entities): the save
 * transaction's condition on the head decides between racing saves, even when both read the same head.
 */
import { KvsStore } from '../../dev/harness/kvs';
import { loadManifest } from '../../dev/harness/manifest';
import { seedDemoVision } from '../../dev/demo/vision';
import { emptyBoard } from '../../src/core/vision';
import {
  commitVersion,
  listNotes,
  listVersions,
  readCurrent,
  readHead,
  type StoredVersion,
} from '../../src/store/vision';
import { installTestForge } from '../support/forge-runtime';

let store: KvsStore;

beforeEach(() => {
  store = installTestForge(new KvsStore({ entities: loadManifest().entities }));
});

const version = (n: number, needs: string): StoredVersion => ({
  version: n,
  savedAt: new Date().toISOString(),
  savedBy: 'local-po',
  board: { ...emptyBoard(), needs },
});

describe('commitVersion', () => {
  it('stores version 1 only while there is no head, then only on top of the version named', async () => {
    expect(await commitVersion('TRAIL', version(1, 'first'), 0)).toBe(true);
    expect(await commitVersion('TRAIL', version(1, 'racing first'), 0)).toBe(false);
    expect(await commitVersion('TRAIL', version(2, 'second'), 1)).toBe(true);
    // Both read head 1 and both try to become version 2: the transaction condition refuses the loser.
    expect(await commitVersion('TRAIL', version(2, 'stale'), 1)).toBe(false);
    expect((await readHead('TRAIL'))?.version).toBe(2);
    expect((await readCurrent('TRAIL'))?.board.needs).toBe('second');
    expect((await listVersions('TRAIL')).map((v) => [v.version, v.board.needs])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  it('two concurrent commits from the same version: exactly one wins', async () => {
    await commitVersion('TRAIL', version(1, 'first'), 0);
    const results = await Promise.all([
      commitVersion('TRAIL', version(2, 'a'), 1),
      commitVersion('TRAIL', version(2, 'b'), 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await listVersions('TRAIL')).toHaveLength(2);
  });
});

describe('personal data (ADR 9): account ids only', () => {
  it('reads records written before with display names, dropping the names', async () => {
    store.handle('/api/v1/set', {
      key: 'vision:TRAIL:v:1',
      value: { ...version(1, 'old'), savedByName: 'Amara Okafor' },
    });
    store.handle('/api/v1/entity/set', {
      entityName: 'vision-head',
      key: 'TRAIL',
      value: {
        projectKey: 'TRAIL',
        version: 1,
        savedAt: 'x',
        savedBy: 'local-po',
        savedByName: 'Amara Okafor',
      },
    });
    store.handle('/api/v1/entity/set', {
      entityName: 'vision-note',
      key: 'TRAIL:n-1',
      value: {
        id: 'n-1',
        projectKey: 'TRAIL',
        author: 'local-dev',
        authorName: 'Jonas Lindqvist',
        createdAt: '2026-01-01T00:00:00.000Z',
        type: 'decision',
        title: 'Old note',
        text: '',
        tags: [],
        issueKeys: [],
      },
    });
    expect(await readHead('TRAIL')).toEqual({
      projectKey: 'TRAIL',
      version: 1,
      savedAt: 'x',
      savedBy: 'local-po',
    });
    const current = await readCurrent('TRAIL');
    expect(current?.savedBy).toBe('local-po');
    expect(current).not.toHaveProperty('savedByName');
    const [note] = await listNotes('TRAIL');
    expect(note?.author).toBe('local-dev');
    expect(note).not.toHaveProperty('authorName');
  });

  it('stores no display name: only account ids', async () => {
    expect(await commitVersion('TRAIL', version(1, 'first'), 0)).toBe(true);
    seedDemoVision(store);
    const stored = JSON.stringify(store.snapshot());
    expect(stored).toContain('local-po');
    expect(stored).not.toMatch(/Amara Okafor|Jonas Lindqvist|savedByName|authorName/);
  });
});

describe('the demo vision (npm start)', () => {
  it('seeds two versions and six notes for TRAIL once', async () => {
    seedDemoVision(store);
    seedDemoVision(store);
    expect((await readHead('TRAIL'))?.version).toBe(2);
    expect((await readCurrent('TRAIL'))?.board.goals).toHaveLength(5);
    expect(await listNotes('TRAIL')).toHaveLength(6);
  });
});
