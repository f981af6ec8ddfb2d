/**
 * The vision resolvers on the local Jira site, run by the harness exactly as Forge runs them (real
 * resolvers, real @forge/kvs against the emulated store with the manifest's custom entities): who may read
 * and edit, optimistic concurrency (two racing saves: one wins, one conflict with both boards), restore,
 * notes paging and authorship, limits refused with their number, the Markdown export.
 */
import type { VisionBoardInput } from '../../src/core/vision';
import type { VisionAnswers, VisionConflict } from '../../src/features/vision/api';
import { VISION_CONFLICT_PREFIX } from '../../src/features/vision/api';
import type { ResolverResult } from '../../src/shared/errors';
import { invokeData, invokeResolver, refused } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['kvs'] });

type Answer<T> = ResolverResult<T>;

const invoke = <K extends keyof VisionAnswers>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, functionKey, payload, accountId);
const data = <K extends keyof VisionAnswers>(functionKey: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, functionKey, payload, accountId);

const BOARD: VisionBoardInput = {
  visionStatement: 'Every hiker finds the right trail.',
  targetGroup: 'Weekend hikers',
  needs: 'Safe, well-rated trails nearby',
  product: 'A trail finder app',
  goals: [{ id: 'g1', name: 'Retention', target: '40% monthly return', status: 'active', weight: 8 }],
};

const NOTE = { type: 'insight', title: 'Hikers plan on Thursday', text: 'Most plans are made mid-week.' };

describe('vision board', () => {
  it('the PO saves versions; everyone who can browse reads them with the saver shown by name', async () => {
    const empty = await data('vision.get', { projectKey: 'TRAIL' });
    expect(empty).toMatchObject({ current: null, version: 0, canEdit: true });
    const saved = await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
    expect(saved.version).toMatchObject({ version: 1, savedBy: 'local-po', savedByName: 'Amara Okafor' });
    const second = await data('vision.save', {
      projectKey: 'TRAIL',
      board: { ...BOARD, product: 'A trail finder' },
      expectedVersion: 1,
    });
    expect(second.version.version).toBe(2);
    const asViewer = await data('vision.get', { projectKey: 'TRAIL' }, 'local-viewer');
    expect(asViewer).toMatchObject({ version: 2, canEdit: false });
    expect(asViewer.current?.board.product).toBe('A trail finder');
  });

  it.each(['local-dev', 'local-viewer'])(
    '%s is refused with a clear message and nothing changes',
    async (who) => {
      await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
      const error = refused(
        await invoke(
          'vision.save',
          { projectKey: 'TRAIL', board: { ...BOARD, needs: 'x' }, expectedVersion: 1 },
          who,
        ),
      );
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/Only administrators of project TRAIL can edit the product vision/);
      expect(
        refused(await invoke('vision.restore', { projectKey: 'TRAIL', version: 1, expectedVersion: 1 }, who))
          .code,
      ).toBe('forbidden');
      const now = await data('vision.history', { projectKey: 'TRAIL' }, who);
      expect(now.versions.map((v) => v.version)).toEqual([1]);
      expect(now.versions[0]?.board.needs).toBe(BOARD.needs);
    },
  );

  it('the outsider cannot read the vision', async () => {
    const error = refused(await invoke('vision.get', { projectKey: 'TRAIL' }, 'local-outsider'));
    expect(['forbidden', 'not-found']).toContain(error.code);
  });

  it('two concurrent saves from the same version: exactly one wins, the other gets both boards to merge', async () => {
    await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
    const mine = { ...BOARD, needs: 'Mine: offline maps' };
    const theirs = { ...BOARD, needs: 'Theirs: live weather' };
    const answers = await Promise.all([
      invoke('vision.save', { projectKey: 'TRAIL', board: mine, expectedVersion: 1 }),
      invoke('vision.save', { projectKey: 'TRAIL', board: theirs, expectedVersion: 1 }),
    ]);
    const wins = answers.filter((a) => a.ok);
    const losses = answers.filter((a) => !a.ok);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(1);
    const error = refused(losses[0] as Answer<unknown>);
    expect(error.code).toBe('conflict');
    const encoded = error.details?.find((d) => d.startsWith(VISION_CONFLICT_PREFIX)) as string;
    const conflict = JSON.parse(encoded.slice(VISION_CONFLICT_PREFIX.length)) as VisionConflict;
    const winnerNeeds = (wins[0] as { data: VisionAnswers['vision.save'] }).data.version.board.needs;
    expect(conflict.theirs).toMatchObject({ version: 2, savedByName: 'Amara Okafor' });
    expect(conflict.theirs.board.needs).toBe(winnerNeeds);
    expect([mine.needs, theirs.needs]).toContain(conflict.yours.needs);
    expect(conflict.yours.needs).not.toBe(winnerNeeds);
    expect(conflict.diff.fields.find((f) => f.field === 'needs')).toMatchObject({
      change: 'changed',
      before: winnerNeeds,
      after: conflict.yours.needs,
    });
    expect(error.details?.some((d) => d.startsWith('Needs: theirs'))).toBe(true);
    const history = await data('vision.history', { projectKey: 'TRAIL' });
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('a stale save is a conflict; the retry from their version succeeds', async () => {
    await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
    await data('vision.save', { projectKey: 'TRAIL', board: { ...BOARD, needs: 'v2' }, expectedVersion: 1 });
    expect(
      refused(await invoke('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 1 })).code,
    ).toBe('conflict');
    const retry = await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 2 });
    expect(retry.version.version).toBe(3);
  });

  it('restore makes a new version equal to the old one', async () => {
    await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
    await data('vision.save', {
      projectKey: 'TRAIL',
      board: { ...BOARD, needs: 'changed' },
      expectedVersion: 1,
    });
    const restored = await data('vision.restore', { projectKey: 'TRAIL', version: 1, expectedVersion: 2 });
    expect(restored.version).toMatchObject({ version: 3, restoredFrom: 1 });
    expect(restored.version.board.needs).toBe(BOARD.needs);
    const history = await data('vision.history', { projectKey: 'TRAIL' });
    expect(history.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(
      refused(await invoke('vision.restore', { projectKey: 'TRAIL', version: 9, expectedVersion: 3 })).code,
    ).toBe('not-found');
  });

  it('refuses an over-long field with its limit and stores nothing', async () => {
    const error = refused(
      await invoke('vision.save', {
        projectKey: 'TRAIL',
        board: { ...BOARD, visionStatement: 'x'.repeat(1001) },
        expectedVersion: 0,
      }),
    );
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('visionStatement is too long: 1001 characters, the limit is 1000');
    expect((await data('vision.get', { projectKey: 'TRAIL' })).version).toBe(0);
  });
});

describe('vision notes', () => {
  it('pages more than 20 notes newest first with a cursor, and filters', async () => {
    for (let i = 0; i < 23; i += 1)
      await data('vision.notes.add', {
        projectKey: 'TRAIL',
        note: {
          ...NOTE,
          title: `Note ${i}`,
          type: i % 2 ? 'decision' : 'insight',
          tags: i === 3 ? ['maps'] : [],
        },
      });
    const first = await data('vision.notes.list', { projectKey: 'TRAIL', filter: {} });
    expect(first.notes).toHaveLength(20);
    expect(first.total).toBe(23);
    expect(first.notes[0]).toMatchObject({ authorName: 'Amara Okafor', canEdit: true });
    expect(first.nextCursor).not.toBeNull();
    const second = await data('vision.notes.list', {
      projectKey: 'TRAIL',
      filter: {},
      cursor: first.nextCursor,
    });
    expect(second.notes).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    const ids = new Set([...first.notes, ...second.notes].map((n) => n.id));
    expect(ids.size).toBe(23);
    const tagged = await data('vision.notes.list', { projectKey: 'TRAIL', filter: { tags: ['maps'] } });
    expect(tagged.notes.map((n) => n.title)).toEqual(['Note 3']);
    const decisions = await data('vision.notes.list', {
      projectKey: 'TRAIL',
      filter: { types: ['decision'] },
    });
    expect(decisions.total).toBe(11);
    const text = await data('vision.notes.list', { projectKey: 'TRAIL', filter: { text: 'note 22' } });
    expect(text.notes.map((n) => n.title)).toEqual(['Note 22']);
  });

  it('only the author or an admin edits or deletes a note', async () => {
    const { note } = await data('vision.notes.add', { projectKey: 'TRAIL', note: NOTE }, 'local-dev');
    expect(note).toMatchObject({ author: 'local-dev', authorName: 'Jonas Lindqvist' });
    const byViewer = refused(
      await invoke(
        'vision.notes.update',
        { projectKey: 'TRAIL', id: note.id, note: { ...NOTE, title: 'Hijack' }, expectedVersion: 1 },
        'local-viewer',
      ),
    );
    expect(byViewer.code).toBe('forbidden');
    expect(byViewer.message).toMatch(/Only the author of a note/);
    expect(
      refused(await invoke('vision.notes.delete', { projectKey: 'TRAIL', id: note.id }, 'local-viewer')).code,
    ).toBe('forbidden');
    const edited = await data(
      'vision.notes.update',
      { projectKey: 'TRAIL', id: note.id, note: { ...NOTE, title: 'Edited by author' }, expectedVersion: 1 },
      'local-dev',
    );
    expect(edited.note).toMatchObject({
      title: 'Edited by author',
      author: 'local-dev',
      createdAt: note.createdAt,
    });
    const list = await data('vision.notes.list', { projectKey: 'TRAIL', filter: {} }, 'local-viewer');
    expect(list.notes[0]).toMatchObject({ title: 'Edited by author', canEdit: false });
    await data('vision.notes.delete', { projectKey: 'TRAIL', id: note.id }, 'local-po');
    expect((await data('vision.notes.list', { projectKey: 'TRAIL', filter: {} })).total).toBe(0);
  });

  it('refuses an over-long note title with its limit', async () => {
    const error = refused(
      await invoke('vision.notes.add', { projectKey: 'TRAIL', note: { ...NOTE, title: 't'.repeat(201) } }),
    );
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('title is too long: 201 characters, the limit is 200');
  });
});

describe('vision.export', () => {
  it('answers the board and notes as Markdown, user text escaped', async () => {
    await data('vision.save', {
      projectKey: 'TRAIL',
      board: { ...BOARD, product: 'A <b>trail</b> finder' },
      expectedVersion: 0,
    });
    await data('vision.notes.add', { projectKey: 'TRAIL', note: NOTE });
    const { markdown, filename } = await data('vision.export', { projectKey: 'TRAIL' }, 'local-viewer');
    expect(filename).toMatch(/^TRAIL-vision-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown).toMatch(/^# Product vision: /);
    expect(markdown).toContain('Every hiker finds the right trail.');
    expect(markdown).toContain('A &lt;b&gt;trail&lt;/b&gt; finder');
    expect(markdown).toContain('| Retention | 40% monthly return | active | 8 |');
    expect(markdown).toContain('_By Amara Okafor_');
  });
});
