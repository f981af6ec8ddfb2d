/** Markdown export: the document's shape, and user text that stays text. */
import fc from 'fast-check';
import type { VisionBoard, VisionNote } from '../../../src/core/vision';
import {
  escapeBlock,
  escapeCell,
  escapeHeading,
  escapeInline,
  visionToMarkdown,
} from '../../../src/core/vision';
import { boardArb, note, notesArb } from './fixtures';

const board: VisionBoard = {
  visionStatement: 'Every hiker finds a *safe* trail.',
  targetGroup: '# Weekend hikers\n- families\n1. seniors',
  needs: 'Know conditions <before> leaving\n\nAvoid closed trails & R&D &amp; stuff',
  product: '',
  goals: [
    { id: 'g1', name: 'Mobile | share', target: '30% of visits\non mobile', status: 'active', weight: 5 },
    { id: 'g2', name: '[Retention](http://x)', target: '', status: 'achieved', weight: 2 },
  ],
};
const notes: VisionNote[] = [
  note('n1', '2025-03-01T10:00:00Z', {
    title: 'Go mobile first #',
    text: 'Because _most_ check\non the trailhead',
    tags: ['mobile'],
    issueKeys: ['TRAIL-1'],
  }),
  note('n2', '2025-03-02T10:00:00Z', { type: 'insight', title: 'Evening planning', author: 'acc-2' }),
  note('n3', '2025-02-02T10:00:00Z', { type: 'pivot', title: 'Old' }),
];

/** Reverses the escaping: backslash escapes and the three entities, in one pass. */
const unescape = (md: string): string =>
  md.replace(/\\([\s\S])|&(lt|gt|amp);/g, (_, c: string | undefined, e: string | undefined) =>
    c !== undefined ? c : e === 'lt' ? '<' : e === 'gt' ? '>' : '&',
  );

/** Table cells of a row, split at pipes not escaped by an odd number of backslashes. */
const cells = (row: string): string[] => row.split(/(?<!(?:^|[^\\])(?:\\\\)*\\)\|/).slice(1, -1);

describe('visionToMarkdown', () => {
  it('hand example: sections, goals table, the two newest notes', () => {
    const md = visionToMarkdown(board, notes, {
      projectName: 'Trail <App>',
      now: '2025-03-14T09:30:00Z',
      maxNotes: 2,
      names: { 'acc-1': 'Ana *PO*' },
    });
    expect(md).toBe(
      [
        '# Product vision: Trail &lt;App&gt;',
        '',
        '_Exported 2025-03-14_',
        '',
        '## Vision',
        '',
        'Every hiker finds a \\*safe\\* trail.',
        '',
        '## Target group',
        '',
        '\\# Weekend hikers\\',
        '\\- families\\',
        '1\\. seniors',
        '',
        '## Needs',
        '',
        'Know conditions &lt;before&gt; leaving',
        '',
        'Avoid closed trails & R&D &amp;amp; stuff',
        '',
        '## Product',
        '',
        '_Not set._',
        '',
        '## Business goals',
        '',
        '| Goal | Measurable target | Status | Weight |',
        '| --- | --- | --- | ---: |',
        '| Mobile \\| share | 30% of visits on mobile | active | 5 |',
        '| \\[Retention\\](http://x) | — | achieved | 2 |',
        '',
        '## Recent notes',
        '',
        '### 2025-03-02 · Insight: Evening planning',
        '',
        '_By acc-2_',
        '',
        '### 2025-03-01 · Decision: Go mobile first \\#',
        '',
        '_By Ana \\*PO\\*_',
        '',
        'Because \\_most\\_ check\\',
        'on the trailhead',
        '',
        'Tags: mobile · Issues: TRAIL-1',
        '',
      ].join('\n'),
    );
  });

  it('an empty board and no notes', () => {
    const md = visionToMarkdown(
      { visionStatement: '', targetGroup: '', needs: '', product: '', goals: [] },
      [],
      { projectName: 'X', now: new Date('2025-01-02T03:04:05Z') },
    );
    expect(md).toContain('_No business goals yet._');
    expect(md).toContain('## Recent notes\n\n_No notes yet._');
    expect(md.match(/_Not set\._/g)).toHaveLength(4);
    expect(
      visionToMarkdown(board, notes, { projectName: 'X', now: '2025-01-01', maxNotes: 0 }),
    ).not.toContain('Recent notes');
  });

  it('escapes every construct that could turn user text into markup', () => {
    expect(escapeInline('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeInline('  > quote')).toBe('&gt; quote');
    expect(escapeInline('+ item')).toBe('\\+ item');
    expect(escapeInline('===')).toBe('\\===');
    expect(escapeInline('3) third')).toBe('3\\) third');
    expect(escapeInline('`code` ~~strike~~ ![img](x)')).toBe('\\`code\\` \\~\\~strike\\~\\~ !\\[img\\](x)');
    expect(escapeInline('&copy; &#169; & AT&T')).toBe('&amp;copy; &amp;#169; & AT&T');
    expect(escapeInline('back\\slash')).toBe('back\\\\slash');
    expect(escapeBlock('a\r\n    indented\n\n\n b  ')).toBe('a\\\nindented\n\nb');
    expect(escapeCell(' a |\n b ')).toBe('a \\| b');
    // Headings: a trailing run of # would close the heading; a leading # is escaped once.
    expect(escapeHeading('C #')).toBe('C \\#');
    expect(escapeHeading('#')).toBe('\\#');
    expect(escapeHeading('##')).toBe('\\#\\#');
    expect(escapeHeading('a\n  b ##')).toBe('a b \\#\\#');
  });

  it('property: escaped text reads back as the original text', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        '<',
        '>',
        '|',
        '*',
        '#',
        '-',
        '\\',
        '&',
        ';',
        'l',
        't',
        '1',
        '.',
        '_',
        '[',
        '`',
      ),
    });
    fc.assert(
      fc.property(text, (s) => {
        expect(unescape(escapeHeading(s))).toBe(s.replace(/\s+/g, ' ').trim());
        expect(unescape(escapeCell(s))).toBe(
          s
            .replace(/\s*[\r\n]+\s*/g, ' ')
            .trim()
            .replace(/^\s+/, ''),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('property: no raw < or > anywhere, and table cells never contain an unescaped |', () => {
    fc.assert(
      fc.property(boardArb, notesArb, (b, ns) => {
        const md = visionToMarkdown(b, ns, { projectName: 'P|<x>', now: '2025-03-14T00:00:00Z' });
        expect(md).not.toMatch(/[<>]/);
        const rows = md
          .split('\n')
          .filter(
            (line) => line.startsWith('| ') && !line.startsWith('| Goal |') && !line.startsWith('| ---'),
          );
        expect(rows).toHaveLength(b.goals.length);
        rows.forEach((row, i) => {
          const g = b.goals[i]!;
          const [name, target, status, weight] = cells(row).map((c) => c.trim());
          expect(cells(row)).toHaveLength(4);
          expect(unescape(name ?? '')).toBe(g.name.replace(/\s*[\r\n]+\s*/g, ' '));
          expect(unescape(target ?? '')).toBe(g.target ? g.target.replace(/\s*[\r\n]+\s*/g, ' ') : '—');
          expect([status, weight]).toEqual([g.status, String(g.weight)]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
