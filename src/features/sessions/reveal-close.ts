/** The PO moves a session on: reveals every rating, or closes it (its record is kept). */
import { canMove, type Session } from '../../core/sessions';
import { AppError } from '../../shared/errors';
import { saveSession } from '../../store/sessions';
import type { SessionView } from './api';
import { nowOf, type SessionsDeps } from './deps';
import { changing } from './permissions';
import { viewOf } from './view';

async function move(
  deps: SessionsDeps,
  input: { accountId: string; sessionId: string },
  to: 'revealed' | 'closed',
): Promise<SessionView> {
  const toDo = to === 'revealed' ? 'reveal a session' : 'close a session';
  return changing(deps, input.accountId, input.sessionId, toDo, async (session, rights) => {
    if (!canMove(session.state, to))
      throw new AppError(
        'conflict',
        `This session is ${session.state}: it cannot be ${to}. Nothing was changed.`,
      );
    const at = nowOf(deps).toISOString();
    const next: Session =
      to === 'revealed'
        ? { ...session, state: 'revealed', revealedAt: at }
        : {
            ...session,
            state: 'closed',
            closedAt: at,
            closedFrom: session.state as Exclude<Session['state'], 'closed'>,
          };
    await saveSession(next);
    return viewOf(deps, input.accountId, next, rights);
  });
}

export const revealSession = (deps: SessionsDeps, input: { accountId: string; sessionId: string }) =>
  move(deps, input, 'revealed');
export const closeSession = (deps: SessionsDeps, input: { accountId: string; sessionId: string }) =>
  move(deps, input, 'closed');
