/**
 * The value sessions' part of the resolver API (spread into `payloads` and `Answers` in api.ts): a PO starts
 * a session on some issues and inputs, participants rate blind, the PO reveals, decides and commits the
 * decisions to the mapped Jira fields, and closes it. See docs/sessions.md.
 */
import { z } from 'zod';
import {
  MAX_NOTE_CHARS,
  MAX_PARTICIPANTS,
  MAX_REASON_CHARS,
  MAX_SESSION_INPUTS,
  MAX_SESSION_ISSUES,
  MAX_TITLE_CHARS,
  MAX_WEIGHT,
  SESSION_ID,
  type Scale,
  type SessionState,
  type SummaryRow,
} from '../../core/sessions';
import { accountId, inputName } from '../../core/ids';
import { issueKey, projectKey } from '../../shared/ids';
import type { Person } from '../questions/api';

/** Summary rows an answer carries (each up to 20 ratings with their reasons). */
export const SUMMARY_PAGE = 25;

const sessionId = z.string().regex(SESSION_ID, 'not a session id');

/** Which issues a session is about: named keys, the top of the backlog, or the top issues not yet valued. */
export const SessionIssues = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keys'), keys: z.array(issueKey).min(1).max(MAX_SESSION_ISSUES) }).strict(),
  z.object({ kind: z.literal('top'), top: z.number().int().min(1).max(MAX_SESSION_ISSUES) }).strict(),
  /** Unresolved issues, by rank, with an empty field for one of the session's inputs (at most `top`). */
  z
    .object({ kind: z.literal('unscored'), top: z.number().int().min(1).max(MAX_SESSION_ISSUES).default(30) })
    .strict(),
]);
export type SessionIssues = z.infer<typeof SessionIssues>;

export const sessionsPayloads = {
  /** The project's sessions (all for the PO, one's own otherwise) and the caller's open ones to rate. */
  'sessions.list': z.object({ projectKey }).strict(),
  /** What a session can estimate in this project (the model's numeric inputs with a field) and the scales. */
  'sessions.options': z.object({ projectKey }).strict(),
  /** Users who can browse the project, by the start of their name (the invitation's user picker). */
  'sessions.users': z.object({ projectKey, query: z.string().trim().min(1).max(100) }).strict(),
  /** Starts a session (the PO: Schedule Issues in the project). */
  'sessions.start': z
    .object({
      projectKey,
      title: z.string().trim().min(1, 'Give the session a title.').max(MAX_TITLE_CHARS),
      issues: SessionIssues,
      inputs: z.array(inputName).min(1).max(MAX_SESSION_INPUTS),
      scale: z.enum(['fibonacci', 'ten']).default('fibonacci'),
      participants: z.array(accountId).min(1, 'Invite at least one person.').max(MAX_PARTICIPANTS),
      weights: z.record(accountId, z.number().positive().max(MAX_WEIGHT)).optional(),
    })
    .strict(),
  /**
   * One session as the caller may see it (the reveal rule); after the reveal, {@link SUMMARY_PAGE} rows of
   * the summary from `from` (sorted by disagreement), so the answer stays well under 1 MB.
   */
  'sessions.get': z.object({ sessionId, from: z.number().int().min(0).max(10_000).default(0) }).strict(),
  /** A participant's ratings (value on the scale, or null to skip; an optional reason), while open. */
  'sessions.rate': z
    .object({
      sessionId,
      ratings: z
        .array(
          z
            .object({
              issueKey,
              input: inputName,
              value: z.number().finite().nullable(),
              reason: z
                .string()
                .trim()
                .max(MAX_REASON_CHARS, `At most ${MAX_REASON_CHARS} characters.`)
                .optional(),
            })
            .strict(),
        )
        .min(1)
        .max(MAX_SESSION_ISSUES * MAX_SESSION_INPUTS),
    })
    .strict(),
  /** Shows every rating (the PO). */
  'sessions.reveal': z.object({ sessionId }).strict(),
  /**
   * Writes the decisions to the mapped Jira fields as the PO, all or nothing, and keeps the record on each
   * issue (the PO). A value of null leaves that field as it is.
   */
  'sessions.commit': z
    .object({
      sessionId,
      decisions: z
        .array(
          z
            .object({
              issueKey,
              values: z.record(inputName, z.number().finite().min(0).nullable()),
              note: z.string().trim().max(MAX_NOTE_CHARS, `At most ${MAX_NOTE_CHARS} characters.`).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(MAX_SESSION_ISSUES),
    })
    .strict(),
  /** Ends a session; its record is kept (the PO). */
  'sessions.close': z.object({ sessionId }).strict(),
  /** The session records of an issue (its score history), newest first. */
  'sessions.issueHistory': z.object({ issueKey }).strict(),
} as const;

export interface SessionRow {
  id: string;
  title: string;
  state: SessionState;
  createdAt: string;
  createdBy: Person;
  issues: number;
  inputs: string[];
  participants: number;
  /** The caller is invited. */
  invited: boolean;
}

export interface SessionsListView {
  projectKey: string;
  /** The caller may start sessions (Schedule Issues). */
  canStart: boolean;
  /** Newest first: every session for the PO, the caller's own otherwise. */
  sessions: SessionRow[];
  /** Open sessions the caller is invited to. */
  mine: SessionRow[];
}

export interface InputOption {
  name: string;
  label: string;
  fieldId: string;
  fieldName: string;
}

export interface SessionOptionsView {
  projectKey: string;
  canStart: boolean;
  /** The model's numeric inputs that have a Jira field. */
  inputs: InputOption[];
  /** Preselected: the value inputs among them (business value, time criticality, risk reduction). */
  defaultInputs: string[];
  scales: Array<{ scale: Scale; label: string; values: number[] }>;
  /** Why some of the model's inputs cannot be estimated (no field). */
  notes: string[];
}

export interface RatingView {
  issueKey: string;
  input: string;
  by: Person;
  value: number | null;
  reason?: string;
}

/** A summary row of the core, its ratings as the viewer may see them (with names). */
export interface SummaryRowView extends Omit<SummaryRow, 'ratings'> {
  ratings: RatingView[];
}

export interface ParticipantView extends Person {
  weight: number;
  /** Ratings and skips given: shown to the PO, and to all after the reveal. */
  rated?: number;
  skipped?: number;
  of?: number;
}

export interface SessionView {
  id: string;
  projectKey: string;
  title: string;
  state: SessionState;
  scale: Scale;
  scaleValues: number[];
  createdAt: string;
  createdBy: Person;
  inputs: InputOption[];
  issues: Array<{ key: string; summary: string }>;
  participants: ParticipantView[];
  you: { isPo: boolean; isParticipant: boolean; canRate: boolean; canCommit: boolean };
  revealed: boolean;
  /** The caller's own ratings. */
  own: RatingView[];
  /**
   * After the reveal: rows `summaryFrom` to `summaryFrom + SUMMARY_PAGE` of the summary per issue and input,
   * sorted by disagreement; null before.
   */
  summary: SummaryRowView[] | null;
  summaryFrom: number;
  /** Rows in the whole summary, and how many of them disagree strongly. */
  summaryTotal: number;
  flagged: number;
  /** The committed decisions, or (revealed) the medians to start from. */
  decisions: Array<{ issueKey: string; values: Record<string, number | null>; note?: string }>;
  /** For the PO after the reveal: each issue's current value of each input (what a commit would change). */
  current: Record<string, Record<string, number | null>> | null;
  revealedAt?: string;
  committedAt?: string;
  committedBy?: Person;
  closedAt?: string;
}

export interface CommitView {
  session: SessionView;
  /** Issues whose fields were written. */
  written: number;
  changes: Array<{ issueKey: string; input: string; from: number | null; to: number }>;
}

export interface SessionRecordView {
  sessionId: string;
  title: string;
  at: string;
  by: Person;
  note?: string;
  inputs: Array<{
    input: string;
    label: string;
    from: number | null;
    to: number | null;
    median: number | null;
    ratings: Array<{ by: Person; value: number | null; reason?: string }>;
  }>;
}

export interface SessionsAnswers {
  'sessions.list': SessionsListView;
  'sessions.options': SessionOptionsView;
  'sessions.users': { users: Person[] };
  'sessions.start': SessionView;
  'sessions.get': SessionView;
  'sessions.rate': SessionView;
  'sessions.reveal': SessionView;
  'sessions.commit': CommitView;
  'sessions.close': SessionView;
  'sessions.issueHistory': { records: SessionRecordView[] };
}
