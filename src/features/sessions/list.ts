/** A project's sessions as the caller may see them: every one for the PO, their own for the others. */
import { nameResolver } from '../../shared/names';
import { listSessionHeads, type SessionHead } from '../../store/sessions';
import type { SessionRow, SessionsListView } from './api';
import type { SessionsDeps } from './deps';
import { requireBrowse } from './permissions';
import { personOf } from './view';

function rowOf(head: SessionHead, names: ReadonlyMap<string, string>, accountId: string): SessionRow {
  return {
    id: head.id,
    title: head.title,
    state: head.state,
    createdAt: head.createdAt,
    createdBy: personOf(names, head.createdBy),
    issues: head.issues,
    inputs: head.inputs,
    participants: head.participants.length,
    invited: head.participants.includes(accountId),
  };
}

/** The project's sessions: all of them for the PO, the caller's own otherwise; and their open ones to rate. */
export async function listSessions(
  deps: SessionsDeps,
  input: { projectKey: string; accountId: string },
): Promise<SessionsListView> {
  const rights = await requireBrowse(deps.jira, input.projectKey);
  const heads = await listSessionHeads(input.projectKey);
  const shown = rights.po ? heads : heads.filter((h) => h.participants.includes(input.accountId));
  const names = await nameResolver(deps.jira).names(shown.map((h) => h.createdBy));
  const rows = shown.map((h) => rowOf(h, names, input.accountId));
  return {
    projectKey: input.projectKey,
    canStart: rights.po,
    sessions: rows,
    mine: rows.filter((r) => r.invited && r.state === 'open'),
  };
}
