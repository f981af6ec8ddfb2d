/**
 * The questions resolvers' part of the resolver API (spread into `payloads` and `Answers` in api.ts):
 * questions for the Product Owner on an issue (Jira comments marked by a comment property) and the open
 * questions of a project (found in JQL by the indexed issue property `valuerank-questions`).
 */
import { z } from 'zod';
import { issueKey, projectKey } from '../../shared/ids';
import { MAX_QUESTION_CHARS } from '../../core/questions';

const text = z
  .string()
  .trim()
  .min(1, 'Write the question first.')
  .max(MAX_QUESTION_CHARS, `At most ${MAX_QUESTION_CHARS} characters.`);

export const QuestionsFilter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  /** Issues in a future sprint (planned next). */
  z.object({ kind: z.literal('nextSprint') }).strict(),
  /** Issues among the first `top` of the project's backlog order (unresolved issues by rank). */
  z.object({ kind: z.literal('top'), top: z.number().int().min(1).max(1000) }).strict(),
]);
export type QuestionsFilter = z.infer<typeof QuestionsFilter>;

export const questionsPayloads = {
  /** The issue's questions and answers, and whether the caller may ask (Add Comments) or answer (Schedule Issues). */
  'questions.forIssue': z.object({ issueKey }).strict(),
  /** Asks a question: a comment by the caller (Jira decides: Add Comments), marked as a question. */
  'questions.ask': z.object({ issueKey, text }).strict(),
  /** Answers an open question: a reply comment by the caller, who must be the PO (Schedule Issues). */
  'questions.answer': z.object({ issueKey, questionId: z.string().regex(/^\d+$/), text }).strict(),
  /** The project's open questions, oldest first. */
  'questions.list': z.object({ projectKey, filter: QuestionsFilter.default({ kind: 'all' }) }).strict(),
} as const;

export interface Person {
  accountId: string;
  displayName: string;
}

export interface QuestionView {
  id: string;
  askedBy: Person | null;
  asked: string;
  ageDays: number;
  text: string;
  answer: { id: string; by: Person | null; at: string; text: string } | null;
}

export interface IssueQuestionsView {
  issueKey: string;
  /** Oldest first. */
  questions: QuestionView[];
  open: number;
  canAsk: boolean;
  /** The PO: who may rank the issue (Schedule Issues). */
  canAnswer: boolean;
}

export interface OpenQuestionRow {
  issueKey: string;
  summary: string;
  questionId: string;
  text: string;
  askedBy: Person | null;
  asked: string;
  ageDays: number;
  /** 1-based position among the project's unresolved issues by rank (null when resolved). */
  rank: number | null;
  /** The readiness verdict the app stored (null when never checked). */
  ready: boolean | null;
  quality: number | null;
}

export interface ProjectQuestionsView {
  projectKey: string;
  filter: QuestionsFilter;
  /** Oldest first. */
  rows: OpenQuestionRow[];
  /** Issues with open questions (after the filter). */
  issues: number;
  oldestAgeDays: number | null;
}

export interface QuestionsAnswers {
  'questions.forIssue': IssueQuestionsView;
  'questions.ask': IssueQuestionsView;
  'questions.answer': IssueQuestionsView;
  'questions.list': ProjectQuestionsView;
}
