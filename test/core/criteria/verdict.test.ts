/**
 * What Ready means (src/core/criteria/verdict.ts, docs/criteria.md "Verdict and score"): at least
 * `bounds.min` top-level criteria, no blocking (error) finding, and a quality score of at least
 * `readiness.minScore`. The score never rises when a finding is added and is at most 30 with nothing to check.
 */
import fc from 'fast-check';
import {
  checkIssue,
  checkText,
  CriteriaConfigSchema,
  FINDING_KINDS,
  judge,
  qualityScore,
  readConfig,
  scoreCeiling,
  type Finding,
  type Subject,
} from '../../../src/core/criteria';

const STORY = 'As a hiker, I want to filter tours by difficulty, so that I find tours I can walk';
const THREE_SCENARIOS = [
  '## Acceptance criteria',
  '',
  'Given the tour list is open',
  'When I choose the level "Easy"',
  'Then only tours of level Easy are listed',
  '',
  'Given the tour list is filtered by "Easy"',
  'When I clear the filter',
  'Then all 25 tours are listed',
  '',
  'Given no tour has the level "Hard"',
  'When I choose the level "Hard"',
  'Then the message "No tours" is shown',
].join('\n');

describe('the verdict', () => {
  it('a story with three concrete Given/When/Then criteria is Ready', () => {
    const r = checkIssue({ summary: STORY, description: THREE_SCENARIOS, issueType: 'Story' });
    expect(r.criteria.map((c) => c.kind)).toEqual(['gwt', 'gwt', 'gwt']);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toEqual({ ready: true, blocking: [], reasons: [] });
    expect(r.score).toBe(100);
  });

  it('a sole vague criterion is never Ready', () => {
    const r = checkIssue({
      description: '## Acceptance criteria\n- the onboarding screens look good and users understand the app',
    });
    expect(r.criteria).toHaveLength(1);
    expect(r.verdict.ready).toBe(false);
    expect(r.verdict.blocking.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['subjective', 'too-few-criteria']),
    );
    expect(r.score).toBeLessThan(70);
    // even when the project lets subjective words pass, one criterion is fewer than the minimum of 2
    const lenient = CriteriaConfigSchema.parse({
      severity: { subjective: 'info', 'too-few-criteria': 'off' },
    });
    const again = checkIssue({ description: '## AC\n- the onboarding screens look good' }, lenient);
    expect(again.verdict.ready).toBe(false);
    expect(again.verdict.blocking.map((f) => [f.kind, f.severity])).toContainEqual([
      'too-few-criteria',
      'info',
    ]);
  });

  it('an issue with no criteria is not Ready and scores at most 40', () => {
    for (const description of ['Make the login faster.', '', '## Acceptance criteria\n\n- [ ] ...\n']) {
      const r = checkIssue({ summary: 'Faster login', description });
      expect(r.criteria).toEqual([]);
      expect(r.verdict.ready).toBe(false);
      expect(r.verdict.blocking.map((f) => f.kind)).toEqual(['missing-criteria']);
      expect(r.score).toBeLessThanOrEqual(40);
    }
    // turning the finding off does not make an empty issue ready
    const off = CriteriaConfigSchema.parse({ severity: { 'missing-criteria': 'off' } });
    const r = checkIssue({ description: 'Make the login faster.' }, off);
    expect(r.verdict.ready).toBe(false);
    expect(r.score).toBeLessThanOrEqual(40);
  });

  it('an empty story is never Ready and scores at most 40, as an issue or as a text', () => {
    const issue = checkIssue({ summary: '', description: '', issueType: 'Story' });
    expect(issue.verdict.ready).toBe(false);
    expect(issue.score).toBeLessThanOrEqual(40);
    const story = checkText('', 'story');
    expect(story.verdict.ready).toBe(false);
    expect(story.score).toBeLessThanOrEqual(40);
    expect(story.verdict.blocking.map((f) => f.kind)).toContain('missing-criteria');
    const criterion = checkText('  ', 'criterion');
    expect(criterion.verdict.ready).toBe(false);
    expect(criterion.score).toBeLessThanOrEqual(40);
  });

  it('a well-formed story or criterion checked as a text is Ready; a vague criterion is not', () => {
    expect(checkText(STORY, 'story').verdict).toEqual({ ready: true, blocking: [], reasons: [] });
    expect(
      checkText('Given a cart with 2 items, when I pay, then the order is saved', 'criterion').verdict.ready,
    ).toBe(true);
    const vague = checkText('The onboarding screens look good', 'criterion');
    expect(vague.verdict.ready).toBe(false);
    expect(vague.verdict.blocking.map((f) => f.kind)).toEqual(['subjective']);
  });

  it.each(['subjective', 'open-ended', 'not-measurable'] as const)(
    '%s blocks by default; the project can lower it',
    (kind) => {
      const texts = {
        subjective: 'The settings page looks nice',
        'open-ended': 'Export to CSV, JSON, etc.',
        'not-measurable': 'The export runs smoothly',
      };
      const r = checkText(texts[kind], 'criterion');
      expect(r.verdict.blocking.map((f) => [f.kind, f.severity])).toContainEqual([kind, 'error']);
      expect(r.verdict.ready).toBe(false);
      const lowered = CriteriaConfigSchema.parse({ severity: { [kind]: 'warning' } });
      expect(
        checkText(texts[kind], 'criterion', lowered).findings.filter((f) => f.kind === kind),
      ).not.toEqual([]);
      expect(
        checkText(texts[kind], 'criterion', lowered).verdict.blocking.filter((f) => f.severity === 'error'),
      ).toEqual([]);
    },
  );

  it('quality under the project threshold is not Ready; the threshold is validated', () => {
    const description = [
      '## Acceptance criteria',
      '- The list shows the newest 20 orders first',
      '- The total shows a better estimate',
      '- The page shows the best offer',
      '- Sending works if possible',
    ].join('\n');
    const r = checkIssue({ description });
    // warnings only: nothing blocks, and the quality is above the default threshold of 70
    expect(r.findings.length).toBeGreaterThanOrEqual(3);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(r.score).toBeLessThan(100);
    expect(r.verdict.ready).toBe(true);
    const strict = CriteriaConfigSchema.parse({ readiness: { minScore: r.score + 1 } });
    const s = checkIssue({ description }, strict);
    expect(s.score).toBe(r.score);
    expect(s.verdict.ready).toBe(false);
    expect(s.verdict.reasons).toEqual([
      `Quality ${r.score} is under the project's threshold of ${r.score + 1}.`,
    ]);
    // the findings that cost the points are what blocks
    expect(s.verdict.blocking).toEqual(expect.arrayContaining(r.findings));
    expect(s.verdict.blocking).toHaveLength(r.findings.length);
    expect(CriteriaConfigSchema.parse({}).readiness).toEqual({ minScore: 70 });
    expect(readConfig({ readiness: { minScore: 101 } }).problems.join()).toMatch(/readiness\.minScore/);
    expect(readConfig({ readiness: { minScore: 'high' } }).problems).toHaveLength(1);
  });
});

describe('the quality score', () => {
  const f = (kind: Finding['kind'], severity: Finding['severity']): Finding => ({
    kind,
    severity,
    message: 'm',
    suggestion: 's',
  });
  const arbFinding = fc
    .record({
      kind: fc.constantFrom(...FINDING_KINDS),
      severity: fc.constantFrom<Finding['severity']>('error', 'warning', 'info'),
    })
    .map((x) => f(x.kind, x.severity));
  const arbSubject: fc.Arbitrary<Subject> = fc.oneof(
    fc.constant({}),
    fc.record({ empty: fc.boolean() }),
    fc.record({ criteria: fc.nat({ max: 20 }) }),
  );
  const arbConfig = fc
    .record({
      min: fc.nat({ max: 6 }),
      minScore: fc.nat({ max: 100 }),
      error: fc.nat({ max: 100 }),
      warning: fc.nat({ max: 100 }),
      info: fc.nat({ max: 100 }),
      kindCap: fc.nat({ max: 100 }),
    })
    .map(({ min, minScore, ...score }) =>
      CriteriaConfigSchema.parse({ bounds: { min, max: 20 }, readiness: { minScore }, score }),
    );

  it('adding a finding never raises the score, and never turns Not ready into Ready (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbFinding, { maxLength: 30 }),
        arbFinding,
        arbSubject,
        arbConfig,
        (list, extra, subject, config) => {
          const before = judge(list, config, subject);
          const after = judge([...list, extra], config, subject);
          return (
            after.score <= before.score &&
            after.score >= 0 &&
            before.score <= 100 &&
            (before.verdict.ready || !after.verdict.ready)
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('Ready exactly when nothing blocks, with the score at least the threshold (property)', () => {
    fc.assert(
      fc.property(fc.array(arbFinding, { maxLength: 20 }), arbSubject, arbConfig, (list, subject, config) => {
        const { verdict, score } = judge(list, config, subject);
        if (!verdict.ready) return (verdict.reasons ?? []).length > 0;
        return (
          verdict.blocking.length === 0 &&
          score >= config.readiness.minScore &&
          !list.some((x) => x.severity === 'error')
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is at most 30 with nothing to check, rising to 100 at the minimum number of criteria', () => {
    expect(qualityScore([], undefined, { criteria: 0 })).toBe(30);
    expect(qualityScore([], undefined, { empty: true })).toBe(30);
    expect(qualityScore([], undefined, { criteria: 1 })).toBe(65);
    expect(qualityScore([], undefined, { criteria: 2 })).toBe(100);
    expect(qualityScore([])).toBe(100);
    expect(scoreCeiling({ criteria: 1 }, CriteriaConfigSchema.parse({ bounds: { min: 0 } }))).toBe(100);
    expect(qualityScore([f('subjective', 'warning'), f('negative', 'info')])).toBe(94);
    expect(qualityScore([f('missing-criteria', 'error')], undefined, { criteria: 0 })).toBe(30);
  });
});
