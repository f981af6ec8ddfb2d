/** The gadget's one-call summary, and the edge cases every function must survive. */
import { backlogHealth } from '../../../src/core/health';
import type { HealthItem } from '../../../src/core/health';
import { item } from './fixtures';

/** Paths of numbers that are NaN or infinite (JSON.stringify would hide them as null). */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

const run = (items: HealthItem[], topN = 20) =>
  backlogHealth(items, { now: '2025-03-14T09:00:00Z', projectKey: 'TRAIL', topN, agendaSize: 5 });

describe('backlogHealth', () => {
  it('hand example: a small backlog', () => {
    const h = run(
      [
        item('T-1', 2, { storyPoints: 5, ready: true }),
        item('T-2', 9, {
          storyPoints: 1,
          ready: false,
          topFinding: { kind: 'gwt-incomplete', message: 'No Then' },
        }),
        item('T-3', null, { storyPoints: 3 }),
      ],
      2,
    );
    // Value order: T-2 (9), T-1 (2). Top 2: T-2 not ready, T-1 ready → 1 / 2.
    expect(h.top.map((e) => e.key)).toEqual(['T-2', 'T-1']);
    expect(h.readiness.top.share).toBe(0.5);
    // Whole backlog: T-1 ready of 3 items → 1 / 3.
    expect(h.readiness.all.share).toBe(1 / 3);
    expect(h.notReadyJql.byKeys).toBe('key in ("T-2") ORDER BY Rank ASC');
    expect(h.agenda.map((e) => [e.key, e.finding?.kind])).toEqual([['T-2', 'gwt-incomplete']]);
    // Two scored items in reverse value order: ρ = -1; moving T-2 above T-1 is one call.
    expect(h.order).toMatchObject({ spearman: -1, kendallTauB: -1, reorder: { moved: 1, calls: 1 } });
    // Quadrants: efforts 5, 1 → median 3; scores 2, 9 → median 5.5: T-1 time-sink, T-2 quick-win.
    expect(h.quadrants.points.map((p) => p.quadrant)).toEqual(['time-sink', 'quick-win']);
    expect(h.snapshot).toEqual({
      day: '2025-03-14',
      backlogValue: 11,
      readyShare: 1 / 3,
      orderHealth: -1,
      count: 3,
    });
  });

  it.each([
    ['an empty backlog', []],
    ['an all-unscored backlog', [item('U-1', null, { storyPoints: 2 }), item('U-2', null, { ready: false })]],
    ['an all-unestimated backlog', [item('E-1', 3, { ready: true }), item('E-2', 5)]],
  ])('handles %s, with n larger than the backlog', (_, items) => {
    const h = run(items as HealthItem[], 1000);
    expect(h.top.length).toBeLessThanOrEqual(items.length);
    expect(h.quadrants.points.length + h.quadrants.missing.length).toBe(items.length);
    for (const share of [h.readiness.top.share, h.readiness.all.share, h.order.topOverlap ?? 0])
      expect(share >= 0 && share <= 1).toBe(true);
    expect(h.snapshot.count).toBe(items.length);
    expect(nonFinite(h)).toEqual([]);
  });

  it('refuses duplicate keys (the rank planner names the key)', () => {
    expect(() => run([item('D-1', 1), item('D-1', 2)])).toThrow(/D-1/);
  });
});
