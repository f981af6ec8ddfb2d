/** The questions resolvers (issue panel, project page): validated in define.ts, answered by src/features/questions. */
import type { z } from 'zod';
import {
  answerQuestion,
  askQuestion,
  issueQuestions,
  projectQuestions,
  type QuestionsDeps,
} from '../features/questions';
import type { QuestionsAnswers, questionsPayloads } from '../features/questions/api';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import type { Call } from './define';

type Payloads = typeof questionsPayloads;
type Resolve<K extends keyof QuestionsAnswers> = (
  payload: z.infer<Payloads[K]>,
  call: Call,
) => Promise<QuestionsAnswers[K]>;

/** The user's Jira for what they do; the app's only to keep the question marks and issue property in sync. */
const deps = ({ jira }: Call): QuestionsDeps => ({ jira, app: new JiraClient(forgeTransport('app')) });

export const forIssue: Resolve<'questions.forIssue'> = (p, call) => issueQuestions(deps(call), p.issueKey);
export const ask: Resolve<'questions.ask'> = (p, call) => askQuestion(deps(call), p);
export const answer: Resolve<'questions.answer'> = (p, call) => answerQuestion(deps(call), p);
export const list: Resolve<'questions.list'> = (p, call) => projectQuestions(deps(call), p);
