/**
 * Committing a revealed session (the PO): the decisions are checked in full (./commit-plan), written to the
 * mapped Jira fields as the PO, all or nothing (./commit-write), each decided issue keeps its record
 * (./records) and the session is committed with its decisions. Nothing is written or kept on a refusal.
 */
import { summarize, type Decision, type Session } from '../../core/sessions';
import { AppError } from '../../shared/errors';
import { readAllRatings, saveIssueRecords, saveSession } from '../../store/sessions';
import type { CommitView } from './api';
import { planCommit, type DecisionInput } from './commit-plan';
import { writeAllOrNothing } from './commit-write';
import { nowOf, type SessionsDeps } from './deps';
import { changing, type Rights } from './permissions';
import { recordsOf } from './records';
import { titlesOf, viewOf } from './view';

export interface CommitInput {
  accountId: string;
  sessionId: string;
  decisions: DecisionInput[];
}

/**
 * Writes the decisions as the PO, all or nothing: every value is checked first (the session is revealed,
 * each issue and input is the session's, each field can take the number, the PO may edit the project's
 * issues); then each issue is written; if Jira refuses one, the issues already written are put back as
 * they were and nothing is recorded. Then each issue keeps its record and the session is committed.
 */
export async function commitSession(deps: SessionsDeps, input: CommitInput): Promise<CommitView> {
  return changing(deps, input.accountId, input.sessionId, 'commit a session', (session, rights) =>
    commitLocked(deps, input, session, rights),
  );
}

async function commitLocked(
  deps: SessionsDeps,
  input: CommitInput,
  session: Session,
  rights: Rights,
): Promise<CommitView> {
  if (!rights.edit)
    throw new AppError(
      'forbidden',
      `Committing writes the issues' fields as you, and Jira does not let you edit issues in ${session.projectKey}. Nothing was changed.`,
    );
  if (session.state !== 'revealed')
    throw new AppError(
      'conflict',
      session.state === 'open'
        ? 'Reveal the ratings before you commit. Nothing was changed.'
        : `This session is ${session.state}: it cannot be committed again. Nothing was changed.`,
    );

  const { plan, issues, inputs } = await planCommit(deps, session, input.decisions);
  const writes = plan.filter((p) => p.changes.length > 0);
  await writeAllOrNothing(deps.jira, writes);

  const at = nowOf(deps).toISOString();
  const ratings = await readAllRatings(session.id);
  const summary = summarize(session, ratings);
  const decisions: Decision[] = input.decisions.map((d) => ({
    issueKey: d.issueKey,
    values: d.values,
    ...(d.note ? { note: d.note } : {}),
  }));
  await saveIssueRecords(
    recordsOf({
      session,
      by: input.accountId,
      at,
      decisions: input.decisions,
      plan,
      issues,
      inputs,
      summary,
    }),
  );
  const next: Session = {
    ...session,
    state: 'committed',
    committedAt: at,
    committedBy: input.accountId,
    decisions,
  };
  await saveSession(next);
  return {
    // What the commit has read already (the ratings, the inputs, the issues' summaries) is not read again.
    session: await viewOf(deps, input.accountId, next, rights, 0, {
      ratings,
      inputs,
      ...(plan.some((p) => 'summary' in p.fields) ? {} : { titles: titlesOf(issues.values()) }),
    }),
    written: writes.length,
    changes: plan.flatMap((p) =>
      p.changes.map((c) => ({ issueKey: p.issueKey, input: c.input, from: c.from, to: c.to })),
    ),
  };
}
