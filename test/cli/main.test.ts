import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli as run, useDemoJiraSite } from '../support/cli';

const site = useDemoJiraSite();

/** A local port nothing listens on (one that was just free). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('valuerank CLI on the local site', () => {
  it("lists a project's boards", async () => {
    const human = await run(['boards', '--project', 'TRAIL', '--site', site.url]);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toMatch(/^ID\s+TYPE\s+NAME\n1\s+scrum\s+TRAIL board\n2\s+scrum\s+Mobile board\n$/);
    const json = await run(['boards', '--project', 'TRAIL', '--site', site.url, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: 1, name: 'TRAIL board', type: 'scrum' },
      { id: 2, name: 'Mobile board', type: 'scrum' },
    ]);
  });

  it('prints the backlog in rank order, as the site holds it', async () => {
    const { code, stdout } = await run(['backlog', '--board', '1', '--site', site.url, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      board: { id: number };
      summary: { count: number };
      items: Array<{ key: string }>;
    };
    expect(out.board.id).toBe(1);
    expect(out.summary.count).toBeGreaterThanOrEqual(300);
    const expected = await fetch(
      `${site.url}/rest/agile/1.0/board/1/backlog?maxResults=50&fields=summary`,
    ).then((r) => r.json() as Promise<{ issues: Array<{ key: string }> }>);
    expect(out.items.slice(0, expected.issues.length).map((i) => i.key)).toEqual(
      expected.issues.map((i) => i.key),
    );
    const human = await run(['backlog', '--board', '1', '--site', site.url]);
    expect(human.stdout.split('\n')[0]).toMatch(/^TRAIL board: \d+ issues, \d+ estimated, \d+ points$/);
    expect(human.stdout.split('\n')[1]).toMatch(/^RANK\s+KEY\s+TYPE\s+POINTS\s+SUMMARY$/);
  });

  it('acts as another local user with --as, and Jira decides what they see', async () => {
    const outsider = await run([
      'boards',
      '--project',
      'TRAIL',
      '--site',
      site.url,
      '--as',
      'local-outsider',
      '--json',
    ]);
    expect(JSON.parse(outsider.stdout)).toEqual([]);
    const denied = await run(['backlog', '--board', '1', '--site', site.url, '--as', 'local-outsider']);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toMatch(
      /^valuerank: GET \/rest\/agile\/1\.0\/board\/1\/configuration answered 404/,
    );
    expect(denied.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses bad input with one line and exit code 2', async () => {
    for (const [args, message] of [
      [['backlog', '--board', 'abc', '--site', site.url], '--board must be a positive whole number'],
      [['backlog', '--site', site.url], '--board is required'],
      [['boards', '--site', site.url], '--project KEY is required'],
      [['frobnicate'], 'Unknown command "frobnicate"'],
      [['boards', '--project', 'X', '--bogus'], "Unknown option '--bogus'"],
      [['boards', '--project', 'X'], 'Give the site with --site URL'],
      [
        ['boards', '--project', 'X', '--site', 'https://acme.atlassian.net'],
        'Set JIRA_EMAIL and JIRA_API_TOKEN',
      ],
      [['boards', '--project', 'X', '--site', 'http://acme.atlassian.net'], 'must use https://'],
    ] as const) {
      const result = await run([...args]);
      expect({ args, code: result.code, line: result.stderr.split('\n').length }).toEqual({
        args,
        code: 2,
        line: 2,
      });
      expect(result.stderr).toContain(message);
    }
  });

  it('says when the site cannot be reached: which URL, why, and what to check', async () => {
    const closed = await closedPort();
    const result = await run(['boards', '--project', 'TRAIL', '--site', `http://127.0.0.1:${closed}`]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      `valuerank: Cannot reach http://127.0.0.1:${closed} (connection refused: nothing listens there, ECONNREFUSED); check --site (or VALUERANK_SITE) and that the site is up\n`,
    );
  });

  it('exits 1 when nothing is found, still printing the empty JSON a script reads', async () => {
    const human = await run(['boards', '--project', 'NOPE', '--site', site.url]);
    expect(human).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'valuerank: no boards in project NOPE that you can see; check the project key, or ask for Browse Projects in it\n',
    });
    const json = await run(['boards', '--project', 'NOPE', '--site', site.url, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const none = await run([
      'criteria',
      '--jql',
      'project = TRAIL AND summary ~ "zzqqxx"',
      '--site',
      site.url,
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^valuerank: no issues match the JQL .*; check the query/);
  });

  it('names the file, the cause and the fix when --file cannot be read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vr-cli-'));
    try {
      const missing = path.join(dir, 'missing.json');
      const broken = path.join(dir, 'broken.json');
      const empty = path.join(dir, 'empty.json');
      writeFileSync(broken, '[{"id": 1,');
      writeFileSync(empty, '[]');
      const cases: Array<[string, number, RegExp]> = [
        [missing, 2, /^valuerank: Cannot read .*missing\.json: no such file; check the path\n$/],
        [dir, 2, /^valuerank: Cannot read .*: it is a folder; give the path of a JSON file\n$/],
        [broken, 2, /^valuerank: .*broken\.json is not valid JSON \(.*\); it must hold a JSON array/],
        [empty, 1, /^valuerank: nothing to check: .*empty\.json holds an empty array; add issues/],
      ];
      for (const [file, code, message] of cases) {
        const result = await run(['criteria', '--file', file]);
        expect({ file, code: result.code }).toEqual({ file, code });
        expect(result.stderr).toMatch(message);
        expect(result.stderr).not.toMatch(/ENOENT|EISDIR/);
        expect(result.stderr.split('\n')).toHaveLength(2);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reorder refuses, changing nothing, when the model scores no issue', async () => {
    const result = await run([
      'reorder',
      '--board',
      '1',
      '--site',
      site.url,
      '--model',
      'custom:businessValue / 0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^valuerank: Custom formula scores none of the \d+ issues of TRAIL board \(TRAIL-\d+: Division by zero.*\); nothing was changed: pick another --model/,
    );
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('runs as an installed bin', async () => {
    const bin = path.resolve(__dirname, '../../bin/valuerank.js');
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'boards',
      '--project',
      'OPS',
      '--site',
      site.url,
      '--json',
    ]);
    expect(JSON.parse(stdout)).toEqual([{ id: 3, name: 'OPS board', type: 'kanban' }]);
  });
});
