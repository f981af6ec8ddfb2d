/**
 * Value sessions (issue 16), as pure data: a Product Owner asks participants to rate a set of issues on some
 * numeric inputs of the project's model, blind until the PO reveals; the PO then sees every rating, the
 * (weighted) median, the spread and where people disagree, decides a value per issue and commits it.
 *
 * States: `open` (participants rate) → `revealed` (ratings shown, the PO decides) → `committed` (the
 * decisions were written to Jira). Any state may be `closed`: a closed session is kept, read-only.
 *
 * The reveal rule ({@link visibleRatings}): before the reveal a participant sees only their own ratings, and
 * the PO sees who has rated how much, never a value; after it, the PO and the participants see every
 * rating. People are account ids only (ADR 9).
 */

/** A session's id (`newId` in src/features/sessions makes them). */
export const SESSION_ID = /^[a-z0-9-]{1,40}$/;

/** Issues in one session. */
export const MAX_SESSION_ISSUES = 100;
/** People invited to one session. */
export const MAX_PARTICIPANTS = 20;
/** Inputs estimated in one session. */
export const MAX_SESSION_INPUTS = 5;
/** Longest reason on a rating, and longest note on a decision. */
export const MAX_REASON_CHARS = 280;
export const MAX_NOTE_CHARS = 280;
/** Longest session title. */
export const MAX_TITLE_CHARS = 120;
/** Highest stakeholder weight (weights are 1 by default). */
export const MAX_WEIGHT = 10;

export const SCALES = {
  /** Fibonacci 1–21: the default. */
  fibonacci: [1, 2, 3, 5, 8, 13, 21],
  /** 1 to 10. */
  ten: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
} as const;
export type Scale = keyof typeof SCALES;
export const SCALE_LABEL: Readonly<Record<Scale, string>> = { fibonacci: 'Fibonacci 1–21', ten: '1–10' };

/**
 * When ratings of one issue and input disagree strongly:
 * - Fibonacci: the highest is at least 3 times the lowest (3 vs 1, 5 vs 13 is not, 3 vs 13 is);
 * - 1–10: the highest and the lowest are at least 5 apart (2 vs 7).
 * Fewer than two ratings never disagree.
 */
export const DISAGREEMENT = { fibonacciRatio: 3, tenSpread: 5 } as const;

export const SESSION_STATES = ['open', 'revealed', 'committed', 'closed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** What the PO decided for one issue: a value per input (null: leave the field as it is), and a note. */
export interface Decision {
  issueKey: string;
  values: Record<string, number | null>;
  note?: string;
}

export interface Session {
  id: string;
  projectKey: string;
  title: string;
  /** Account id of the PO who started it. */
  createdBy: string;
  createdAt: string;
  scale: Scale;
  /** Input names of the project's model (`businessValue`, …), in the order shown. */
  inputs: string[];
  /** Issue keys, in the order shown. */
  issues: string[];
  /** Account ids. */
  participants: string[];
  /** Stakeholder weights by account id (1 when absent). */
  weights?: Record<string, number>;
  state: SessionState;
  revealedAt?: string;
  committedAt?: string;
  committedBy?: string;
  /** The decisions written at commit. */
  decisions?: Decision[];
  closedAt?: string;
  /** The state it was closed from. */
  closedFrom?: Exclude<SessionState, 'closed'>;
}

/** One participant's rating of one issue on one input: a value on the scale, or skipped (null). */
export interface Rating {
  accountId: string;
  issueKey: string;
  input: string;
  value: number | null;
  reason?: string;
  at: string;
}

/** Who sees a session: the PO (Schedule Issues in the project) and/or one of its participants. */
export interface Viewer {
  accountId: string;
  isPo: boolean;
}

export const isOnScale = (scale: Scale, value: number): boolean =>
  (SCALES[scale] as readonly number[]).includes(value);

/** Which state changes are allowed: open → revealed → committed, anything but closed → closed. */
export function canMove(from: SessionState, to: SessionState): boolean {
  if (to === 'closed') return from !== 'closed';
  if (from === 'open') return to === 'revealed';
  if (from === 'revealed') return to === 'committed';
  return false;
}

/** Whether the session's ratings have been shown (revealed, committed, or closed after the reveal). */
export function isRevealed(session: Session): boolean {
  const s = session.state === 'closed' ? session.closedFrom : session.state;
  return s === 'revealed' || s === 'committed';
}

export const isParticipant = (session: Session, accountId: string): boolean =>
  session.participants.includes(accountId);

/** How far one participant has come before the reveal: ratings given and skipped, never a value. */
export interface Progress {
  accountId: string;
  rated: number;
  skipped: number;
  /** Issues × inputs. */
  of: number;
}

/** What one viewer may see of a session's ratings. */
export interface Visible {
  revealed: boolean;
  /** Every rating the viewer may see: their own before the reveal, all after it. */
  ratings: Rating[];
  /** Each participant's progress: for the PO, and for everyone after the reveal. */
  progress: Progress[];
}

/** Each participant's counts of ratings and skips (values are not part of it). */
export function progressOf(session: Session, ratings: readonly Rating[]): Progress[] {
  const of = session.issues.length * session.inputs.length;
  const issues = new Set(session.issues);
  const inputs = new Set(session.inputs);
  return session.participants.map((accountId) => {
    const mine = ratings.filter(
      (r) => r.accountId === accountId && issues.has(r.issueKey) && inputs.has(r.input),
    );
    return {
      accountId,
      rated: mine.filter((r) => r.value !== null).length,
      skipped: mine.filter((r) => r.value === null).length,
      of,
    };
  });
}

/**
 * The reveal rule: what `viewer` may see of `ratings`. Before the reveal a participant sees only their own
 * ratings; the PO sees only how many each participant has given (and their own, if they rate too). After
 * the reveal the PO and every participant see all. Anyone else sees nothing.
 */
export function visibleRatings(session: Session, viewer: Viewer, ratings: readonly Rating[]): Visible {
  const revealed = isRevealed(session);
  const participant = isParticipant(session, viewer.accountId);
  if (!viewer.isPo && !participant) return { revealed, ratings: [], progress: [] };
  const inSession = ratings.filter(
    (r) =>
      session.issues.includes(r.issueKey) &&
      session.inputs.includes(r.input) &&
      session.participants.includes(r.accountId),
  );
  if (revealed) return { revealed, ratings: inSession, progress: progressOf(session, inSession) };
  return {
    revealed,
    ratings: inSession.filter((r) => r.accountId === viewer.accountId),
    progress: viewer.isPo ? progressOf(session, inSession) : [],
  };
}

// ------------------------------------------------------------------------------------------------ summary

/**
 * The weighted median: the value at which half of the total weight lies on each side. When the half falls
 * exactly between two values, their mean (so [3, 5] → 4, as the ordinary median). Undefined for no values.
 */
export function weightedMedian(values: ReadonlyArray<{ value: number; weight: number }>): number | undefined {
  const sorted = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  if (sorted.length === 0) return undefined;
  const total = sorted.reduce((s, v) => s + v.weight, 0);
  let below = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const v = sorted[i] as { value: number; weight: number };
    below += v.weight;
    const eps = 1e-9 * total;
    if (Math.abs(below - total / 2) <= eps && i + 1 < sorted.length)
      return (v.value + (sorted[i + 1] as { value: number }).value) / 2;
    if (below > total / 2 + eps || Math.abs(below - total / 2) <= eps) return v.value;
  }
  return (sorted[sorted.length - 1] as { value: number }).value;
}

/** The scale value nearest to `value` (a tie goes to the higher one): a median of 4 on Fibonacci → 5. */
export function snapToScale(scale: Scale, value: number): number {
  let best = SCALES[scale][0] as number;
  for (const s of SCALES[scale]) if (Math.abs(s - value) <= Math.abs(best - value)) best = s;
  return best;
}

/** Whether these values disagree strongly on this scale (see {@link DISAGREEMENT}). */
export function disagree(scale: Scale, values: readonly number[]): boolean {
  if (values.length < 2) return false;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return scale === 'fibonacci'
    ? min > 0 && max / min >= DISAGREEMENT.fibonacciRatio
    : max - min >= DISAGREEMENT.tenSpread;
}

/**
 * How far apart the values are, from 0 (all equal) to 1 (the ends of the scale): on Fibonacci by ratio
 * (log max/min over log 21), on 1–10 by difference (max − min over 9). Sorts the summary.
 */
export function disagreementDegree(scale: Scale, values: readonly number[]): number {
  if (values.length < 2) return 0;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const steps = SCALES[scale];
  const lo = steps[0] as number;
  const hi = steps[steps.length - 1] as number;
  if (scale === 'fibonacci') return min > 0 ? Math.log(max / min) / Math.log(hi / lo) : 1;
  return (max - min) / (hi - lo);
}

export interface SummaryRow {
  issueKey: string;
  input: string;
  /** Every rating of this issue and input (skips included), in participant order. */
  ratings: Rating[];
  /** Ratings with a value. */
  count: number;
  skipped: number;
  /** The (weighted) median of the values; null when nobody gave one. */
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min (0 for one value); null when nobody gave one. */
  spread: number | null;
  disagreement: boolean;
  /** 0–1, see {@link disagreementDegree}. */
  degree: number;
  /** The decision the PO starts from: the median, on the scale. */
  suggested: number | null;
}

/**
 * Per issue and input after the reveal: every rating with its reason, the weighted median, the spread and
 * the disagreement flag; sorted by disagreement (flagged first, then by degree), then in session order.
 */
export function summarize(session: Session, ratings: readonly Rating[]): SummaryRow[] {
  const weight = (id: string) => session.weights?.[id] ?? 1;
  const order = new Map(session.participants.map((p, i) => [p, i]));
  const rows: Array<SummaryRow & { position: number }> = [];
  let position = 0;
  for (const issueKey of session.issues)
    for (const input of session.inputs) {
      const these = ratings
        .filter((r) => r.issueKey === issueKey && r.input === input && order.has(r.accountId))
        .sort((a, b) => (order.get(a.accountId) ?? 0) - (order.get(b.accountId) ?? 0));
      const valued = these.filter((r): r is Rating & { value: number } => r.value !== null);
      const values = valued.map((r) => r.value);
      const median =
        weightedMedian(valued.map((r) => ({ value: r.value, weight: weight(r.accountId) }))) ?? null;
      const min = values.length ? Math.min(...values) : null;
      const max = values.length ? Math.max(...values) : null;
      rows.push({
        issueKey,
        input,
        ratings: these,
        count: values.length,
        skipped: these.length - values.length,
        median,
        min,
        max,
        spread: min !== null && max !== null ? max - min : null,
        disagreement: disagree(session.scale, values),
        degree: disagreementDegree(session.scale, values),
        suggested: median === null ? null : snapToScale(session.scale, median),
        position: position++,
      });
    }
  rows.sort(
    (a, b) =>
      Number(b.disagreement) - Number(a.disagreement) || b.degree - a.degree || a.position - b.position,
  );
  return rows.map(({ position: _p, ...row }) => row);
}

/** The decisions pre-filled from the summary: each issue's suggested value (the median) per input. */
export function suggestedDecisions(session: Session, summary: readonly SummaryRow[]): Decision[] {
  return session.issues.map((issueKey) => ({
    issueKey,
    values: Object.fromEntries(
      session.inputs.map((input) => [
        input,
        summary.find((r) => r.issueKey === issueKey && r.input === input)?.suggested ?? null,
      ]),
    ),
  }));
}

/** What is kept of a commit on each issue: its score history next to Jira's changelog. */
export interface IssueRecord {
  sessionId: string;
  projectKey: string;
  issueKey: string;
  title: string;
  scale: Scale;
  /** Account id of the PO who committed. */
  by: string;
  at: string;
  /** Per input: the value before, the decision, and every rating. */
  inputs: Array<{
    input: string;
    fieldId: string;
    from: number | null;
    to: number | null;
    median: number | null;
    ratings: Array<{ accountId: string; value: number | null; reason?: string }>;
  }>;
  note?: string;
}
