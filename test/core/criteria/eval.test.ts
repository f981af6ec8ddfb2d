/**
 * Regression guard for the measured accuracy of the criteria checks (`npm run eval:criteria` prints the
 * full tables). Smells: F1 at the requirement level must stay clearly above the F1 the ARTA tool published
 * for the same smells — on DS2 (the tuning set) for every smell, and on held-out DS4 where the two data sets
 * agree on what the smell means. Four DS4 smells are labelled by another convention there (see
 * docs/criteria.md, "Measured accuracy") and stay below ARTA's figure; for those a floor just below today's
 * value catches regressions. Stories: floors a little below today's values.
 */
import type { SmellKind } from '../../../src/core/criteria';
import { ARTA_F1, evaluateAll, type Evaluation } from '../../../eval/criteria/evaluate';

/** DS4 smells whose labels follow another convention than DS2 and ISO 29148; measured F1 floors. */
const DS4_KNOWN_GAPS: Partial<Record<SmellKind, number>> = {
  subjective: 0.22,
  ambiguous: 0.06,
  comparative: 0.45,
  'vague-pronoun': 0.08,
};

/** "Clearly above" ARTA: at least this much more F1. */
const MARGIN = 0.05;

let result: Evaluation;
let ms = 0;

beforeAll(() => {
  const started = performance.now();
  result = evaluateAll();
  ms = performance.now() - started;
});

const f1 = (dataset: 'DS2' | 'DS4', smell: SmellKind) =>
  result.smells.find((s) => s.dataset === dataset)?.requirement[smell].f1 ?? 0;

describe('measured accuracy of the criteria checks', () => {
  it('runs on all the labelled data quickly', () => {
    expect(result.smells.map((s) => [s.dataset, s.requirements])).toEqual([
      ['DS2', 1092],
      ['DS4', 1153],
    ]);
    expect(result.stories.stories).toBe(750);
    expect(result.parts.stories).toBe(845);
    console.log(`criteria evaluation: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(15_000);
  });

  const smells = Object.entries(ARTA_F1) as [SmellKind, number][];

  it.each(smells)('DS2 %s: F1 clearly above ARTA (%s)', (smell, bar) => {
    expect(f1('DS2', smell)).toBeGreaterThanOrEqual(bar + MARGIN);
  });

  const agreed = smells.filter(([smell]) => DS4_KNOWN_GAPS[smell] === undefined);
  const gaps = smells.filter(([smell]) => DS4_KNOWN_GAPS[smell] !== undefined);

  it.each(agreed)('DS4 (held out) %s: F1 clearly above ARTA (%s)', (smell, bar) => {
    expect(f1('DS4', smell)).toBeGreaterThanOrEqual(bar + MARGIN);
  });

  it.each(gaps)(
    'DS4 (held out) %s: below ARTA (%s), labelled differently; F1 stays above its floor',
    (smell) => {
      expect(f1('DS4', smell)).toBeGreaterThanOrEqual(DS4_KNOWN_GAPS[smell] as number);
    },
  );

  it('user-story defects on UStAI stay above their floors', () => {
    const s = result.stories.scores;
    expect(s['story-not-atomic'].f1).toBeGreaterThanOrEqual(0.45);
    expect(s['story-not-minimal'].f1).toBeGreaterThanOrEqual(0.65);
    expect(s['story-no-role'].f1).toBeGreaterThanOrEqual(0.7);
    expect(s['story-vague'].f1).toBeGreaterThanOrEqual(0.17);
  });

  it('role, goal and benefit spans on the Dalpiaz backlogs stay above their floors', () => {
    const { exact, overlap } = result.parts;
    expect(exact.role.f1).toBeGreaterThanOrEqual(0.97);
    expect(exact.goal.f1).toBeGreaterThanOrEqual(0.74);
    expect(exact.benefit.f1).toBeGreaterThanOrEqual(0.94);
    expect(overlap.role.f1).toBeGreaterThanOrEqual(0.98);
    expect(overlap.goal.f1).toBeGreaterThanOrEqual(0.98);
    expect(overlap.benefit.f1).toBeGreaterThanOrEqual(0.97);
  });
});
