/**
 * Issue 15, findings 4 and 5, for the vision, on the local site through the real resolvers: two parallel
 * edits of one note (no lost update: one conflict), a save followed 0.8 s later by a note add (the copy ends
 * with the note: the newest state wins), versions pruned by a stated rule and a history answer in pages far
 * below 1 MB, a bounded number of notes, and notes of non-editors kept but not published.
 */
import { PUBLISHED_VISION_PROPERTY, type PublishedVision } from '../../src/core/vision';
import {
  NOTE_CONFLICT_PREFIX,
  VISION_HISTORY_PAGE,
  VISION_VERSIONS_KEPT_RULE,
} from '../../src/features/vision/api';
import type { ResolverKey } from '../../src/resolvers/api';
import {
  commitVersion,
  listVersions,
  MAX_NOTES_PER_PROJECT,
  MAX_VERSIONS_KEPT,
  writeNote,
} from '../../src/store/vision';
import { invokeData, invokeResolver, refused } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs', 'faults'] });
const PROPERTY_PATH = `/rest/api/3/project/TRAIL/properties/${PUBLISHED_VISION_PROPERTY}`;

beforeEach(async () => {
  // The demo seed carries the demo vision's copy; these tests start from none.
  await fetch(`${server.url}${PROPERTY_PATH}`, { method: 'DELETE', headers: { 'X-Local-Actor': 'app' } });
});

const invoke = (key: ResolverKey, payload: unknown, user = 'local-po') =>
  invokeResolver(server.url, key, payload, user);
const data = <K extends ResolverKey>(key: K, payload: unknown, user = 'local-po') =>
  invokeData(server.url, key, payload, user);

const BOARD = {
  visionStatement: 'Every hiker finds the right trail.',
  targetGroup: 'Weekend hikers',
  needs: 'Safe trails nearby',
  product: 'A trail finder',
  goals: [{ id: 'g1', name: 'Retention', target: '40% return', status: 'active', weight: 8 }],
};
const NOTE = { type: 'insight', title: 'Hikers plan on Thursday', text: 'Most plans are made mid-week.' };

async function copy(): Promise<PublishedVision | undefined> {
  const response = await fetch(`${server.url}${PROPERTY_PATH}`, {
    headers: { 'X-Local-User': 'local-viewer' },
  });
  if (response.status === 404) return undefined;
  return ((await response.json()) as { value: PublishedVision }).value;
}

describe('note edits carry the version they started from (finding 4)', () => {
  it('of two parallel edits of one version exactly one is saved; the other is a conflict with the note now', async () => {
    const { note } = await data('vision.notes.add', { projectKey: 'TRAIL', note: NOTE });
    expect(note.version).toBe(1);
    const edit = (title: string) =>
      invoke('vision.notes.update', {
        projectKey: 'TRAIL',
        id: note.id,
        note: { ...NOTE, title },
        expectedVersion: 1,
      });
    const answers = await Promise.all([edit('Edit A'), edit('Edit B')]);
    const saved = answers.filter((a) => a.ok);
    const lost = answers.filter((a) => !a.ok);
    expect(saved).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = refused(lost[0]!);
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(
      /^Someone changed this note after you opened it \(it is at version 2; you edited version 1\)\. Nothing was saved/,
    );
    const theirs = JSON.parse(
      error.details!.find((d) => d.startsWith(NOTE_CONFLICT_PREFIX))!.slice(NOTE_CONFLICT_PREFIX.length),
    );
    const winner = saved[0]!.ok ? (saved[0]!.data as { note: { title: string } }).note.title : '';
    expect(theirs).toMatchObject({ title: winner, version: 2 });
    const list = await data('vision.notes.list', { projectKey: 'TRAIL' });
    expect(list.notes[0]).toMatchObject({ title: winner, version: 2 });
    // The loser saves over theirs only by naming the version it saw.
    const again = await data('vision.notes.update', {
      projectKey: 'TRAIL',
      id: note.id,
      note: { ...NOTE, title: 'Merged' },
      expectedVersion: 2,
    });
    expect(again.note).toMatchObject({ title: 'Merged', version: 3 });
  });

  it('an edit without the version it started from is refused', async () => {
    const { note } = await data('vision.notes.add', { projectKey: 'TRAIL', note: NOTE });
    const error = refused(
      await invoke('vision.notes.update', { projectKey: 'TRAIL', id: note.id, note: NOTE }),
    );
    expect(error.code).toBe('invalid-payload');
  });
});

describe('the published copy: the newest state wins (finding 4)', () => {
  it('a save whose publish is slow, then a note added 0.8 s later: the copy ends with the note', async () => {
    await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ method: 'PUT', path: PROPERTY_PATH, latencyMs: 2000, times: 1 }] }),
    });
    const save = data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
    await new Promise((r) => setTimeout(r, 800));
    const add = data('vision.notes.add', { projectKey: 'TRAIL', note: NOTE });
    const [saved, added] = await Promise.all([save, add]);
    expect(saved.published).toBe(true);
    expect(added.published).toBe(true);
    const published = await copy();
    expect(published).toMatchObject({ version: 1, notesTotal: 1 });
    expect(published?.notes.map((n) => n.title)).toEqual([NOTE.title]);
  });

  it('anyone who can browse adds notes, but only editors’ notes are published', async () => {
    const byDev = await data(
      'vision.notes.add',
      { projectKey: 'TRAIL', note: { ...NOTE, title: 'From dev' } },
      'local-dev',
    );
    expect(byDev.note.published).toBe(false);
    const byPo = await data('vision.notes.add', { projectKey: 'TRAIL', note: { ...NOTE, title: 'From PO' } });
    expect(byPo.note.published).toBe(true);
    expect((await copy())?.notes.map((n) => n.title)).toEqual(['From PO']);
    expect((await data('vision.notes.list', { projectKey: 'TRAIL' })).total).toBe(2);
  });
});

describe('bounded sizes (finding 5)', () => {
  it(`keeps the newest ${MAX_VERSIONS_KEPT} versions plus restored ones, and answers the history in pages`, async () => {
    const long = (n: number, c: string) => c.repeat(n);
    const board = (v: number) => ({
      visionStatement: `Version ${v}. ${long(900, 'v')}`,
      targetGroup: long(2000, 't'),
      needs: long(2000, 'n'),
      product: long(2000, 'p'),
      goals: Array.from({ length: 15 }, (_, g) => ({
        id: `g${g}`,
        name: `Goal ${g}`,
        target: long(400, 'x'),
        status: 'active',
        weight: 5,
      })),
    });
    for (let v = 1; v <= 150; v += 1) {
      const version = {
        version: v,
        savedAt: new Date(Date.UTC(2026, 0, 1, 0, v)).toISOString(),
        savedBy: 'local-po',
        board: board(v),
        ...(v === 140 ? { restoredFrom: 95 } : {}),
      };
      expect(await commitVersion('TRAIL', version as never, v - 1)).toBe(true);
    }
    const kept = (await listVersions('TRAIL')).map((v) => v.version);
    expect(kept).toEqual([95, ...Array.from({ length: MAX_VERSIONS_KEPT }, (_, i) => 101 + i)]);
    // What one answer with every version would have been (the old history), and a page now.
    const everyVersion = Buffer.byteLength(JSON.stringify(await listVersions('TRAIL')));
    const response = await fetch(`${server.url}/_local/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        functionKey: 'vision.history',
        payload: { projectKey: 'TRAIL' },
        accountId: 'local-po',
        context: {
          moduleKey: 'valuerank-project-page',
          extension: { project: { id: '10000', key: 'TRAIL', type: 'software' } },
        },
      }),
    });
    const text = await response.text();
    const page = (
      JSON.parse(text) as {
        data: { versions: Array<{ version: number }>; nextBefore: number | null; kept: string };
      }
    ).data;
    console.info(
      `vision.history: ${Buffer.byteLength(text)} bytes a page; all ${kept.length} kept versions ${everyVersion} bytes`,
    );
    expect(page.versions.map((v) => v.version)).toEqual(
      Array.from({ length: VISION_HISTORY_PAGE }, (_, i) => 150 - i),
    );
    expect(page.kept).toBe(VISION_VERSIONS_KEPT_RULE);
    expect(Buffer.byteLength(text)).toBeLessThan(everyVersion / 4);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    // The pages walk every kept version once, newest first.
    const seen = page.versions.map((v) => v.version);
    let before = page.nextBefore;
    while (before !== null) {
      const next = await data('vision.history', { projectKey: 'TRAIL', before });
      seen.push(...next.versions.map((v) => v.version));
      before = next.nextBefore;
    }
    expect(seen).toEqual([...kept].reverse());
  });

  it(`refuses a note beyond ${MAX_NOTES_PER_PROJECT} per project with a clear message`, async () => {
    for (let n = 0; n < MAX_NOTES_PER_PROJECT; n += 1)
      await writeNote({
        id: `n-${n}`,
        projectKey: 'TRAIL',
        author: 'local-po',
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
        type: 'insight',
        title: `Note ${n}`,
        text: '',
        tags: [],
        issueKeys: [],
      });
    const error = refused(await invoke('vision.notes.add', { projectKey: 'TRAIL', note: NOTE }));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toBe(
      `Project TRAIL has ${MAX_NOTES_PER_PROJECT} vision notes, the most ValueRank keeps. Delete old notes before adding one. Nothing was saved.`,
    );
  });
});
