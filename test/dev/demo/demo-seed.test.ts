import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Seed, type SeedIssue } from '../../../dev/site/seed-schema';
import { adf, adfToText, buildDemoSeed, buildLargeSeed } from '../../../dev/demo';
import { demoPublishedVision } from '../../../dev/demo/vision';
import { proposeMapping, scoreBacklog, type UnscoredScore } from '../../../src/core/scoring';
import { GOALS_PROPERTY, goalsOf } from '../../../src/features/goals';
import { describeTiming, timeAgainstReference } from '../../support/timing';

const ADF_SCHEMA_PATH = join(
  __dirname,
  '../../../node_modules/@atlaskit/adf-schema/json-schema/v1/full.json',
);

function loadAdfValidator(): (doc: unknown) => { ok: boolean; errors: string } {
  // The schema is draft-04; Ajv 8 compiles it once the $schema keyword (draft-04 meta-schema) is dropped.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(ADF_SCHEMA_PATH, 'utf8')) as Record<
    string,
    unknown
  >;
  const validate = new Ajv({ strict: false, allErrors: false }).compile(schema);
  return (doc) => {
    const ok = validate(doc) as boolean;
    return { ok, errors: ok ? '' : JSON.stringify(validate.errors?.slice(0, 3)) };
  };
}

type Fields = SeedIssue['fields'] & Record<string, unknown>;
const fieldsOf = (issue: SeedIssue): Fields => issue.fields as Fields;
const sprintsOf = (issue: SeedIssue): Array<{ id: number; state: string; boardId: number }> =>
  (fieldsOf(issue).customfield_10020 as Array<{ id: number; state: string; boardId: number }> | null) ?? [];
const isDone = (issue: SeedIssue): boolean => issue.fields.status.statusCategory.key === 'done';
const inActiveSprint = (issue: SeedIssue): boolean => sprintsOf(issue).some((s) => s.state === 'active');

/** An acceptance-criteria section: a heading/label naming it, "AC:", Given/When/Then, or the custom field. */
function hasAcceptanceCriteria(issue: SeedIssue): boolean {
  if (fieldsOf(issue).customfield_10037) return true;
  const text = adfToText(issue.fields.description);
  return (
    /acceptance criteria/i.test(text) ||
    /(^|\n)\s*\**AC:/.test(text) ||
    /(^|\n)Given\b[\s\S]*\nWhen\b/.test(text)
  );
}

describe('demo seed (Trailhead)', () => {
  const raw = buildDemoSeed();
  const seed = Seed.parse(raw);
  const trail = seed.issues.filter((i) => i.key.startsWith('TRAIL-'));
  const byKey = new Map(seed.issues.map((i) => [i.key, i]));

  it('parses with the seed schema', () => {
    expect(() => Seed.parse(buildDemoSeed())).not.toThrow();
  });

  it('has the users, projects, boards and sprints of the brief', () => {
    expect(seed.defaultUser).toBe('local-po');
    expect(seed.users.map((u) => [u.accountId, u.displayName, u.apiToken])).toEqual([
      ['local-po', 'Amara Okafor', 'local-token-po'],
      ['local-dev', 'Jonas Lindqvist', 'local-token-dev'],
      ['local-viewer', 'Mei Tanaka', 'local-token-viewer'],
      ['local-outsider', 'Sam Rivera', 'local-token-outsider'],
    ]);
    expect(seed.users[0]?.globalPermissions).toEqual(['ADMINISTER', 'USER_PICKER']);
    const [trailProject, ops, fin] = seed.projects;
    expect([trailProject?.key, trailProject?.id, trailProject?.style]).toEqual(['TRAIL', '10000', 'classic']);
    expect([ops?.key, ops?.id, ops?.style]).toEqual(['OPS', '10001', 'next-gen']);
    expect([fin?.key, fin?.id]).toEqual(['FIN', '10002']);
    expect(Object.keys(fin?.permissions ?? {})).toEqual(['local-po']);
    for (const project of seed.projects) {
      expect(project.permissions['local-po']).toEqual(
        expect.arrayContaining(['SCHEDULE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS']),
      );
      expect(project.permissions['local-outsider']).toBeUndefined();
    }
    for (const project of [trailProject, ops]) {
      expect(project?.permissions['local-dev']).not.toContain('SCHEDULE_ISSUES');
      expect(project?.permissions['local-dev']).not.toContain('ADMINISTER_PROJECTS');
      expect(project?.permissions['local-dev']).toContain('LINK_ISSUES');
      expect(project?.permissions['local-viewer']).toEqual(['BROWSE_PROJECTS']);
    }
    expect(seed.boards.map((b) => [b.id, b.type, b.projectKey, b.filterJql])).toEqual([
      [1, 'scrum', 'TRAIL', undefined],
      [2, 'scrum', 'TRAIL', 'labels = mobile'],
      [3, 'kanban', 'OPS', undefined],
    ]);
    expect(seed.boards[0]?.estimationFieldId).toBe('customfield_10016');
    expect(seed.sprints.map((s) => [s.id, s.boardId, s.state])).toEqual([
      [1, 1, 'closed'],
      [2, 1, 'active'],
      [3, 1, 'future'],
    ]);
    expect(seed.sprints[1]?.name).toBe('TRAIL Sprint 14');
    expect(seed.sprints[1]?.goal).toBeTruthy();
  });

  it('has the fields of the brief', () => {
    const ids = seed.fields.map((f) => f.id);
    for (const id of [
      'summary',
      'description',
      'labels',
      'parent',
      'issuelinks',
      'customfield_10016',
      'customfield_10038',
    ]) {
      expect(ids).toContain(id);
    }
    const moscow = seed.fields.find((f) => f.id === 'customfield_10036');
    expect(moscow?.options?.map((o) => o.value)).toEqual([
      'Must have',
      'Should have',
      'Could have',
      "Won't have",
    ]);
    expect(seed.fields.find((f) => f.id === 'customfield_10019')?.schema?.custom).toBe(
      'com.pyxis.greenhopper.jira:gh-lexo-rank',
    );
  });

  it('has enough TRAIL issues and a large backlog', () => {
    expect(trail.length).toBeGreaterThanOrEqual(320);
    const backlog = trail.filter((i) => !isDone(i) && !inActiveSprint(i));
    expect(backlog.length).toBeGreaterThanOrEqual(300);
    expect(backlog.filter((i) => i.fields.issuetype.name !== 'Epic').length).toBeGreaterThanOrEqual(300);
    const epics = trail.filter((i) => i.fields.issuetype.name === 'Epic');
    expect(epics.length).toBeGreaterThanOrEqual(8);
    expect(epics.length).toBeLessThanOrEqual(10);
    const done = trail.filter(isDone).length;
    expect(done).toBeGreaterThanOrEqual(20);
    expect(done).toBeLessThanOrEqual(30);
    expect(trail.filter(inActiveSprint).length).toBe(12);
    expect(trail.filter((i) => sprintsOf(i).some((s) => s.state === 'future')).length).toBeGreaterThan(0);
    const mobile = trail.filter((i) => i.fields.labels?.includes('mobile')).length;
    expect(mobile).toBeGreaterThanOrEqual(35);
    expect(mobile).toBeLessThanOrEqual(45);
    expect(seed.issues.filter((i) => i.key.startsWith('OPS-')).length).toBeGreaterThanOrEqual(12);
    expect(seed.issues.filter((i) => i.key.startsWith('FIN-')).length).toBe(5);
  });

  it('has unique ids and keys; ids follow creation order and keys follow ids per project', () => {
    expect(new Set(seed.issues.map((i) => i.id)).size).toBe(seed.issues.length);
    expect(new Set(seed.issues.map((i) => i.key)).size).toBe(seed.issues.length);
    const byId = [...seed.issues].sort((a, b) => Number(a.id) - Number(b.id));
    expect(byId[0]?.id).toBe('10001');
    for (let n = 1; n < byId.length; n++) {
      expect(Number(byId[n]?.id)).toBe(Number(byId[n - 1]?.id) + 1);
      expect((byId[n]?.fields.created ?? '') >= (byId[n - 1]?.fields.created ?? '')).toBe(true);
    }
    for (const project of ['TRAIL', 'OPS', 'FIN']) {
      const numbers = byId
        .filter((i) => i.key.startsWith(`${project}-`))
        .map((i) => Number(i.key.split('-')[1]));
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
  });

  it('ranks TRAIL differently from creation order, with consistent rank strings', () => {
    const keyNumbers = trail.map((i) => Number(i.key.split('-')[1]));
    expect(keyNumbers).not.toEqual([...keyNumbers].sort((a, b) => a - b));
    const ranks = seed.issues.map((i) => fieldsOf(i).customfield_10019 as string);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('links parents to existing epics', () => {
    const children = trail.filter((i) => i.fields.parent);
    expect(children.length).toBeGreaterThan(250);
    for (const child of children) {
      const parent = byKey.get(child.fields.parent?.key ?? '');
      expect(parent?.fields.issuetype.name).toBe('Epic');
      expect(child.fields.parent?.id).toBe(parent?.id);
    }
  });

  it('has symmetric issue links with existing targets, a 3-cycle and blockers ranked below the blocked', () => {
    const position = new Map(seed.issues.map((issue, index) => [issue.key, index]));
    const blocks: Array<[string, string]> = [];
    for (const issue of seed.issues) {
      for (const link of issue.fields.issuelinks ?? []) {
        const other = link.outwardIssue ?? link.inwardIssue;
        const target = byKey.get(other?.key ?? '');
        expect(target).toBeDefined();
        expect(other?.id).toBe(target?.id);
        const mirror = (target?.fields.issuelinks ?? []).find((l) => l.id === link.id);
        expect(mirror).toBeDefined();
        if (link.outwardIssue) expect(mirror?.inwardIssue?.key).toBe(issue.key);
        else expect(mirror?.outwardIssue?.key).toBe(issue.key);
        expect(mirror?.type.name).toBe(link.type.name);
        if (link.type.name === 'Blocks' && link.outwardIssue) {
          expect(link.type).toMatchObject({ id: '10000', inward: 'is blocked by', outward: 'blocks' });
          blocks.push([issue.key, link.outwardIssue.key]);
        }
      }
    }
    expect(blocks.length).toBeGreaterThanOrEqual(20);
    expect(blocks.length).toBeLessThanOrEqual(30);
    const below = blocks.filter(
      ([blocker, blocked]) => (position.get(blocker) ?? 0) > (position.get(blocked) ?? 0),
    );
    expect(below.length).toBeGreaterThanOrEqual(3);
    const next = new Map<string, string[]>();
    for (const [a, b] of blocks) next.set(a, [...(next.get(a) ?? []), b]);
    const threeCycles = blocks.filter(([a, b]) =>
      (next.get(b) ?? []).some((c) => (next.get(c) ?? []).includes(a)),
    );
    expect(threeCycles.length).toBeGreaterThanOrEqual(3);
  });

  it('gives at least half of the stories an acceptance-criteria section, in varied forms', () => {
    const stories = trail.filter((i) => i.fields.issuetype.name === 'Story');
    const withAc = stories.filter(hasAcceptanceCriteria);
    expect(withAc.length / stories.length).toBeGreaterThanOrEqual(0.5);
    const all = trail.filter(hasAcceptanceCriteria).length / trail.length;
    expect(all).toBeGreaterThan(0.5);
    expect(all).toBeLessThan(0.75);
    const docs = trail.map((i) => JSON.stringify(i.fields.description ?? ''));
    expect(docs.some((d) => d.includes('"taskItem"') && d.includes('"DONE"'))).toBe(true);
    const gwtTables = trail.filter((i) => {
      const d = JSON.stringify([i.fields.description, fieldsOf(i).customfield_10037]);
      return d.includes('"table"') && d.includes('"Given"') && d.includes('"Then"');
    });
    expect(gwtTables.length).toBeGreaterThanOrEqual(3);
    const onlyInField = trail.filter(
      (i) => fieldsOf(i).customfield_10037 && !/acceptance criteria/i.test(adfToText(i.fields.description)),
    );
    expect(onlyInField.length).toBeGreaterThanOrEqual(3);
    expect(trail.filter((i) => !i.fields.description).length).toBeGreaterThan(10);
  });

  it('produces ADF that validates against the @atlaskit/adf-schema JSON schema', () => {
    const validate = loadAdfValidator();
    const docs = seed.issues.flatMap((i) =>
      [i.fields.description, fieldsOf(i).customfield_10037]
        .filter(Boolean)
        .map((doc) => ({ key: i.key, doc })),
    );
    expect(docs.length).toBeGreaterThan(300);
    const failures = docs
      .map(({ key, doc }) => ({ key, ...validate(doc) }))
      .filter((r) => !r.ok)
      .map((r) => `${r.key}: ${r.errors}`);
    expect(failures).toEqual([]);
  });

  it('converts every notation construct to schema-valid ADF', () => {
    const validate = loadAdfValidator();
    const doc = adf(
      `
        # Title
        Text with **bold**, _em_, ~~strike~~, \`code\`, [a link](https://example.com), :rocket:, @{local-dev|Jonas Lindqvist},
        {date:2027-01-15} and {status:BLOCKED|red}.
        Given a soft-wrapped line
        When it starts with a keyword
        Then it breaks

        - one
          - nested
        1. first
        [ ] todo
        [x] done
        | Given | When | Then |
        |---|---|---|
        | a | b | c |
        > quoted
        \`\`\`ts
        const x = 1;
        \`\`\`
        :::warning
        Inside a panel
        :::
        ---
      `,
      'notation',
    );
    expect(validate(doc)).toEqual({ ok: true, errors: '' });
    expect(doc.content.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'taskList',
      'table',
      'blockquote',
      'codeBlock',
      'panel',
      'rule',
    ]);
  });

  it('records value and estimate changes in changelogs consistent with the current values', () => {
    const withChangelog = trail.filter((i) => (i.changelog?.histories.length ?? 0) > 0);
    expect(withChangelog.length).toBeGreaterThanOrEqual(25);
    expect(withChangelog.length).toBeLessThanOrEqual(35);
    for (const issue of withChangelog) {
      const last = new Map<string, string | null | undefined>();
      let previous = issue.fields.created ?? '';
      for (const history of issue.changelog?.histories ?? []) {
        expect(['local-po', 'local-dev']).toContain(history.author.accountId);
        expect(history.created >= previous).toBe(true);
        previous = history.created;
        for (const item of history.items) {
          expect(['customfield_10030', 'customfield_10016']).toContain(item.fieldId);
          if (last.has(item.fieldId ?? '')) expect(item.fromString).toBe(last.get(item.fieldId ?? ''));
          last.set(item.fieldId ?? '', item.toString);
        }
      }
      expect((issue.fields.updated ?? '') >= previous).toBe(true);
      for (const [fieldId, value] of last) expect(String(fieldsOf(issue)[fieldId])).toBe(value);
    }
  });

  it('uses Jira-shaped values', () => {
    const jiraTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/;
    for (const issue of seed.issues) {
      const f = fieldsOf(issue);
      expect(f.created).toMatch(jiraTime);
      expect(f.updated).toMatch(jiraTime);
      expect((f.updated ?? '') >= (f.created ?? '')).toBe(true);
      expect((f.created ?? '') >= '2026-03' && (f.updated ?? '') < '2026-11-19').toBe(true);
      if (f.duedate) expect(f.duedate >= '2026-11' && f.duedate <= '2027-06-30').toBe(true);
      const category = {
        'To Do': 'new',
        'In Progress': 'indeterminate',
        'In Review': 'indeterminate',
        Done: 'done',
      };
      expect(issue.fields.status.statusCategory.key).toBe(
        category[issue.fields.status.name as keyof typeof category],
      );
      const points = f.customfield_10016 as number | null | undefined;
      if (points != null) expect([1, 2, 3, 5, 8, 13, 20, 21]).toContain(points);
      const impact = f.customfield_10034 as number | null | undefined;
      if (impact != null) expect([0.25, 0.5, 1, 2, 3]).toContain(impact);
      const confidence = f.customfield_10035 as number | null | undefined;
      if (confidence != null) expect([50, 80, 100]).toContain(confidence);
      const moscow = f.customfield_10036 as { id: string; value: string } | null | undefined;
      if (moscow) expect(moscow.id).toMatch(/^1010[0-3]$/);
    }
    const estimated = trail.filter(
      (i) => ['Story', 'Bug'].includes(i.fields.issuetype.name) && fieldsOf(i).customfield_10016 != null,
    ).length;
    const workItems = trail.filter((i) => ['Story', 'Bug'].includes(i.fields.issuetype.name)).length;
    // almost every story is estimated; a few are not yet (they say why), as on a real backlog
    expect(estimated / workItems).toBeGreaterThan(0.75);
    expect(workItems - estimated).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic', () => {
    expect(buildDemoSeed()).toEqual(raw);
  });
});

describe('the demo tells one story (Trailhead, the tour-booking marketplace)', () => {
  const seed = Seed.parse(buildDemoSeed());
  const board = demoPublishedVision().board;
  if (!board) throw new Error('the demo vision has no board');
  const trail = seed.issues.filter((i) => i.key.startsWith('TRAIL-'));
  // The board's backlog as the site answers it: not done, in no active or future sprint.
  const backlog = trail.filter(
    (i) => !isDone(i) && !sprintsOf(i).some((s) => s.state === 'active' || s.state === 'future'),
  );
  const active = new Set(board.goals.filter((g) => g.status === 'active').map((g) => g.id));

  it('has a vision and goals about the marketplace the backlog builds', () => {
    expect(board.product).toMatch(/tour-booking marketplace/);
    expect(board.targetGroup).toMatch(/Guests/);
    expect(board.targetGroup).toMatch(/Guides/);
    expect(board.visionStatement).toMatch(/book/);
    // Every active goal names something the backlog's epics work on.
    const epics = trail.filter((i) => i.fields.issuetype.name === 'Epic').map((i) => i.fields.summary);
    expect(epics).toEqual(
      expect.arrayContaining(['Booking & checkout', 'Payments & payouts', 'Reviews & trust']),
    );
    expect([...active].sort()).toEqual(['conversion', 'guides', 'mobile', 'trust']);
  });

  it('scores almost every backlog issue through the proposed mapping; the few unscored say why', () => {
    const fields = seed.fields.map((f) => ({ ...f, key: f.key ?? f.id }));
    const mapping = proposeMapping(fields as never, { estimationFieldId: 'customfield_10016' });
    const scores = scoreBacklog(backlog, mapping, { kind: 'wsjf' }, { now: '2026-11-20' });
    const unscored = scores.filter((s): s is UnscoredScore => s.status === 'unscored');
    expect(backlog.length).toBeGreaterThanOrEqual(300);
    expect(unscored.length).toBeGreaterThanOrEqual(3);
    expect(unscored.length).toBeLessThanOrEqual(10);
    for (const u of unscored) {
      const issue = trail.find((i) => i.key === u.key);
      const text = adfToText(issue?.fields.description);
      // The stated reason names what the score lacks: an estimate (story points) or a business value.
      expect(text).toMatch(/Not scored yet\. Needs (an estimate|a business value)/);
      if (/Needs an estimate/.test(text)) expect(u.missing).toContain('jobSize');
      else expect(u.missing).toContain('businessValue');
    }
  });

  it('tags about a third of the backlog with the goals it serves, every active goal on some issues', () => {
    const tags = new Map(backlog.map((i) => [i.key, goalsOf(i.properties?.[GOALS_PROPERTY])] as const));
    const tagged = [...tags.values()].filter((g) => g.length > 0);
    const share = tagged.length / backlog.length;
    expect(share).toBeGreaterThanOrEqual(0.25);
    expect(share).toBeLessThanOrEqual(0.4);
    const used = new Set(tagged.flat());
    expect([...used].sort()).toEqual([...active].sort());
    for (const goal of active)
      expect(tagged.filter((g) => g.includes(goal)).length).toBeGreaterThanOrEqual(5);
  });
});

describe('large seed', () => {
  it('builds 10,000 issues within 60 times the reference workload, and parses', () => {
    // Timed interleaved with the reference workload (sorting 100,000 numbers) in this run, so a loaded machine
    // slows both alike; it failed at 1,307 ms against an absolute 1,000 ms bound on a loaded machine.
    let seed: unknown;
    const t = timeAgainstReference(() => void (seed = buildLargeSeed(10_000)), 3, 1);
    console.log(describeTiming('buildLargeSeed(10000)', t));
    expect(t.ratio).toBeLessThan(60);
    const parsed = Seed.parse(seed);
    expect(parsed.issues).toHaveLength(10_000);
    expect(parsed.projects.map((p) => p.key)).toEqual(['BIG']);
    expect(parsed.boards).toEqual([expect.objectContaining({ id: 99, type: 'scrum', projectKey: 'BIG' })]);
    expect(parsed.users.map((u) => u.accountId)).toEqual([
      'local-po',
      'local-dev',
      'local-viewer',
      'local-outsider',
    ]);
    expect(new Set(parsed.issues.map((i) => i.key)).size).toBe(10_000);
    expect(parsed.issues.every((i) => i.fields.status.statusCategory.key !== 'done')).toBe(true);
  });

  it('is deterministic and validates as ADF', () => {
    const a = buildLargeSeed(500);
    expect(buildLargeSeed(500)).toEqual(a);
    const validate = loadAdfValidator();
    const failures = a.issues.filter((i) => i.fields.description && !validate(i.fields.description).ok);
    expect(failures).toEqual([]);
  });
});
