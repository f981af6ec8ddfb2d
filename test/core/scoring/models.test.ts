/**
 * Every model on hand-computed examples (the arithmetic is in the comments), and every way an issue can be left
 * unscored: each with a reason, never NaN, Infinity or a silent 0.
 */
import type { FieldMapping } from '../../../src/core/scoring/mapping';
import type { ModelConfig } from '../../../src/core/scoring/models';
import { MODELS, checkModel, compileModel, requiredInputs } from '../../../src/core/scoring/models';
import type { Score, ScoredScore, UnscoredScore } from '../../../src/core/scoring/score';
import { scoreIssue } from '../../../src/core/scoring/score';
import { F, NOW, TRAILHEAD, issue } from './fixtures';

const score = (
  fields: Record<string, unknown>,
  model: ModelConfig,
  mapping: FieldMapping = TRAILHEAD,
  context: { blockedCount?: number; strategicFit?: number } = {},
): Score => scoreIssue(issue('TRAIL-1', fields), mapping, model, { now: NOW, ...context });

const scored = (s: Score): ScoredScore => {
  if (s.status !== 'scored') throw new Error(`unscored: ${s.reason}`);
  return s;
};
const unscored = (s: Score): UnscoredScore => {
  if (s.status !== 'unscored') throw new Error(`scored ${s.value}`);
  expect(s.reason.length).toBeGreaterThan(0);
  expect(s).not.toHaveProperty('value');
  expect(s.explanation.result).toBe('unscored');
  return s;
};

const WSJF: ModelConfig = { kind: 'wsjf' };
const wsjfFields = { [F.bv]: 8, [F.tc]: 5, [F.rr]: 3, [F.sp]: 5 };

describe('WSJF', () => {
  it('is (business value + time criticality + risk reduction) / job size, explained', () => {
    // (8 + 5 + 3) / 5 = 16 / 5 = 3.2
    expect(score(wsjfFields, WSJF)).toEqual({
      key: 'TRAIL-1',
      model: 'wsjf',
      status: 'scored',
      value: 3.2,
      explanation: {
        inputs: [
          {
            name: 'businessValue',
            label: 'Business Value',
            value: 8,
            source: 'Business Value (customfield_10030) = 8',
            raw: 8,
          },
          {
            name: 'timeCriticality',
            label: 'Time Criticality',
            value: 5,
            source: 'Time Criticality (customfield_10031) = 5',
            raw: 5,
          },
          {
            name: 'riskReduction',
            label: 'Risk Reduction / Opportunity Enablement',
            value: 3,
            source: 'Risk Reduction / Opportunity Enablement (customfield_10032) = 3',
            raw: 3,
          },
          {
            name: 'jobSize',
            label: 'Job size',
            value: 5,
            source: 'Story Points (customfield_10016) = 5',
            raw: 5,
            from: 'storyPoints',
          },
        ],
        formula: '(businessValue + timeCriticality + riskReduction) / jobSize',
        substituted: '(8 + 5 + 3) / 5',
        result: '3.2',
      },
    });
  });

  it('rounds the displayed value to 2 decimals and keeps the exact value', () => {
    // (5 + 3 + 2) / 3 = 10 / 3 = 3.333...
    const s = scored(score({ [F.bv]: 5, [F.tc]: 3, [F.rr]: 2, [F.sp]: 3 }, WSJF));
    expect(s.value).toBe(10 / 3);
    expect(s.explanation.result).toBe('3.33');
  });

  it('reads numeric text and numeric select options, and says so', () => {
    // ("13" → 13 + 8 + 1) / 2 = 22 / 2 = 11
    const s = scored(
      score({ [F.bv]: '13', [F.tc]: { value: '8', id: '1' }, [F.rr]: [{ value: '1' }], [F.sp]: 2 }, WSJF),
    );
    expect(s.value).toBe(11);
    expect(s.explanation.inputs[0]?.source).toBe('Business Value (customfield_10030) = "13" → 13');
    expect(s.explanation.inputs[1]?.source).toBe('Time Criticality (customfield_10031) = "8" → 8');
  });

  it('adds label and component rules to an input, shown in the explanation', () => {
    const mapping: FieldMapping = {
      ...TRAILHEAD,
      rules: [
        { field: 'labels', value: 'Regulatory', input: 'riskReduction', add: 8 },
        { field: 'components', value: 'Payments', input: 'riskReduction', add: 2 },
        { field: 'labels', value: 'nice-to-have', input: 'businessValue', add: -3 },
      ],
    };
    // risk reduction 3 + 8 (label regulatory) + 2 (component Payments) = 13; (8 + 5 + 13) / 5 = 26 / 5 = 5.2
    const s = scored(
      score(
        { ...wsjfFields, labels: ['regulatory', 'web'], components: [{ name: 'Payments' }] },
        WSJF,
        mapping,
      ),
    );
    expect(s.value).toBe(5.2);
    expect(s.explanation.substituted).toBe('(8 + 5 + 13) / 5');
    expect(s.explanation.inputs[2]?.source).toBe(
      'Risk Reduction / Opportunity Enablement (customfield_10032) = 3; + 8 (label "Regulatory"); + 2 (component "Payments") = 13',
    );
    // Rules do not stand in for an empty field.
    expect(
      unscored(score({ ...wsjfFields, [F.rr]: null, labels: ['regulatory'] }, WSJF, mapping)).missing,
    ).toEqual(['riskReduction']);
    // A rule may not push an input below 0: 2 - 3 = -1.
    expect(
      unscored(score({ ...wsjfFields, [F.bv]: 2, labels: ['nice-to-have'] }, WSJF, mapping)).invalid,
    ).toEqual([
      { input: 'businessValue', reason: 'Business Value is -1 after the rules; it must not be negative' },
    ]);
  });

  it('starts an input that has only rules (no field) from 0, and says so', () => {
    const { riskReduction: _unused, ...rest } = TRAILHEAD;
    const mapping: FieldMapping = {
      ...rest,
      rules: [{ field: 'labels', value: 'regulatory', input: 'riskReduction', add: 8 }],
    };
    // (8 + 5 + 8) / 5 = 21 / 5 = 4.2, and (8 + 5 + 0) / 5 = 13 / 5 = 2.6
    const a = scored(score({ ...wsjfFields, labels: ['regulatory'] }, WSJF, mapping));
    expect(a.value).toBe(4.2);
    expect(a.explanation.inputs[2]?.source).toBe('no field: 0; + 8 (label "regulatory") = 8');
    const b = scored(score({ ...wsjfFields, labels: [] }, WSJF, mapping));
    expect(b.value).toBe(2.6);
    expect(b.explanation.inputs[2]?.source).toBe('no field: 0');
  });

  it('takes time criticality from the due date when its field is empty, relative to the given now', () => {
    const mapping: FieldMapping = { ...TRAILHEAD, dueDate: { fieldId: 'duedate', fieldName: 'Due date' } };
    const tc = (duedate: string) => score({ ...wsjfFields, [F.tc]: null, duedate }, WSJF, mapping);
    // 2024-05-20 is 12 days after 2024-05-08: within 14 → 13; (8 + 13 + 3) / 5 = 24 / 5 = 4.8
    const soon = scored(tc('2024-05-20'));
    expect(soon.value).toBe(4.8);
    expect(soon.explanation.inputs[1]?.source).toBe(
      'Due date (duedate) = 2024-05-20: due in 12 days, within 14 → 13',
    );
    // overdue → 20: (8 + 20 + 3) / 5 = 31 / 5 = 6.2
    expect(scored(tc('2024-05-01')).value).toBe(6.2);
    expect(scored(tc('2024-05-01')).explanation.inputs[1]?.source).toContain('7 days overdue → 20');
    // due today: 0 days, within 14 → 13
    expect(scored(tc('2024-05-08')).value).toBe(4.8);
    // 2024-06-07 is 30 days away → 8: (8 + 8 + 3) / 5 = 3.8
    expect(scored(tc('2024-06-07')).value).toBe(3.8);
    // 2024-06-08 is 31 days → 3: (8 + 3 + 3) / 5 = 2.8
    expect(scored(tc('2024-06-08')).value).toBe(2.8);
    // 2025-01-01 is later than 90 days → 1: (8 + 1 + 3) / 5 = 2.4
    expect(scored(tc('2025-01-01')).value).toBe(2.4);
    // The field wins when it has a value.
    expect(scored(score({ ...wsjfFields, duedate: '2024-05-01' }, WSJF, mapping)).value).toBe(3.2);
    // A custom table: within 7 days → 21, else 2.
    const custom: FieldMapping = {
      ...mapping,
      dueDate: {
        fieldId: 'duedate',
        table: { overdue: 34, steps: [{ withinDays: 7, value: 21 }], later: 2 },
      },
    };
    // (8 + 2 + 3) / 5 = 2.6
    expect(scored(score({ ...wsjfFields, [F.tc]: null, duedate: '2024-05-20' }, WSJF, custom)).value).toBe(
      2.6,
    );
    // An instant as now counts its UTC day.
    const instant = scoreIssue(
      issue('T-1', { ...wsjfFields, [F.tc]: null, duedate: '2024-05-20' }),
      mapping,
      WSJF,
      {
        now: new Date('2024-05-08T22:00:00Z'),
      },
    );
    expect(scored(instant).value).toBe(4.8);
  });

  it('multiplies by (1 + fitWeight × strategic fit) when both are set', () => {
    const mapping: FieldMapping = { ...TRAILHEAD, strategicFit: true };
    const model: ModelConfig = { kind: 'wsjf', fitWeight: 0.5 };
    // 16 / 5 × (1 + 0.5 × 0.8) = 3.2 × 1.4 = 4.48
    const s = scored(score(wsjfFields, model, mapping, { strategicFit: 0.8 }));
    expect(s.value).toBeCloseTo(4.48, 12);
    expect(s.explanation.formula).toBe(
      '(businessValue + timeCriticality + riskReduction) / jobSize * (1 + 0.5 * strategicFit)',
    );
    expect(s.explanation.substituted).toBe('(8 + 5 + 3) / 5 * (1 + 0.5 * 0.8)');
    expect(s.explanation.result).toBe('4.48');
    expect(s.explanation.inputs.at(-1)).toEqual({
      name: 'strategicFit',
      label: 'Strategic fit',
      value: 0.8,
      source: 'supplied by the vision goals = 0.8',
    });
    // No fit supplied: unscored, not scored without the bonus.
    const u = unscored(score(wsjfFields, model, mapping));
    expect(u.missing).toEqual(['strategicFit']);
    expect(u.reason).toBe('Strategic fit was not supplied for this issue');
    expect(unscored(score(wsjfFields, model, mapping, { strategicFit: -1 })).invalid[0]?.input).toBe(
      'strategicFit',
    );
    // Fit weighed but not switched on in the mapping: no multiplier, and checkModel says so.
    expect(scored(score(wsjfFields, model, TRAILHEAD, { strategicFit: 0.8 })).value).toBe(3.2);
    expect(checkModel(model, TRAILHEAD)).toEqual([
      'The model weighs strategic fit, but the mapping does not switch strategic fit on',
    ]);
  });

  describe('unscored', () => {
    it.each([
      ['businessValue', F.bv, 'Business Value (customfield_10030) is empty'],
      ['timeCriticality', F.tc, 'Time Criticality (customfield_10031) is empty'],
      ['riskReduction', F.rr, 'Risk Reduction / Opportunity Enablement (customfield_10032) is empty'],
      ['jobSize', F.sp, 'Job size comes from Story Points: Story Points (customfield_10016) is empty'],
    ])('when %s is empty', (input, field, reason) => {
      const u = unscored(score({ ...wsjfFields, [field]: null }, WSJF));
      expect(u.missing).toEqual([input]);
      expect(u.invalid).toEqual([]);
      expect(u.reason).toBe(reason);
      expect(u.explanation.inputs.find((i) => i.name === input)?.value).toBeNull();
    });

    it('names every problem at once, with ? in the substituted line', () => {
      const u = unscored(score({ [F.bv]: 'lots', [F.sp]: 0 }, WSJF));
      expect(u.missing).toEqual(['timeCriticality', 'riskReduction']);
      expect(u.invalid).toEqual([
        { input: 'businessValue', reason: 'Business Value (customfield_10030): "lots" is not a number' },
        { input: 'jobSize', reason: 'Job size is 0; WSJF divides by it, so it must be more than 0' },
      ]);
      expect(u.reason).toBe(
        'Business Value (customfield_10030): "lots" is not a number; Time Criticality (customfield_10031) is empty; ' +
          'Risk Reduction / Opportunity Enablement (customfield_10032) is empty; ' +
          'Job size is 0; WSJF divides by it, so it must be more than 0',
      );
      expect(u.explanation.substituted).toBe('(? + ? + ?) / 0');
    });

    it('when job size is zero or negative', () => {
      expect(unscored(score({ ...wsjfFields, [F.sp]: 0 }, WSJF)).invalid).toEqual([
        { input: 'jobSize', reason: 'Job size is 0; WSJF divides by it, so it must be more than 0' },
      ]);
      expect(unscored(score({ ...wsjfFields, [F.sp]: -3 }, WSJF)).invalid).toEqual([
        {
          input: 'jobSize',
          reason:
            'Job size comes from Story Points: Story Points (customfield_10016) is -3; it must not be negative',
        },
      ]);
    });

    it('when a value has the wrong shape', () => {
      const cases: Array<[unknown, string]> = [
        [true, 'expected a number, got true'],
        [{ id: '1' }, 'expected an option like {"value": "..."}, got {"id":"1"}'],
        [[{ value: '1' }, { value: '2' }], 'has 2 options selected (1, 2); one is expected'],
        [{ value: 'High' }, '"High" is not a number'],
        [Infinity, 'Infinity is not a finite number'],
      ];
      for (const [raw, why] of cases) {
        const u = unscored(score({ ...wsjfFields, [F.bv]: raw }, WSJF));
        expect(u.invalid).toEqual([
          { input: 'businessValue', reason: `Business Value (customfield_10030): ${why}` },
        ]);
      }
    });

    it('when an input is not mapped at all', () => {
      const { businessValue: _unused, ...mapping } = TRAILHEAD;
      const u = unscored(score(wsjfFields, WSJF, mapping));
      expect(u.missing).toEqual(['businessValue']);
      expect(u.reason).toBe('Business Value is not mapped to a Jira field');
      expect(checkModel(WSJF, mapping)).toEqual(['Business Value is not mapped to a Jira field']);
      const { storyPoints: _sp, ...noPoints } = TRAILHEAD;
      expect(unscored(score(wsjfFields, WSJF, noPoints)).reason).toBe(
        'Job size comes from Story Points, which is not mapped to a Jira field',
      );
    });

    it('when the due date is neither there nor valid', () => {
      const mapping: FieldMapping = { ...TRAILHEAD, dueDate: { fieldId: 'duedate' } };
      expect(unscored(score({ ...wsjfFields, [F.tc]: null }, WSJF, mapping)).reason).toBe(
        'Time Criticality (customfield_10031) is empty, and Due date (duedate) is empty',
      );
      expect(
        unscored(score({ ...wsjfFields, [F.tc]: null, duedate: 'next week' }, WSJF, mapping)).invalid,
      ).toEqual([
        {
          input: 'timeCriticality',
          reason: 'Time Criticality from Due date (duedate): "next week" is not a date (YYYY-MM-DD)',
        },
      ]);
    });
  });
});

describe('RICE', () => {
  const rice: ModelConfig = { kind: 'rice' };
  const fields = { [F.reach]: 1000, [F.impact]: 2, [F.confidence]: 80, [F.sp]: 5 };

  it('is reach × impact × confidence% / effort', () => {
    // 1000 × 2 × 80 / 100 / 5 = 160000 / 100 / 5 = 1600 / 5 = 320
    const s = scored(score(fields, rice));
    expect(s.value).toBe(320);
    expect(s.explanation.formula).toBe('reach * impact * confidence / 100 / effort');
    expect(s.explanation.substituted).toBe('1000 * 2 * 80 / 100 / 5');
    // Impact 0.25 (minimal): 1000 × 0.25 × 50 / 100 / 3 = 12500 / 100 / 3 = 125 / 3 = 41.67
    const small = scored(score({ ...fields, [F.impact]: 0.25, [F.confidence]: 50, [F.sp]: 3 }, rice));
    expect(small.value).toBeCloseTo(125 / 3, 12);
    expect(small.explanation.result).toBe('41.67');
  });

  it('reads confidence as a fraction when told to', () => {
    // 1000 × 2 × 0.8 / 5 = 1600 / 5 = 320
    expect(
      scored(score({ ...fields, [F.confidence]: 0.8 }, { kind: 'rice', confidenceUnit: 'fraction' })).value,
    ).toBe(320);
    expect(unscored(score(fields, { kind: 'rice', confidenceUnit: 'fraction' })).invalid).toEqual([
      {
        input: 'confidence',
        reason: 'Confidence is 80, above 1; RICE is set to read confidence as a fraction (0–1)',
      },
    ]);
  });

  it.each(['reach', 'impact', 'confidence'])('is unscored without %s', (input) => {
    const field = F[input as 'reach' | 'impact' | 'confidence'];
    expect(unscored(score({ ...fields, [field]: null }, rice)).missing).toEqual([input]);
  });

  it('is unscored with zero effort or a confidence above 100%', () => {
    expect(unscored(score({ ...fields, [F.sp]: 0 }, rice)).invalid).toEqual([
      { input: 'effort', reason: 'Effort is 0; RICE divides by it, so it must be more than 0' },
    ]);
    expect(unscored(score({ ...fields, [F.sp]: null }, rice)).missing).toEqual(['effort']);
    expect(unscored(score({ ...fields, [F.confidence]: 120 }, rice)).invalid).toEqual([
      {
        input: 'confidence',
        reason: 'Confidence is 120, above 100; RICE reads confidence as a percentage (0–100)',
      },
    ]);
  });

  it('uses its own effort field when mapped', () => {
    const mapping: FieldMapping = {
      ...TRAILHEAD,
      effort: { fieldId: 'customfield_10050', fieldName: 'Effort' },
    };
    // 1000 × 2 × 80 / 100 / 2 = 1600 / 2 = 800
    const s = scored(score({ ...fields, customfield_10050: 2 }, rice, mapping));
    expect(s.value).toBe(800);
    expect(s.explanation.inputs[3]).toEqual({
      name: 'effort',
      label: 'Effort',
      value: 2,
      source: 'Effort (customfield_10050) = 2',
      raw: 2,
    });
  });
});

describe('ICE', () => {
  const ice: ModelConfig = { kind: 'ice' };

  it('is impact × confidence × ease, ease derived from effort when unmapped', () => {
    // effort 3 → ease 8 (effort ≤ 3); 8 × 7 × 8 = 448
    const s = scored(score({ [F.impact]: 8, [F.confidence]: 7, [F.sp]: 3 }, ice));
    expect(s.value).toBe(448);
    expect(s.explanation.substituted).toBe('8 * 7 * 8');
    expect(s.explanation.inputs[2]?.source).toBe(
      'derived from effort: Story Points (customfield_10016) = 3; effort ≤ 3 → ease 8',
    );
    // effort 21 → ease 3 (≤ 40); 8 × 7 × 3 = 168; effort 200 → ease 1; 8 × 7 × 1 = 56
    expect(scored(score({ [F.impact]: 8, [F.confidence]: 7, [F.sp]: 21 }, ice)).value).toBe(168);
    expect(scored(score({ [F.impact]: 8, [F.confidence]: 7, [F.sp]: 200 }, ice)).value).toBe(56);
  });

  it('uses a mapped ease, custom effort buckets, and percentages when told to', () => {
    const mapping: FieldMapping = { ...TRAILHEAD, ease: { fieldId: 'customfield_10051' } };
    // 8 × 7 × 4 = 224
    expect(
      scored(score({ [F.impact]: 8, [F.confidence]: 7, customfield_10051: 4 }, ice, mapping)).value,
    ).toBe(224);
    const buckets: ModelConfig = {
      kind: 'ice',
      easeFromEffort: { steps: [{ maxEffort: 5, ease: 9 }], above: 2 },
    };
    // effort 5 → 9: 8 × 7 × 9 = 504; effort 8 → 2: 8 × 7 × 2 = 112
    expect(scored(score({ [F.impact]: 8, [F.confidence]: 7, [F.sp]: 5 }, buckets)).value).toBe(504);
    expect(scored(score({ [F.impact]: 8, [F.confidence]: 7, [F.sp]: 8 }, buckets)).value).toBe(112);
    // confidence 70 % → 8 × 70 / 10 × 8 = 560 / 10 × 8 = 56 × 8 = 448
    const percent = scored(
      score({ [F.impact]: 8, [F.confidence]: 70, [F.sp]: 3 }, { kind: 'ice', confidenceUnit: 'percent' }),
    );
    expect(percent.value).toBe(448);
    expect(percent.explanation.substituted).toBe('8 * 70 / 10 * 8');
  });

  it('is unscored without impact, confidence or an effort to derive ease from, or with confidence above 10', () => {
    expect(unscored(score({ [F.confidence]: 7, [F.sp]: 3 }, ice)).missing).toEqual(['impact']);
    expect(unscored(score({ [F.impact]: 8, [F.sp]: 3 }, ice)).missing).toEqual(['confidence']);
    const noEffort = unscored(score({ [F.impact]: 8, [F.confidence]: 7 }, ice));
    expect(noEffort.missing).toEqual(['ease']);
    expect(noEffort.reason).toBe(
      'Ease is not mapped, so it is derived from effort: Effort comes from Story Points: Story Points (customfield_10016) is empty',
    );
    expect(unscored(score({ [F.impact]: 8, [F.confidence]: 70, [F.sp]: 3 }, ice)).invalid).toEqual([
      {
        input: 'confidence',
        reason:
          'Confidence is 70, above 10; ICE reads confidence as points from 1 to 10; for a percentage, set “ICE reads confidence as” to a percentage in the model settings',
      },
    ]);
  });
});

describe('value / effort', () => {
  const ve: ModelConfig = { kind: 'value-effort' };

  it('is business value / effort', () => {
    // 13 / 2 = 6.5
    const s = scored(score({ [F.bv]: 13, [F.sp]: 2 }, ve));
    expect(s.value).toBe(6.5);
    expect(s.explanation).toMatchObject({
      formula: 'businessValue / effort',
      substituted: '13 / 2',
      result: '6.5',
    });
    // A business value of 0 is a real 0, explained: 0 / 2 = 0
    expect(scored(score({ [F.bv]: 0, [F.sp]: 2 }, ve)).explanation).toMatchObject({
      substituted: '0 / 2',
      result: '0',
    });
  });

  it('is unscored with zero effort or no business value', () => {
    expect(unscored(score({ [F.bv]: 13, [F.sp]: 0 }, ve)).invalid).toEqual([
      { input: 'effort', reason: 'Effort is 0; Value / effort divides by it, so it must be more than 0' },
    ]);
    expect(unscored(score({ [F.sp]: 2 }, ve)).missing).toEqual(['businessValue']);
  });
});

describe('CD3', () => {
  const cd3: ModelConfig = { kind: 'cd3' };

  it('is (business value + time criticality + risk reduction) / duration', () => {
    // (8 + 5 + 3) / 4 = 16 / 4 = 4
    const s = scored(score({ [F.bv]: 8, [F.tc]: 5, [F.rr]: 3, [F.sp]: 4 }, cd3));
    expect(s.value).toBe(4);
    expect(s.explanation.formula).toBe('(businessValue + timeCriticality + riskReduction) / duration');
  });

  it('is cost of delay / duration when a Cost of Delay field is mapped', () => {
    const mapping: FieldMapping = {
      ...TRAILHEAD,
      costOfDelay: { fieldId: 'customfield_10060', fieldName: 'Cost of Delay' },
    };
    // 12000 / 4 = 3000
    const s = scored(score({ customfield_10060: 12000, [F.sp]: 4 }, cd3, mapping));
    expect(s.value).toBe(3000);
    expect(s.explanation).toMatchObject({ formula: 'costOfDelay / duration', substituted: '12000 / 4' });
    expect(requiredInputs(cd3, mapping)).toEqual(['costOfDelay', 'duration']);
    expect(requiredInputs(cd3, TRAILHEAD)).toEqual(MODELS.cd3.required);
  });

  it('is unscored with a zero duration', () => {
    expect(unscored(score({ [F.bv]: 8, [F.tc]: 5, [F.rr]: 3, [F.sp]: 0 }, cd3)).invalid).toEqual([
      { input: 'duration', reason: 'Duration is 0; CD3 divides by it, so it must be more than 0' },
    ]);
  });
});

describe('MoSCoW', () => {
  const moscow: ModelConfig = { kind: 'moscow', tiebreak: { kind: 'wsjf' } };

  it('reports the bucket plus the tie-break score', () => {
    // Must; (8 + 5 + 3) / 5 = 3.2
    const s = scored(score({ ...wsjfFields, [F.moscow]: { value: 'Must have', id: '10100' } }, moscow));
    expect(s.bucket).toBe('must');
    expect(s.value).toBe(3.2);
    expect(s.explanation).toMatchObject({
      formula: 'MoSCoW bucket, then (businessValue + timeCriticality + riskReduction) / jobSize',
      substituted: 'Must, then (8 + 5 + 3) / 5',
      result: 'Must, 3.2',
    });
    expect(s.explanation.inputs[0]).toMatchObject({
      name: 'moscow',
      value: 4,
      bucket: 'must',
      source: 'MoSCoW (customfield_10036) = "Must have" → Must (4)',
    });
  });

  it('accepts the usual spellings, case-insensitively, and a custom table', () => {
    const bucket = (v: unknown, mapping: FieldMapping = TRAILHEAD) =>
      scored(score({ ...wsjfFields, [F.moscow]: v }, moscow, mapping)).bucket;
    expect(bucket({ value: 'Must have' })).toBe('must');
    expect(bucket({ value: 'M' })).toBe('must');
    expect(bucket('must')).toBe('must');
    expect(bucket({ value: 'SHOULD HAVE' })).toBe('should');
    expect(bucket({ value: 'could' })).toBe('could');
    expect(bucket({ value: 'Won\u2019t have' })).toBe('wont');
    expect(bucket([{ value: 'W' }])).toBe('wont');
    const mapping: FieldMapping = {
      ...TRAILHEAD,
      moscow: { fieldId: F.moscow, table: { 'P1 - critical': 'must' } },
    };
    expect(bucket({ value: 'p1 - Critical' }, mapping)).toBe('must');
  });

  it('is unscored without a bucket, with an unknown option, or when the tie-break cannot score', () => {
    expect(unscored(score(wsjfFields, moscow)).missing).toEqual(['moscow']);
    expect(unscored(score({ ...wsjfFields, [F.moscow]: { value: 'Maybe' } }, moscow)).invalid).toEqual([
      {
        input: 'moscow',
        reason:
          'MoSCoW (customfield_10036): option "Maybe" is not in the MoSCoW table (Must, Should, Could, Won\'t)',
      },
    ]);
    const u = unscored(score({ ...wsjfFields, [F.moscow]: { value: 'Should have' }, [F.sp]: 0 }, moscow));
    expect(u.invalid.map((i) => i.input)).toEqual(['jobSize']);
    expect(u.explanation.substituted).toBe('Should, then (8 + 5 + 3) / 0');
    expect(unscored(score({ ...wsjfFields, [F.sp]: 0 }, moscow)).explanation.substituted).toBe(
      '?, then (8 + 5 + 3) / 0',
    );
  });

  it('tie-breaks with any other model, a custom formula included', () => {
    const s = scored(
      score(
        { [F.bv]: 13, [F.sp]: 2, [F.moscow]: { value: 'Could have' } },
        {
          kind: 'moscow',
          tiebreak: { kind: 'custom', formula: 'businessValue / storyPoints' },
        },
      ),
    );
    expect([s.bucket, s.value, s.explanation.result]).toEqual(['could', 6.5, 'Could, 6.5']);
    expect(requiredInputs(moscow, TRAILHEAD)).toEqual([
      'moscow',
      'businessValue',
      'timeCriticality',
      'riskReduction',
      'jobSize',
    ]);
  });
});

describe('custom formulas', () => {
  it('score with built-in, custom and derived inputs', () => {
    const mapping: FieldMapping = {
      ...TRAILHEAD,
      custom: [
        { name: 'teamFit', fieldId: 'customfield_10038', fieldName: 'Team', options: { Pathfinders: 3 } },
      ],
    };
    // 8 × 3 + priority High (4) = 24 + 4 = 28
    const s = scored(
      score(
        { [F.bv]: 8, customfield_10038: { value: 'Pathfinders' }, priority: { name: 'High', id: '2' } },
        { kind: 'custom', formula: '"Business Value" × "Team" + priority' },
        mapping,
      ),
    );
    expect(s.value).toBe(28);
    expect(s.explanation).toMatchObject({
      formula: 'businessValue * teamFit + priority',
      substituted: '8 * 3 + 4',
    });
    expect(s.explanation.inputs.map((i) => i.source)).toEqual([
      'Business Value (customfield_10030) = 8',
      'Team (customfield_10038) = "Pathfinders" → 3',
      'Priority (priority) = "High" → 4',
    ]);
  });

  it('count the open issues an issue blocks, or take the count supplied', () => {
    const mapping: FieldMapping = { ...TRAILHEAD, blockedCount: { fieldId: 'issuelinks' } };
    const blocks = (key: string, status = 'new') => ({
      type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      outwardIssue: { key, fields: { status: { statusCategory: { key: status } } } },
    });
    const issuelinks = [
      blocks('TRAIL-2'),
      blocks('TRAIL-3', 'done'),
      { type: { name: 'Blocks' }, inwardIssue: { key: 'TRAIL-4' } },
      { type: { name: 'Relates' }, outwardIssue: { key: 'TRAIL-5' } },
      blocks('TRAIL-6', 'indeterminate'),
    ];
    const model: ModelConfig = { kind: 'custom', formula: 'businessValue + blockedCount' };
    // 8 + 2 open blocked issues (TRAIL-2, TRAIL-6) = 10
    const s = scored(score({ [F.bv]: 8, issuelinks }, model, mapping));
    expect(s.value).toBe(10);
    expect(s.explanation.inputs[1]?.source).toBe(
      'Linked issues (issuelinks): blocks 2 open issues (TRAIL-2, TRAIL-6)',
    );
    // supplied 5: 8 + 5 = 13
    expect(scored(score({ [F.bv]: 8, issuelinks }, model, mapping, { blockedCount: 5 })).value).toBe(13);
    // done ones too: 8 + 3 = 11
    const all: FieldMapping = { ...TRAILHEAD, blockedCount: { fieldId: 'issuelinks', countDone: true } };
    expect(scored(score({ [F.bv]: 8, issuelinks }, model, all)).value).toBe(11);
    // none: 8 + 0 = 8, and a real 0 is shown as such
    expect(scored(score({ [F.bv]: 8, issuelinks: [] }, model, mapping)).explanation.substituted).toBe(
      '8 + 0',
    );
    expect(unscored(score({ [F.bv]: 8 }, model, mapping)).reason).toBe(
      'Blocked issues: Linked issues (issuelinks) was not read',
    );
    expect(unscored(score({ [F.bv]: 8, issuelinks: {} }, model, mapping)).invalid[0]?.input).toBe(
      'blockedCount',
    );
  });

  it('are unscored on division by zero, naming the sub-expression', () => {
    const u = unscored(
      score({ [F.bv]: 8, [F.sp]: 5 }, { kind: 'custom', formula: 'businessValue / (storyPoints - 5)' }),
    );
    expect(u.reason).toBe('Division by zero: "storyPoints - 5" is 0 in "businessValue / (storyPoints - 5)"');
    expect(u.missing).toEqual([]);
    expect(u.explanation.substituted).toBe('8 / (5 - 5)');
    // min() does not hide it: min(1, 8 / 0) would otherwise be 1.
    expect(
      unscored(
        score({ [F.bv]: 8, [F.sp]: 0 }, { kind: 'custom', formula: 'min(1, businessValue / storyPoints)' }),
      ).reason,
    ).toBe('Division by zero: "storyPoints" is 0 in "businessValue / storyPoints"');
  });

  it('are unscored on overflow and on missing inputs', () => {
    const u = unscored(score({ [F.reach]: 1e200 }, { kind: 'custom', formula: 'reach * reach' }));
    expect(u.reason).toBe('The result is not a finite number: "reach * reach" is too large');
    expect(unscored(score({}, { kind: 'custom', formula: 'reach + 1' })).missing).toEqual(['reach']);
  });

  it('that do not compile leave every issue unscored, saying why', () => {
    const u = unscored(score({ [F.bv]: 8 }, { kind: 'custom', formula: 'bizValue * 2' }));
    expect(u.reason).toBe(
      'The formula does not compile: Unknown input "bizValue" at column 1 (did you mean "businessValue"?)',
    );
    expect(compileModel({ kind: 'custom', formula: '2 +' }, TRAILHEAD)).toEqual({
      ok: false,
      error: 'The formula does not compile: Unexpected end of formula at column 4',
    });
    expect(compileModel({ kind: 'rice', fitWeight: -1 } as ModelConfig, TRAILHEAD).ok).toBe(false);
  });
});

describe('every model, every required input', () => {
  // For each model: fields that score, and for each required input the field that feeds it.
  const cases: Array<[ModelConfig, Record<string, unknown>, Record<string, string>]> = [
    [WSJF, wsjfFields, { businessValue: F.bv, timeCriticality: F.tc, riskReduction: F.rr, jobSize: F.sp }],
    [
      { kind: 'rice' },
      { [F.reach]: 1000, [F.impact]: 2, [F.confidence]: 80, [F.sp]: 5 },
      { reach: F.reach, impact: F.impact, confidence: F.confidence, effort: F.sp },
    ],
    [
      { kind: 'ice' },
      { [F.impact]: 8, [F.confidence]: 7, [F.sp]: 3 },
      { impact: F.impact, confidence: F.confidence, ease: F.sp },
    ],
    [{ kind: 'value-effort' }, { [F.bv]: 13, [F.sp]: 2 }, { businessValue: F.bv, effort: F.sp }],
    [
      { kind: 'cd3' },
      wsjfFields,
      { businessValue: F.bv, timeCriticality: F.tc, riskReduction: F.rr, duration: F.sp },
    ],
    [
      { kind: 'moscow', tiebreak: { kind: 'value-effort' } },
      { [F.bv]: 13, [F.sp]: 2, [F.moscow]: { value: 'Must have' } },
      { moscow: F.moscow, businessValue: F.bv, effort: F.sp },
    ],
  ];

  it.each(cases)(
    '%j: scores when complete, unscored with the input named when one is empty',
    (model, fields, inputs) => {
      const full = scored(score(fields, model));
      expect(Number.isFinite(full.value)).toBe(true);
      expect(full.value).not.toBe(0);
      expect(Object.keys(inputs)).toEqual(
        MODELS[model.kind].required.length ? requiredInputs(model, TRAILHEAD) : [],
      );
      for (const [input, field] of Object.entries(inputs)) {
        for (const empty of [null, undefined, '', []]) {
          const u = unscored(score({ ...fields, [field]: empty }, model));
          expect(u.missing).toEqual([input]);
        }
        expect(unscored(score({ ...fields, [field]: 'n/a' }, model)).invalid.map((i) => i.input)).toEqual([
          input,
        ]);
      }
    },
  );

  it.each(cases.filter(([m]) => ['wsjf', 'rice', 'value-effort', 'cd3'].includes(m.kind)))(
    '%j: is unscored with zero or negative effort',
    (model, fields) => {
      for (const sp of [0, -1, -0.5]) {
        const u = unscored(score({ ...fields, [F.sp]: sp }, model));
        expect(u.invalid).toHaveLength(1);
        expect(u.invalid[0]?.reason).toMatch(
          sp === 0 ? /is 0; .* divides by it, so it must be more than 0$/ : /must not be negative$/,
        );
      }
    },
  );
});
