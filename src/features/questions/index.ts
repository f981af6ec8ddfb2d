/**
 * Questions for the Product Owner (issue 16). A question is a Jira comment by the asking user, marked with
 * the comment property `valuerank-question`, created in one request so it never exists unmarked; an answer
 * is a reply comment by the PO, marked as answering it. Jira decides who may comment (Add Comments); the PO
 * is who may rank the issue (Schedule Issues). After each question or answer the app (as itself) marks the
 * question answered and writes the issue property `valuerank-questions` (`open`, `oldest`, the open
 * questions), which JQL searches: `issue.property[valuerank-questions].open > 0`. The state is always
 * derived from the comments, so a sync that fails is repaired by the next one. Account ids only (ADR 9).
 */
import {
  ageInDays,
  QUESTION_PROPERTY,
  QUESTIONS_PROPERTY,
  questionsOf,
  questionsProperty,
  readQuestionsProperty,
  textToAdf,
  type CommentInput,
  type Question,
  type QuestionsProperty,
} from '../../core/questions';
import { jqlString } from '../../core/health';
import type { JiraClient } from '../../jira/client';
import { JiraValidationError } from '../../jira/errors';
import type { JiraComment } from '../../jira/schemas';
import { AppError } from '../../shared/errors';
import { nameOf, nameResolver } from '../../shared/names';
import type {
  IssueQuestionsView,
  OpenQuestionRow,
  Person,
  ProjectQuestionsView,
  QuestionsFilter,
  QuestionView,
} from './api';

export interface QuestionsDeps {
  /** Jira as the calling user: Jira enforces their rights. */
  jira: JiraClient;
  /** Jira as the app: keeps the question marks and the issue property in sync. */
  app: JiraClient;
  now?: () => number;
  /** After a question or an answer: re-check the issue's readiness (an open question blocks Ready by default). */
  afterChange?: (issueKey: string) => Promise<void>;
}

/** Syncs the issue property, then lets readiness follow; a failed re-check is logged, never undoes the change. */
async function afterChange(deps: QuestionsDeps, issueKey: string): Promise<void> {
  await syncQuestions(deps.app, issueKey);
  await deps.afterChange?.(issueKey).catch((error: unknown) => {
    console.warn(`ValueRank could not re-check the readiness of ${issueKey}`, error);
  });
}

/** JQL finding the issues with open questions. */
export const OPEN_QUESTIONS_JQL = `issue.property[${QUESTIONS_PROPERTY}].open > 0`;

/** JQL finding the project's issues with open questions (no order). */
const openQuestionsOf = (projectKey: string) =>
  `project = ${jqlString(projectKey)} AND ${OPEN_QUESTIONS_JQL}`;

/** Issues with open questions a gadget reads at most (docs/limits.md). */
export const MAX_QUESTION_ISSUES = 1000;

/**
 * The project's issues with open questions for the PO (the indexed `valuerank-questions` property), as the
 * viewer: key → the property. A site whose JQL cannot search the property yet answers none.
 */
export async function openQuestionsIn(
  jira: JiraClient,
  projectKey: string,
): Promise<Map<string, QuestionsProperty>> {
  const out = new Map<string, QuestionsProperty>();
  try {
    for await (const page of jira.searchPages({
      jql: openQuestionsOf(projectKey),
      fields: ['summary'],
      properties: [QUESTIONS_PROPERTY],
    })) {
      for (const issue of page) {
        const p = readQuestionsProperty(issue.properties?.[QUESTIONS_PROPERTY]);
        if (p && p.open > 0) out.set(issue.key, p);
      }
      if (out.size >= MAX_QUESTION_ISSUES) break;
    }
  } catch (error) {
    if (error instanceof JiraValidationError) return out;
    throw error;
  }
  return out;
}

const READINESS_PROPERTY = 'valuerank-readiness';

function toInput(c: JiraComment): CommentInput {
  return {
    id: c.id,
    authorId: c.author?.accountId,
    created: c.created,
    body: c.body,
    properties: c.properties ?? [],
  };
}

async function readQuestions(jira: JiraClient, issueKey: string): Promise<Question[]> {
  return questionsOf((await jira.comments(issueKey)).map(toInput));
}

/** Writes the issue property from the comments as Jira has them now (as the app); answers what it wrote. */
export async function syncQuestions(app: JiraClient, issueKey: string): Promise<QuestionsProperty> {
  const value = questionsProperty(await readQuestions(app, issueKey));
  await app.setIssueProperty(issueKey, QUESTIONS_PROPERTY, value);
  return value;
}

async function permissions(jira: JiraClient, issueKey: string) {
  const held = await jira.myPermissions({ issueKey }, ['ADD_COMMENTS', 'SCHEDULE_ISSUES']);
  return { canAsk: held.ADD_COMMENTS === true, canAnswer: held.SCHEDULE_ISSUES === true };
}

async function issueView(
  deps: QuestionsDeps,
  issueKey: string,
  questions: Question[],
): Promise<IssueQuestionsView> {
  const now = (deps.now ?? Date.now)();
  const [{ canAsk, canAnswer }, names] = await Promise.all([
    permissions(deps.jira, issueKey),
    nameResolver(deps.jira).names(questions.flatMap((q) => [q.askedBy, q.answer?.authorId])),
  ]);
  const person = (id: string | undefined): Person | null =>
    id ? { accountId: id, displayName: nameOf(names, id) } : null;
  const views: QuestionView[] = questions.map((q) => ({
    id: q.id,
    askedBy: person(q.askedBy),
    asked: q.asked,
    ageDays: ageInDays(q.asked, now),
    text: q.text,
    answer: q.answer
      ? { id: q.answer.id, by: person(q.answer.authorId), at: q.answer.created, text: q.answer.text }
      : null,
  }));
  return {
    issueKey,
    questions: views,
    open: questions.filter((q) => !q.answer).length,
    canAsk,
    canAnswer,
  };
}

/** The issue's questions and answers as the caller sees them; repairs a stale issue property. */
export async function issueQuestions(deps: QuestionsDeps, issueKey: string): Promise<IssueQuestionsView> {
  const questions = await readQuestions(deps.jira, issueKey);
  const stored = readQuestionsProperty(await deps.jira.getIssueProperty(issueKey, QUESTIONS_PROPERTY));
  const open = questions.filter((q) => !q.answer).length;
  if ((stored?.open ?? 0) !== open) await afterChange(deps, issueKey);
  return issueView(deps, issueKey, questions);
}

/** Jira's refusal of a comment, as one clear sentence; nothing was written. */
function refusal(error: unknown, what: string): never {
  if (error instanceof JiraValidationError && /permission/i.test(error.jiraMessages))
    throw new AppError('forbidden', `Jira does not let you comment on this issue, so you cannot ${what}.`, [
      error.jiraMessages,
    ]);
  throw error;
}

/** Asks a question on the issue, as the caller (one comment with its question mark). */
export async function askQuestion(
  deps: QuestionsDeps,
  input: { issueKey: string; text: string },
): Promise<IssueQuestionsView> {
  await deps.jira
    .addComment(input.issueKey, textToAdf(input.text), [
      { key: QUESTION_PROPERTY, value: { v: 1, kind: 'question', state: 'open' } },
    ])
    .catch((error: unknown) => refusal(error, 'ask a question'));
  await afterChange(deps, input.issueKey);
  return issueView(deps, input.issueKey, await readQuestions(deps.jira, input.issueKey));
}

/** Answers an open question, as the caller, who must be the PO (Schedule Issues on the issue). */
export async function answerQuestion(
  deps: QuestionsDeps,
  input: { issueKey: string; questionId: string; text: string },
): Promise<IssueQuestionsView> {
  const { canAnswer } = await permissions(deps.jira, input.issueKey);
  if (!canAnswer)
    throw new AppError(
      'forbidden',
      'Only the Product Owner answers questions here: you need the Schedule Issues permission on this issue.',
    );
  const question = (await readQuestions(deps.jira, input.issueKey)).find((q) => q.id === input.questionId);
  if (!question)
    throw new AppError('not-found', `There is no question ${input.questionId} on ${input.issueKey}.`);
  if (question.answer) throw new AppError('conflict', 'This question has already been answered.');
  const answer = await deps.jira
    .addComment(input.issueKey, textToAdf(input.text), [
      { key: QUESTION_PROPERTY, value: { v: 1, kind: 'answer', questionId: question.id } },
    ])
    .catch((error: unknown) => refusal(error, 'answer'));
  await deps.app.setCommentProperty(question.id, QUESTION_PROPERTY, {
    v: 1,
    kind: 'question',
    state: 'answered',
    answerId: answer.id,
  });
  await afterChange(deps, input.issueKey);
  return issueView(deps, input.issueKey, await readQuestions(deps.jira, input.issueKey));
}

/** The project's open questions as the caller may see them, oldest first, with rank and readiness. */
export async function projectQuestions(
  deps: QuestionsDeps,
  input: { projectKey: string; filter: QuestionsFilter },
): Promise<ProjectQuestionsView> {
  const now = (deps.now ?? Date.now)();
  const { projectKey, filter } = input;
  const sprint = filter.kind === 'nextSprint' ? ' AND sprint in futureSprints()' : '';
  const [issues, ranked] = await Promise.all([
    deps.jira.search({
      jql: `${openQuestionsOf(projectKey)}${sprint} ORDER BY Rank ASC`,
      fields: ['summary'],
      properties: [QUESTIONS_PROPERTY, READINESS_PROPERTY],
    }),
    deps.jira.search({
      jql: `project = ${jqlString(projectKey)} AND statusCategory != Done ORDER BY Rank ASC`,
      fields: ['id'],
      pageSize: 5000,
    }),
  ]);
  const position = new Map(ranked.map((issue, i) => [issue.key, i + 1]));
  const rows: OpenQuestionRow[] = [];
  for (const issue of issues) {
    const rank = position.get(issue.key) ?? null;
    if (filter.kind === 'top' && (rank === null || rank > filter.top)) continue;
    const stored = readQuestionsProperty(issue.properties?.[QUESTIONS_PROPERTY]);
    const readiness = issue.properties?.[READINESS_PROPERTY] as
      { ready?: unknown; quality?: unknown } | undefined;
    const summary = (issue.fields as { summary?: unknown } | undefined)?.summary;
    for (const q of stored?.questions ?? []) {
      rows.push({
        issueKey: issue.key,
        summary: typeof summary === 'string' ? summary : '',
        questionId: q.id,
        text: q.text,
        askedBy: q.askedBy ? { accountId: q.askedBy, displayName: '' } : null,
        asked: q.asked,
        ageDays: ageInDays(q.asked, now),
        rank,
        ready: readiness?.ready === 'true' ? true : readiness?.ready === 'false' ? false : null,
        quality: typeof readiness?.quality === 'number' ? readiness.quality : null,
      });
    }
  }
  rows.sort((a, b) => Date.parse(a.asked) - Date.parse(b.asked) || a.questionId.localeCompare(b.questionId));
  const names = await nameResolver(deps.jira).names(rows.map((r) => r.askedBy?.accountId));
  for (const r of rows) if (r.askedBy) r.askedBy.displayName = nameOf(names, r.askedBy.accountId);
  return {
    projectKey,
    filter,
    rows,
    issues: new Set(rows.map((r) => r.issueKey)).size,
    oldestAgeDays: rows[0]?.ageDays ?? null,
  };
}
