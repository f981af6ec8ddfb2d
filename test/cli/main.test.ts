import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli as run, useDemoJiraSite } from '../support/cli';

const site = useDemoJiraSite();

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

  it('says when the site cannot be reached', async () => {
    const result = await run(['boards', '--project', 'TRAIL', '--site', 'http://127.0.0.1:9']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^valuerank: Cannot reach the site/);
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
