/** The agent's answer form: text, then one `JSON:` line with the same facts; refusals; the size bound. */
import { answer, parseAnswer, refusal } from '../../../src/features/agent/answer';
import { AGENT_LIMITS, agentInputs, inputsOf } from '../../../src/features/agent/api';

describe('agent answers', () => {
  it('reads back as the text and the facts', () => {
    const text = answer('ranking', ['Top 1:', '1. TRAIL-1 — score 3'], {
      items: [{ key: 'TRAIL-1', score: 3 }],
    });
    const back = parseAnswer(text);
    expect(back.text).toBe('Top 1:\n1. TRAIL-1 — score 3');
    expect(back.facts).toMatchObject({ ok: true, action: 'ranking', items: [{ key: 'TRAIL-1', score: 3 }] });
  });

  it('a refusal carries the code and message, and tells the agent not to answer otherwise', () => {
    const back = parseAnswer(
      refusal('vision', { code: 'forbidden', message: 'You cannot browse project FIN.' }),
    );
    expect(back.text).toMatch(
      /^ValueRank refused the vision action \(forbidden\): You cannot browse project FIN\./,
    );
    expect(back.facts).toEqual({
      ok: false,
      action: 'vision',
      error: { code: 'forbidden', message: 'You cannot browse project FIN.' },
    });
  });

  it('cuts the longest lists of an over-long answer, says so, and stays parseable within the bound', () => {
    const items = Array.from({ length: 400 }, (_, i) => ({ key: `TRAIL-${i + 1}`, reason: 'x'.repeat(60) }));
    const text = answer('ranking', ['Top 400:'], { items });
    expect(text.length).toBeLessThanOrEqual(AGENT_LIMITS.answerChars);
    const back = parseAnswer(text);
    const kept = back.facts.items as typeof items;
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(400);
    expect(kept).toEqual(items.slice(0, kept.length));
    expect(back.facts.truncated).toMatch(/cut/);
  });
});

describe('agent inputs', () => {
  it('normalise what a language model fills in, then check strictly', () => {
    expect(
      agentInputs.ranking.parse(inputsOf({ boardId: '12', limit: null, context: { cloudId: 'x' } })),
    ).toEqual({
      boardId: 12,
      limit: AGENT_LIMITS.ranking.default,
    });
    expect(agentInputs.explain.parse({ higher: ' trail-220 ', lower: 'TRAIL-88' })).toEqual({
      higher: 'TRAIL-220',
      lower: 'TRAIL-88',
    });
    expect(agentInputs.pin.parse({ issueKey: 'TRAIL-1', pinned: 'false' })).toEqual({
      issueKey: 'TRAIL-1',
      pinned: false,
    });
    expect(
      agentInputs.note.parse({ projectKey: 'trail', title: 'T', issueKeys: 'trail-1, TRAIL-2;TRAIL-3' }),
    ).toMatchObject({
      projectKey: 'TRAIL',
      type: 'insight',
      issueKeys: ['TRAIL-1', 'TRAIL-2', 'TRAIL-3'],
    });
    expect(agentInputs.ranking.safeParse({ limit: 26 }).success).toBe(false);
    expect(agentInputs.readiness.safeParse({ issueKey: 'not a key' }).success).toBe(false);
    expect(agentInputs.ranking.safeParse({ boardId: 1, extra: true }).success).toBe(false);
  });
});
