/** Seeds: schema errors and referential integrity, reported with the file and the field path. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSeedFile, parseSeed } from '../../../dev/site';
import { SiteState } from '../../../dev/site/state';
import { smallSeedInput } from './fixture';

type Mutable = ReturnType<typeof smallSeedInput> & Record<string, unknown>;

function broken(edit: (seed: Mutable) => void): Mutable {
  const seed = structuredClone(smallSeedInput()) as Mutable;
  edit(seed);
  return seed;
}

function message(input: unknown, source?: string): string {
  try {
    parseSeed(input, source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the seed was accepted');
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vr-seed-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('seed files', () => {
  it('loads a valid seed file', () => {
    const file = path.join(dir, 'ok.json');
    fs.writeFileSync(file, JSON.stringify(smallSeedInput()));
    const seed = loadSeedFile(file);
    expect(seed.issues).toHaveLength(18);
    expect(seed.users[1]?.globalPermissions).toEqual(['USER_PICKER']); // schema defaults applied
  });

  it('names the file and the bad field path', () => {
    const file = path.join(dir, 'seed.json');
    fs.writeFileSync(
      file,
      JSON.stringify(broken((s) => delete (s.issues[12]!.fields as Record<string, unknown>).summary)),
    );
    expect(() => loadSeedFile(file)).toThrow(`${file}: issues[12].fields.summary: Required`);
  });

  it('names the file for unreadable and non-JSON files', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{"users": [');
    expect(() => loadSeedFile(file)).toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`),
    );
    expect(() => loadSeedFile(path.join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the seed/);
  });
});

describe('schema errors', () => {
  it.each([
    [(s: Mutable) => (s.issues[3]!.key = 'trail 4'), 'issues[3].key: issue key must look like ABC-123'],
    [(s: Mutable) => (s.issues[0]!.id = 'abc'), 'issues[0].id: issue id must be numeric text, as in Jira'],
    [
      (s: Mutable) => (s.projects[0]!.key = 'trail'),
      'projects[0].key: project key must be 2-10 capitals, digits or _',
    ],
    [
      (s: Mutable) => ((s.users[0] as Record<string, unknown>).emailAddress = 'nope'),
      'users[0].emailAddress:',
    ],
    [(s: Mutable) => ((s.boards[0] as Record<string, unknown>).type = 'scrumban'), 'boards[0].type:'],
    [(s: Mutable) => delete (s as Record<string, unknown>).defaultUser, 'defaultUser: Required'],
  ])('%#: reports the path', (edit, expected) => {
    expect(message(broken(edit), 'small.json')).toContain(`small.json: ${expected}`);
  });

  it('lists several problems, one a line', () => {
    const text = message(
      broken((s) => {
        s.issues[1]!.key = 'x';
        s.issues[2]!.key = 'y';
      }),
      'two.json',
    );
    expect(text.split('\n')).toEqual([
      'two.json: issues[1].key: issue key must look like ABC-123',
      'two.json: issues[2].key: issue key must look like ABC-123',
    ]);
  });
});

describe('referential integrity', () => {
  it.each([
    [(s: Mutable) => (s.defaultUser = 'ghost'), "defaultUser: 'ghost' is not one of users[].accountId"],
    [(s: Mutable) => (s.boards[0]!.projectKey = 'NOPE'), "boards[0].projectKey: unknown project 'NOPE'"],
    [(s: Mutable) => (s.sprints![1]!.boardId = 42), 'sprints[1].boardId: unknown board 42'],
    [
      (s: Mutable) => (s.projects[0]!.permissions.ghost = ['BROWSE_PROJECTS']),
      "projects[0].permissions.ghost: unknown user 'ghost'",
    ],
    [(s: Mutable) => (s.projects[1]!.lead = 'ghost'), "projects[1].lead: unknown user 'ghost'"],
    [
      (s: Mutable) => (s.issues[5]!.fields.parent = { key: 'TRAIL-404' }),
      "issues[5].fields.parent.key: unknown issue 'TRAIL-404'",
    ],
    [
      (s: Mutable) => (s.issues[5]!.fields.issuelinks![0]!.outwardIssue = { key: 'TRAIL-404' }),
      "issues[5].fields.issuelinks[0].outwardIssue.key: unknown issue 'TRAIL-404'",
    ],
    [
      (s: Mutable) => (s.issues[6]!.fields.assignee = { accountId: 'ghost' }),
      "issues[6].fields.assignee.accountId: unknown user 'ghost'",
    ],
    [(s: Mutable) => (s.issues[0]!.key = 'SHOP-1'), "issues[0].key: no project has the key 'SHOP'"],
    [(s: Mutable) => (s.issues[1]!.key = 'TRAIL-3'), 'issues[2]: duplicate "TRAIL-3" (first at [1])'],
    [
      (s: Mutable) => ((s.issues[1]!.fields as Record<string, unknown>).customfield_10020 = [{ id: 99 }]),
      'issues[1].fields.customfield_10020[0].id: unknown sprint 99',
    ],
    [
      (s: Mutable) => ((s.issues[0]!.fields as Record<string, unknown>).customfield_10019 = '0|i00000:'),
      'issues[1].fields.customfield_10019: either every issue carries a rank or none does',
    ],
    [
      (s: Mutable) => (s.boards[0]!.estimationFieldId = 'customfield_1'),
      "boards[0].estimationFieldId: unknown field 'customfield_1'",
    ],
    [
      (s: Mutable) => (s.issues[5]!.properties = { big: 'x'.repeat(40_000) }),
      'issues[5].properties.big: a property value must be JSON of at most 32768 bytes',
    ],
  ])('%#: names the broken reference', (edit, expected) => {
    expect(message(broken(edit), 'refs.json')).toContain(`refs.json: ${expected}`);
  });
});

describe('ranks from the seed', () => {
  it('assigns ranks in array order when the seed has none', () => {
    const state = new SiteState(parseSeed(smallSeedInput()));
    const order = state.issuesInRankOrder();
    expect(order.map((i) => i.key).slice(0, 3)).toEqual(['TRAIL-1', 'TRAIL-2', 'TRAIL-3']);
    const ranks = order.map((i) => i.fields.customfield_10019 as string);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it("orders by the seed's own ranks when every issue has one", () => {
    const input = smallSeedInput();
    input.issues.forEach((issue, i) => {
      (issue.fields as Record<string, unknown>).customfield_10019 =
        `0|i${String(1000 - i).padStart(5, '0')}:`;
    });
    const state = new SiteState(parseSeed(input));
    expect(state.issuesInRankOrder()[0]?.key).toBe('FIN-2');
    expect(state.issuesInRankOrder().at(-1)?.key).toBe('TRAIL-1');
  });
});
