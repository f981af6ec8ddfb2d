/** The value sessions resolvers (project page, issue view): validated in define.ts, answered by src/features/sessions. */
import type { z } from 'zod';
import { storedSettings } from '../features/prioritize/stored';
import {
  closeSession,
  commitSession,
  findUsers,
  getSession,
  issueSessionHistory,
  listSessions,
  rateSession,
  revealSession,
  sessionOptions,
  startSession,
  type SessionsDeps,
} from '../features/sessions';
import type { SessionsAnswers, sessionsPayloads } from '../features/sessions/api';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import type { Call } from './define';

type Payloads = typeof sessionsPayloads;
type Resolve<K extends keyof SessionsAnswers> = (
  payload: z.infer<Payloads[K]>,
  call: Call,
) => Promise<SessionsAnswers[K]>;

/** The user's Jira for everything they do; the app's only to check that an invited person can browse the project. */
const deps = ({ jira }: Call): SessionsDeps => ({
  jira,
  app: new JiraClient(forgeTransport('app')),
  settings: storedSettings,
});

export const list: Resolve<'sessions.list'> = (p, call) =>
  listSessions(deps(call), { projectKey: p.projectKey, accountId: call.accountId });
export const options: Resolve<'sessions.options'> = (p, call) => sessionOptions(deps(call), p.projectKey);
export const users: Resolve<'sessions.users'> = (p, call) => findUsers(deps(call), p);
export const start: Resolve<'sessions.start'> = (p, call) =>
  startSession(deps(call), { ...p, accountId: call.accountId });
export const get: Resolve<'sessions.get'> = (p, call) =>
  getSession(deps(call), { sessionId: p.sessionId, from: p.from, accountId: call.accountId });
export const rate: Resolve<'sessions.rate'> = (p, call) =>
  rateSession(deps(call), { ...p, accountId: call.accountId });
export const reveal: Resolve<'sessions.reveal'> = (p, call) =>
  revealSession(deps(call), { sessionId: p.sessionId, accountId: call.accountId });
export const commit: Resolve<'sessions.commit'> = (p, call) =>
  commitSession(deps(call), { ...p, accountId: call.accountId });
export const close: Resolve<'sessions.close'> = (p, call) =>
  closeSession(deps(call), { sessionId: p.sessionId, accountId: call.accountId });
export const issueHistory: Resolve<'sessions.issueHistory'> = (p, call) =>
  issueSessionHistory(deps(call), p.issueKey);
