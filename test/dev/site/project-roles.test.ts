/**
 * Project roles and groups on the local site, over real HTTP and checked against the OpenAPI contract:
 * `roledetails` and `role/{id}` for project admins and the app (404 for anyone else, as the spec documents),
 * role actors from the seed (users and groups), `myself?expand=groups`, and the seed's checks.
 */
import { JiraNotFoundError } from '../../../src/jira';
import { buildDemoSeed } from '../../../dev/demo';
import { parseSeed } from '../../../dev/site';
import { call, client, DEV, OUTSIDER, PO, smallSeedInput, startSite, VIEWER, type TestSite } from './fixture';

const GROUP_ID = '0b6c7c1e-0000-4000-8000-000000000001';

function seedWithRoles() {
  const input = smallSeedInput();
  input.groups = [{ groupId: GROUP_ID, name: 'hikers', members: [VIEWER, PO] }];
  input.roles = [
    { id: 10002, name: 'Administrators' },
    { id: 10000, name: 'Developers', description: 'Builds it' },
    { id: 10100, name: 'Product team' },
  ];
  input.projects[0]!.roleActors = {
    '10002': { users: [PO] },
    '10000': { users: [DEV, VIEWER] },
    '10100': { groups: ['hikers'] },
  };
  return parseSeed(input);
}

let site: TestSite;
beforeAll(async () => {
  site = await startSite(seedWithRoles());
});
afterAll(() => site.close());

describe('project roles', () => {
  it('roledetails lists the roles for a project admin and the app', async () => {
    const r = await call(site, 'GET', '/rest/api/3/project/TRAIL/roledetails', { user: PO });
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      expect.objectContaining({ id: 10002, name: 'Administrators', description: '' }),
      expect.objectContaining({
        id: 10000,
        name: 'Developers',
        description: 'Builds it',
        self: `${site.url}/rest/api/3/project/10000/role/10000`,
      }),
      expect.objectContaining({ id: 10100, name: 'Product team' }),
    ]);
    expect((await client(site, 'app').projectRoles('TRAIL')).map((x) => x.name)).toEqual([
      'Administrators',
      'Developers',
      'Product team',
    ]);
  });

  it('roledetails and role/{id} are 404 for a non-admin and for a project the caller cannot see', async () => {
    for (const user of [DEV, VIEWER]) {
      const r = await call(site, 'GET', '/rest/api/3/project/TRAIL/roledetails', { user });
      expect(r.status).toBe(404);
      expect(r.body.errorMessages[0]).toMatch(/permission to view the roles of project TRAIL/);
      expect((await call(site, 'GET', '/rest/api/3/project/TRAIL/role/10000', { user })).status).toBe(404);
    }
    await expect(client(site, DEV).projectRoles('TRAIL')).rejects.toBeInstanceOf(JiraNotFoundError);
    const outsider = await call(site, 'GET', '/rest/api/3/project/TRAIL/roledetails', { user: OUTSIDER });
    expect(outsider.body.errorMessages).toEqual(["No project could be found with key 'TRAIL'."]);
    expect((await call(site, 'GET', '/rest/api/3/project/NOPE/role/10000', { app: true })).status).toBe(404);
  });

  it('role/{id} lists user and group actors sorted by name; an unknown role is 404', async () => {
    const devs = await call(site, 'GET', '/rest/api/3/project/TRAIL/role/10000', { user: PO });
    expect(devs.status).toBe(200);
    expect(devs.body).toMatchObject({ id: 10000, name: 'Developers', description: 'Builds it' });
    expect(
      devs.body.actors.map((a: { actorUser?: { accountId: string } }) => a.actorUser?.accountId),
    ).toEqual(expect.arrayContaining([DEV, VIEWER]));
    const product = await client(site, 'app').projectRoleActors('TRAIL', 10100);
    expect(product).toEqual({
      id: 10100,
      name: 'Product team',
      accountIds: [],
      groups: [{ groupId: GROUP_ID, name: 'hikers' }],
    });
    expect(await client(site, 'app').projectRoleActors('TRAIL', 10002)).toMatchObject({ accountIds: [PO] });
    const unknown = await call(site, 'GET', '/rest/api/3/project/TRAIL/role/10999', { app: true });
    expect(unknown.status).toBe(404);
    await expect(client(site, 'app').projectRoleActors('TRAIL', 10001)).rejects.toBeInstanceOf(
      JiraNotFoundError,
    );
  });

  it('myself lists the caller’s groups with expand=groups, only their count without', async () => {
    const plain = await call(site, 'GET', '/rest/api/3/myself', { user: VIEWER });
    expect(plain.body.groups).toEqual({ size: 1, items: [] });
    expect(await client(site, VIEWER).myGroups()).toEqual([{ groupId: GROUP_ID, name: 'hikers' }]);
    expect(await client(site, DEV).myGroups()).toEqual([]);
    expect(await client(site, 'app').myGroups()).toEqual([]);
  });

  it('the seed checks roles, groups and actors', () => {
    const bad = smallSeedInput();
    bad.groups = [{ groupId: 'g1', name: 'g', members: ['nobody'] }];
    bad.projects[0]!.roleActors = { '10000': { users: ['ghost'], groups: ['missing'] }, '123': {} };
    expect(() => parseSeed(bad)).toThrow(/groups\[0\]\.members: unknown user 'nobody'/);
    expect(() => parseSeed(bad)).toThrow(/roleActors\.10000\.users: unknown user 'ghost'/);
    expect(() => parseSeed(bad)).toThrow(/roleActors\.10000\.groups: unknown group 'missing'/);
    expect(() => parseSeed(bad)).toThrow(/roleActors\.123: unknown role 123/);
    // Without roles in the seed, the site has Jira's three default roles.
    expect(parseSeed(smallSeedInput()).roles.map((r) => r.id)).toEqual([10002, 10000, 10001]);
  });

  it('the demo: Developers is the developer, Product team is the PO through trailhead-product', async () => {
    const demo = await startSite(parseSeed(buildDemoSeed()));
    try {
      const app = client(demo, 'app');
      expect((await app.projectRoles('TRAIL')).map((r) => `${r.id} ${r.name}`)).toEqual([
        '10002 Administrators',
        '10000 Developers',
        '10001 Users',
        '10100 Product team',
      ]);
      expect(await app.projectRoleActors('TRAIL', 10000)).toMatchObject({ accountIds: ['local-dev'] });
      const product = await app.projectRoleActors('TRAIL', 10100);
      expect(product.groups.map((g) => g.name)).toEqual(['trailhead-product']);
      expect((await client(demo, 'local-po').myGroups()).map((g) => g.name).sort()).toEqual([
        'trailhead-product',
        'trailhead-team',
      ]);
      expect((await client(demo, 'local-viewer').myGroups()).map((g) => g.name)).toEqual(['trailhead-team']);
    } finally {
      await demo.close();
    }
  });
});
