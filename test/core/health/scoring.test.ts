/** How much of the backlog the model scores, and the most common reason it does not. */
import { scoringCoverage } from '../../../src/core/health';
import { item } from './fixtures';

describe('scoringCoverage', () => {
  it('counts the scored items and names the cause most unscored items share, with one of its reasons', () => {
    const c = scoringCoverage([
      item('E-1', 4),
      item('E-2', null, { unscored: { cause: 'invalid:confidence', reason: 'Confidence is 80, above 10' } }),
      item('E-3', null, { unscored: { cause: 'missing:impact', reason: 'Impact is empty' } }),
      item('E-4', NaN, { unscored: { cause: 'invalid:confidence', reason: 'Confidence is 60, above 10' } }),
      item('E-5', null),
    ]);
    expect(c).toEqual({
      total: 5,
      scored: 1,
      mainCause: { cause: 'invalid:confidence', reason: 'Confidence is 80, above 10', count: 2 },
    });
  });

  it('has no cause when everything is scored, or nothing is there', () => {
    expect(scoringCoverage([item('F-1', 0), item('F-2', 3)])).toEqual({
      total: 2,
      scored: 2,
      mainCause: null,
    });
    expect(scoringCoverage([])).toEqual({ total: 0, scored: 0, mainCause: null });
  });
});
