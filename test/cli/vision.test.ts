/** `valuerank vision`: the vision's published copy (project property valuerank-vision) on the local site. */
import { demoPublishedVision } from '../../dev/demo/vision';
import { buildPublishedVision, PUBLISHED_VISION_PROPERTY, type NoteToPublish } from '../../src/core/vision';
import { runCli as run, useDemoJiraSite } from '../support/cli';

const site = useDemoJiraSite({ resetBeforeEach: true });

/** Publishes `value` for `project` as the app does. */
async function publish(project: string, value: unknown) {
  const response = await fetch(
    `${site.url}/rest/api/3/project/${project}/properties/${PUBLISHED_VISION_PROPERTY}`,
    {
      method: 'PUT',
      headers: { 'X-Local-Actor': 'app', 'Content-Type': 'application/json' },
      body: JSON.stringify(value),
    },
  );
  expect([200, 201]).toContain(response.status);
}

describe('valuerank vision', () => {
  it('prints the board and the recent notes for anyone who can browse the project', async () => {
    const { code, stdout, stderr } = await run([
      'vision',
      '--project',
      'TRAIL',
      '--site',
      site.url,
      '--as',
      'local-viewer',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'TRAIL product vision: version 2, saved by Amara Okafor on 2026-08-15 (published 2026-11-10 by Amara Okafor)',
    );
    expect(stdout).toContain(
      '\nVision\n  Anyone can book a great guided trip outdoors in two minutes, and every local guide can run their business on Trailhead.\n',
    );
    expect(stdout).toContain('\nTarget group\n  Guests: travellers and locals');
    expect(stdout).toMatch(
      /\nBusiness goals\n {2}WEIGHT {2}STATUS {4}GOAL +TARGET\n {2}10 +active +Guests book in two minutes +Checkout conversion from 23% to 35%/,
    );
    expect(stdout).toMatch(
      / {2}3 +achieved +Launch in the Alps +120 tours bookable in Austria and Switzerland\n/,
    );
    expect(stdout).toContain('\nRecent notes: showing 6 of 6 notes\n');
    expect(stdout).toContain(
      '\n2026-11-10  Decision  Amara Okafor  #launch #goals\n  Alps launch goal achieved\n  134 tours are bookable in Austria and Switzerland.',
    );
    // Newest first.
    expect(stdout.indexOf('Alps launch goal achieved')).toBeLessThan(
      stdout.indexOf('Guest checkout before social login'),
    );
  });

  it('--json prints the published copy as is', async () => {
    const { code, stdout } = await run(['vision', '--project', 'TRAIL', '--site', site.url, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(demoPublishedVision())));
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--notes N shows fewer notes and says how many there are', async () => {
    const { stdout } = await run(['vision', '--project', 'TRAIL', '--site', site.url, '--notes', '2']);
    expect(stdout).toContain(
      'Recent notes: showing 2 of 6 notes; the rest are in the app (--notes 6 shows 6 here)\n',
    );
    expect(stdout).not.toContain('Offline maps before social');
  });

  it('says when the copy holds only the most recent notes, and shows linked issues and cut texts', async () => {
    const notes: NoteToPublish[] = Array.from({ length: 40 }, (_, i) => ({
      id: `n${i}`,
      author: 'local-dev',
      authorName: 'Jonas Lindqvist',
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      type: 'insight',
      title: `Finding ${i}`,
      text: 'w'.repeat(2000),
      tags: ['research'],
      issueKeys: ['OPS-1', 'OPS-2'],
    }));
    const copy = buildPublishedVision({
      projectKey: 'OPS',
      current: undefined,
      notes,
      publishedBy: 'Jonas',
      now: new Date(),
    });
    expect(copy.notesIncluded).toBeLessThan(40);
    await publish('OPS', copy);
    const { code, stdout } = await run(['vision', '--project', 'OPS', '--site', site.url, '--notes', '50']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(
      /^OPS product vision: no board saved yet \(published \d{4}-\d\d-\d\d by Jonas\)$/,
    );
    expect(stdout).toContain('\nVision\n  (not set)\n');
    expect(stdout).toContain(
      `Recent notes: showing ${copy.notesIncluded} of 40 notes; the rest are in the app\n`,
    );
    expect(stdout).toContain('\n2026-02-09  Insight  Jonas Lindqvist  #research\n  Finding 39\n');
    expect(stdout).toContain('  Issues: OPS-1, OPS-2\n');
    if (copy.notes.at(-1)?.textTruncated)
      expect(stdout).toContain('(cut to fit; the whole note is in the app)');
  });

  it('explains a project without a published vision, one the user cannot see, and a copy it cannot read', async () => {
    const none = await run(['vision', '--project', 'OPS', '--site', site.url]);
    expect(none).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'valuerank: no vision published for OPS yet — open ValueRank › Vision and save the board once\n',
    });
    const hidden = await run(['vision', '--project', 'TRAIL', '--site', site.url, '--as', 'local-outsider']);
    expect(hidden).toEqual({
      code: 1,
      stdout: '',
      stderr: 'valuerank: Project TRAIL does not exist, or you cannot see it\n',
    });
    expect((await run(['vision', '--project', 'NOPE', '--site', site.url])).stderr).toBe(
      'valuerank: Project NOPE does not exist, or you cannot see it\n',
    );
    await publish('OPS', { schemaVersion: 1, projectKey: 'OPS', board: 'nonsense' });
    const invalid = await run(['vision', '--project', 'OPS', '--site', site.url, '--json']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(
      /^valuerank: The vision published for OPS is not one this CLI can read \(\w+: .+\); save the board in the app again, or update valuerank\n$/,
    );
  });

  it('refuses bad usage with exit code 2, and the help names the command', async () => {
    expect(await run(['vision', '--site', site.url])).toMatchObject({
      code: 2,
      stderr: 'valuerank: --project KEY is required: give the project key, e.g. --project TRAIL\n',
    });
    expect(await run(['vision', '--project', 'TRAIL', '--notes=-1', '--site', site.url])).toMatchObject({
      code: 2,
      stderr: 'valuerank: --notes must be a whole number of at least 0, not "-1"\n',
    });
    expect((await run(['vision', '--project', 'TRAIL'])).code).toBe(2);
    expect((await run(['--help'])).stdout).toMatch(/vision {2}--project KEY \[--notes N\]/);
  });
});
