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
  savedByName: 'Amara Okafor',
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

describe('the demo vision (npm start)', () => {
  it('seeds two versions and six notes for TRAIL once', async () => {
    seedDemoVision(store);
    seedDemoVision(store);
    expect((await readHead('TRAIL'))?.version).toBe(2);
    expect((await readCurrent('TRAIL'))?.board.goals).toHaveLength(4);
    expect(await listNotes('TRAIL')).toHaveLength(6);
  });
});
