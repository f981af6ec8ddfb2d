/** The published copy (project property `valuerank-vision`): always within Jira's limit, nothing dropped silently. */
import fc from 'fast-check';
import type { VisionBoard } from '../../../src/core/vision';
import {
  buildPublishedVision,
  jsonBytes,
  parsePublishedVision,
  PROJECT_PROPERTY_MAX_BYTES,
  VISION_LIMITS,
  type NoteToPublish,
  type PublishInput,
} from '../../../src/core/vision';
import { board, goal, note } from './fixtures';

const NOW = new Date('2026-11-20T10:00:00.000Z');

const input = (over: Partial<PublishInput> = {}): PublishInput => ({
  projectKey: 'TRAIL',
  current: {
    version: 3,
    savedAt: '2026-11-01T09:00:00.000Z',
    savedBy: 'acc-1',
    board: board(),
  },
  notes: [],
  publishedBy: 'acc-1',
  now: NOW,
  ...over,
});

const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();

/** `count` notes, one an hour, each with `textLength` characters of `char`. */
const manyNotes = (count: number, textLength: number, char = 'x'): NoteToPublish[] =>
  Array.from({ length: count }, (_, i) => ({
    ...note(`n${i}`, day(i), { text: char.repeat(textLength), tags: ['t'], issueKeys: ['TRAIL-1'] }),
    author: 'acc-2',
  }));

/** The largest board the core accepts, every text at its limit, in a 3-byte character. */
const hugeBoard = (char = '€'): VisionBoard => ({
  visionStatement: char.repeat(VISION_LIMITS.visionStatement),
  targetGroup: char.repeat(VISION_LIMITS.targetGroup),
  needs: char.repeat(VISION_LIMITS.needs),
  product: char.repeat(VISION_LIMITS.product),
  goals: Array.from({ length: VISION_LIMITS.goals }, (_, i) => ({
    ...goal(`g${i}`, 5),
    name: char.repeat(VISION_LIMITS.goalName),
    target: char.repeat(VISION_LIMITS.goalTarget),
  })),
});

describe('buildPublishedVision', () => {
  it('publishes a small vision whole: board, version, who (account ids only, ADR 9) and when, every note newest first', () => {
    const notes = [
      { ...note('a', '2026-01-01T00:00:00Z', { tags: ['x'] }), author: 'acc-2' },
      { ...note('b', '2026-02-01T00:00:00Z'), updatedAt: '2026-02-02T00:00:00Z' },
    ];
    const copy = buildPublishedVision(input({ notes }));
    expect(copy).toMatchObject({
      schemaVersion: 1,
      projectKey: 'TRAIL',
      version: 3,
      savedAt: '2026-11-01T09:00:00.000Z',
      savedBy: 'acc-1',
      publishedAt: NOW.toISOString(),
      publishedBy: 'acc-1',
      board: board(),
      truncatedFields: [],
      notesTotal: 2,
      notesIncluded: 2,
    });
    expect(copy.notes.map((n) => [n.id, n.author])).toEqual([
      ['b', 'acc-1'],
      ['a', 'acc-2'],
    ]);
    expect(copy.notes[0]).toMatchObject({ updatedAt: '2026-02-02T00:00:00Z' });
    expect(parsePublishedVision(JSON.parse(JSON.stringify(copy))).success).toBe(true);
  });

  it('publishes notes before any board is saved (version 0, empty board)', () => {
    const copy = buildPublishedVision(input({ current: undefined, notes: manyNotes(2, 10) }));
    expect(copy).toMatchObject({ version: 0, savedAt: null, savedBy: null, notesTotal: 2, notesIncluded: 2 });
    expect(copy.board).toEqual({ visionStatement: '', targetGroup: '', needs: '', product: '', goals: [] });
  });

  it('keeps the most recent notes that fit and counts the rest', () => {
    const notes = manyNotes(40, 2000);
    const copy = buildPublishedVision(input({ notes }));
    expect(jsonBytes(copy)).toBeLessThanOrEqual(PROJECT_PROPERTY_MAX_BYTES);
    expect(copy.notesTotal).toBe(40);
    expect(copy.notesIncluded).toBe(copy.notes.length);
    expect(copy.notesIncluded).toBeGreaterThan(10);
    expect(copy.notesIncluded).toBeLessThan(17);
    // Newest first and contiguous: n39, n38, …
    expect(copy.notes.map((n) => n.id)).toEqual(
      Array.from({ length: copy.notesIncluded }, (_, i) => `n${39 - i}`),
    );
    // Only the last one may be cut, and it says so.
    expect(copy.notes.slice(0, -1).every((n) => n.textTruncated === undefined)).toBe(true);
  });

  it('cuts the text of the next note when its whole text does not fit, and says so', () => {
    const notes = manyNotes(3, VISION_LIMITS.noteText, '€');
    const copy = buildPublishedVision(input({ notes }));
    expect(jsonBytes(copy)).toBeLessThanOrEqual(PROJECT_PROPERTY_MAX_BYTES);
    expect(copy.notesTotal).toBe(3);
    expect(copy.notes.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(copy.notes[0]?.textTruncated).toBeUndefined();
    expect(copy.notes[1]).toMatchObject({ textTruncated: true });
    expect(copy.notes[1]?.text.endsWith('…')).toBe(true);
    expect(jsonBytes(copy)).toBeGreaterThan(PROJECT_PROPERTY_MAX_BYTES - 10);
  });

  it('cuts the texts of a board too large for Jira, names the cut fields, and still fits', () => {
    const copy = buildPublishedVision(
      input({
        current: { version: 1, savedAt: NOW.toISOString(), savedBy: 'acc-1', board: hugeBoard() },
        notes: manyNotes(5, 100),
      }),
    );
    expect(jsonBytes(copy)).toBeLessThanOrEqual(PROJECT_PROPERTY_MAX_BYTES);
    expect(copy.truncatedFields).toEqual(expect.arrayContaining(['targetGroup', 'needs', 'product']));
    expect(copy.board.goals).toHaveLength(VISION_LIMITS.goals);
    expect(copy.board.needs.endsWith('…')).toBe(true);
    expect(copy.board.needs.length).toBeGreaterThan(300);
    expect(copy.savedBy).toBe('acc-1');
    expect(copy).toMatchObject({ notesTotal: 5, notesIncluded: copy.notes.length });
  });

  it('keeps a large ASCII board whole (only non-ASCII worst cases need cutting)', () => {
    const ascii = hugeBoard('a');
    const copy = buildPublishedVision(
      input({
        current: { version: 1, savedAt: NOW.toISOString(), savedBy: 'acc-1', board: ascii },
      }),
    );
    expect(copy.truncatedFields).toEqual([]);
    expect(copy.board).toEqual(ascii);
  });

  it('never cuts inside a surrogate pair', () => {
    const copy = buildPublishedVision(
      input({ notes: manyNotes(2, VISION_LIMITS.noteText / 2, '😀'), maxBytes: 30_000 }),
    );
    for (const n of copy.notes) expect(n.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('fits any limit it can, for random boards and notes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4000, max: PROJECT_PROPERTY_MAX_BYTES }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom('a', 'é', '€', '"', '\n'),
        (maxBytes, count, length, char) => {
          const copy = buildPublishedVision(
            input({
              current: { version: 2, savedAt: NOW.toISOString(), savedBy: 'acc-1', board: hugeBoard(char) },
              notes: manyNotes(count, length, char),
              maxBytes,
            }),
          );
          expect(jsonBytes(copy)).toBeLessThanOrEqual(maxBytes);
          expect(copy.notesTotal).toBe(count);
          expect(copy.notesIncluded).toBe(copy.notes.length);
          expect(parsePublishedVision(copy).success).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a limit that not even an empty board fits', () => {
    expect(() => buildPublishedVision(input({ maxBytes: 100 }))).toThrow(RangeError);
  });
});

describe('parsePublishedVision', () => {
  it('refuses a copy whose counts do not add up, or that is not a copy at all', () => {
    const copy = buildPublishedVision(input({ notes: manyNotes(2, 5) }));
    expect(parsePublishedVision({ ...copy, notesIncluded: 5 }).success).toBe(false);
    expect(parsePublishedVision({ ...copy, schemaVersion: 2 }).success).toBe(false);
    expect(parsePublishedVision('hello').success).toBe(false);
  });
});
