/**
 * Value sessions in Forge storage, each record checked with zod on the way in and out:
 *
 * | key                                            | what                                                     |
 * | ---------------------------------------------- | -------------------------------------------------------- |
 * | `session:<id>`                                 | the session: issues, inputs, scale, people, state, decisions |
 * | `session-index:<project>:<id>`                 | its short head, for listing a project's sessions          |
 * | `session-rating:<id>:<account>:<input>`        | one participant's ratings of every issue on one input     |
 * | `session-record:<issue>:<id>`                  | what a commit wrote to the issue (its score history)      |
 * | `session-lock:<id>`                            | held for a minute at most while the state changes          |
 *
 * Each participant's ratings are their own keys, so people rating at once never overwrite each other; the
 * session and its head are written in one transaction. The largest session (100 issues, 20 participants,
 * 5 inputs, every reason 280 characters) stays under Forge's 240 KiB a value: a rating key holds at most
 * 100 ratings, a record at most 20 × 5. People are account ids only (ADR 9).
 */
import { kvs, WhereConditions } from '@forge/kvs';
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
  SESSION_STATES,
  type IssueRecord,
  type Rating,
  type Session,
} from '../core/sessions';
import { accountId, inputName, issueKey, projectKey } from '../core/ids';
import { readJson, StoredDataError, writeJson } from './json-store';
import { checkKey, keyOf, MAX_VALUE_BYTES } from './keys';
import { claimKey } from './locks';

const input = inputName;
const at = z.string().min(1).max(40);
const reason = z.string().max(MAX_REASON_CHARS);

const DecisionSchema = z.object({
  issueKey,
  values: z.record(input, z.number().finite().nullable()),
  note: z.string().max(MAX_NOTE_CHARS).optional(),
});

export const SessionSchema = z.object({
  id: z.string().regex(SESSION_ID),
  projectKey,
  title: z.string().max(MAX_TITLE_CHARS),
  createdBy: accountId,
  createdAt: at,
  scale: z.enum(['fibonacci', 'ten']),
  inputs: z.array(input).min(1).max(MAX_SESSION_INPUTS),
  issues: z.array(issueKey).min(1).max(MAX_SESSION_ISSUES),
  participants: z.array(accountId).min(1).max(MAX_PARTICIPANTS),
  weights: z.record(accountId, z.number().positive().max(MAX_WEIGHT)).optional(),
  state: z.enum(SESSION_STATES),
  revealedAt: at.optional(),
  committedAt: at.optional(),
  committedBy: accountId.optional(),
  decisions: z.array(DecisionSchema).max(MAX_SESSION_ISSUES).optional(),
  closedAt: at.optional(),
  closedFrom: z.enum(['open', 'revealed', 'committed']).optional(),
}) satisfies z.ZodType<Session>;

/** The head listed per project: what the list shows without reading the session. */
export const SessionHeadSchema = z.object({
  id: z.string(),
  projectKey: z.string(),
  title: z.string(),
  createdBy: accountId,
  createdAt: at,
  state: z.enum(SESSION_STATES),
  issues: z.number().int(),
  inputs: z.array(input),
  participants: z.array(accountId),
});
export type SessionHead = z.infer<typeof SessionHeadSchema>;

/** One participant's ratings on one input: by issue key, a value (null: skipped) and a reason. */
const RatingsSchema = z.object({
  sessionId: z.string(),
  accountId,
  input,
  ratings: z.record(
    issueKey,
    z.object({ value: z.number().finite().nullable(), reason: reason.optional(), at }),
  ),
});
type StoredRatings = z.infer<typeof RatingsSchema>;

export const IssueRecordSchema = z.object({
  sessionId: z.string(),
  projectKey: z.string(),
  issueKey,
  title: z.string().max(MAX_TITLE_CHARS),
  scale: z.enum(['fibonacci', 'ten']),
  by: accountId,
  at,
  inputs: z
    .array(
      z.object({
        input,
        fieldId: z.string().max(255),
        from: z.number().nullable(),
        to: z.number().nullable(),
        median: z.number().nullable(),
        ratings: z
          .array(z.object({ accountId, value: z.number().nullable(), reason: reason.optional() }))
          .max(MAX_PARTICIPANTS),
      }),
    )
    .max(MAX_SESSION_INPUTS),
  note: z.string().max(MAX_NOTE_CHARS).optional(),
}) satisfies z.ZodType<IssueRecord>;

const sessionKey = (id: string) => keyOf('session', id);
const indexPrefix = (projectKey: string) => `${keyOf('session-index', projectKey)}:`;
const indexKey = (projectKey: string, id: string) => keyOf('session-index', projectKey, id);
const ratingsPrefix = (id: string) => `${keyOf('session-rating', id)}:`;
const ratingsKey = (id: string, account: string, name: string) => keyOf('session-rating', id, account, name);
const recordPrefix = (issue: string) => `${keyOf('session-record', issue)}:`;
const recordKey = (issue: string, id: string) => keyOf('session-record', issue, id);
const lockKey = (id: string) => keyOf('session-lock', id);
/** A state change's lock outlives any resolver run (25 s), so a crashed one never blocks the session long. */
const LOCK_SECONDS = 60;

/** Refuses a value over Forge's limit with a sentence saying what to shorten. */
function checkSize(value: unknown, what: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES)
    throw new RangeError(`${what} is too large to store (${bytes} bytes; the limit is ${MAX_VALUE_BYTES}).`);
}

function parsed<S extends z.ZodTypeAny>(schema: S, raw: unknown, key: string): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new StoredDataError(key, `${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Every value whose key starts with `prefix`, 20 a query. */
async function allWithPrefix<S extends z.ZodTypeAny>(prefix: string, schema: S): Promise<Array<z.infer<S>>> {
  const out: Array<z.infer<S>> = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(checkKey(prefix)))
      .limit(20);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const r of page.results) out.push(parsed(schema, r.value, r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export const headOf = (s: Session): SessionHead => ({
  id: s.id,
  projectKey: s.projectKey,
  title: s.title,
  createdBy: s.createdBy,
  createdAt: s.createdAt,
  state: s.state,
  issues: s.issues.length,
  inputs: s.inputs,
  participants: s.participants,
});

/**
 * The keys and values the store keeps for a session and its ratings, exactly as it writes them (for seeding
 * demo data; the app writes through {@link saveSession} and {@link saveRatings}).
 */
export function sessionEntries(session: Session, ratings: readonly Rating[]): Array<[string, unknown]> {
  const stored = SessionSchema.parse(session);
  const out: Array<[string, unknown]> = [
    [sessionKey(stored.id), stored],
    [indexKey(stored.projectKey, stored.id), SessionHeadSchema.parse(headOf(stored))],
  ];
  const groups = new Map<string, StoredRatings>();
  for (const r of ratings) {
    const key = ratingsKey(stored.id, r.accountId, r.input);
    const group = groups.get(key) ?? {
      sessionId: stored.id,
      accountId: r.accountId,
      input: r.input,
      ratings: {},
    };
    group.ratings[r.issueKey] = { value: r.value, ...(r.reason ? { reason: r.reason } : {}), at: r.at };
    groups.set(key, group);
  }
  for (const [key, group] of groups) out.push([key, RatingsSchema.parse(group)]);
  for (const [key, value] of out) {
    checkKey(key);
    checkSize(value, key);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ sessions

export async function readSession(id: string): Promise<Session | undefined> {
  return readJson(sessionKey(id), SessionSchema);
}

/** Writes the session and its head in one transaction: the list never shows a state the session is not in. */
export async function saveSession(session: Session): Promise<Session> {
  const stored = SessionSchema.parse(session);
  checkSize(stored, 'The session');
  await kvs
    .transact()
    .set(sessionKey(stored.id), stored)
    .set(indexKey(stored.projectKey, stored.id), SessionHeadSchema.parse(headOf(stored)))
    .execute();
  return stored;
}

/** The heads of every session of the project, newest first. */
export async function listSessionHeads(projectKey: string): Promise<SessionHead[]> {
  const heads = await allWithPrefix(indexPrefix(projectKey), SessionHeadSchema);
  return heads.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * Runs `change` while holding the session's lock (written only if absent, `FAIL_IF_EXISTS`, expiring after a
 * minute): of two state changes at the same moment (two commits, a reveal and a close) exactly one runs.
 * Answers undefined, running nothing, when another change holds the lock.
 */
export async function withSessionLock<T>(
  sessionId: string,
  change: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  const key = lockKey(sessionId);
  const claim = await claimKey(
    key,
    { at: new Date().toISOString() },
    { value: LOCK_SECONDS, unit: 'SECONDS' },
    () => kvs.get<unknown>(key),
  );
  if (!claim.claimed) return undefined;
  try {
    return { value: await change() };
  } finally {
    await kvs.delete(key);
  }
}

// ------------------------------------------------------------------------------------------------ ratings

/** Every rating of the session, by anyone. */
export async function readAllRatings(sessionId: string): Promise<Rating[]> {
  const stored = await allWithPrefix(ratingsPrefix(sessionId), RatingsSchema);
  return stored.flatMap(toRatings);
}

/** One participant's ratings of the session (on the given inputs). */
export async function readOwnRatings(
  sessionId: string,
  account: string,
  inputs: readonly string[],
): Promise<Rating[]> {
  const stored = await Promise.all(
    inputs.map((name) => readJson(ratingsKey(sessionId, account, name), RatingsSchema)),
  );
  return stored.flatMap((s) => (s ? toRatings(s) : []));
}

function toRatings(s: StoredRatings): Rating[] {
  return Object.entries(s.ratings).map(([issue, r]) => ({
    accountId: s.accountId,
    issueKey: issue,
    input: s.input,
    value: r.value,
    ...(r.reason ? { reason: r.reason } : {}),
    at: r.at,
  }));
}

/**
 * Sets one participant's ratings (on their own keys: one a session input), leaving their other ratings as
 * they are. Only this participant writes these keys, so ratings by different people never collide.
 */
export async function saveRatings(
  sessionId: string,
  account: string,
  ratings: readonly Rating[],
): Promise<void> {
  const byInput = new Map<string, Rating[]>();
  for (const r of ratings) {
    if (r.accountId !== account) throw new RangeError('A participant saves only their own ratings.');
    byInput.set(r.input, [...(byInput.get(r.input) ?? []), r]);
  }
  for (const [name, these] of byInput) {
    const key = ratingsKey(sessionId, account, name);
    const current = (await readJson(key, RatingsSchema)) ?? {
      sessionId,
      accountId: account,
      input: name,
      ratings: {},
    };
    for (const r of these)
      current.ratings[r.issueKey] = { value: r.value, ...(r.reason ? { reason: r.reason } : {}), at: r.at };
    const checked = RatingsSchema.parse(current);
    checkSize(checked, 'Your ratings');
    await writeJson(key, RatingsSchema, checked);
  }
}

// ------------------------------------------------------------------------------------------------ records

/** Bytes of records one transaction writes (Forge caps a transaction's operations; we cap its size too). */
const TRANSACTION_BYTES = 1024 * 1024;

/** Keeps what a commit wrote to each issue (its score history): at most 25 records or 1 MiB a transaction. */
export async function saveIssueRecords(records: readonly IssueRecord[]): Promise<void> {
  const checked = records.map((r) => IssueRecordSchema.parse(r));
  for (const r of checked) checkSize(r, `The record of ${r.issueKey}`);
  let batch: IssueRecord[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    let tx = kvs.transact();
    for (const r of batch) tx = tx.set(recordKey(r.issueKey, r.sessionId), r);
    await tx.execute();
    batch = [];
    bytes = 0;
  };
  for (const r of checked) {
    const size = Buffer.byteLength(JSON.stringify(r), 'utf8');
    if (batch.length === 25 || (batch.length > 0 && bytes + size > TRANSACTION_BYTES)) await flush();
    batch.push(r);
    bytes += size;
  }
  await flush();
}

/** The issue's session records, newest first. */
export async function listIssueRecords(issue: string): Promise<IssueRecord[]> {
  const records = await allWithPrefix(recordPrefix(issue), IssueRecordSchema);
  return records.sort((a, b) => b.at.localeCompare(a.at));
}
