/** A participant's ratings: each on the session's scale (or skipped), with an optional reason, while it is open. */
import { isOnScale, isParticipant, SCALES } from '../../core/sessions';
import { AppError } from '../../shared/errors';
import { saveRatings } from '../../store/sessions';
import type { SessionView } from './api';
import { nowOf, type SessionsDeps } from './deps';
import { sessionFor } from './permissions';
import { viewOf } from './view';

/** Saves the caller's ratings: a participant who can browse the project, while the session is open. */
export async function rateSession(
  deps: SessionsDeps,
  input: {
    accountId: string;
    sessionId: string;
    ratings: Array<{ issueKey: string; input: string; value: number | null; reason?: string | undefined }>;
  },
): Promise<SessionView> {
  const { session, rights } = await sessionFor(deps, input.accountId, input.sessionId);
  if (!isParticipant(session, input.accountId))
    throw new AppError('forbidden', 'You are not invited to this session, so you cannot rate in it.');
  if (session.state !== 'open')
    throw new AppError(
      'conflict',
      `This session is ${session.state}: ratings can no longer change. Nothing was saved.`,
    );
  const problems: string[] = [];
  for (const [i, r] of input.ratings.entries()) {
    if (!session.issues.includes(r.issueKey))
      problems.push(`ratings.${i}.issueKey: ${r.issueKey} is not in this session`);
    if (!session.inputs.includes(r.input))
      problems.push(`ratings.${i}.input: ${r.input} is not estimated in this session`);
    if (r.value !== null && !isOnScale(session.scale, r.value))
      problems.push(`ratings.${i}.value: ${r.value} is not on the scale ${SCALES[session.scale].join(', ')}`);
  }
  if (problems.length > 0)
    throw new AppError(
      'invalid-payload',
      'Some ratings do not fit this session. Nothing was saved.',
      problems,
    );
  const at = nowOf(deps).toISOString();
  await saveRatings(
    session.id,
    input.accountId,
    input.ratings.map((r) => ({
      accountId: input.accountId,
      issueKey: r.issueKey,
      input: r.input,
      value: r.value,
      ...(r.reason ? { reason: r.reason } : {}),
      at,
    })),
  );
  return viewOf(deps, input.accountId, session, rights);
}
