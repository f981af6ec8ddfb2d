/** "Waiting for the PO": open questions, the oldest age, and how many sit on the top of the backlog. */
import { waitingForPo } from '../../../src/core/health';
import { item } from './fixtures';

const NOW = '2026-12-01T12:00:00.000Z';

describe('waitingForPo', () => {
  // Current rank order; value order: B-2 (9), B-4 (7), B-1 (5), B-5 (2); B-3 unscored.
  const items = [
    item('B-1', 5, { openQuestions: 1, oldestQuestion: '2026-11-30T09:00:00.000Z' }),
    item('B-2', 9, { openQuestions: 2, oldestQuestion: '2026-11-21T12:00:00.000Z' }),
    item('B-3', null, { openQuestions: 1, oldestQuestion: '2026-11-01T00:00:00.000Z' }),
    item('B-4', 7),
    item('B-5', 2, { openQuestions: 0 }),
  ];

  it('counts open questions and their issues, the oldest age, and those on the top', () => {
    const w = waitingForPo(items, { now: NOW, topN: 3 });
    expect(w).toMatchObject({ open: 4, issues: 3, oldestDays: 30, oldestKey: 'B-3', onTop: 2, topN: 3 });
    // On the top first in value order, then the rest oldest first.
    expect(w.list.map((l) => [l.key, l.open, l.ageDays, l.position])).toEqual([
      ['B-2', 2, 10, 1],
      ['B-1', 1, 1, 3],
      ['B-3', 1, 30, null],
    ]);
    expect(waitingForPo(items, { now: NOW, topN: 1 }).onTop).toBe(1);
  });

  it('says nothing is waiting when no question is open', () => {
    expect(waitingForPo([item('C-1', 3), item('C-2', null)], { now: new Date(NOW), topN: 10 })).toEqual({
      open: 0,
      issues: 0,
      oldestDays: null,
      oldestKey: null,
      onTop: 0,
      topN: 10,
      list: [],
    });
  });

  it('keeps at most 10 issues in the list, and an unknown asking date has no age', () => {
    const many = Array.from({ length: 14 }, (_, i) => item(`D-${i + 1}`, 14 - i, { openQuestions: 1 }));
    const w = waitingForPo(many, { now: NOW, topN: 5 });
    expect(w.list).toHaveLength(10);
    expect(w.issues).toBe(14);
    expect(w.oldestDays).toBeNull();
    expect(w.list[0]).toMatchObject({ key: 'D-1', ageDays: null, position: 1 });
  });
});
