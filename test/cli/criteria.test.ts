import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ItemResult } from '../../src/features/readiness/items';
import { runCli as run, useDemoJiraSite } from '../support/cli';

const site = useDemoJiraSite();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vr-criteria-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, value: unknown): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, JSON.stringify(value));
  return f;
}

describe('valuerank criteria --file', () => {
  it('checks { id, text } criteria and reports the flagged words with their position', async () => {
    const f = file('criteria.json', [
      { id: 'c1', text: 'Export to CSV, JSON, etc.' },
      { id: 'c2', text: 'The search answers within 200 ms for 95% of queries' },
    ]);
    const { code, stdout, stderr } = await run(['criteria', '--file', f, '--as', 'criterion', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [c1, c2] = JSON.parse(stdout) as ItemResult[];
    const etc = c1!.findings.find((x) => x.kind === 'open-ended')!;
    expect(etc.words).toBe('etc');
    expect(c1!.texts[0]!.slice(etc.start, etc.end)).toBe('etc');
    // open-ended blocks by default: a criterion that ends in "etc." is not ready
    expect(c1!.ready).toBe(false);
    expect(c2!.findings).toEqual([]);
    expect(c2!.score).toBe(100);
  });

  it('checks stories and whole issues (Jira REST v3 shape), with a readable report', async () => {
    const stories = file('stories.json', [{ id: 's1', text: 'As a developer, I want an intuitive planner' }]);
    const story = await run(['criteria', '--file', stories, '--as', 'story']);
    expect(story.code).toBe(0);
    expect(story.stdout).toMatch(/^s1 {2}(Ready|Not ready) {2}quality \d+\/100\n/);
    expect(story.stdout).toMatch(/story-vague "intuitive" at \d+-\d+/);

    const issues = file('issues.json', [
      {
        key: 'X-1',
        fields: { summary: 'Search', description: 'Acceptance criteria:\n- Results appear quickly' },
      },
      { id: 'x2', text: 'No criteria here at all.' },
    ]);
    const out = await run(['criteria', '--file', issues, '--json']);
    const [x1, x2] = JSON.parse(out.stdout) as ItemResult[];
    expect(x1!.id).toBe('X-1');
    expect(x1!.findings.some((f) => f.words === 'quickly' && f.criterion === 0)).toBe(true);
    expect(x2).toMatchObject({ id: 'x2', ready: false });
    expect(x2!.findings.map((f) => f.kind)).toContain('missing-criteria');
  });

  it('refuses a bad --as, a missing file and an item of neither shape', async () => {
    const f = file('bad.json', [{ nope: 1 }]);
    expect(await run(['criteria', '--file', f, '--as', 'epic'])).toMatchObject({ code: 2 });
    expect((await run(['criteria', '--file', path.join(dir, 'none.json')])).stderr).toMatch(/Cannot read/);
    const bad = await run(['criteria', '--file', f]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Item 1 is neither/);
    expect((await run(['criteria'])).code).toBe(2);
  });
});

describe('valuerank criteria against a site', () => {
  it('checks one issue and a JQL query on the local site', async () => {
    const one = await run(['criteria', '--issue', 'TRAIL-53', '--site', site.url, '--json']);
    expect(one.code).toBe(0);
    const [r] = JSON.parse(one.stdout) as ItemResult[];
    expect(r).toMatchObject({ id: 'TRAIL-53', ready: false });
    expect(r!.findings.map((f) => f.kind)).toContain('gwt-incomplete');

    const many = await run(['criteria', '--jql', 'key in (TRAIL-48, TRAIL-83)', '--site', site.url]);
    expect(many.code).toBe(0);
    expect(many.stdout).toMatch(/^TRAIL-48 {2}Ready {2}quality 100\/100$/m);
    expect(many.stdout).toMatch(/^TRAIL-83 {2}Not ready/m);
    expect(many.stdout).toMatch(/error +open-ended "Etc" at 0-3 of criterion 4/);
  });

  it('answers one clear line for an unknown issue', async () => {
    const r = await run(['criteria', '--issue', 'TRAIL-99999', '--site', site.url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^valuerank: .*404/);
  });
});
