/**
 * `GET /rest/api/3/user/viewissue/search` on the local site, over real HTTP and checked against the OpenAPI
 * contract: the users who can browse a project by the start of a name or by account id; 400 without a query
 * or a scope; 404 for a project the caller cannot see.
 */
import { call, client, DEV, OUTSIDER, PO, useSite, VIEWER } from './fixture';

const site = useSite();

describe('users who can browse', () => {
  it('finds people who can browse the project by the start of a name, or by account id', async () => {
    const po = client(site(), PO);
    expect(
      (await po.usersWhoCanBrowse({ projectKey: 'TRAIL', query: 'vi' })).map((u) => u.accountId),
    ).toEqual([VIEWER]);
    expect(
      (await po.usersWhoCanBrowse({ projectKey: 'TRAIL', query: 'ewer' })).map((u) => u.accountId),
    ).toEqual([VIEWER]);
    // The outsider cannot browse TRAIL: never found, by name or by id.
    expect(await po.usersWhoCanBrowse({ projectKey: 'TRAIL', query: 'out' })).toEqual([]);
    expect(await po.usersWhoCanBrowse({ projectKey: 'TRAIL', accountId: OUTSIDER })).toEqual([]);
    expect(
      (await po.usersWhoCanBrowse({ projectKey: 'TRAIL', accountId: DEV })).map((u) => u.displayName),
    ).toEqual(['Dev Eloper']);
    // As the app: everyone who can browse.
    const everyone = await client(site(), 'app').usersWhoCanBrowse({ projectKey: 'TRAIL', query: 'e' });
    expect(everyone.map((u) => u.accountId)).not.toContain(OUTSIDER);
  });

  it('400 without a query or a scope, 404 for a project the caller cannot see', async () => {
    expect(
      (await call(site(), 'GET', '/rest/api/3/user/viewissue/search?projectKey=TRAIL', { user: PO })).status,
    ).toBe(400);
    expect(
      (await call(site(), 'GET', '/rest/api/3/user/viewissue/search?query=vi', { user: PO })).status,
    ).toBe(400);
    expect(
      (
        await call(site(), 'GET', '/rest/api/3/user/viewissue/search?query=vi&projectKey=TRAIL', {
          user: OUTSIDER,
        })
      ).status,
    ).toBe(404);
  });
});
