import { readWrittenScore, writtenStaleness } from '../../../src/core/scoring';

describe('the written score against the live one', () => {
  it('reads the valuerank property, scored or unscored', () => {
    expect(readWrittenScore(undefined)).toBeNull();
    expect(readWrittenScore({})).toBeNull();
    expect(readWrittenScore({ score: 19, model: 'wsjf', at: '2026-11-20T10:00:00Z' })).toEqual({
      score: 19,
      model: 'wsjf',
      at: '2026-11-20T10:00:00Z',
    });
    expect(readWrittenScore({ model: 'wsjf', unscored: 'Job size is empty' })).toEqual({
      score: null,
      model: 'wsjf',
      at: undefined,
    });
  });

  it('is stale when another model wrote it, or it holds another value', () => {
    const live = { model: 'wsjf', score: 19 };
    expect(writtenStaleness(live, null)).toBeUndefined();
    expect(writtenStaleness(live, { score: 19, model: 'wsjf', at: undefined })).toBeUndefined();
    // equal at the scoring order's precision (12 significant digits) is the same score
    expect(writtenStaleness(live, { score: 19.0000000000001, model: 'wsjf', at: undefined })).toBeUndefined();
    expect(writtenStaleness(live, { score: 2400, model: 'rice', at: '2026-11-20T10:00:00Z' })).toBe(
      'The written score (2400, RICE on 2026-11-20) is stale: the project scores with WSJF now.',
    );
    expect(writtenStaleness(live, { score: 12, model: 'wsjf', at: undefined })).toBe(
      "The written score (12) is stale: the issue's inputs give 19 now.",
    );
    expect(
      writtenStaleness({ model: 'wsjf', score: null }, { score: 12, model: 'wsjf', at: undefined }),
    ).toMatch(/give unscored now/);
  });

  it('checks the score field too, when it was read', () => {
    const live = { model: 'wsjf', score: 19 };
    expect(writtenStaleness(live, null, null)).toBeUndefined();
    expect(writtenStaleness(live, { score: 19, model: 'wsjf', at: undefined }, 19)).toBeUndefined();
    expect(writtenStaleness(live, { score: 19, model: 'wsjf', at: undefined }, 7)).toBe(
      "The Business value score field (7) is stale: the issue's inputs give 19 now.",
    );
  });
});
