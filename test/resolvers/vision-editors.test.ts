/**
 * Who edits the vision board (ADR 6), through the harness on the demo site: project admins always; the
 * members of the project role an admin picks too (directly or through a group); notes stay author-or-admin.
 * In the demo's TRAIL, local-dev is in Developers, the team group (PO, dev, viewer) in Users, and the
 * trailhead-product group (the PO only) in Product team.
 */
import type { VisionBoardInput } from '../../src/core/vision';
import type { VisionAnswers } from '../../src/features/vision/api';
import { invokeData, invokeResolver, refused } from '../support/invoke';
import { useLocalServer } from '../support/local-server';

const server = useLocalServer({ reset: ['kvs'] });

const DEVELOPERS = 10000;
const USERS = 10001;
const PRODUCT_TEAM = 10100;

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

const pick = (editorRoleId: number | null, who = 'local-po') =>
  invoke('vision.settings.save', { projectKey: 'TRAIL', editorRoleId }, who);

async function stats(): Promise<Record<string, number>> {
  const r = await fetch(`${server.url}/_local/stats`);
  return ((await r.json()) as { byRoute: Record<string, number> }).byRoute;
}

describe('who edits the vision board', () => {
  it('the admin sees the roles to pick from; everyone else sees only the setting', async () => {
    const admin = await data('vision.settings.get', { projectKey: 'TRAIL' });
    expect(admin).toMatchObject({ editorRole: null, canAdmin: true, editors: 'Project administrators only' });
    expect(admin.roles.map((r) => r.name)).toEqual(['Administrators', 'Developers', 'Users', 'Product team']);
    const dev = await data('vision.settings.get', { projectKey: 'TRAIL' }, 'local-dev');
    expect(dev).toEqual({
      projectKey: 'TRAIL',
      editorRole: null,
      roles: [],
      canAdmin: false,
      editors: 'Project administrators only',
    });
  });

  it('the developer is refused before, allowed after the admin picks Developers; the viewer still refused', async () => {
    await data('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 });
    const before = refused(
      await invoke('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 1 }, 'local-dev'),
    );
    expect(before.code).toBe('forbidden');
    expect(before.message).toBe(
      'Only administrators of project TRAIL can edit the product vision. Nothing was changed.',
    );

    const picked = await pick(DEVELOPERS);
    expect(picked.ok && picked.data).toMatchObject({
      editorRole: { id: DEVELOPERS, name: 'Developers' },
      editors: 'Project administrators and members of Developers',
    });

    const view = await data('vision.get', { projectKey: 'TRAIL' }, 'local-dev');
    expect(view).toMatchObject({
      canEdit: true,
      canAdmin: false,
      editorRole: { id: DEVELOPERS, name: 'Developers' },
      editors: 'Project administrators and members of Developers',
    });
    const saved = await data(
      'vision.save',
      { projectKey: 'TRAIL', board: { ...BOARD, needs: 'Trails for families' }, expectedVersion: 1 },
      'local-dev',
    );
    expect(saved.version).toMatchObject({ version: 2, savedBy: 'local-dev', savedByName: 'Jonas Lindqvist' });
    const restored = await data(
      'vision.restore',
      { projectKey: 'TRAIL', version: 1, expectedVersion: 2 },
      'local-dev',
    );
    expect(restored.version).toMatchObject({ version: 3, restoredFrom: 1 });

    expect(await data('vision.get', { projectKey: 'TRAIL' }, 'local-viewer')).toMatchObject({
      canEdit: false,
      editors: 'Project administrators and members of Developers',
    });
    const viewer = refused(
      await invoke('vision.save', { projectKey: 'TRAIL', board: BOARD, expectedVersion: 3 }, 'local-viewer'),
    );
    expect(viewer).toEqual({
      code: 'forbidden',
      message:
        'Only administrators of project TRAIL and members of the role Developers can edit the product vision. Nothing was changed.',
    });
    expect(
      refused(
        await invoke(
          'vision.restore',
          { projectKey: 'TRAIL', version: 1, expectedVersion: 3 },
          'local-viewer',
        ),
      ).message,
    ).toMatch(/members of the role Developers can restore a version/);
    expect((await data('vision.history', { projectKey: 'TRAIL' })).versions).toHaveLength(3);
  });

  it('membership through a group counts: with Users picked, the viewer edits through trailhead-team', async () => {
    await pick(USERS);
    expect(await data('vision.get', { projectKey: 'TRAIL' }, 'local-viewer')).toMatchObject({
      canEdit: true,
    });
    const saved = await data(
      'vision.save',
      { projectKey: 'TRAIL', board: BOARD, expectedVersion: 0 },
      'local-viewer',
    );
    expect(saved.version.version).toBe(1);
    await pick(PRODUCT_TEAM);
    expect(await data('vision.get', { projectKey: 'TRAIL' }, 'local-viewer')).toMatchObject({
      canEdit: false,
      editors: 'Project administrators and members of Product team',
    });
  });

  it('role members do not gain rights over other people’s notes', async () => {
    await pick(DEVELOPERS);
    const note = await data('vision.notes.add', {
      projectKey: 'TRAIL',
      note: { type: 'insight', title: 'PO note', text: 'Only the PO and admins change this.' },
    });
    const list = await data('vision.notes.list', { projectKey: 'TRAIL' }, 'local-dev');
    expect(list.notes.find((n) => n.id === note.note.id)?.canEdit).toBe(false);
    const error = refused(
      await invoke('vision.notes.delete', { projectKey: 'TRAIL', id: note.note.id }, 'local-dev'),
    );
    expect(error.code).toBe('forbidden');
  });

  it('only project admins change the setting; an unknown role is refused; nothing changes', async () => {
    await pick(DEVELOPERS);
    for (const who of ['local-dev', 'local-viewer']) {
      const error = refused(await pick(null, who));
      expect(error).toEqual({
        code: 'forbidden',
        message:
          'Only administrators of project TRAIL can choose who edits the product vision. Nothing was changed.',
      });
    }
    const unknown = refused(await pick(10999));
    expect(unknown).toEqual({
      code: 'invalid-payload',
      message: 'Project TRAIL has no role with id 10999. Nothing was changed.',
    });
    expect(refused(await pick(-1)).code).toBe('invalid-payload');
    expect(refused(await invoke('vision.settings.get', { projectKey: 'FIN' }, 'local-dev')).code).toBe(
      'not-found',
    );
    expect((await data('vision.settings.get', { projectKey: 'TRAIL' })).editorRole).toEqual({
      id: DEVELOPERS,
      name: 'Developers',
    });
    const cleared = await pick(null);
    expect(cleared.ok && cleared.data.editorRole).toBeNull();
    expect(await data('vision.get', { projectKey: 'TRAIL' }, 'local-dev')).toMatchObject({ canEdit: false });
  });

  it('reads role actors and groups only for a non-admin when a role is set (one call pair)', async () => {
    await fetch(`${server.url}/_local/stats/reset`, { method: 'POST' });
    await data('vision.get', { projectKey: 'TRAIL' }, 'local-dev');
    await data('vision.get', { projectKey: 'TRAIL' });
    let byRoute = await stats();
    expect(byRoute['GET /rest/api/3/project/{projectIdOrKey}/role/{id}']).toBeUndefined();
    await pick(DEVELOPERS);
    await fetch(`${server.url}/_local/stats/reset`, { method: 'POST' });
    await data('vision.get', { projectKey: 'TRAIL' });
    byRoute = await stats();
    expect(byRoute['GET /rest/api/3/project/{projectIdOrKey}/role/{id}']).toBeUndefined();
    await data('vision.get', { projectKey: 'TRAIL' }, 'local-dev');
    byRoute = await stats();
    expect(byRoute['GET /rest/api/3/project/{projectIdOrKey}/role/{id}']).toBe(1);
  });
});
