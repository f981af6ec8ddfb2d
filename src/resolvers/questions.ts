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
import { refreshReadiness } from '../features/readiness';
import { storedConfigs } from '../features/readiness/stored';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import type { Call } from './define';

type Payloads = typeof questionsPayloads;
type Resolve<K extends keyof QuestionsAnswers> = (
  payload: z.infer<Payloads[K]>,
  call: Call,
) => Promise<QuestionsAnswers[K]>;

/**
 * The user's Jira for what they do; the app's only to keep the question marks, the issue property and the
 * issue's readiness property in sync (as the readiness trigger writes it).
 */
const deps = ({ jira }: Call): QuestionsDeps => {
  const app = new JiraClient(forgeTransport('app'));
  return {
    jira,
    app,
    afterChange: async (issueKey) => {
      await refreshReadiness({ jira: app, configs: storedConfigs }, issueKey);
    },
  };
};

export const forIssue: Resolve<'questions.forIssue'> = (p, call) => issueQuestions(deps(call), p.issueKey);
export const ask: Resolve<'questions.ask'> = (p, call) => askQuestion(deps(call), p);
export const answer: Resolve<'questions.answer'> = (p, call) => answerQuestion(deps(call), p);
export const list: Resolve<'questions.list'> = (p, call) => projectQuestions(deps(call), p);
