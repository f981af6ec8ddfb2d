/**
 * The vision's published copy (ADR 5), through the real resolvers on the harness: every change writes the
 * project property `valuerank-vision` as the app, also when the editor is no project admin; a failed publish
 * never fails or rolls back the change, and the answer says why.
 */
import { PUBLISHED_VISION_PROPERTY, type PublishedVision } from '../../src/core/vision';
import { invokeData } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['kvs', 'site'] });

beforeEach(async () => {
  // The demo seed carries the demo vision's copy; these tests start from none.
  await fetch(`${server.url}/rest/api/3/project/TRAIL/properties/${PUBLISHED_VISION_PROPERTY}`, {
    method: 'DELETE',
    headers: { 'X-Local-Actor': 'app' },
  });
});

const BOARD = {
  visionStatement: 'Every hiker finds the right trail.',
  targetGroup: 'Weekend hikers',
  needs: 'Safe trails nearby',
  product: 'A trail finder',
  goals: [{ id: 'g1', name: 'Retention', target: '40% return', status: 'active', weight: 8 }],
};

/** The copy as a viewer (Browse Projects only) reads it; undefined when there is none. */
async function copy(): Promise<PublishedVision | undefined> {
  const response = await fetch(
    `${server.url}/rest/api/3/project/TRAIL/properties/${PUBLISHED_VISION_PROPERTY}`,
    {
      headers: { 'X-Local-User': 'local-viewer' },
    },
  );
  if (response.status === 404) return undefined;
  return ((await response.json()) as { value: PublishedVision }).value;
}

describe('publishing the vision', () => {
  it('saving, restoring and every note change publish the copy; an editor who is no admin publishes too', async () => {
    expect(await copy()).toBeUndefined();
    const saved = await invokeData(server.url, 'vision.save', {
      projectKey: 'TRAIL',
      board: BOARD,
      expectedVersion: 0,
    });
    expect(saved).toMatchObject({ published: true });
    expect(saved.publishReason).toBeUndefined();
    expect(await copy()).toMatchObject({
      version: 1,
      // People by account id only (ADR 9): readers ask Jira for the names.
      savedBy: 'local-po',
      publishedBy: 'local-po',
      board: BOARD,
      notesTotal: 0,
      notesIncluded: 0,
    });

    // local-dev edits the vision as a member of the editor role (Developers) but does not administer
    // TRAIL: the app writes the copy. (Notes of people who may not edit are kept, not published: ADR 12.)
    await invokeData(server.url, 'vision.settings.save', { projectKey: 'TRAIL', editorRoleId: 10000 });
    const added = await invokeData(
      server.url,
      'vision.notes.add',
      { projectKey: 'TRAIL', note: { type: 'insight', title: 'Hikers plan on Thursday', tags: ['x'] } },
      'local-dev',
    );
    expect(added.published).toBe(true);
    expect(await copy()).toMatchObject({
      publishedBy: 'local-dev',
      notesTotal: 1,
      notes: [{ title: 'Hikers plan on Thursday', author: 'local-dev', tags: ['x'] }],
    });

    const edited = await invokeData(
      server.url,
      'vision.notes.update',
      {
        projectKey: 'TRAIL',
        id: added.note.id,
        note: { type: 'decision', title: 'Plan for Thursdays' },
        expectedVersion: added.note.version,
      },
      'local-dev',
    );
    expect(edited.published).toBe(true);
    expect((await copy())?.notes[0]).toMatchObject({ type: 'decision', title: 'Plan for Thursdays' });

    await invokeData(server.url, 'vision.save', {
      projectKey: 'TRAIL',
      board: { ...BOARD, product: 'Version two' },
      expectedVersion: 1,
    });
    expect((await copy())?.board.product).toBe('Version two');
    const restored = await invokeData(server.url, 'vision.restore', {
      projectKey: 'TRAIL',
      version: 1,
      expectedVersion: 2,
    });
    expect(restored.published).toBe(true);
    expect(await copy()).toMatchObject({ version: 3, board: { product: 'A trail finder' } });

    const deleted = await invokeData(server.url, 'vision.notes.delete', {
      projectKey: 'TRAIL',
      id: added.note.id,
    });
    expect(deleted).toMatchObject({ id: added.note.id, published: true });
    expect(await copy()).toMatchObject({ notesTotal: 0, notes: [] });
  });

  it('a failed publish does not fail the save: it answers published: false with the reason', async () => {
    await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [
          {
            method: 'PUT',
            path: '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}',
            status: 500,
            times: 0,
          },
        ],
      }),
    });
    try {
      const saved = await invokeData(server.url, 'vision.save', {
        projectKey: 'TRAIL',
        board: BOARD,
        expectedVersion: 0,
      });
      expect(saved.version.version).toBe(1);
      expect(saved.published).toBe(false);
      expect(saved.publishReason).toMatch(
        /The change is saved, but the read copy .* was not updated \(Jira answered 500/,
      );
      const note = await invokeData(server.url, 'vision.notes.add', {
        projectKey: 'TRAIL',
        note: { type: 'insight', title: 'Still saved' },
      });
      expect(note.published).toBe(false);
      expect(await copy()).toBeUndefined();
      const view = await invokeData(server.url, 'vision.get', { projectKey: 'TRAIL' });
      expect(view.version).toBe(1);
    } finally {
      await fetch(`${server.url}/_local/faults`, { method: 'DELETE' });
    }
    // The next change publishes everything, the earlier note included.
    await invokeData(server.url, 'vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 1 });
    expect(await copy()).toMatchObject({ version: 2, notesTotal: 1, notes: [{ title: 'Still saved' }] });
  });
});
