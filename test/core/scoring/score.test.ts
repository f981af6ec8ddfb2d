import fc from 'fast-check';
import { compileFormula, evaluateFormula } from '../../../src/core/scoring/formula';
import type { FieldMapping } from '../../../src/core/scoring/mapping';
import type { ModelConfig } from '../../../src/core/scoring/models';
import type { Score } from '../../../src/core/scoring/score';
import { formatScore, scoreBacklog, scoreIssue } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD, issue } from './fixtures';

describe('formatScore', () => {
  it.each([
    [3.2, '3.2'],
    [10 / 3, '3.33'],
    [2 / 3, '0.67'],
    [320, '320'],
    [1234567.891, '1234567.89'],
    [0, '0'],
    [-2.5, '-2.5'],
    [0.004, '0.004'],
    [0.001234, '0.0012'],
    [-0.00009876, '-0.000099'],
    [0.01, '0.01'],
    [0.3 + 0.00000000001, '0.3'],
  ])('%d → %s (at most 2 decimals, never a false 0)', (value, text) => {
    expect(formatScore(value)).toBe(text);
  });
});

const MAPPING: FieldMapping = {
  ...TRAILHEAD,
  dueDate: { fieldId: 'duedate' },
  blockedCount: { fieldId: 'issuelinks' },
  strategicFit: true,
  rules: [{ field: 'labels', value: 'regulatory', input: 'riskReduction', add: 8 }],
  custom: [{ name: 'teamFit', fieldId: 'customfield_10038', options: { Pathfinders: 3, Summit: 1 } }],
};

const MODELS: ModelConfig[] = [
  { kind: 'wsjf' },
  { kind: 'wsjf', fitWeight: 0.5 },
  { kind: 'rice' },
  { kind: 'rice', confidenceUnit: 'fraction' },
  { kind: 'ice' },
  { kind: 'ice', confidenceUnit: 'percent' },
  { kind: 'value-effort' },
  { kind: 'cd3' },
  { kind: 'moscow', tiebreak: { kind: 'wsjf' } },
  { kind: 'moscow', tiebreak: { kind: 'custom', formula: 'max(businessValue, 1) - teamFit' } },
  { kind: 'custom', formula: 'businessValue / (storyPoints - 3) + blockedCount * priority' },
  { kind: 'custom', formula: '-reach * impact / min(confidence, 50)' },
];

describe('scoreBacklog', () => {
  const issues = [
    issue('TRAIL-1', { [F.bv]: 8, [F.tc]: 5, [F.rr]: 3, [F.sp]: 5 }),
    issue('TRAIL-2', { [F.bv]: 13, [F.tc]: null, [F.rr]: 3, [F.sp]: 8, duedate: '2024-05-01' }),
    issue('TRAIL-3', { [F.bv]: 8, [F.tc]: 5, [F.rr]: 3 }),
  ];

  it('scores in the order given, each exactly as scoreIssue would', () => {
    const scores = scoreBacklog(issues, MAPPING, { kind: 'wsjf' }, { now: NOW });
    expect(scores.map((s) => s.key)).toEqual(['TRAIL-1', 'TRAIL-2', 'TRAIL-3']);
    // (8 + 5 + 3) / 5 = 3.2; (13 + 20 overdue + 3) / 8 = 36 / 8 = 4.5; TRAIL-3 has no story points
    expect(scores.map((s) => (s.status === 'scored' ? s.value : s.missing))).toEqual([3.2, 4.5, ['jobSize']]);
    expect(scores).toEqual(issues.map((i) => scoreIssue(i, MAPPING, { kind: 'wsjf' }, { now: NOW })));
  });

  it('takes blocked counts and strategic fit per issue key, from a map or a record', () => {
    const model: ModelConfig = { kind: 'custom', formula: 'businessValue + blockedCount' };
    const a = scoreBacklog(issues, MAPPING, model, { now: NOW, blockedCount: new Map([['TRAIL-1', 2]]) });
    // 8 + 2 = 10; TRAIL-2 has no count supplied and no links read
    expect(a.map((s) => s.status === 'scored' && s.value)).toEqual([10, false, false]);
    const b = scoreBacklog(
      issues,
      MAPPING,
      { kind: 'wsjf', fitWeight: 1 },
      {
        now: NOW,
        strategicFit: { 'TRAIL-1': 0.5, 'TRAIL-2': 0 },
      },
    );
    // 3.2 × (1 + 1 × 0.5) = 4.8; 4.5 × (1 + 1 × 0) = 4.5
    expect(b.map((s) => s.status === 'scored' && s.value)).toEqual([4.800000000000001, 4.5, false]);
    expect(b[0]?.status === 'scored' && b[0].explanation.result).toBe('4.8');
  });

  it('leaves every issue unscored, saying why, when the model cannot compile', () => {
    const scores = scoreBacklog(issues, MAPPING, { kind: 'custom', formula: '2 * (' }, { now: NOW });
    expect(
      scores.every((s) => s.status === 'unscored' && s.reason.startsWith('The formula does not compile')),
    ).toBe(true);
  });

  it('refuses a now that is not a date, and survives issues without fields', () => {
    expect(() => scoreBacklog(issues, MAPPING, { kind: 'wsjf' }, { now: 'tomorrow' })).toThrow(RangeError);
    const broken = scoreBacklog(
      [{ key: 'TRAIL-9', fields: null as unknown as Record<string, unknown> }],
      MAPPING,
      { kind: 'wsjf' },
      { now: NOW },
    );
    expect(broken[0]).toMatchObject({ key: 'TRAIL-9', status: 'unscored' });
  });
});

describe('every score, whatever the fields hold', () => {
  const raw = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer({ min: -3, max: 40 }),
    fc.constantFrom(0, 0.5, 1e200, -0, NaN, Infinity),
    fc.double(),
    fc.constantFrom('8', '0', ' 2.5 ', 'x', '', 'High'),
    fc.constantFrom('Must have', 'M', "Won't", 'Maybe', '5', 'Pathfinders').map((value) => ({ value })),
    fc.constantFrom('Highest', 'Low', 'Nope').map((name) => ({ name })),
    fc.array(fc.constantFrom('regulatory', 'web'), { maxLength: 2 }),
    fc.boolean(),
    fc.constant({}),
  );
  const fieldsArb = fc.record({
    [F.sp]: raw,
    [F.bv]: raw,
    [F.tc]: raw,
    [F.rr]: raw,
    [F.reach]: raw,
    [F.impact]: raw,
    [F.confidence]: raw,
    [F.moscow]: raw,
    customfield_10038: raw,
    priority: raw,
    labels: raw,
    duedate: fc.oneof(fc.constantFrom('2024-05-01', '2024-06-30', '2030-01-01', 'soon', null), raw),
    issuelinks: fc.oneof(fc.constant([]), raw),
  });

  it('is a finite number reproducible from its explanation, or unscored with a reason; never NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(fieldsArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...MODELS),
        fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
        (fieldList, model, fit) => {
          const issues = fieldList.map((fields, i) => issue(`TRAIL-${i + 1}`, fields));
          const strategicFit = fit === undefined ? undefined : { 'TRAIL-1': fit };
          const scores: Score[] = scoreBacklog(issues, MAPPING, model, { now: NOW, strategicFit });
          scores.forEach((s, i) => {
            // The backlog path (with its memo) agrees with the single-issue path.
            expect(s).toEqual(
              scoreIssue(issues[i]!, MAPPING, model, { now: NOW, strategicFit: i === 0 ? fit : undefined }),
            );
            if (s.status === 'scored') {
              expect(Number.isFinite(s.value)).toBe(true);
              expect(Object.is(s.value, -0)).toBe(false);
              // Redo the arithmetic from the substituted line alone: it gives exactly the value.
              const text = s.explanation.substituted.replace(/^[^,]+, then /, '');
              const again = compileFormula(text, []);
              expect(again.ok).toBe(true);
              const v = again.ok ? evaluateFormula(again.formula, {}) : undefined;
              expect(v).toEqual({ ok: true, value: s.value });
              expect(s.explanation.result).toContain(formatScore(s.value));
              expect(s.explanation.inputs.every((r) => r.value !== null && Number.isFinite(r.value))).toBe(
                true,
              );
            } else {
              expect(s.reason.length).toBeGreaterThan(0);
              expect(
                s.missing.length + s.invalid.length > 0 || /^(Division by zero|The result)/.test(s.reason),
              ).toBe(true);
              expect(s).not.toHaveProperty('value');
            }
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
