/**
 * Regression guard for the measured accuracy of the criteria checks (`npm run eval:criteria` prints the
 * full tables). Smells: F1 at the requirement level, with the annotators' definitions (ANNOTATION_PROFILE),
 * must stay clearly above the F1 the ARTA tool published for the same smells — on DS2 (the tuning set) for
 * every smell, and on held-out DS4 wherever the two data sets agree on what the smell is. For three smells
 * they do not (DS4 marks quantifiers such as "all", "any", "each" as vague pronouns; its vague-adjective
 * labels cover 1% of requirements against 59% in DS2): there the disagreement itself is asserted, and a
 * floor just below today's value catches regressions. Stories: floors a little below today's values.
 */
import type { SmellKind } from '../../../src/core/criteria';
import { ARTA_F1, evaluateAll, type Evaluation } from '../../../eval/criteria/evaluate';
import { describeTiming, timeOnceAgainstReference, type Timing } from '../../support/timing';

/** DS4 smells whose labels follow another convention than DS2; measured F1 floors. */
const DS4_KNOWN_GAPS: Partial<Record<SmellKind, number>> = {
  subjective: 0.24,
  ambiguous: 0.06,
};

/**
 * DS4 marks quantifiers ("all", "any", "each": 250 of its 337 marked words) as vague pronouns, DS2 marks none of
 * them; ValueRank flags quantifiers used as pronouns ("any of", "one of") and is above ARTA's figure on DS4,
 * though not by the full margin.
 */
const DS4_ABOVE: SmellKind[] = ['vague-pronoun'];

/** "Clearly above" ARTA: at least this much more F1. */
const MARGIN = 0.05;

let result: Evaluation;
let timing: Timing;

beforeAll(async () => {
  // run once, against the reference workload timed just before and after it in the same run
  const t = await timeOnceAgainstReference(evaluateAll);
  result = t.result;
  timing = t;
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
    console.log(describeTiming('criteria evaluation', timing));
    expect(timing.ratio).toBeLessThan(150);
  });

  const smells = Object.entries(ARTA_F1) as [SmellKind, number][];

  it.each(smells)('DS2 %s: F1 clearly above ARTA (%s)', (smell, bar) => {
    expect(f1('DS2', smell)).toBeGreaterThanOrEqual(bar + MARGIN);
  });

  const agreed = smells.filter(
    ([smell]) => DS4_KNOWN_GAPS[smell] === undefined && !DS4_ABOVE.includes(smell),
  );
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

  it.each(smells.filter(([smell]) => DS4_ABOVE.includes(smell)))(
    'DS4 (held out) %s: F1 above ARTA (%s)',
    (smell, bar) => {
      expect(f1('DS4', smell)).toBeGreaterThan(bar);
    },
  );

  it.each(gaps)(
    "DS2 and DS4 disagree on %s: even DS2's own marked words find it poorly in DS4",
    (smell, bar) => {
      // A lexicon of every word DS2's annotators marked reaches less than ARTA's F1 on DS4, and less than
      // ValueRank's detector there; on the smells the sets agree on (superlative, comparative) it reaches 0.85+.
      expect(result.transfer.ds2ToDs4[smell].f1).toBeLessThan(bar);
      expect(result.transfer.ds2ToDs4[smell].f1).toBeLessThan(f1('DS4', smell));
      expect(result.transfer.ds2ToDs4.superlative.f1).toBeGreaterThan(0.85);
      expect(result.transfer.ds2ToDs4.comparative.f1).toBeGreaterThan(0.85);
    },
  );

  it('the product defaults let bounded comparisons pass and still beat ARTA on DS2', () => {
    const ds2 = result.smellsDefault.find((s) => s.dataset === 'DS2');
    for (const [smell, bar] of smells)
      expect(ds2?.requirement[smell].f1).toBeGreaterThanOrEqual(bar + MARGIN);
  });

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
