/**
 * Project properties on the local site, over real HTTP and checked against the OpenAPI contract: browsers
 * read, project admins and the app write, values are non-empty JSON of at most 32768 bytes.
 */
import { JiraForbiddenError, JiraNotFoundError } from '../../../src/jira';
import { parseSeed } from '../../../dev/site';
import { call, client, DEV, OUTSIDER, PO, smallSeedInput, startSite, VIEWER, useSite } from './fixture';

const site = useSite();
const PATH = '/rest/api/3/project/TRAIL/properties/valuerank-vision';

describe('project properties', () => {
  it('creates (201), replaces (200), lists, reads by key or id, and deletes (204)', async () => {
    const jira = client(site(), PO);
    expect(await jira.getProjectProperty('TRAIL', 'valuerank-vision')).toBeUndefined();
    const created = await call(site(), 'PUT', PATH, { body: { version: 1 } });
    expect(created.status).toBe(201);
    const replaced = await call(site(), 'PUT', '/rest/api/3/project/10000/properties/valuerank-vision', {
      body: { version: 2 },
    });
    expect(replaced.status).toBe(200);
    await jira.setProjectProperty('TRAIL', 'other', 'text is JSON too');

    const list = await call(site(), 'GET', '/rest/api/3/project/TRAIL/properties');
    expect(list.body).toEqual({
      keys: [
        {
          key: 'valuerank-vision',
          self: `${site().url}/rest/api/3/project/10000/properties/valuerank-vision`,
        },
        { key: 'other', self: `${site().url}/rest/api/3/project/10000/properties/other` },
      ],
    });
    expect((await call(site(), 'GET', PATH)).body).toEqual({
      key: 'valuerank-vision',
      value: { version: 2 },
    });
    expect(await client(site(), VIEWER).getProjectProperty('trail', 'valuerank-vision')).toEqual({
      version: 2,
    });

    expect((await call(site(), 'DELETE', '/rest/api/3/project/TRAIL/properties/other')).status).toBe(204);
    const missing = await call(site(), 'GET', '/rest/api/3/project/TRAIL/properties/other');
    expect(missing.status).toBe(404);
    expect(missing.body.errorMessages).toEqual(["The property with key 'other' does not exist."]);
    expect((await call(site(), 'DELETE', '/rest/api/3/project/TRAIL/properties/other')).status).toBe(404);
  });

  it('a project the caller cannot browse is 404 for reading and writing, as if it did not exist', async () => {
    await call(site(), 'PUT', PATH, { body: { version: 1 } });
    const outsider = await call(site(), 'GET', PATH, { user: OUTSIDER });
    expect(outsider.status).toBe(404);
    expect(outsider.body.errorMessages).toEqual(["No project could be found with key 'TRAIL'."]);
    await expect(
      client(site(), OUTSIDER).getProjectProperty('TRAIL', 'valuerank-vision'),
    ).rejects.toBeInstanceOf(JiraNotFoundError);
    expect((await call(site(), 'PUT', PATH, { user: OUTSIDER, body: { a: 1 } })).status).toBe(404);
    expect((await call(site(), 'GET', '/rest/api/3/project/NOPE/properties/x')).status).toBe(404);
    expect((await call(site(), 'GET', '/rest/api/3/project/10001/properties/x', { user: DEV })).body).toEqual(
      {
        errorMessages: ["No project could be found with id '10001'."],
        errors: {},
      },
    );
  });

  it('writing needs Administer Projects (403 for a developer or viewer); the app may always', async () => {
    for (const user of [DEV, VIEWER]) {
      const r = await call(site(), 'PUT', PATH, { user, body: { a: 1 } });
      expect(r.status).toBe(403);
      expect(r.body.errorMessages[0]).toMatch(/administer project TRAIL/);
      expect((await call(site(), 'DELETE', PATH, { user })).status).toBe(403);
    }
    await expect(client(site(), DEV).setProjectProperty('TRAIL', 'p', 1)).rejects.toBeInstanceOf(
      JiraForbiddenError,
    );
    expect(
      (await call(site(), 'PUT', '/rest/api/3/project/FIN/properties/p', { app: true, body: 1 })).status,
    ).toBe(201);
    await client(site(), 'app').setProjectProperty('TRAIL', 'valuerank-vision', { by: 'app' });
    expect(await client(site(), DEV).getProjectProperty('TRAIL', 'valuerank-vision')).toEqual({ by: 'app' });
  });

  it('refuses an empty value, malformed JSON and more than 32768 bytes with 400', async () => {
    const big = 'x'.repeat(32_768 - 2); // a JSON string of exactly 32768 bytes
    expect((await call(site(), 'PUT', PATH, { body: big })).status).toBe(201);
    const tooBig = await call(site(), 'PUT', PATH, { body: `${big}y` });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errorMessages[0]).toMatch(/32768/);
    expect((await call(site(), 'PUT', PATH, { rawBody: '' })).status).toBe(400);
    expect((await call(site(), 'PUT', PATH, { rawBody: '{"a": ' })).status).toBe(400);
    expect((await call(site(), 'GET', PATH)).body.value).toBe(big);
  });

  it('a seed can hold project properties; a reset brings them back', async () => {
    const input = smallSeedInput();
    input.projects[0]!.properties = { 'valuerank-vision': { seeded: true } };
    const own = await startSite(parseSeed(input));
    try {
      const jira = client(own, PO);
      expect(await jira.getProjectProperty('TRAIL', 'valuerank-vision')).toEqual({ seeded: true });
      await jira.setProjectProperty('TRAIL', 'valuerank-vision', { seeded: false });
      await call(own, 'POST', '/_local/reset');
      expect(await jira.getProjectProperty('TRAIL', 'valuerank-vision')).toEqual({ seeded: true });
    } finally {
      await own.close();
    }
    const tooBig = smallSeedInput();
    tooBig.projects[0]!.properties = { big: 'x'.repeat(40_000) };
    expect(() => parseSeed(tooBig)).toThrow(/projects\[0\]\.properties\.big: a property value must be JSON/);
  });
});
