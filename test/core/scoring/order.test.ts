import type { ModelConfig } from '../../../src/core/scoring/models';
import { compareKeys, compareScores, orderScores, sortKey, tieGroups } from '../../../src/core/scoring/order';
import type { Score } from '../../../src/core/scoring/score';
import { scoreBacklog } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD, issue } from './fixtures';

const keys = (scores: Score[]) => scores.map((s) => s.key);

describe('ordering', () => {
  it('puts issue keys in natural order', () => {
    expect(['TRAIL-10', 'TRAIL-2', 'ABC-7', 'TRAIL-1'].sort(compareKeys)).toEqual([
      'ABC-7',
      'TRAIL-1',
      'TRAIL-2',
      'TRAIL-10',
    ]);
  });

  it('orders by value, higher first, then by key; unscored last', () => {
    const scores = scoreBacklog(
      [
        issue('TRAIL-10', { [F.bv]: 8, [F.sp]: 4 }), // 2
        issue('TRAIL-3', { [F.bv]: 13 }), // unscored
        issue('TRAIL-2', { [F.bv]: 4, [F.sp]: 2 }), // 2
        issue('TRAIL-1', { [F.bv]: 1, [F.sp]: 1 }), // 1
        issue('TRAIL-4', { [F.bv]: 20, [F.sp]: 2 }), // 10
        issue('TRAIL-0', { [F.sp]: 2 }), // unscored
      ],
      TRAILHEAD,
      { kind: 'value-effort' },
      { now: NOW },
    );
    expect(keys(orderScores(scores))).toEqual([
      'TRAIL-4',
      'TRAIL-2',
      'TRAIL-10',
      'TRAIL-1',
      'TRAIL-0',
      'TRAIL-3',
    ]);
    expect(compareScores(scores[0]!, scores[1]!)).toBeLessThan(0);
    expect(sortKey(scores[0]!)).toEqual([0, 2]);
    expect(sortKey(scores[1]!)).toBeUndefined();
  });

  it('compares MoSCoW scores as (bucket, tie-break) tuples: a small Must beats a huge Should', () => {
    const model: ModelConfig = { kind: 'moscow', tiebreak: { kind: 'value-effort' } };
    const scores = scoreBacklog(
      [
        issue('TRAIL-1', { [F.moscow]: { value: 'Should have' }, [F.bv]: 1e15, [F.sp]: 1 }), // Should, 1e15
        issue('TRAIL-2', { [F.moscow]: { value: 'Must have' }, [F.bv]: 1, [F.sp]: 1e6 }), // Must, 0.000001
        issue('TRAIL-3', { [F.moscow]: { value: "Won't have" }, [F.bv]: 20, [F.sp]: 1 }), // Won't, 20
        issue('TRAIL-4', { [F.moscow]: { value: 'Must have' }, [F.bv]: 3, [F.sp]: 1 }), // Must, 3
        issue('TRAIL-5', { [F.moscow]: { value: 'Could have' }, [F.bv]: 3, [F.sp]: 1 }), // Could, 3
      ],
      TRAILHEAD,
      model,
      { now: NOW },
    );
    expect(keys(orderScores(scores))).toEqual(['TRAIL-4', 'TRAIL-2', 'TRAIL-1', 'TRAIL-5', 'TRAIL-3']);
    expect(sortKey(scores[1]!)).toEqual([4, 0.000001]);
    expect(sortKey(scores[0]!)).toEqual([3, 1e15]);
  });
});

describe('tieGroups', () => {
  it('groups exactly equal scores, compared at 12 significant digits', () => {
    const model: ModelConfig = { kind: 'custom', formula: 'businessValue / storyPoints + reach' };
    const scores = scoreBacklog(
      [
        issue('TRAIL-1', { [F.bv]: 16, [F.sp]: 5, [F.reach]: 0 }), // 16 / 5 = 3.2
        issue('TRAIL-2', { [F.bv]: 8, [F.sp]: 2.5, [F.reach]: 0 }), // 8 / 2.5 = 3.2
        issue('TRAIL-3', { [F.bv]: 3.2, [F.sp]: 1, [F.reach]: 0 }), // 3.2
        issue('TRAIL-4', { [F.bv]: 0.1, [F.sp]: 1, [F.reach]: 0.2 }), // 0.1 + 0.2 = 0.30000000000000004
        issue('TRAIL-5', { [F.bv]: 0.3, [F.sp]: 1, [F.reach]: 0 }), // 0.3
        issue('TRAIL-6', { [F.bv]: 3.2000001, [F.sp]: 1, [F.reach]: 0 }), // a real difference: no tie
        issue('TRAIL-7', { [F.bv]: 7, [F.sp]: 1 }), // unscored: never tied
        issue('TRAIL-8', { [F.bv]: 7, [F.sp]: 1 }), // unscored
        issue('TRAIL-9', { [F.bv]: 1, [F.sp]: 1, [F.reach]: 0 }), // 1, alone
      ],
      TRAILHEAD,
      model,
      { now: NOW },
    );
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(tieGroups(scores)).toEqual([
      ['TRAIL-1', 'TRAIL-2', 'TRAIL-3'],
      ['TRAIL-4', 'TRAIL-5'],
    ]);
    // Ties are ordered by key, consistently with the tie groups.
    expect(keys(orderScores(scores)).slice(0, 4)).toEqual(['TRAIL-6', 'TRAIL-1', 'TRAIL-2', 'TRAIL-3']);
  });

  it('does not tie equal values in different MoSCoW buckets', () => {
    const scores = scoreBacklog(
      [
        issue('TRAIL-1', { [F.moscow]: { value: 'Must have' }, [F.bv]: 3, [F.sp]: 1 }),
        issue('TRAIL-2', { [F.moscow]: { value: 'Should have' }, [F.bv]: 3, [F.sp]: 1 }),
        issue('TRAIL-3', { [F.moscow]: { value: 'M' }, [F.bv]: 6, [F.sp]: 2 }),
      ],
      TRAILHEAD,
      { kind: 'moscow', tiebreak: { kind: 'value-effort' } },
      { now: NOW },
    );
    expect(tieGroups(scores)).toEqual([['TRAIL-1', 'TRAIL-3']]);
  });
});
