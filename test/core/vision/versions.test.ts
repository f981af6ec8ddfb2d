/** Versions: optimistic concurrency, restore as a new version, field-level diffs. */
import fc from 'fast-check';
import type { VisionVersion } from '../../../src/core/vision';
import { diffBoards, emptyBoard, nextVersion, restoreVersion } from '../../../src/core/vision';
import { board, boardArb, goal } from './fixtures';

const NOW = '2025-03-14T09:30:00Z';

const saved = (version: number, b = board()): VisionVersion => ({
  version,
  savedAt: '2025-03-01T00:00:00.000Z',
  savedBy: 'acc-1',
  board: b,
});

describe('nextVersion', () => {
  it('the first save of a project (no current version) expects 0 and makes version 1', () => {
    const result = nextVersion(undefined, board(), 0, 'acc-2', NOW);
    expect(result).toEqual({
      ok: true,
      version: { version: 1, savedAt: '2025-03-14T09:30:00.000Z', savedBy: 'acc-2', board: board() },
    });
  });

  it('saving on top of the expected version makes version + 1', () => {
    const edited = board({ needs: 'Fresher data' });
    const result = nextVersion(saved(3), edited, 3, 'acc-2', new Date(NOW));
    expect(result.ok && result.version.version).toBe(4);
    expect(result.ok && result.version.board).toEqual(edited);
  });

  it('a stale expectedVersion is a conflict carrying yours, theirs and the diff theirs → yours', () => {
    const theirs = saved(5, board({ product: 'A hiking app' }));
    const yours = board({ needs: 'Fresher data' });
    const result = nextVersion(theirs, yours, 4, 'acc-2', NOW);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'conflict') throw new Error('expected a conflict');
    expect(result.conflict.yours).toEqual(yours);
    expect(result.conflict.theirs).toBe(theirs);
    expect(result.conflict.expectedVersion).toBe(4);
    expect(result.conflict.diff.fields.filter((f) => f.change !== 'same').map((f) => f.field)).toEqual([
      'needs',
      'product',
    ]);
    // A save that expects a version when none exists conflicts with the empty version 0.
    const none = nextVersion(undefined, yours, 2, 'acc-2', NOW);
    expect(!none.ok && none.reason === 'conflict' && none.conflict.theirs.version).toBe(0);
    expect(!none.ok && none.reason === 'conflict' && none.conflict.theirs.board).toEqual(emptyBoard());
  });

  it('validates the board, the author and expectedVersion; refuses an invalid now', () => {
    const result = nextVersion(saved(1), { needs: 'x'.repeat(2001) }, 1.5, 'not valid!', NOW);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: [
        'needs is too long: 2001 characters, the limit is 2000',
        'savedBy is not a valid account id',
        'expectedVersion must be a whole number ≥ 0, not 1.5',
      ],
    });
    expect(() => nextVersion(saved(1), board(), 1, 'acc-1', 'yesterday')).toThrow(RangeError);
  });

  it('property: version numbers strictly increase over any sequence of saves', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(boardArb, fc.boolean()), { maxLength: 15 }), (edits) => {
        let current: VisionVersion | undefined;
        const numbers: number[] = [];
        for (const [edited, staleWish] of edits) {
          const stale = staleWish && current !== undefined;
          const expected = (current?.version ?? 0) - (stale ? 1 : 0);
          const result = nextVersion(current, edited, expected, 'acc-1', NOW);
          if (result.ok) {
            current = result.version;
            numbers.push(result.version.version);
          } else expect(stale && result.reason === 'conflict').toBe(true);
        }
        numbers.forEach((n, i) => expect(n).toBe(i + 1));
      }),
      { numRuns: 100 },
    );
  });
});

describe('restoreVersion', () => {
  const history = [
    saved(1, board({ needs: 'one' })),
    saved(2, board({ needs: 'two' })),
    saved(3, board({ needs: 'three' })),
  ];

  it('makes a new version, above all others, equal to the old board', () => {
    const before = structuredClone(history);
    const result = restoreVersion(history, 1, 'acc-9', NOW);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.version).toEqual({
      version: 4,
      savedAt: '2025-03-14T09:30:00.000Z',
      savedBy: 'acc-9',
      board: history[0]?.board,
      restoredFrom: 1,
    });
    expect(result.history.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(history).toEqual(before); // the input is untouched
    // The restored board is a copy: editing it cannot change the old version.
    result.version.board.goals[0]!.name = 'changed';
    expect(history[0]?.board.goals[0]?.name).toBe('Goal g1');
  });

  it('reports a missing version and an invalid author', () => {
    expect(restoreVersion(history, 7, 'acc-9', NOW)).toEqual({
      ok: false,
      reason: 'not-found',
      errors: ['version 7 is not in the history'],
    });
    expect(restoreVersion([], 1, 'acc-9', NOW).ok).toBe(false);
    expect(restoreVersion(history, 1, '', NOW)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: ['savedBy must not be empty'],
    });
  });

  it('property: restore never deletes history and always numbers above it', () => {
    const historyArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 })
      .chain((versions) => fc.tuple(fc.constant(versions), fc.constantFrom(...versions), boardArb));
    fc.assert(
      fc.property(historyArb, ([versions, pick, b]) => {
        const h = versions.map((v) => saved(v, v === pick ? b : board()));
        const result = restoreVersion(h, pick, 'acc-1', NOW);
        if (!result.ok) throw new Error('restore failed');
        expect(result.history.slice(0, h.length)).toEqual(h);
        expect(result.history).toHaveLength(h.length + 1);
        expect(result.version.version).toBe(Math.max(...versions) + 1);
        expect(result.version.board).toEqual(b);
      }),
      { numRuns: 100 },
    );
  });
});

describe('diffBoards', () => {
  it('hand example: field changes and goals matched by id', () => {
    const a = board({
      visionStatement: 'Safe trails',
      targetGroup: '',
      needs: 'Conditions',
      product: 'App',
      goals: [goal('g1', 5), goal('g2', 3), goal('g3', 1), goal('g4', 2)],
    });
    const b = board({
      visionStatement: 'Safe trails',
      targetGroup: 'Hikers',
      needs: '',
      product: 'Web app',
      goals: [{ ...goal('g3', 1), status: 'achieved', weight: 4 }, goal('g1', 5), goal('g5', 2)],
    });
    const diff = diffBoards(a, b);
    expect(diff.fields.map((f) => [f.field, f.change])).toEqual([
      ['visionStatement', 'same'],
      ['targetGroup', 'added'],
      ['needs', 'removed'],
      ['product', 'changed'],
    ]);
    expect(diff.fields[3]).toMatchObject({ label: 'Product', before: 'App', after: 'Web app' });
    // b's order (g3, g1, g5); g2 removed goes after g1 (its predecessor in a), g4 after g3.
    expect(diff.goals.map((g) => [g.id, g.change, g.attributes])).toEqual([
      ['g3', 'changed', ['status', 'weight']],
      ['g4', 'removed', []],
      ['g1', 'same', []],
      ['g2', 'removed', []],
      ['g5', 'added', []],
    ]);
    expect(diff.goalOrderChanged).toBe(true); // shared g1, g3: a has g1 before g3, b the reverse
    expect(diff.counts).toEqual({ fieldsChanged: 3, goalsAdded: 1, goalsRemoved: 2, goalsChanged: 1 });
    expect(diff.changed).toBe(true);
  });

  it('a removed first goal stays first; reordering alone is a change', () => {
    const a = board({ goals: [goal('g1', 1), goal('g2', 1), goal('g3', 1)] });
    const diff = diffBoards(a, board({ goals: [goal('g3', 1)] }));
    expect(diff.goals.map((g) => `${g.id}:${g.change}`)).toEqual(['g1:removed', 'g2:removed', 'g3:same']);
    const swapped = diffBoards(a, board({ goals: [goal('g2', 1), goal('g1', 1), goal('g3', 1)] }));
    expect(swapped.goals.every((g) => g.change === 'same')).toBe(true);
    expect(swapped).toMatchObject({ goalOrderChanged: true, changed: true });
  });

  it('property: diffBoards(a, a) has no changes', () => {
    fc.assert(
      fc.property(boardArb, (a) => {
        const diff = diffBoards(a, structuredClone(a));
        expect(diff.changed).toBe(false);
        expect(diff.fields.every((f) => f.change === 'same')).toBe(true);
        expect(diff.goals.every((g) => g.change === 'same')).toBe(true);
      }),
    );
  });

  it('property: a diff shows every goal of both boards once and changed iff the boards differ', () => {
    fc.assert(
      fc.property(boardArb, boardArb, (a, b) => {
        const diff = diffBoards(a, b);
        const ids = new Set([...a.goals, ...b.goals].map((g) => g.id));
        expect(diff.goals.map((g) => g.id).sort()).toEqual([...ids].sort());
        expect(diff.changed).toBe(JSON.stringify(a) !== JSON.stringify(b));
      }),
    );
  });
});
