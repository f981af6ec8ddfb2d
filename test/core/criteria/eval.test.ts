/**
 * Regression guard for the measured accuracy of the criteria checks (`npm run eval:criteria` prints the
 * full tables). Measured on what users see: the product's default config, each requirement checked as
 * `valuerank criteria --as criterion` checks it, a smell counted when a finding reports it (its kind or
 * `also: …`). No special profile, no per-word scoring. Both cross-file directions are asserted: floors a
 * little below today's figures, and ARTA's published F1 wherever today's figure reaches it. Where the two
 * files disagree on a smell (DS4 marks "ambiguous" on 1.1% of requirements, DS2 on 58.9%; DS4's vague
 * pronouns are quantifiers; DS4 counts bounded comparisons such as "no more than 5") the floor is the
 * measured value, and the disagreement itself is asserted.
 */
import { ARTA_F1, evaluateAll, type Evaluation } from '../../../eval/criteria/evaluate';
import type { LabelledSmell } from '../../../eval/criteria/data';
import { describeTiming, timeOnceAgainstReference, type Timing } from '../../support/timing';

let result: Evaluation;
let timing: Timing;

beforeAll(async () => {
  // run once, against the reference workload timed just before and after it in the same run
  const t = await timeOnceAgainstReference(evaluateAll);
  result = t.result;
  timing = t;
}, 120_000);

const f1 = (dataset: 'DS2' | 'DS4', smell: LabelledSmell) =>
  result.directions.find((d) => d.reportedOn === dataset)?.scores.requirement[smell].f1 ?? 0;

/** Floors: today's F1 less 0.03, per data set reported on. */
const FLOORS: Record<'DS2' | 'DS4', Partial<Record<LabelledSmell, number>>> = {
  DS4: {
    subjective: 0.59,
    ambiguous: 0.23,
    'open-ended': 0.54,
    superlative: 0.51,
    comparative: 0.36,
    negative: 0.8,
    'vague-pronoun': 0.23,
  },
  DS2: {
    subjective: 0.35,
    ambiguous: 0.25,
    'open-ended': 0.38,
    superlative: 0.56,
    comparative: 0.8,
    negative: 0.74,
    'vague-pronoun': 0.14,
  },
};

describe('measured accuracy of the criteria checks (product defaults, both directions)', () => {
  it('runs on all the labelled data, both directions, quickly', () => {
    expect(result.directions.map((d) => [d.tunedOn, d.reportedOn, d.scores.requirements])).toEqual([
      ['DS2', 'DS4', 1153],
      ['DS4', 'DS2', 1092],
    ]);
    expect(result.stories.stories).toBe(750);
    expect(result.parts.stories).toBe(845);
    console.log(describeTiming('criteria evaluation', timing));
    expect(timing.ratio).toBeLessThan(150);
  });

  const cases = (['DS4', 'DS2'] as const).flatMap((ds) =>
    (Object.entries(FLOORS[ds]) as [LabelledSmell, number][]).map(
      ([smell, floor]) => [ds, smell, floor] as const,
    ),
  );

  it.each(cases)('%s %s: F1 stays at or above %s', (ds, smell, floor) => {
    expect(f1(ds, smell)).toBeGreaterThanOrEqual(floor);
  });

  it('the mean F1 over ARTA kinds is above ARTA’s mean in both directions', () => {
    const kinds = Object.keys(ARTA_F1) as LabelledSmell[];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const arta = mean(kinds.map((k) => ARTA_F1[k] as number));
    expect(mean(kinds.map((k) => f1('DS4', k)))).toBeGreaterThan(arta);
    expect(mean(kinds.map((k) => f1('DS2', k)))).toBeGreaterThan(arta);
  });

  it('the mean F1 over ARTA kinds is at least ARTA’s mean + 0.05 in both directions', () => {
    const kinds = Object.keys(ARTA_F1) as LabelledSmell[];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const arta = mean(kinds.map((k) => ARTA_F1[k] as number));
    for (const ds of ['DS2', 'DS4'] as const)
      expect(mean(kinds.map((k) => f1(ds, k)))).toBeGreaterThanOrEqual(arta + 0.05);
  });

  it('open-ended, superlative and negative are above ARTA in both directions', () => {
    for (const ds of ['DS2', 'DS4'] as const)
      for (const smell of ['open-ended', 'superlative', 'negative'] as const)
        expect(f1(ds, smell)).toBeGreaterThanOrEqual(ARTA_F1[smell] as number);
  });

  it('the two files disagree on ambiguous and subjective: their own words transfer poorly', () => {
    expect(result.baseRates.DS2.ambiguous).toBeGreaterThan(0.5);
    expect(result.baseRates.DS4.ambiguous).toBeLessThan(0.02);
    expect(result.transfer.ds2ToDs4.ambiguous.f1).toBeLessThan(0.1);
    expect(result.transfer.ds2ToDs4.subjective.f1).toBeLessThan(0.15);
    expect(result.transfer.ds2ToDs4.superlative.f1).toBeGreaterThan(0.85);
  });

  it('user-story defects on UStAI stay above their floors', () => {
    const s = result.stories.scores;
    expect(s['story-not-atomic'].precision).toBeGreaterThanOrEqual(0.48);
    expect(s['story-not-atomic'].f1).toBeGreaterThanOrEqual(0.44);
    expect(s['story-not-minimal'].f1).toBeGreaterThanOrEqual(0.37);
    expect(s['story-no-role'].precision).toBeGreaterThanOrEqual(0.7);
    expect(s['story-vague'].f1).toBeGreaterThanOrEqual(0.25);
  });

  it('user-story defects on the Dalpiaz backlogs: atomicity, and accepted roles not rejected', () => {
    const s = result.dalpiaz.scores;
    // the target for "one action": precision at least 0.5 at recall at least 0.8 (two annotated
    // actions joined by a conjunction; today 0.72 at 0.89)
    expect(s['story-not-atomic'].precision).toBeGreaterThanOrEqual(0.5);
    expect(s['story-not-atomic'].recall).toBeGreaterThanOrEqual(0.8);
    expect(s['story-not-atomic'].f1).toBeGreaterThanOrEqual(0.76);
    expect(s['story-no-role'].fp).toBeLessThanOrEqual(5);
    expect(s['story-no-goal'].fp).toBeLessThanOrEqual(2);
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
