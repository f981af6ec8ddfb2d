/** Finding the app's own score field among the site's fields, and the issue property it writes. */
import { scoreIssue } from '../../../src/core/scoring';
import { findScoreField, scoreProperty } from '../../../src/features/prioritize/writeback';

const field = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  custom: true,
  schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  ...extra,
});

describe('findScoreField', () => {
  it('finds the Forge field by the module key in schema.custom or key, never by name', () => {
    const lookalike = field('customfield_10040', 'Business value score');
    const forge = field('customfield_10500', 'Business value score', {
      schema: {
        type: 'number',
        custom: 'ari:cloud:ecosystem::extension/0000-app/dev-env/static/business-value-score',
      },
    });
    expect(findScoreField([lookalike, forge])?.id).toBe('customfield_10500');
    const byKey = field('customfield_10600', 'Renamed', { key: 'app__env__business-value-score' });
    expect(findScoreField([lookalike, byKey])?.id).toBe('customfield_10600');
    expect(findScoreField([lookalike])).toBeUndefined();
  });
});

describe('scoreProperty', () => {
  const mapping = {
    businessValue: { fieldId: 'bv' },
    timeCriticality: { fieldId: 'tc' },
    riskReduction: { fieldId: 'rr' },
    storyPoints: { fieldId: 'sp' },
  };
  const at = '2026-11-18T12:00:00.000Z';

  it('indexes score and model for a scored issue', () => {
    const score = scoreIssue(
      { key: 'T-1', fields: { bv: 8, tc: 5, rr: 3, sp: 5 } },
      mapping,
      { kind: 'wsjf' },
      { now: '2026-11-18' },
    );
    expect(scoreProperty(score, at)).toEqual({ score: 3.2, display: '3.2', model: 'wsjf', at });
  });

  it('says why an issue is unscored, and has no score to match `score > 0`', () => {
    const score = scoreIssue(
      { key: 'T-2', fields: { bv: 8, tc: 5, rr: 3 } },
      mapping,
      { kind: 'wsjf' },
      {
        now: '2026-11-18',
      },
    );
    const property = scoreProperty(score, at);
    expect(property).toEqual({ model: 'wsjf', unscored: expect.stringMatching(/sp/), at });
    expect(property.score).toBeUndefined();
  });
});
