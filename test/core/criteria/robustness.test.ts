import fc from 'fast-check';
import { checkIssue, findCriteria, type CheckResult } from '../../../src/core/criteria';
import { doc, h, p, ul } from './adf-builders';
import { describeTiming, timeAgainstReference } from '../../support/timing';

const unreadable = (r: CheckResult) => r.findings.filter((f) => f.kind === 'unreadable');

function wellFormed(r: CheckResult): boolean {
  return (
    Array.isArray(r.criteria) &&
    Array.isArray(r.findings) &&
    r.score >= 0 &&
    r.score <= 100 &&
    r.verdict.ready === (r.verdict.blocking.length === 0) &&
    r.findings.every((f) => typeof f.message === 'string' && f.message !== '')
  );
}

describe('malformed descriptions', () => {
  it.each<[string, unknown]>([
    ['a number', 42],
    ['an array', [1, 2]],
    ['an object that is not a document', { foo: 'bar' }],
    ['a doc whose content is not an array', { type: 'doc', content: 'nope' }],
    ['a boolean', true],
  ])('%s gives a clear "cannot read" finding', (_, description) => {
    const r = checkIssue({ description });
    expect(unreadable(r)).toHaveLength(1);
    expect(unreadable(r)[0]?.message).toMatch(/^Cannot read the description/);
    expect(r.findings.map((f) => f.kind)).toContain('missing-criteria');
    expect(wellFormed(r)).toBe(true);
  });

  it('skips nodes of the wrong shape and unknown node types, keeping what it can read', () => {
    const d = {
      type: 'doc',
      content: [
        h(2, 'Acceptance criteria'),
        7,
        null,
        { type: 42 },
        { type: 'paragraph', content: [{ type: 'text', text: 99 }] },
        { type: 'sparkleWidget', content: [p('Read from the unknown node')] },
        ul('Still read'),
      ],
    };
    const r = checkIssue({ description: d });
    expect(r.criteria.map((c) => c.text)).toEqual(['Read from the unknown node', 'Still read']);
    expect(
      unreadable(r)
        .map((f) => f.detail)
        .sort(),
    ).toEqual(['bad-node', 'unknown-node']);
    expect(unreadable(r).find((f) => f.detail === 'unknown-node')?.message).toContain('sparkleWidget');
  });

  it('stops at a depth limit on deeply nested content', () => {
    let node: Record<string, unknown> = p('deep');
    for (let i = 0; i < 5000; i++) node = { type: 'panel', content: [node] };
    const r = checkIssue({ description: doc(h(2, 'AC'), node) });
    expect(unreadable(r).map((f) => f.detail)).toEqual(['too-deep']);
    expect(wellFormed(r)).toBe(true);
  });

  it('survives cyclic objects (not JSON, but possible in memory)', () => {
    const cyclic: Record<string, unknown> = { type: 'panel', content: [] };
    (cyclic.content as unknown[]).push(cyclic);
    const r = checkIssue({ description: doc(h(2, 'AC'), cyclic) });
    expect(wellFormed(r)).toBe(true);
    expect(unreadable(r).length).toBeGreaterThan(0);
  });

  it('never throws on arbitrary JSON, as a description, a criteria field or a node inside a document', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 4 }), (value, inner) => {
        for (const r of [
          checkIssue({ description: value }),
          checkIssue({ criteriaField: value, summary: value, issueType: value }),
          checkIssue({ description: { type: 'doc', content: [h(2, 'AC'), inner, value] } }),
        ])
          if (!wellFormed(r)) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary values and on arbitrary text', () => {
    fc.assert(
      fc.property(fc.anything(), (value) =>
        wellFormed(checkIssue({ description: value, criteriaField: value })),
      ),
      { numRuns: 200 },
    );
    const markup = fc.constantFrom(
      'h3. ',
      '* ',
      '# ',
      '## ',
      '- [ ] ',
      '||',
      '|',
      '{panel}',
      '{code}',
      '*AC*',
      '\n',
      '  ',
      'Given ',
      'When ',
      'Then ',
      'Acceptance criteria:',
      'As a ',
      ' I want ',
      ' so that ',
      'fast',
      '(',
      'etc.',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(markup, fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const r = checkIssue({ description: text, summary: text });
        return (
          wellFormed(r) && r.criteria.every((c) => c.source.format === 'text' && c.source.end <= text.length)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads documents that use inline nodes where blocks are expected', () => {
    const found = findCriteria({
      type: 'doc',
      content: [h(2, 'AC'), { type: 'text', text: 'A stray text node' }],
    });
    expect(found.criteria.map((c) => c.text)).toEqual(['A stray text node']);
  });
});

describe('performance', () => {
  const line = (i: number) =>
    `- When the user saves draft ${i}, the list quickly shows it and sends an email to the owner, etc.`;

  it('checks a 10 KB description within the time of the reference workload', () => {
    let md = 'As a user, I want to keep drafts so that I do not lose work.\n\n## Acceptance criteria\n';
    for (let i = 0; md.length < 10_000; i++) md += `${line(i)}\n`;
    // timed interleaved with the reference workload (sorting 100,000 numbers), so load slows both alike
    const t = timeAgainstReference(() => checkIssue({ description: md }), 31, 10);
    console.log(describeTiming(`criteria check of a ${md.length} character description`, t));
    expect(t.ratio).toBeLessThan(1);
  });

  it('handles a 1 MB description in bounded time, saying what was skipped', () => {
    let md = '## Acceptance criteria\n';
    for (let i = 0; md.length < 1_000_000; i++) md += `${line(i)}\n`;
    const items = Array.from({ length: 10_000 }, (_, i) => line(i).slice(2));
    const adf = doc(h(2, 'Acceptance criteria'), ul(...items));
    for (const [name, description] of [
      ['text', md],
      ['ADF', adf],
    ] as const) {
      const r = checkIssue({ description });
      const t = timeAgainstReference(() => checkIssue({ description }), 3, 1);
      console.log(describeTiming(`criteria check of a 1 MB ${name} description`, t));
      expect(t.ratio).toBeLessThan(2);
      const truncated = r.findings.filter((f) => f.kind === 'truncated');
      expect(truncated.map((f) => f.detail)).toEqual(['too-large', 'criteria']);
      expect(truncated[1]?.message).toMatch(/Only the first 60 of \d+ criteria were checked/);
      expect(
        r.findings.filter((f) => f.criterion !== undefined).every((f) => (f.criterion as number) < 60),
      ).toBe(true);
    }
  });
});
