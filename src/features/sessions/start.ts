/**
 * Starting a session (the PO): the inputs must be the model's with a Jira field, every invited person must
 * be able to browse the project, and the selection must name at least one issue; then the session is saved
 * open.
 */
import type { Scale, Session } from '../../core/sessions';
import { AppError } from '../../shared/errors';
import { nameOf, nameResolver } from '../../shared/names';
import { saveSession } from '../../store/sessions';
import type { SessionIssues, SessionView } from './api';
import { newId, nowOf, type SessionsDeps } from './deps';
import { estimable } from './inputs';
import { requirePo } from './permissions';
import { resolveIssues } from './selection';
import { viewOf } from './view';

/** Starts a session (the PO); every invited person must be able to browse the project. */
export async function startSession(
  deps: SessionsDeps,
  input: {
    accountId: string;
    projectKey: string;
    title: string;
    issues: SessionIssues;
    inputs: string[];
    scale: Scale;
    participants: string[];
    weights?: Record<string, number> | undefined;
  },
): Promise<SessionView> {
  const rights = await requirePo(deps.jira, input.projectKey, 'start a value session');
  const { inputs } = await estimable(deps, input.projectKey);
  const chosen = [...new Set(input.inputs)];
  const unknown = chosen.filter((n) => !inputs.has(n));
  if (unknown.length > 0)
    throw new AppError(
      'invalid-payload',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an input' : 'are not inputs'} of the project's model with a Jira field. Choose from: ${[...inputs.keys()].join(', ') || 'none'}.`,
    );
  const participants = [...new Set(input.participants)];
  const strangers: string[] = [];
  await Promise.all(
    participants.map(async (id) => {
      const found = await deps.app.usersWhoCanBrowse({
        projectKey: input.projectKey,
        accountId: id,
        maxResults: 1,
      });
      if (!found.some((u) => u.accountId === id)) strangers.push(id);
    }),
  );
  if (strangers.length > 0) {
    const names = await nameResolver(deps.jira).names(strangers);
    throw new AppError(
      'invalid-payload',
      `${strangers.map((id) => nameOf(names, id)).join(', ')} cannot browse ${input.projectKey}, so they cannot rate its issues. Nothing was started.`,
    );
  }
  const weights = input.weights
    ? Object.fromEntries(Object.entries(input.weights).filter(([id]) => participants.includes(id)))
    : undefined;
  const issues = await resolveIssues(deps, input.projectKey, input.issues, inputs, chosen);
  if (issues.length === 0)
    throw new AppError(
      'not-found',
      input.issues.kind === 'unscored'
        ? `No open issue of ${input.projectKey} lacks a value for these inputs. Nothing was started.`
        : `${input.projectKey} has no open issues to estimate. Nothing was started.`,
    );
  const session: Session = {
    id: newId(deps),
    projectKey: input.projectKey,
    title: input.title,
    createdBy: input.accountId,
    createdAt: nowOf(deps).toISOString(),
    scale: input.scale,
    inputs: chosen,
    issues,
    participants,
    ...(weights && Object.keys(weights).length > 0 ? { weights } : {}),
    state: 'open',
  };
  await saveSession(session);
  return viewOf(deps, input.accountId, session, rights);
}
