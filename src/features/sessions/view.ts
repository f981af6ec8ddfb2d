/**
 * A session as the caller may see it (the reveal rule of src/core/sessions): its issues, participants and
 * progress, the caller's own ratings, and after the reveal the summary a page at a time, the suggested or
 * committed decisions and (for the PO) each issue's current values.
 */
import {
  isParticipant,
  isRevealed,
  SCALES,
  summarize,
  suggestedDecisions,
  visibleRatings,
  type Decision,
  type Rating,
  type Session,
} from '../../core/sessions';
import type { JiraIssue } from '../../jira/schemas';
import { nameOf, nameResolver } from '../../shared/names';
import { readAllRatings, readOwnRatings } from '../../store/sessions';
import type { Person } from '../questions/api';
import type { RatingView, SessionView } from './api';
import { SUMMARY_PAGE } from './api';
import type { SessionsDeps } from './deps';
import { estimable, fieldIdsOf, readSessionIssues, valueIn, type Mapped } from './inputs';
import { sessionFor, type Rights } from './permissions';

export const personOf = (names: ReadonlyMap<string, string>, id: string): Person => ({
  accountId: id,
  displayName: nameOf(names, id),
});

/** Each issue's summary, by key ('' when it has none). */
export const titlesOf = (issues: Iterable<JiraIssue>): Map<string, string> =>
  new Map(
    [...issues].map((i) => {
      const s = (i.fields as { summary?: unknown }).summary;
      return [i.key, typeof s === 'string' ? s : ''] as const;
    }),
  );

/** Each issue's current number in each input's field (null when empty or unreadable). */
function currentValues(
  session: Session,
  inputs: ReadonlyMap<string, Mapped>,
  issues: readonly JiraIssue[],
): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const issue of issues) {
    const row: Record<string, number | null> = {};
    for (const name of session.inputs) {
      const m = inputs.get(name);
      row[name] = m ? valueIn(issue, m) : null;
    }
    out[issue.key] = row;
  }
  return out;
}

/**
 * What a caller has read already for the view, so it is not read again: all the session's ratings, the
 * inputs it can estimate, its issues' summaries.
 */
export interface Known {
  ratings?: readonly Rating[];
  inputs?: ReadonlyMap<string, Mapped>;
  titles?: ReadonlyMap<string, string>;
}

export async function viewOf(
  deps: SessionsDeps,
  accountId: string,
  session: Session,
  rights: Rights,
  from = 0,
  known: Known = {},
): Promise<SessionView> {
  const revealed = isRevealed(session);
  const participant = isParticipant(session, accountId);
  const ratings =
    revealed || rights.po
      ? (known.ratings ?? (await readAllRatings(session.id)))
      : await readOwnRatings(session.id, accountId, session.inputs);
  const visible = visibleRatings(session, { accountId, isPo: rights.po }, ratings);
  const inputs = known.inputs ?? (await estimable(deps, session.projectKey)).inputs;
  const withCurrent = revealed && rights.po && session.state === 'revealed';
  // One search for the summaries and, for the PO before the commit, the inputs' current values. An issue
  // deleted since the session started makes Jira refuse the JQL: show no summary nor current value then.
  const found =
    known.titles && !withCurrent
      ? []
      : await readSessionIssues(deps.jira, session, [
          ...new Set(['summary', ...(withCurrent ? fieldIdsOf(session.inputs, inputs) : [])]),
        ]).catch(() => []);
  const titles = known.titles ?? titlesOf(found);
  const current = withCurrent ? currentValues(session, inputs, found) : null;
  const names = await nameResolver(deps.jira).names([
    session.createdBy,
    session.committedBy,
    ...session.participants,
  ]);
  const person = (id: string) => personOf(names, id);
  const ratingView = (r: Rating): RatingView => ({
    issueKey: r.issueKey,
    input: r.input,
    by: person(r.accountId),
    value: r.value,
    ...(r.reason ? { reason: r.reason } : {}),
  });
  const progress = new Map(visible.progress.map((p) => [p.accountId, p]));
  const summary = revealed ? summarize(session, visible.ratings) : null;
  const decisions: Decision[] = session.decisions ?? (summary ? suggestedDecisions(session, summary) : []);
  return {
    id: session.id,
    projectKey: session.projectKey,
    title: session.title,
    state: session.state,
    scale: session.scale,
    scaleValues: [...SCALES[session.scale]],
    createdAt: session.createdAt,
    createdBy: person(session.createdBy),
    inputs: session.inputs.map(
      (name) => inputs.get(name)?.option ?? { name, label: name, fieldId: '', fieldName: 'no field' },
    ),
    issues: session.issues.map((key) => ({ key, summary: titles.get(key) ?? '' })),
    participants: session.participants.map((id) => {
      const p = progress.get(id);
      return {
        ...person(id),
        weight: session.weights?.[id] ?? 1,
        ...(p ? { rated: p.rated, skipped: p.skipped, of: p.of } : {}),
      };
    }),
    you: {
      isPo: rights.po,
      isParticipant: participant,
      canRate: participant && session.state === 'open',
      canCommit: rights.po && rights.edit && session.state === 'revealed',
    },
    revealed,
    own: visible.ratings.filter((r) => r.accountId === accountId).map(ratingView),
    summary: summary
      ? summary
          .slice(from, from + SUMMARY_PAGE)
          .map((row) => ({ ...row, ratings: row.ratings.map(ratingView) }))
      : null,
    summaryFrom: from,
    summaryTotal: summary?.length ?? 0,
    flagged: summary?.filter((r) => r.disagreement).length ?? 0,
    decisions,
    current,
    ...(session.revealedAt ? { revealedAt: session.revealedAt } : {}),
    ...(session.committedAt ? { committedAt: session.committedAt } : {}),
    ...(session.committedBy ? { committedBy: person(session.committedBy) } : {}),
    ...(session.closedAt ? { closedAt: session.closedAt } : {}),
  };
}

/** One session as the caller may see it, its summary from row `from`. */
export async function getSession(
  deps: SessionsDeps,
  input: { sessionId: string; accountId: string; from?: number },
): Promise<SessionView> {
  const { session, rights } = await sessionFor(deps, input.accountId, input.sessionId);
  return viewOf(deps, input.accountId, session, rights, input.from ?? 0);
}
