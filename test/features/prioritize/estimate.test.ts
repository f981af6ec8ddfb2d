/**
 * When a view is analysed inside the resolver and when it goes to a view job (ADR 11): the estimate from
 * the probe's page time, and the rule that a small backlog is always analysed inline.
 */
import { INLINE_BUDGET_MS } from '../../../src/jobs/views';
import { ALWAYS_INLINE_PAGES, estimateMs } from '../../../src/features/prioritize/snapshot';

describe('estimateMs', () => {
  it('keeps a small backlog inline even when its first page was slow (a cold start)', () => {
    expect(estimateMs({ total: 305, pageMs: 2_000 }, 5)).toBeLessThanOrEqual(INLINE_BUDGET_MS);
    expect(estimateMs({ total: ALWAYS_INLINE_PAGES * 50, pageMs: 5_000 }, 5)).toBeLessThanOrEqual(
      INLINE_BUDGET_MS,
    );
  });

  it('sends a larger backlog to a job at real Jira latency, and keeps it inline when Jira is quick', () => {
    expect(estimateMs({ total: ALWAYS_INLINE_PAGES * 50 + 1, pageMs: 2_000 }, 5)).toBeGreaterThan(
      INLINE_BUDGET_MS,
    );
    expect(estimateMs({ total: 10_000, pageMs: 300 }, 5)).toBeGreaterThan(INLINE_BUDGET_MS);
    expect(estimateMs({ total: 2_000, pageMs: 300 }, 5)).toBeGreaterThan(INLINE_BUDGET_MS);
    expect(estimateMs({ total: 1_000, pageMs: 100 }, 5)).toBeLessThanOrEqual(INLINE_BUDGET_MS);
  });

  it('grows with the backlog and with the latency', () => {
    const at = (total: number, pageMs: number) => estimateMs({ total, pageMs }, 5);
    expect(at(5_000, 300)).toBeGreaterThan(at(2_000, 300));
    expect(at(2_000, 1_000)).toBeGreaterThan(at(2_000, 300));
  });
});
