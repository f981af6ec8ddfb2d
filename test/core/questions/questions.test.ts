import {
  adfToText,
  ageInDays,
  MAX_LISTED_QUESTIONS,
  QUESTION_PROPERTY,
  questionsOf,
  questionsProperty,
  readQuestionsProperty,
  textToAdf,
  type CommentInput,
} from '../../../src/core/questions';
import { checkIssue, CriteriaConfigSchema } from '../../../src/core/criteria';

const comment = (
  id: string,
  created: string,
  text: string,
  value?: unknown,
  authorId = 'u1',
): CommentInput => ({
  id,
  authorId,
  created,
  body: textToAdf(text),
  properties: value === undefined ? [] : [{ key: QUESTION_PROPERTY, value }],
});

describe('questions from comments', () => {
  it('finds questions oldest first, pairs answers, ignores plain comments and bad marks', () => {
    const questions = questionsOf([
      comment('3', '2026-11-03T10:00:00.000+0000', 'Answer to 1', { kind: 'answer', questionId: '1' }, 'po'),
      comment('1', '2026-11-01T10:00:00.000+0000', 'First?', { kind: 'question', state: 'open' }),
      comment('2', '2026-11-02T10:00:00.000+0000', 'Just a comment'),
      comment('4', '2026-11-04T10:00:00.000+0000', 'Second?', { kind: 'question' }),
      comment('5', '2026-11-05T10:00:00.000+0000', 'Odd', { kind: 'answer' }),
      comment('6', '2026-11-06T10:00:00.000+0000', 'Odd', 'question'),
    ]);
    expect(questions.map((q) => [q.id, q.answer?.id ?? null])).toEqual([
      ['1', '3'],
      ['4', null],
    ]);
    expect(questions[0]?.answer).toMatchObject({ authorId: 'po', text: 'Answer to 1' });
  });

  it('a question marked answered counts as answered even when the answer is not visible', () => {
    const [q] = questionsOf([
      comment('1', '2026-11-01T10:00:00.000+0000', 'Q', {
        kind: 'question',
        state: 'answered',
        answerId: '9',
      }),
    ]);
    expect(q?.answer).toBeDefined();
  });

  it('the issue property counts open questions, names the oldest and is bounded', () => {
    const many = Array.from({ length: MAX_LISTED_QUESTIONS + 5 }, (_, i) =>
      comment(String(i + 1), new Date(Date.UTC(2026, 10, 1 + i)).toISOString(), 'x'.repeat(400), {
        kind: 'question',
      }),
    );
    const value = questionsProperty(questionsOf(many));
    expect(value.open).toBe(MAX_LISTED_QUESTIONS + 5);
    expect(value.oldest).toBe(many[0]?.created);
    expect(value.questions).toHaveLength(MAX_LISTED_QUESTIONS);
    expect(value.questions[0]?.text.length).toBeLessThanOrEqual(280);
    expect(questionsProperty([])).toEqual({ v: 1, open: 0, questions: [] });
    expect(readQuestionsProperty(value)).toEqual(value);
    expect(readQuestionsProperty({ open: 'x' })).toBeUndefined();
  });

  it('text and ADF round-trip; ages are whole days', () => {
    expect(adfToText(textToAdf('One\ntwo\n\nThree'))).toBe('One\ntwo\nThree');
    expect(adfToText(null)).toBe('');
    expect(ageInDays('2026-11-01T00:00:00.000Z', Date.parse('2026-11-03T12:00:00.000Z'))).toBe(2);
    expect(ageInDays('2026-11-05T00:00:00.000Z', Date.parse('2026-11-03T12:00:00.000Z'))).toBe(0);
    expect(ageInDays('not a date', 0)).toBe(0);
  });
});

describe('an open question and readiness', () => {
  const description = textToAdf(
    'Acceptance criteria\n\nGiven a hiker, when she searches for huts, then she sees 10 huts\n\nGiven no huts, when she searches, then she sees a message',
  );
  const ready = checkIssue({ summary: 'Find huts', description });

  it('blocks Ready by default and costs no quality points', () => {
    const asked = checkIssue({ summary: 'Find huts', description, openQuestions: 2 });
    expect(asked.verdict.ready).toBe(false);
    expect(asked.verdict.blocking.map((f) => f.kind)).toContain('open-question');
    expect(asked.findings.find((f) => f.kind === 'open-question')?.message).toBe(
      '2 open questions for the Product Owner.',
    );
    expect(asked.score).toBe(ready.score);
  });

  it('the readiness rules can make it a warning or turn it off', () => {
    for (const setting of ['warning', 'off'] as const) {
      const config = CriteriaConfigSchema.parse({ severity: { 'open-question': setting } });
      const asked = checkIssue({ summary: 'Find huts', description, openQuestions: 1 }, config);
      expect(asked.verdict.blocking.map((f) => f.kind)).not.toContain('open-question');
      expect(asked.verdict.ready).toBe(
        checkIssue({ summary: 'Find huts', description }, config).verdict.ready,
      );
    }
  });
});
