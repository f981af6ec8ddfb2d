/** `valuerank questions`: the project's open questions for the PO on the local site (the demo has three). */
import { runCli as run, useDemoJiraSite } from '../support/cli';

const site = useDemoJiraSite({ resetBeforeEach: true });

describe('valuerank questions', () => {
  it('lists the open questions oldest first, with their age, rank and who asked', async () => {
    const { code, stdout, stderr } = await run(['questions', '--project', 'TRAIL', '--site', site.url]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TRAIL: 3 open questions on 3 issues, the oldest \d+ days old$/);
    expect(lines[1]).toMatch(/^AGE +KEY +RANK +READY +ASKED BY +QUESTION$/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('Which hikers is this for first');
    expect(
      lines.slice(2).every((l) => /^\d+d +TRAIL-\d+ +\d+ +(yes|no|-) +Jonas Lindqvist +\S/.test(l)),
    ).toBe(true);
    const ages = lines.slice(2).map((l) => Number(/^(\d+)d/.exec(l)?.[1]));
    expect([...ages].sort((a, b) => b - a)).toEqual(ages);
  });

  it('--json prints the view; a project without open questions exits 1 with one line', async () => {
    const json = await run(['questions', '--project', 'TRAIL', '--json', '--site', site.url]);
    expect(json.code).toBe(0);
    const view = JSON.parse(json.stdout) as { rows: Array<{ issueKey: string; rank: number | null }> };
    expect(view.rows).toHaveLength(3);
    expect(view.rows.filter((r) => r.rank !== null && r.rank <= 5)).toHaveLength(1);
    const none = await run(['questions', '--project', 'OPS', '--site', site.url]);
    expect(none).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^valuerank: no open questions in project OPS/),
    });
    const usage = await run(['questions', '--site', site.url]);
    expect(usage.code).toBe(2);
  });
});
