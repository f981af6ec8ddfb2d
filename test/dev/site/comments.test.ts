/**
 * Comments and comment properties on the local site, over real HTTP and checked against the OpenAPI
 * contract: anyone who can browse reads them (with `expand=properties`), Add Comments is needed to comment
 * (400 otherwise, nothing written), a comment's properties are created with it, and a comment property is
 * written by its author, a project admin or the app (403 otherwise).
 */
import { JiraValidationError } from '../../../src/jira';
import { call, client, DEV, OUTSIDER, PO, useSite, VIEWER } from './fixture';

const site = useSite();
const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('comments', () => {
  it('a developer comments with a property; everyone who browses reads it, in order, with properties', async () => {
    const added = await client(site(), DEV).addComment('TRAIL-1', adf('Why?'), [
      { key: 'q', value: { open: 1 } },
    ]);
    expect(added.author?.accountId).toBe(DEV);
    await client(site(), PO).addComment('TRAIL-1', adf('Because.'));
    const seen = await client(site(), VIEWER).comments('TRAIL-1');
    expect(seen.map((c) => [c.author?.accountId, c.properties])).toEqual([
      [DEV, [{ key: 'q', value: { open: 1 } }]],
      [PO, []],
    ]);
    const page = await call(site(), 'GET', '/rest/api/3/issue/TRAIL-1/comment?orderBy=-created&maxResults=1');
    expect(page.body).toMatchObject({ startAt: 0, maxResults: 1, total: 2 });
    expect(page.body.comments[0].properties).toBeUndefined();
    expect(page.body.comments[0].body).toEqual(adf('Because.'));
    expect((await call(site(), 'GET', '/rest/api/3/issue/TRAIL-1/comment', { user: OUTSIDER })).status).toBe(
      404,
    );
  });

  it('without Add Comments Jira refuses (400) and writes nothing', async () => {
    await expect(client(site(), VIEWER).addComment('TRAIL-1', adf('Hi'))).rejects.toBeInstanceOf(
      JiraValidationError,
    );
    expect(await client(site(), PO).comments('TRAIL-1')).toEqual([]);
    const empty = await call(site(), 'POST', '/rest/api/3/issue/TRAIL-1/comment', { body: { body: 'x' } });
    expect(empty.status).toBe(400);
  });

  it('comment properties: the author, a project admin and the app write them; others get 403', async () => {
    const { id } = await client(site(), DEV).addComment('TRAIL-1', adf('Why?'));
    const path = `/rest/api/3/comment/${id}/properties/q`;
    expect((await call(site(), 'PUT', path, { user: DEV, body: { a: 1 } })).status).toBe(201);
    expect((await call(site(), 'PUT', path, { user: PO, body: { a: 2 } })).status).toBe(200);
    await client(site(), 'app').setCommentProperty(id, 'q', { a: 3 });
    expect((await call(site(), 'PUT', path, { user: VIEWER, body: { a: 4 } })).status).toBe(403);
    expect((await call(site(), 'GET', path, { user: VIEWER })).body).toEqual({ key: 'q', value: { a: 3 } });
    expect((await call(site(), 'GET', `/rest/api/3/comment/${id}/properties`)).body.keys).toHaveLength(1);
    expect((await call(site(), 'GET', path, { user: OUTSIDER })).status).toBe(404);
    expect((await call(site(), 'DELETE', path, { user: DEV })).status).toBe(204);
    expect((await call(site(), 'GET', path)).status).toBe(404);
  });
});
