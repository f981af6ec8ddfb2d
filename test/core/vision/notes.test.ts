/** Vision notes: filters, newest-first order, keyset paging. */
import fc from 'fast-check';
import type { VisionNote } from '../../../src/core/vision';
import { filterNotes, MAX_NOTE_PAGE, NoteFilterSchema, pageNotes, sortNotes } from '../../../src/core/vision';
import { note, notesArb } from './fixtures';

const notes: VisionNote[] = [
  note('a', '2025-03-01T10:00:00Z', {
    type: 'decision',
    title: 'Go mobile first',
    tags: ['mobile'],
    issueKeys: ['TRAIL-1'],
  }),
  note('b', '2025-03-02T08:00:00+02:00', {
    type: 'insight',
    title: 'Hikers plan the evening before',
    text: 'Seen in 7 of 9 INTERVIEWS',
    tags: ['research', 'mobile'],
    author: 'acc-2',
  }),
  note('c', '2025-03-03T23:59:59.999Z', {
    type: 'pivot',
    title: 'Drop the social feed',
    issueKeys: ['TRAIL-7'],
  }),
  note('d', '2025-03-04T00:00:00Z', {
    type: 'stakeholder-feedback',
    title: 'Sales wants offline maps',
    tags: ['offline'],
  }),
];
const keys = (list: readonly VisionNote[]): string[] => list.map((n) => n.id);

describe('filterNotes', () => {
  it('without a filter: every note, newest first', () => {
    // b is 2025-03-02T06:00Z once its +02:00 offset is applied.
    expect(keys(filterNotes(notes))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('by type, tag, author, issue key', () => {
    expect(keys(filterNotes(notes, { types: ['decision', 'pivot'] }))).toEqual(['c', 'a']);
    expect(keys(filterNotes(notes, { tags: [' MOBILE '] }))).toEqual(['b', 'a']);
    expect(keys(filterNotes(notes, { tags: ['mobile', 'research'] }))).toEqual(['b']); // all tags must match
    expect(keys(filterNotes(notes, { author: 'acc-2' }))).toEqual(['b']);
    expect(keys(filterNotes(notes, { issueKey: 'trail-7' }))).toEqual(['c']);
    expect(keys(filterNotes(notes, { types: [], tags: [], text: '  ' }))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('text: case-insensitive, every word, over title, text and tags', () => {
    expect(keys(filterNotes(notes, { text: 'interviews' }))).toEqual(['b']); // in the text
    expect(keys(filterNotes(notes, { text: 'OFFLINE' }))).toEqual(['d']); // title and tag
    expect(keys(filterNotes(notes, { text: 'research evening' }))).toEqual(['b']); // tag + title
    expect(keys(filterNotes(notes, { text: 'mobile feed' }))).toEqual([]);
  });

  it('dates: inclusive bounds; a day covers all of its UTC day', () => {
    expect(keys(filterNotes(notes, { from: '2025-03-02', to: '2025-03-03' }))).toEqual(['c', 'b']);
    expect(keys(filterNotes(notes, { from: '2025-03-04T00:00:00Z' }))).toEqual(['d']);
    expect(keys(filterNotes(notes, { to: '2025-03-02T06:00:00Z' }))).toEqual(['b', 'a']);
    expect(() => filterNotes(notes, { from: 'last week' })).toThrow(RangeError);
  });

  it('same instant: ordered by id', () => {
    const same = [note('y', '2025-01-01T00:00:00Z'), note('x', '2025-01-01T01:00:00+01:00')];
    expect(keys(filterNotes(same))).toEqual(['x', 'y']);
  });
});

describe('pageNotes', () => {
  const many = Array.from({ length: 45 }, (_, i) =>
    note(`n${String(i).padStart(2, '0')}`, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()),
  );

  it('pages of 20, newest first, with a cursor until the last page', () => {
    const first = pageNotes(many);
    expect(first.notes).toHaveLength(20);
    expect(first.notes[0]?.id).toBe('n44');
    const second = pageNotes(many, { cursor: first.nextCursor });
    expect(second.notes[0]?.id).toBe('n24');
    const third = pageNotes(many, { cursor: second.nextCursor });
    expect(keys(third.notes)).toEqual(['n04', 'n03', 'n02', 'n01', 'n00']);
    expect(third.nextCursor).toBeNull();
  });

  it('a note added meanwhile does not shift later pages; limits are clamped', () => {
    const first = pageNotes(many, { limit: 10 });
    const added = [...many, note('new', '2025-02-01T00:00:00Z')];
    expect(pageNotes(added, { cursor: first.nextCursor, limit: 10 }).notes[0]?.id).toBe('n34');
    expect(pageNotes(many, { limit: 500 }).notes).toHaveLength(MAX_NOTE_PAGE);
    expect(pageNotes(many, { limit: 0 }).notes).toHaveLength(1);
    expect(pageNotes([], {})).toEqual({ notes: [], nextCursor: null });
    expect(() => pageNotes(many, { cursor: 'page-2' })).toThrow(RangeError);
  });

  it('property: paging visits every note once, in newest-first order', () => {
    fc.assert(
      fc.property(notesArb, fc.integer({ min: 1, max: 20 }), (list, limit) => {
        const seen: VisionNote[] = [];
        let cursor: string | null = null;
        for (let guard = 0; guard < 100; guard++) {
          const page = pageNotes(list, { cursor, limit });
          expect(page.notes.length).toBeLessThanOrEqual(limit);
          seen.push(...page.notes);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        expect(keys(seen)).toEqual(keys(sortNotes(list)));
      }),
      { numRuns: 100 },
    );
  });

  it('property: filtering returns a subset, newest first', () => {
    fc.assert(
      fc.property(
        notesArb,
        fc.constantFrom('ux', 'risk'),
        fc.constantFrom('a', 'b', ''),
        (list, tag, text) => {
          const found = filterNotes(list, { tags: [tag], text });
          expect(found.every((n) => n.tags.includes(tag))).toBe(true);
          for (let i = 1; i < found.length; i++)
            expect(Date.parse(found[i - 1]!.createdAt)).toBeGreaterThanOrEqual(
              Date.parse(found[i]!.createdAt),
            );
        },
      ),
    );
  });
});

describe('NoteFilterSchema', () => {
  it('validates a client filter before filtering', () => {
    expect(
      NoteFilterSchema.safeParse({ types: ['pivot'], from: '2025-03-01', to: '2025-03-02T10:00:00Z' })
        .success,
    ).toBe(true);
    expect(NoteFilterSchema.safeParse({ from: 'last week' }).success).toBe(false);
    expect(NoteFilterSchema.safeParse({ types: ['idea'] }).success).toBe(false);
    expect(NoteFilterSchema.safeParse({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }).success).toBe(
      false,
    );
  });
});
