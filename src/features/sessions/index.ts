/**
 * Value sessions (issue 16): the PO (Schedule Issues in the project) starts a session on some issues and
 * inputs of the project's model and invites people who can browse the project; each participant rates on
 * their own, blind (the reveal rule of src/core/sessions); the PO reveals, sees the medians, spreads and
 * disagreements, decides and commits: the mapped Jira fields are written as the PO (Jira's edit rights
 * apply), all or nothing, and each issue keeps a record (ratings, decision, note, who, when) as its score
 * history. Closing keeps everything. People are account ids only (ADR 9). See docs/sessions.md.
 *
 * The services, one file each: ./options (what a new session can be), ./start (with ./selection, its
 * issues), ./list and ./view (reading), ./rating, ./reveal-close, ./commit (with ./commit-plan,
 * ./commit-write and ./records) and ./history; ./permissions says who may do what, ./inputs what a
 * session can estimate.
 */
export { commitSession, type CommitInput } from './commit';
export type { SessionsDeps } from './deps';
export { issueSessionHistory } from './history';
export { listSessions } from './list';
export { findUsers, sessionOptions } from './options';
export { rateSession } from './rating';
export { closeSession, revealSession } from './reveal-close';
export { startSession } from './start';
export { getSession } from './view';
