/**
 * All of the health module on a 5,000-item backlog stays within 2.5 times a fixed reference workload (sorting
 * 100,000 numbers, ~22 ms on a quiet machine: about 55 ms), measured interleaved in one run so that other
 * test workers on the shared cores slow both alike.
 */
import { addSnapshot, backlogHealth, valueEffortQuadrants } from '../../../src/core/health';
import { goalCoverage } from '../../../src/core/vision';
import { backlog } from './fixtures';
import { timeAgainstReference } from '../../support/timing';

describe('backlog health performance', () => {
  const items = backlog(5000, 7);
  const run = (): void => {
    const health = backlogHealth(items, {
      now: '2025-03-14T09:00:00Z',
      projectKey: 'BIG',
      topN: 20,
      agendaSize: 10,
    });
    addSnapshot(undefined, health.snapshot, '2025-03-14T09:00:00Z');
  };

  it('computes everything for 5,000 items within 2.5 times the reference workload', () => {
    const t = timeAgainstReference(run);
    console.log(
      `backlog health, 5,000 items: median ${t.median.toFixed(1)} ms, reference ${t.reference.toFixed(1)} ms, ` +
        `ratio ${t.ratio.toFixed(2)} (runs: ${t.runs.map((r) => r.toFixed(1)).join(', ')} ms)`,
    );
    expect(t.ratio).toBeLessThan(2.5);
  });

  it('produces sensible numbers on the large backlog', () => {
    const health = backlogHealth(items, { now: '2025-03-14', projectKey: 'BIG' });
    expect(health.top).toHaveLength(20);
    expect(health.agenda).toHaveLength(10);
    expect(health.readiness.all.total).toBe(5000);
    expect(health.notReadyJql.byKeys).toBeNull(); // far more than 100 not-ready keys
    const q = valueEffortQuadrants(items);
    expect(q.points.length + q.missing.length).toBe(5000);
    expect(health.order.reorder.moved + health.order.reorder.stayers).toBe(5000);
    // A random order is barely correlated with value.
    expect(Math.abs(health.order.spearman ?? 1)).toBeLessThan(0.1);
    const coverage = goalCoverage(
      items.map((i) => ({ key: i.key, value: i.score, goals: i.goals ?? [] })),
      {
        visionStatement: '',
        targetGroup: '',
        needs: '',
        product: '',
        goals: [{ id: 'g1', name: 'G', target: '', status: 'active', weight: 1 }],
      },
    );
    expect(coverage.goals[0]!.share + coverage.unaligned.share).toBeCloseTo(1, 9);
  });
});
