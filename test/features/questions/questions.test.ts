/**
 * Questions for the PO on the local Jira site, run by the harness as Forge runs the resolvers: the demo's
 * three open questions (one on a top-5 issue), a developer asks (a real comment by them, marked by a comment
 * property), the PO answers (a reply comment by the PO), the question leaves the project's list, and JQL on
 * the indexed issue property finds the right issues before and after. Refusals change nothing.
 */
import { QUESTION_PROPERTY, QUESTIONS_PROPERTY } from '../../../src/core/questions';
import { OPEN_QUESTIONS_JQL } from '../../../src/features/questions';
import { JiraClient } from '../../../src/jira/client';
import { httpTransport } from '../../../src/jira/http-transport';
import type { Answers } from '../../../src/resolvers/api';
import { invokeData, invokeResolver } from '../../support/invoke';
import { useLocalServer } from '../../support/local-server';

const server = useLocalServer({ reset: ['site', 'kvs'] });
let asPo: JiraClient;

beforeAll(() => {
  asPo = new JiraClient(httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }));
});

const invoke = <K extends keyof Answers>(key: K, payload: unknown, accountId = 'local-po') =>
  invokeResolver(server.url, key, payload, accountId);
const data = <K extends keyof Answers>(key: K, payload: unknown, accountId = 'local-po') =>
  invokeData(server.url, key, payload, accountId);

const withOpenQuestions = async () =>
  (await asPo.search({ jql: `project = TRAIL AND ${OPEN_QUESTIONS_JQL} ORDER BY key`, fields: ['id'] }))
    .map((i) => i.key)
    .sort();

describe('questions for the PO', () => {
  it('the demo has three open questions, oldest first, one on a top-5 issue', async () => {
    const view = await data('questions.list', { projectKey: 'TRAIL' });
    expect(view.rows).toHaveLength(3);
    expect(view.issues).toBe(3);
    const asked = view.rows.map((r) => Date.parse(r.asked));
    expect([...asked].sort((a, b) => a - b)).toEqual(asked);
    expect(view.rows.every((r) => r.askedBy?.displayName === 'Jonas Lindqvist')).toBe(true);
    expect(view.oldestAgeDays).toBe(view.rows[0]?.ageDays);
    const top5 = await data('questions.list', { projectKey: 'TRAIL', filter: { kind: 'top', top: 5 } });
    expect(top5.rows).toHaveLength(1);
    expect(top5.rows[0]!.rank).toBeLessThanOrEqual(5);
    expect(await withOpenQuestions()).toEqual(view.rows.map((r) => r.issueKey).sort());
  });

  it('a developer asks, the PO answers: comments by each, the list and JQL follow', async () => {
    const before = await withOpenQuestions();
    const issueKey = 'TRAIL-7';
    expect(before).not.toContain(issueKey);

    const asked = await data(
      'questions.ask',
      { issueKey, text: 'Does this cover\nwinter trails?' },
      'local-dev',
    );
    expect(asked).toMatchObject({ issueKey, open: 1, canAsk: true, canAnswer: false });
    const question = asked.questions.at(-1)!;
    expect(question).toMatchObject({
      text: 'Does this cover\nwinter trails?',
      askedBy: { accountId: 'local-dev', displayName: 'Jonas Lindqvist' },
      answer: null,
    });
    // A real comment by the developer, marked as a question.
    const comment = (await asPo.comments(issueKey)).find((c) => c.id === question.id)!;
    expect(comment.author?.accountId).toBe('local-dev');
    expect(comment.properties).toContainEqual({
      key: QUESTION_PROPERTY,
      value: expect.objectContaining({ kind: 'question' }),
    });
    expect(await asPo.getIssueProperty(issueKey, QUESTIONS_PROPERTY)).toMatchObject({ open: 1 });
    expect(await withOpenQuestions()).toEqual([...before, issueKey].sort());
    expect((await data('questions.list', { projectKey: 'TRAIL' })).rows.map((r) => r.questionId)).toContain(
      question.id,
    );

    // The developer is not the PO: refused, nothing written.
    const count = (await asPo.comments(issueKey)).length;
    const refused = await invoke(
      'questions.answer',
      { issueKey, questionId: question.id, text: 'Yes' },
      'local-dev',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await asPo.comments(issueKey)).toHaveLength(count);

    // An open question blocks Ready by default; the stored readiness follows.
    const blocked = await data('readiness.check', { issueKey });
    expect(blocked.verdict.blocking.map((f) => f.kind)).toContain('open-question');
    expect(await asPo.getIssueProperty(issueKey, 'valuerank-readiness')).toMatchObject({ ready: 'false' });

    const answered = await data('questions.answer', {
      issueKey,
      questionId: question.id,
      text: 'Yes, all year.',
    });
    expect(answered.open).toBe(0);
    const done = answered.questions.find((q) => q.id === question.id)!;
    expect(done.answer).toMatchObject({ text: 'Yes, all year.', by: { accountId: 'local-po' } });
    const reply = (await asPo.comments(issueKey)).find((c) => c.id === done.answer!.id)!;
    expect(reply.author?.accountId).toBe('local-po');
    // The asker sees the answer in place.
    const seen = await data('questions.forIssue', { issueKey }, 'local-dev');
    expect(seen.questions.find((q) => q.id === question.id)?.answer?.text).toBe('Yes, all year.');

    expect(await asPo.getIssueProperty(issueKey, QUESTIONS_PROPERTY)).toMatchObject({ open: 0 });
    const unblocked = await data('readiness.check', { issueKey });
    expect(unblocked.findings.map((f) => f.kind)).not.toContain('open-question');
    expect(await withOpenQuestions()).toEqual(before);
    expect(
      (await data('questions.list', { projectKey: 'TRAIL' })).rows.map((r) => r.questionId),
    ).not.toContain(question.id);
    // Answering twice is a conflict.
    expect(
      await invoke('questions.answer', { issueKey, questionId: question.id, text: 'Again' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('Jira refuses a question from someone who may not comment: clear error, nothing written', async () => {
    const comments = (await asPo.comments('TRAIL-7')).length;
    const refused = await invoke('questions.ask', { issueKey: 'TRAIL-7', text: 'Why?' }, 'local-viewer');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await asPo.comments('TRAIL-7')).toHaveLength(comments);
    expect(await asPo.getIssueProperty('TRAIL-7', QUESTIONS_PROPERTY)).toBeUndefined();
    const view = await data('questions.forIssue', { issueKey: 'TRAIL-7' }, 'local-viewer');
    expect(view).toMatchObject({ canAsk: false, canAnswer: false, open: 0 });
    // An outsider cannot see the issue at all.
    expect(
      await invoke('questions.ask', { issueKey: 'TRAIL-7', text: 'Why?' }, 'local-outsider'),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
