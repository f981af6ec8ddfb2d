/**
 * The pure rules of value sessions: the reveal rule (no participant sees another's rating before the
 * reveal; the PO sees who has rated, never a value), state changes, the weighted median, the spread and
 * the disagreement flag per scale, and the summary sorted by disagreement with the median pre-filled.
 */
import {
  canMove,
  disagree,
  disagreementDegree,
  isRevealed,
  snapToScale,
  suggestedDecisions,
  summarize,
  visibleRatings,
  weightedMedian,
  type Rating,
  type Session,
} from '../../../src/core/sessions';

const session = (over: Partial<Session> = {}): Session => ({
  id: 's1',
  projectKey: 'TRAIL',
  title: 'Q1 value',
  createdBy: 'po',
  createdAt: '2026-12-01T10:00:00.000Z',
  scale: 'fibonacci',
  inputs: ['businessValue', 'timeCriticality'],
  issues: ['TRAIL-1', 'TRAIL-2'],
  participants: ['ann', 'bob', 'cy'],
  state: 'open',
  ...over,
});

const r = (
  accountId: string,
  issueKey: string,
  input: string,
  value: number | null,
  reason?: string,
): Rating => ({
  accountId,
  issueKey,
  input,
  value,
  ...(reason ? { reason } : {}),
  at: '2026-12-01T11:00:00.000Z',
});

const ratings: Rating[] = [
  r('ann', 'TRAIL-1', 'businessValue', 1, 'Nobody asked for it'),
  r('bob', 'TRAIL-1', 'businessValue', 13, 'Our biggest customer needs it'),
  r('cy', 'TRAIL-1', 'businessValue', 5),
  r('ann', 'TRAIL-2', 'businessValue', 5),
  r('bob', 'TRAIL-2', 'businessValue', 8),
  r('cy', 'TRAIL-2', 'businessValue', null, 'Cannot judge this'),
  r('ann', 'TRAIL-1', 'timeCriticality', 3),
  r('bob', 'TRAIL-2', 'timeCriticality', 2),
];

describe('the reveal rule', () => {
  it('before the reveal, each participant sees only their own ratings', () => {
    const s = session();
    for (const who of s.participants) {
      const seen = visibleRatings(s, { accountId: who, isPo: false }, ratings);
      expect(seen.revealed).toBe(false);
      expect(seen.ratings.length).toBeGreaterThan(0);
      expect(seen.ratings.every((x) => x.accountId === who)).toBe(true);
      expect(seen.ratings).toEqual(ratings.filter((x) => x.accountId === who));
      expect(seen.progress).toEqual([]);
    }
  });

  it('before the reveal, the PO sees who has rated how much, but no value', () => {
    const seen = visibleRatings(session(), { accountId: 'po', isPo: true }, ratings);
    expect(seen.ratings).toEqual([]);
    expect(seen.progress).toEqual([
      { accountId: 'ann', rated: 3, skipped: 0, of: 4 },
      { accountId: 'bob', rated: 3, skipped: 0, of: 4 },
      { accountId: 'cy', rated: 1, skipped: 1, of: 4 },
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/"value"/);
  });

  it('a PO who also rates sees their own ratings only', () => {
    const s = session({ participants: ['ann', 'po'] });
    const mine = r('po', 'TRAIL-1', 'businessValue', 8);
    const seen = visibleRatings(s, { accountId: 'po', isPo: true }, [...ratings, mine]);
    expect(seen.ratings).toEqual([mine]);
  });

  it('after the reveal the PO and the participants see all; anyone else sees nothing', () => {
    const s = session({ state: 'revealed' });
    expect(visibleRatings(s, { accountId: 'po', isPo: true }, ratings).ratings).toHaveLength(8);
    expect(visibleRatings(s, { accountId: 'ann', isPo: false }, ratings).ratings).toHaveLength(8);
    expect(visibleRatings(s, { accountId: 'eve', isPo: false }, ratings)).toEqual({
      revealed: true,
      ratings: [],
      progress: [],
    });
  });

  it('ratings outside the session (another issue, input or person) are never shown', () => {
    const stray = [r('eve', 'TRAIL-1', 'businessValue', 21), r('ann', 'TRAIL-9', 'businessValue', 2)];
    const seen = visibleRatings(session({ state: 'revealed' }), { accountId: 'po', isPo: true }, [
      ...ratings,
      ...stray,
    ]);
    expect(seen.ratings).toHaveLength(8);
  });

  it('a session closed before the reveal stays blind; closed after it stays revealed', () => {
    expect(isRevealed(session({ state: 'closed', closedFrom: 'open' }))).toBe(false);
    expect(isRevealed(session({ state: 'closed', closedFrom: 'committed' }))).toBe(true);
    const blind = visibleRatings(
      session({ state: 'closed', closedFrom: 'open' }),
      { accountId: 'ann', isPo: false },
      ratings,
    );
    expect(blind.ratings.every((x) => x.accountId === 'ann')).toBe(true);
  });
});

describe('states', () => {
  it('open → revealed → committed, and any but closed → closed', () => {
    expect(canMove('open', 'revealed')).toBe(true);
    expect(canMove('revealed', 'committed')).toBe(true);
    expect(canMove('open', 'committed')).toBe(false);
    expect(canMove('committed', 'revealed')).toBe(false);
    expect(canMove('revealed', 'open')).toBe(false);
    for (const s of ['open', 'revealed', 'committed'] as const) expect(canMove(s, 'closed')).toBe(true);
    expect(canMove('closed', 'closed')).toBe(false);
    expect(canMove('closed', 'open')).toBe(false);
  });
});

describe('medians, spread and disagreement', () => {
  it('the weighted median: the ordinary median with equal weights, pulled by a heavier stakeholder', () => {
    const w = (...vs: number[]) => vs.map((value) => ({ value, weight: 1 }));
    expect(weightedMedian(w(1, 13, 5))).toBe(5);
    expect(weightedMedian(w(3, 5))).toBe(4);
    expect(weightedMedian(w(8))).toBe(8);
    expect(weightedMedian([])).toBeUndefined();
    expect(
      weightedMedian([
        { value: 1, weight: 1 },
        { value: 13, weight: 3 },
      ]),
    ).toBe(13);
    expect(
      weightedMedian([
        { value: 1, weight: 2 },
        { value: 5, weight: 1 },
        { value: 13, weight: 1 },
      ]),
    ).toBe(3);
  });

  it('snaps a median to the scale, ties upwards', () => {
    expect(snapToScale('fibonacci', 4)).toBe(5);
    expect(snapToScale('fibonacci', 6)).toBe(5);
    expect(snapToScale('fibonacci', 17)).toBe(21);
    expect(snapToScale('ten', 4.5)).toBe(5);
    expect(snapToScale('ten', 7)).toBe(7);
  });

  it('Fibonacci disagrees at max/min ≥ 3; 1–10 at max − min ≥ 5; one rating never', () => {
    expect(disagree('fibonacci', [1, 3])).toBe(true);
    expect(disagree('fibonacci', [5, 13])).toBe(false);
    expect(disagree('fibonacci', [3, 13])).toBe(true);
    expect(disagree('fibonacci', [21])).toBe(false);
    expect(disagree('ten', [2, 7])).toBe(true);
    expect(disagree('ten', [3, 7])).toBe(false);
    expect(disagreementDegree('fibonacci', [1, 21])).toBeCloseTo(1);
    expect(disagreementDegree('ten', [1, 10])).toBeCloseTo(1);
    expect(disagreementDegree('ten', [4, 4])).toBe(0);
  });

  it('the summary: every rating with its reason, median, spread, flag; sorted by disagreement', () => {
    const s = session({ state: 'revealed' });
    const rows = summarize(s, ratings);
    expect(rows).toHaveLength(4);
    const first = rows[0]!;
    expect(first).toMatchObject({
      issueKey: 'TRAIL-1',
      input: 'businessValue',
      count: 3,
      skipped: 0,
      median: 5,
      min: 1,
      max: 13,
      spread: 12,
      disagreement: true,
      suggested: 5,
    });
    expect(first.ratings.map((x) => [x.accountId, x.value, x.reason])).toEqual([
      ['ann', 1, 'Nobody asked for it'],
      ['bob', 13, 'Our biggest customer needs it'],
      ['cy', 5, undefined],
    ]);
    expect(rows.slice(1).every((x) => !x.disagreement)).toBe(true);
    const degrees = rows.slice(1).map((x) => x.degree);
    expect([...degrees].sort((a, b) => b - a)).toEqual(degrees);
    const skipped = rows.find((x) => x.issueKey === 'TRAIL-2' && x.input === 'businessValue')!;
    expect(skipped).toMatchObject({ count: 2, skipped: 1, median: 6.5, suggested: 8, spread: 3 });
    const nobody = rows.find((x) => x.issueKey === 'TRAIL-1' && x.input === 'timeCriticality')!;
    expect(nobody).toMatchObject({ count: 1, median: 3, spread: 0, disagreement: false });
  });

  it('weights move the median and the decision pre-filled from it', () => {
    const s = session({ state: 'revealed', weights: { bob: 3 } });
    const row = summarize(s, ratings).find((x) => x.issueKey === 'TRAIL-1' && x.input === 'businessValue')!;
    expect(row.median).toBe(13);
    const decisions = suggestedDecisions(s, summarize(s, ratings));
    expect(decisions.find((d) => d.issueKey === 'TRAIL-1')?.values).toEqual({
      businessValue: 13,
      timeCriticality: 3,
    });
    expect(decisions.find((d) => d.issueKey === 'TRAIL-2')?.values.timeCriticality).toBe(2);
  });

  it('an issue nobody rated has no median and no suggestion', () => {
    const rows = summarize(session({ state: 'revealed' }), []);
    expect(rows.every((x) => x.median === null && x.suggested === null && x.spread === null)).toBe(true);
  });
});
