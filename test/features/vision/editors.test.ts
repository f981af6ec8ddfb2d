/** Role membership for the vision's editors (ADR 6): direct, through a group (by id, else by name), none. */
import type { GroupRef, JiraClient, ProjectRoleActors } from '../../../src/jira/client';
import { JiraNotFoundError } from '../../../src/jira/errors';
import { roleMembership } from '../../../src/features/vision/editors';

function deps(role: ProjectRoleActors | Error, groups: GroupRef[]) {
  const calls: string[] = [];
  const appJira = {
    projectRoleActors: (projectKey: string, roleId: number) => {
      calls.push(`app role ${projectKey} ${roleId}`);
      return role instanceof Error ? Promise.reject(role) : Promise.resolve(role);
    },
  } as unknown as JiraClient;
  const userJira = {
    myGroups: () => {
      calls.push('user groups');
      return Promise.resolve(groups);
    },
  } as unknown as JiraClient;
  return { deps: { appJira, userJira }, calls };
}

const role = (accountIds: string[], groups: GroupRef[]): ProjectRoleActors => ({
  id: 10000,
  name: 'Developers',
  accountIds,
  groups,
});

describe('roleMembership', () => {
  it('a user actor is a member; the actors are read as the app, the groups as the user', async () => {
    const { deps: d, calls } = deps(role(['u1'], []), []);
    expect(await roleMembership(d, 'TRAIL', 10000, 'u1')).toEqual({ member: true, roleName: 'Developers' });
    expect(calls.sort()).toEqual(['app role TRAIL 10000', 'user groups']);
  });

  it('membership through a group: by groupId, or by name when an id is missing', async () => {
    const byId = deps(role([], [{ groupId: 'g-1', name: 'old name' }]), [{ groupId: 'g-1', name: 'team' }]);
    expect((await roleMembership(byId.deps, 'TRAIL', 10000, 'u2')).member).toBe(true);
    const byName = deps(role([], [{ groupId: undefined, name: 'team' }]), [{ groupId: 'g-1', name: 'team' }]);
    expect((await roleMembership(byName.deps, 'TRAIL', 10000, 'u2')).member).toBe(true);
    const otherId = deps(role([], [{ groupId: 'g-2', name: 'team' }]), [{ groupId: 'g-1', name: 'team' }]);
    expect((await roleMembership(otherId.deps, 'TRAIL', 10000, 'u2')).member).toBe(false);
  });

  it('a role that no longer exists has no members; other failures are thrown', async () => {
    const gone = deps(
      new JiraNotFoundError('not found', 404, 'GET', '/rest/api/3/project/TRAIL/role/10000'),
      [],
    );
    expect(await roleMembership(gone.deps, 'TRAIL', 10000, 'u1')).toEqual({
      member: false,
      roleName: undefined,
    });
    const broken = deps(new Error('boom'), []);
    await expect(roleMembership(broken.deps, 'TRAIL', 10000, 'u1')).rejects.toThrow('boom');
  });
});
