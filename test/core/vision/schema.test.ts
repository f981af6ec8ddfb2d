/** The vision schemas: limits refuse (never truncate) and name the field, ids, tags and keys normalise. */
import {
  FORGE_VALUE_LIMIT_BYTES,
  parseBoard,
  parseNote,
  VISION_LIMITS,
  VisionVersionSchema,
  worstCaseBoardBytes,
  worstCaseNoteBytes,
} from '../../../src/core/vision';
import { board, goal } from './fixtures';

const validNote = {
  id: 'n1',
  author: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  createdAt: '2025-03-14T09:30:00Z',
  type: 'decision',
  title: 'Focus on mobile',
  text: 'Most hikers check conditions on the trailhead.',
  tags: [],
  issueKeys: [],
};

const errorsOf = (result: { ok: boolean; errors?: string[] }): string[] =>
  result.ok ? [] : (result.errors ?? []);

describe('VisionBoardSchema', () => {
  it('accepts a board, trims text and fills defaults', () => {
    const parsed = parseBoard({
      visionStatement: '  Safe trails  ',
      goals: [{ id: 'g1', name: ' Grow ', weight: 3 }],
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        visionStatement: 'Safe trails',
        targetGroup: '',
        needs: '',
        product: '',
        goals: [{ id: 'g1', name: 'Grow', target: '', status: 'active', weight: 3 }],
      },
    });
  });

  it.each([
    ['visionStatement', VISION_LIMITS.visionStatement],
    ['targetGroup', VISION_LIMITS.targetGroup],
    ['needs', VISION_LIMITS.needs],
    ['product', VISION_LIMITS.product],
  ] as const)(
    '%s: exactly %i characters pass, one more is refused naming field and limit',
    (field, limit) => {
      const atLimit = parseBoard(board({ [field]: 'x'.repeat(limit) }));
      expect(atLimit.ok && atLimit.value[field].length).toBe(limit);
      expect(errorsOf(parseBoard(board({ [field]: 'x'.repeat(limit + 1) })))).toEqual([
        `${field} is too long: ${limit + 1} characters, the limit is ${limit}`,
      ]);
    },
  );

  it('refuses over-long goal fields with their path', () => {
    const long = board({
      goals: [goal('g1', 1), { ...goal('g2', 2), name: 'n'.repeat(151), target: 't'.repeat(401) }],
    });
    expect(errorsOf(parseBoard(long))).toEqual([
      'goals[1].name is too long: 151 characters, the limit is 150',
      'goals[1].target is too long: 401 characters, the limit is 400',
    ]);
  });

  it('validates goals: ids, weights, statuses, duplicates, count', () => {
    const bad = board({
      goals: [
        { ...goal('g1', 1), id: 'has space' },
        { ...goal('g2', 2), weight: 11 },
        { ...goal('g3', 3), weight: 2.5 },
        { ...goal('g4', 4), status: 'done' as never },
        { ...goal('g6', 1), name: '   ' },
      ],
    });
    expect(errorsOf(parseBoard(bad))).toEqual([
      'goals[0].id is not a valid id (letters, digits, "_" or "-")',
      'goals[1].weight must be between 0 and 10',
      'goals[2].weight must be a whole number',
      'goals[3].status must be one of active, achieved, dropped',
      'goals[4].name must not be empty',
    ]);
    // Repeated ids are reported once the goals themselves are valid.
    expect(errorsOf(parseBoard(board({ goals: [goal('g1', 1), goal('g2', 1), goal('g1', 2)] })))).toEqual([
      'goals[2].id repeats the goal id "g1"',
    ]);
    const many = board({ goals: Array.from({ length: 16 }, (_, i) => goal(`g${i}`, 1)) });
    expect(errorsOf(parseBoard(many))).toEqual(['goals has too many goals: the limit is 15']);
    expect(errorsOf(parseBoard(board({ goals: [{ ...goal('g1', 1), id: 'x'.repeat(65) }] })))).toEqual([
      'goals[0].id is too long: 65 characters, the limit is 64',
    ]);
  });

  it('refuses control characters but keeps tabs and line breaks', () => {
    expect(errorsOf(parseBoard(board({ needs: 'a\u0000b' })))).toEqual([
      'needs contains a control character',
    ]);
    expect(parseBoard(board({ needs: 'a\tb\r\nc' })).ok).toBe(true);
  });

  it('refuses what is not an object or not text', () => {
    expect(parseBoard(null).ok).toBe(false);
    expect(errorsOf(parseBoard({ needs: 5 }))).toEqual(['needs must be text']);
  });
});

describe('VisionNoteSchema', () => {
  it('accepts a note; normalises tags (trim, NFC, lower-case, dedupe, drop empty) and issue keys', () => {
    const parsed = parseNote({
      ...validNote,
      tags: [' Mobile', 'mobile', 'UX ', '', 'Cafe\u0301', 'café'],
      issueKeys: ['trail-1', 'TRAIL-1', ' TRAIL-22 '],
    });
    expect(parsed.ok && parsed.value.tags).toEqual(['mobile', 'ux', 'café']);
    expect(parsed.ok && parsed.value.issueKeys).toEqual(['TRAIL-1', 'TRAIL-22']);
  });

  it('allows 10 distinct tags and refuses 11 (counted after normalisation)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(parseNote({ ...validNote, tags: [...ten, 'T0', ' t1 '] }).ok).toBe(true);
    expect(errorsOf(parseNote({ ...validNote, tags: [...ten, 't10'] }))).toEqual([
      'tags has too many tags: 11, the limit is 10',
    ]);
    expect(errorsOf(parseNote({ ...validNote, tags: ['x'.repeat(41)] }))).toEqual([
      'tags[0] is too long: 41 characters, the limit is 40',
    ]);
  });

  it('refuses over-long title and text, invalid keys, dates, authors and types', () => {
    expect(
      errorsOf(
        parseNote({
          ...validNote,
          title: 't'.repeat(201),
          text: 'x'.repeat(10_001),
          issueKeys: ['TRAIL-0', 'not a key'],
          createdAt: '2025-03-14',
          author: 'a b',
          type: 'idea',
        }),
      ),
    ).toEqual([
      'author is not a valid account id',
      'createdAt must be an ISO date-time',
      'type must be one of decision, insight, stakeholder-feedback, pivot',
      'title is too long: 201 characters, the limit is 200',
      'text is too long: 10001 characters, the limit is 10000',
      'issueKeys[0] is not a valid issue key (like ABC-123)',
      'issueKeys[1] is not a valid issue key (like ABC-123)',
    ]);
  });

  it('refuses more than 50 linked issues', () => {
    const keys = Array.from({ length: 51 }, (_, i) => `TRAIL-${i + 1}`);
    expect(errorsOf(parseNote({ ...validNote, issueKeys: keys }))).toEqual([
      'issueKeys has too many linked issues: the limit is 50',
    ]);
  });
});

describe('stored size', () => {
  // The worst case per code unit is a lone surrogate: JSON.stringify writes it as \udXXX, 6 bytes.
  const worst = (n: number): string => '\ud800'.repeat(n);
  const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

  it('a maximal board version stays under the computed bound, far below 240 KiB', () => {
    const L = VISION_LIMITS;
    const maximal = {
      visionStatement: worst(L.visionStatement),
      targetGroup: worst(L.targetGroup),
      needs: worst(L.needs),
      product: worst(L.product),
      goals: Array.from({ length: L.goals }, (_, i) => ({
        id: `g${i}`.padEnd(L.id, 'x'),
        name: worst(L.goalName),
        target: worst(L.goalTarget),
        status: 'achieved',
        weight: 10,
      })),
    };
    const version = VisionVersionSchema.parse({
      version: 123456,
      savedAt: '2025-03-14T09:30:00.000Z',
      savedBy: 'a'.repeat(L.accountId),
      board: maximal,
      restoredFrom: 123455,
    });
    const size = bytes(version);
    console.log(`maximal board version: ${size} bytes JSON; bound ${worstCaseBoardBytes()}`);
    expect(size).toBeLessThanOrEqual(worstCaseBoardBytes());
    expect(worstCaseBoardBytes()).toBeLessThan(FORGE_VALUE_LIMIT_BYTES / 2);
  });

  it('a maximal note stays under the computed bound, far below 240 KiB', () => {
    const L = VISION_LIMITS;
    const parsed = parseNote({
      ...validNote,
      id: 'n'.repeat(L.id),
      author: 'a'.repeat(L.accountId),
      title: worst(L.noteTitle),
      text: worst(L.noteText),
      tags: Array.from({ length: L.tags }, (_, i) => `${i}`.padEnd(L.tag, '\ud800')),
      issueKeys: Array.from({ length: L.issueKeys }, (_, i) => `${'A'.repeat(40)}-${1_000_000 + i}`),
    });
    expect(parsed.ok).toBe(true);
    const size = bytes(parsed.ok ? parsed.value : null);
    console.log(`maximal note: ${size} bytes JSON; bound ${worstCaseNoteBytes()}`);
    expect(size).toBeLessThanOrEqual(worstCaseNoteBytes());
    expect(worstCaseNoteBytes()).toBeLessThan(FORGE_VALUE_LIMIT_BYTES / 2);
  });
});
