/**
 * Value sessions (issue 16): the PO (Schedule Issues in the project) starts a session on some issues and
 * inputs of the project's model and invites people who can browse the project; each participant rates on
 * their own, blind (the reveal rule of src/core/sessions); the PO reveals, sees the medians, spreads and
 * disagreements, decides and commits: the mapped Jira fields are written as the PO (Jira's edit rights
 * apply), all or nothing, and each issue keeps a record (ratings, decision, note, who, when) as its score
 * history. Closing keeps everything. People are account ids only (ADR 9). See docs/sessions.md.
 */
import {
  INPUT_LABELS,
  NUMBER_INPUTS,
  readNumeric,
  requiredInputs,
  type FieldMapping,
  type NumberSource,
} from '../../core/scoring';
import { optionLookup } from '../../core/scoring/read';
import {
  canMove,
  isOnScale,
  isParticipant,
  isRevealed,
  SCALE_LABEL,
  SCALES,
  summarize,
  suggestedDecisions,
  visibleRatings,
  type Decision,
  type IssueRecord,
  type Rating,
  type Scale,
  type Session,
} from '../../core/sessions';
import type { JiraClient } from '../../jira/client';
import { JiraError, JiraNotFoundError } from '../../jira/errors';
import type { JiraField } from '../../jira/schemas';
import { AppError } from '../../shared/errors';
import { nameOf, nameResolver } from '../../shared/names';
import {
  listIssueRecords,
  listSessionHeads,
  readAllRatings,
  readOwnRatings,
  readSession,
  saveIssueRecords,
  saveRatings,
  saveSession,
  withSessionLock,
  type SessionHead,
} from '../../store/sessions';
import { proposedMapping } from '../prioritize/analyze';
import type { SettingsSource } from '../prioritize/sources';
import { DEFAULT_MODEL } from '../prioritize/sources';
import { findScoreField } from '../prioritize/writeback';
import type {
  CommitView,
  InputOption,
  RatingView,
  SessionIssues,
  SessionOptionsView,
  SessionRecordView,
  SessionRow,
  SessionsListView,
  SessionView,
} from './api';
import { SUMMARY_PAGE } from './api';
import type { Person } from '../questions/api';

export interface SessionsDeps {
  /** Jira as the calling user: Jira enforces their rights (and writes the fields as them). */
  jira: JiraClient;
  /** Jira as the app: checks that an invited person can browse the project. */
  app: JiraClient;
  settings: SettingsSource;
  now?: () => Date;
  /** A new session's id (default: time and randomness). */
  newId?: () => string;
}

/** Field writes in flight at once during a commit. */
const WRITE_CONCURRENCY = 4;
/** Open issues read (by rank) to find the top ones without a value. */
const UNSCORED_SCAN = 2000;
/** The inputs a new session estimates when the model has them. */
const VALUE_INPUTS = ['businessValue', 'timeCriticality', 'riskReduction'];
/** Model input names that are other names for a field-backed input. */
const ALIASES: Readonly<Record<string, string>> = { jobSize: 'effort', duration: 'effort' };

const nowOf = (deps: SessionsDeps) => (deps.now ?? (() => new Date()))();
const newId = (deps: SessionsDeps) =>
  deps.newId?.() ??
  `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
const quote = (key: string) => `"${key}"`;

// ------------------------------------------------------------------------------------------------ rights

interface Rights {
  browse: boolean;
  /** Schedule Issues: the PO. */
  po: boolean;
  edit: boolean;
}

async function rightsIn(jira: JiraClient, projectKey: string): Promise<Rights> {
  let held: Record<string, boolean>;
  try {
    held = await jira.myPermissions({ projectKey }, ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'EDIT_ISSUES']);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Project ${projectKey} does not exist, or you cannot see it.`);
    throw error;
  }
  const browse = held.BROWSE_PROJECTS === true;
  return { browse, po: browse && held.SCHEDULE_ISSUES === true, edit: browse && held.EDIT_ISSUES === true };
}

async function requireBrowse(jira: JiraClient, projectKey: string): Promise<Rights> {
  const rights = await rightsIn(jira, projectKey);
  if (!rights.browse)
    throw new AppError(
      'forbidden',
      `You cannot browse project ${projectKey}, so you cannot see its sessions.`,
    );
  return rights;
}

async function requirePo(jira: JiraClient, projectKey: string, toDo: string): Promise<Rights> {
  const rights = await requireBrowse(jira, projectKey);
  if (!rights.po)
    throw new AppError(
      'forbidden',
      `Only the Product Owner can ${toDo}: you need the Schedule Issues permission in ${projectKey}. Nothing was changed.`,
    );
  return rights;
}

/**
 * Runs a state change (reveal, commit, close) alone: with the session's lock held, on the session as it is
 * now; a change already running is a `conflict` and nothing happens.
 */
async function changing<T>(
  deps: SessionsDeps,
  accountId: string,
  sessionId: string,
  change: (session: Session, rights: Rights) => Promise<T>,
): Promise<T> {
  const held = await withSessionLock(sessionId, async () => {
    const { session, rights } = await sessionFor(deps, accountId, sessionId);
    return change(session, rights);
  });
  if (!held)
    throw new AppError(
      'conflict',
      'This session is being changed right now (revealed, committed or closed). Nothing was changed; look again in a moment.',
    );
  return held.value;
}

const missingSession = () =>
  new AppError('not-found', 'There is no such value session, or you are not part of it.');

/** The session, if the caller may see it: the PO of its project, or one of its participants. */
async function sessionFor(
  deps: SessionsDeps,
  accountId: string,
  sessionId: string,
): Promise<{ session: Session; rights: Rights }> {
  const session = await readSession(sessionId);
  if (!session) throw missingSession();
  let rights: Rights;
  try {
    rights = await rightsIn(deps.jira, session.projectKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') throw missingSession();
    throw error;
  }
  if (!rights.browse || (!rights.po && !isParticipant(session, accountId))) throw missingSession();
  return { session, rights };
}

// ------------------------------------------------------------------------------------------------ inputs

interface Mapped {
  option: InputOption;
  source: NumberSource;
}

async function projectMapping(deps: SessionsDeps, projectKey: string): Promise<FieldMapping> {
  return (await deps.settings.mapping(projectKey)) ?? (await proposedMapping(deps.jira));
}

/** The field an input reads; effort falls back to story points, as the scoring does. */
function sourceOf(mapping: FieldMapping, input: string): NumberSource | undefined {
  if (input === 'effort') return mapping.effort ?? mapping.storyPoints;
  if ((NUMBER_INPUTS as readonly string[]).includes(input))
    return mapping[input as (typeof NUMBER_INPUTS)[number]];
  return mapping.custom?.find((c) => c.name === input);
}

function labelOf(mapping: FieldMapping, input: string): string {
  const custom = mapping.custom?.find((c) => c.name === input);
  if (custom) return custom.label ?? custom.fieldName ?? custom.name;
  return (INPUT_LABELS as Readonly<Record<string, string>>)[input] ?? input;
}

/** The model's numeric inputs that have a Jira field: what a session can estimate. */
async function estimable(
  deps: SessionsDeps,
  projectKey: string,
): Promise<{ inputs: Map<string, Mapped>; notes: string[] }> {
  const [mapping, stored, fields] = await Promise.all([
    projectMapping(deps, projectKey),
    deps.settings.model(projectKey),
    deps.jira.fields(),
  ]);
  const byId = new Map(fields.map((f) => [f.id, f] as const));
  const own = findScoreField(fields);
  const model = stored ?? DEFAULT_MODEL;
  const names = [...new Set(requiredInputs(model, mapping).map((n) => ALIASES[n] ?? n))];
  const inputs = new Map<string, Mapped>();
  const notes: string[] = [];
  for (const name of names) {
    const source = sourceOf(mapping, name);
    const isNumber = (NUMBER_INPUTS as readonly string[]).includes(name) || source !== undefined;
    if (!isNumber) continue;
    const field = source ? byId.get(source.fieldId) : undefined;
    if (!source || !field || field.id === own?.id) {
      notes.push(
        `${labelOf(mapping, name)} has no Jira field in the project's mapping, so it cannot be estimated.`,
      );
      continue;
    }
    inputs.set(name, {
      source,
      option: { name, label: labelOf(mapping, name), fieldId: field.id, fieldName: field.name },
    });
  }
  return { inputs, notes };
}

/** The options of a new session: the inputs, the scales, and whether the caller may start one. */
export async function sessionOptions(deps: SessionsDeps, projectKey: string): Promise<SessionOptionsView> {
  const rights = await requireBrowse(deps.jira, projectKey);
  const { inputs, notes } = await estimable(deps, projectKey);
  const options = [...inputs.values()].map((m) => m.option);
  const values = options.filter((o) => VALUE_INPUTS.includes(o.name)).map((o) => o.name);
  return {
    projectKey,
    canStart: rights.po,
    inputs: options,
    defaultInputs: values.length > 0 ? values : options.slice(0, 1).map((o) => o.name),
    scales: (Object.keys(SCALES) as Scale[]).map((scale) => ({
      scale,
      label: SCALE_LABEL[scale],
      values: [...SCALES[scale]],
    })),
    notes,
  };
}

/** People who can browse the project whose name starts with `query`, as the caller may see them. */
export async function findUsers(
  deps: SessionsDeps,
  input: { projectKey: string; query: string },
): Promise<{ users: Person[] }> {
  await requireBrowse(deps.jira, input.projectKey);
  const found = await deps.jira.usersWhoCanBrowse({
    projectKey: input.projectKey,
    query: input.query,
    maxResults: 20,
  });
  return {
    users: found
      .filter((u) => u.accountType === undefined || u.accountType === 'atlassian')
      .filter((u) => u.active !== false)
      .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId })),
  };
}

// ------------------------------------------------------------------------------------------------ views

const personOf = (names: ReadonlyMap<string, string>, id: string): Person => ({
  accountId: id,
  displayName: nameOf(names, id),
});

async function summaries(jira: JiraClient, session: Session): Promise<Map<string, string>> {
  const found = await jira
    .search({
      jql: `key in (${session.issues.join(',')}) ORDER BY key`,
      fields: ['summary'],
      pageSize: 100,
    })
    .catch(() => []);
  return new Map(
    found.map((i) => {
      const s = (i.fields as { summary?: unknown }).summary;
      return [i.key, typeof s === 'string' ? s : ''] as const;
    }),
  );
}

/** Each issue's current number in each input's field (null when empty or unreadable). */
async function currentValues(
  jira: JiraClient,
  session: Session,
  inputs: ReadonlyMap<string, Mapped>,
): Promise<Record<string, Record<string, number | null>>> {
  const fieldIds = [...new Set(session.inputs.flatMap((n) => inputs.get(n)?.option.fieldId ?? []))];
  // An issue deleted since the session started makes Jira refuse the JQL: show no current values then.
  const issues = await jira
    .search({
      jql: `key in (${session.issues.join(',')}) ORDER BY key`,
      fields: fieldIds.length > 0 ? fieldIds : ['summary'],
      pageSize: 100,
    })
    .catch(() => []);
  const out: Record<string, Record<string, number | null>> = {};
  for (const issue of issues) {
    const row: Record<string, number | null> = {};
    for (const name of session.inputs) {
      const m = inputs.get(name);
      const read = m
        ? readNumeric(issue.fields[m.option.fieldId], optionLookup(m.source.options))
        : undefined;
      row[name] = read?.state === 'ok' ? read.value : null;
    }
    out[issue.key] = row;
  }
  return out;
}

async function viewOf(
  deps: SessionsDeps,
  accountId: string,
  session: Session,
  rights: Rights,
  from = 0,
): Promise<SessionView> {
  const revealed = isRevealed(session);
  const participant = isParticipant(session, accountId);
  const ratings =
    revealed || rights.po
      ? await readAllRatings(session.id)
      : await readOwnRatings(session.id, accountId, session.inputs);
  const visible = visibleRatings(session, { accountId, isPo: rights.po }, ratings);
  const { inputs } = await estimable(deps, session.projectKey);
  const [titles, current] = await Promise.all([
    summaries(deps.jira, session),
    revealed && rights.po && session.state === 'revealed'
      ? currentValues(deps.jira, session, inputs)
      : Promise.resolve(null),
  ]);
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

export async function getSession(
  deps: SessionsDeps,
  input: { sessionId: string; accountId: string; from?: number },
): Promise<SessionView> {
  const { session, rights } = await sessionFor(deps, input.accountId, input.sessionId);
  return viewOf(deps, input.accountId, session, rights, input.from ?? 0);
}

// ------------------------------------------------------------------------------------------------ start

/** The issue keys a session's selection names, checked against Jira as the PO sees it. */
async function resolveIssues(
  deps: SessionsDeps,
  projectKey: string,
  selection: SessionIssues,
  inputs: ReadonlyMap<string, Mapped>,
  chosen: readonly string[],
): Promise<string[]> {
  const base = `project = ${quote(projectKey)}`;
  if (selection.kind === 'keys') {
    const keys = [...new Set(selection.keys)];
    const found = await deps.jira
      .search({
        jql: `${base} AND key in (${keys.join(',')})`,
        fields: ['id'],
        pageSize: 100,
      })
      .catch((error: unknown) => {
        // Jira refuses JQL naming an issue key that does not exist: say which, as for any missing key.
        if (error instanceof JiraError && error.status === 400) return [];
        throw error;
      });
    const seen = new Set(found.map((i) => i.key));
    const missing = keys.filter((k) => !seen.has(k));
    if (missing.length > 0)
      throw new AppError(
        'not-found',
        `${missing.join(', ')} ${missing.length === 1 ? 'is not an issue' : 'are not issues'} of ${projectKey} you can see. Nothing was started.`,
      );
    return keys;
  }
  const open = `${base} AND statusCategory != Done AND issuetype != Epic ORDER BY Rank ASC`;
  if (selection.kind === 'top') {
    const { issues } = await deps.jira.searchPage({ jql: open, fields: ['id'], pageSize: selection.top });
    return issues.slice(0, selection.top).map((i) => i.key);
  }
  const fieldIds = chosen.map((n) => inputs.get(n)?.option.fieldId).filter((f): f is string => !!f);
  const keys: string[] = [];
  let read = 0;
  for await (const page of deps.jira.searchPages({ jql: open, fields: fieldIds, pageSize: 100 })) {
    read += page.length;
    for (const issue of page) {
      const empty = chosen.some((n) => {
        const m = inputs.get(n);
        return (
          !m || readNumeric(issue.fields[m.option.fieldId], optionLookup(m.source.options)).state !== 'ok'
        );
      });
      if (empty) keys.push(issue.key);
      if (keys.length >= selection.top) return keys;
    }
    // The top of the backlog is what a session is for: look no further than its first issues.
    if (read >= UNSCORED_SCAN) break;
  }
  return keys;
}

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

// ------------------------------------------------------------------------------------------------ rate, reveal, close

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

async function move(
  deps: SessionsDeps,
  input: { accountId: string; sessionId: string },
  to: 'revealed' | 'closed',
): Promise<SessionView> {
  return changing(deps, input.accountId, input.sessionId, async (session, rights) => {
    if (!rights.po)
      throw new AppError(
        'forbidden',
        `Only the Product Owner can ${to === 'revealed' ? 'reveal' : 'close'} a session: you need the Schedule Issues permission in ${session.projectKey}. Nothing was changed.`,
      );
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

// ------------------------------------------------------------------------------------------------ commit

/** The value to send for a number in a field of this type; a sentence when it cannot be written there. */
function fieldValue(
  field: JiraField | undefined,
  source: NumberSource,
  value: number,
): { ok: true; value: unknown } | { ok: false; why: string } {
  const type = field?.schema?.type;
  if (!field) return { ok: false, why: `its field ${source.fieldId} is not on this site` };
  if (type === 'number') return { ok: true, value };
  if (type === 'string') return { ok: true, value: String(value) };
  if (type === 'option') {
    const table = Object.entries(source.options ?? {});
    const text = table.length > 0 ? table.find(([, n]) => n === value)?.[0] : String(value);
    if (text === undefined)
      return { ok: false, why: `${field.name} has no option worth ${value} in the mapping` };
    return { ok: true, value: { value: text } };
  }
  return { ok: false, why: `${field.name} is a ${type ?? 'field'} field, not a number ValueRank can write` };
}

/** The PO's decisions, checked in full before anything is written. */
interface Planned {
  issueKey: string;
  fields: Record<string, unknown>;
  restore: Record<string, unknown>;
  changes: Array<{ input: string; fieldId: string; from: number | null; to: number }>;
}

/**
 * Writes the decisions as the PO, all or nothing: every value is checked first (the session is revealed,
 * each issue and input is the session's, each field can take the number, the PO may edit the project's
 * issues); then each issue is written; if Jira refuses one, the issues already written are put back as
 * they were and nothing is recorded. Then each issue keeps its record and the session is committed.
 */
export async function commitSession(
  deps: SessionsDeps,
  input: {
    accountId: string;
    sessionId: string;
    decisions: Array<{ issueKey: string; values: Record<string, number | null>; note?: string | undefined }>;
  },
): Promise<CommitView> {
  return changing(deps, input.accountId, input.sessionId, (session, rights) =>
    commitLocked(deps, input, session, rights),
  );
}

async function commitLocked(
  deps: SessionsDeps,
  input: {
    accountId: string;
    sessionId: string;
    decisions: Array<{ issueKey: string; values: Record<string, number | null>; note?: string | undefined }>;
  },
  session: Session,
  rights: Rights,
): Promise<CommitView> {
  if (!rights.po)
    throw new AppError(
      'forbidden',
      `Only the Product Owner can commit a session: you need the Schedule Issues permission in ${session.projectKey}. Nothing was changed.`,
    );
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

  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, d] of input.decisions.entries()) {
    if (!session.issues.includes(d.issueKey))
      problems.push(`decisions.${i}.issueKey: ${d.issueKey} is not in this session`);
    if (seen.has(d.issueKey)) problems.push(`decisions.${i}.issueKey: ${d.issueKey} is decided twice`);
    seen.add(d.issueKey);
    for (const name of Object.keys(d.values))
      if (!session.inputs.includes(name))
        problems.push(`decisions.${i}.values.${name}: not estimated in this session`);
  }
  if (problems.length > 0)
    throw new AppError(
      'invalid-payload',
      'Some decisions do not fit this session. Nothing was changed.',
      problems,
    );

  const [{ inputs }, fields] = await Promise.all([estimable(deps, session.projectKey), deps.jira.fields()]);
  const byId = new Map(fields.map((f) => [f.id, f] as const));
  const current = await deps.jira.search({
    jql: `key in (${session.issues.join(',')}) ORDER BY key`,
    fields: [...new Set(session.inputs.flatMap((n) => inputs.get(n)?.option.fieldId ?? []))],
    pageSize: 100,
  });
  const issues = new Map(current.map((i) => [i.key, i] as const));

  const plan: Planned[] = [];
  for (const d of input.decisions) {
    const issue = issues.get(d.issueKey);
    if (!issue) {
      problems.push(`${d.issueKey}: Jira does not show it to you any more`);
      continue;
    }
    const planned: Planned = { issueKey: d.issueKey, fields: {}, restore: {}, changes: [] };
    for (const [name, value] of Object.entries(d.values)) {
      if (value === null) continue;
      const m = inputs.get(name);
      if (!m) {
        problems.push(`${d.issueKey}: ${name} has no Jira field in the project's mapping any more`);
        continue;
      }
      const field = byId.get(m.option.fieldId);
      const converted = fieldValue(field, m.source, value);
      if (!converted.ok) {
        problems.push(`${d.issueKey}: ${m.option.label} cannot be set to ${value}: ${converted.why}`);
        continue;
      }
      const raw = issue.fields[m.option.fieldId];
      const read = readNumeric(raw, optionLookup(m.source.options));
      const from = read.state === 'ok' ? read.value : null;
      if (from === value) continue;
      planned.fields[m.option.fieldId] = converted.value;
      planned.restore[m.option.fieldId] = restorable(raw);
      planned.changes.push({ input: name, fieldId: m.option.fieldId, from, to: value });
    }
    plan.push(planned);
  }
  if (problems.length > 0)
    throw new AppError('invalid-payload', 'Some decisions cannot be written. Nothing was changed.', problems);

  await writeAllOrNothing(
    deps.jira,
    plan.filter((p) => p.changes.length > 0),
  );

  const at = nowOf(deps).toISOString();
  const ratings = await readAllRatings(session.id);
  const summary = summarize(session, ratings);
  const decisions: Decision[] = input.decisions.map((d) => ({
    issueKey: d.issueKey,
    values: d.values,
    ...(d.note ? { note: d.note } : {}),
  }));
  const records: IssueRecord[] = input.decisions.map((d) => {
    const planned = plan.find((p) => p.issueKey === d.issueKey);
    const issue = issues.get(d.issueKey);
    return {
      sessionId: session.id,
      projectKey: session.projectKey,
      issueKey: d.issueKey,
      title: session.title,
      scale: session.scale,
      by: input.accountId,
      at,
      inputs: session.inputs.map((name) => {
        const m = inputs.get(name);
        const change = planned?.changes.find((c) => c.input === name);
        const read =
          m && issue
            ? readNumeric(issue.fields[m.option.fieldId], optionLookup(m.source.options))
            : undefined;
        const before = read?.state === 'ok' ? read.value : null;
        const row = summary.find((r) => r.issueKey === d.issueKey && r.input === name);
        return {
          input: name,
          fieldId: m?.option.fieldId ?? '',
          from: change ? change.from : before,
          to: d.values[name] ?? before,
          median: row?.median ?? null,
          ratings: (row?.ratings ?? []).map((r) => ({
            accountId: r.accountId,
            value: r.value,
            ...(r.reason ? { reason: r.reason } : {}),
          })),
        };
      }),
      ...(d.note ? { note: d.note } : {}),
    };
  });
  await saveIssueRecords(records);
  const next: Session = {
    ...session,
    state: 'committed',
    committedAt: at,
    committedBy: input.accountId,
    decisions,
  };
  await saveSession(next);
  return {
    session: await viewOf(deps, input.accountId, next, rights),
    written: plan.filter((p) => p.changes.length > 0).length,
    changes: plan.flatMap((p) =>
      p.changes.map((c) => ({ issueKey: p.issueKey, input: c.input, from: c.from, to: c.to })),
    ),
  };
}

/** A field's value as Jira gave it, in the shape an edit takes back (an option by its value). */
function restorable(raw: unknown): unknown {
  if (raw === undefined) return null;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as { value?: unknown; id?: unknown };
    if (typeof o.value === 'string') return { value: o.value };
    if (typeof o.id === 'string') return { id: o.id };
  }
  return raw;
}

/** Writes every planned issue; on a refusal puts back those already written and says what happened. */
async function writeAllOrNothing(jira: JiraClient, plan: readonly Planned[]): Promise<void> {
  const written: Planned[] = [];
  let failure: { issueKey: string; error: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (next < plan.length && !failure) {
      const p = plan[next] as Planned;
      next += 1;
      try {
        await jira.editIssue(p.issueKey, p.fields);
        written.push(p);
      } catch (error) {
        failure ??= { issueKey: p.issueKey, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, plan.length) }, worker));
  if (!failure) return;
  const notRestored: string[] = [];
  for (const p of written)
    await jira.editIssue(p.issueKey, p.restore).catch(() => notRestored.push(p.issueKey));
  const detail =
    failure.error instanceof JiraError && failure.error.jiraMessages
      ? [failure.error.jiraMessages]
      : [failure.error instanceof Error ? failure.error.message : String(failure.error)];
  throw new AppError(
    'jira-refused',
    notRestored.length === 0
      ? `Jira refused to write ${failure.issueKey}, so nothing was committed${written.length > 0 ? ` (the ${written.length} issue(s) already written were put back)` : ''}.`
      : `Jira refused to write ${failure.issueKey}, and ${notRestored.join(', ')} could not be put back: check them. The session was not committed.`,
    detail,
  );
}

// ------------------------------------------------------------------------------------------------ history

/** The issue's session records (its score history), newest first: for anyone who can see the issue. */
export async function issueSessionHistory(
  deps: SessionsDeps,
  issueKey: string,
): Promise<{ records: SessionRecordView[] }> {
  let held: Record<string, boolean>;
  try {
    held = await deps.jira.myPermissions({ issueKey }, ['BROWSE_PROJECTS']);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new AppError('not-found', `Issue ${issueKey} does not exist, or you cannot see it.`);
    throw error;
  }
  if (!held.BROWSE_PROJECTS)
    throw new AppError('not-found', `Issue ${issueKey} does not exist, or you cannot see it.`);
  const records = await listIssueRecords(issueKey);
  if (records.length === 0) return { records: [] };
  const mapping = await projectMapping(deps, records[0]?.projectKey ?? issueKey.replace(/-\d+$/, ''));
  const names = await nameResolver(deps.jira).names(
    records.flatMap((r) => [r.by, ...r.inputs.flatMap((i) => i.ratings.map((x) => x.accountId))]),
  );
  return {
    records: records.map((r) => ({
      sessionId: r.sessionId,
      title: r.title,
      at: r.at,
      by: personOf(names, r.by),
      ...(r.note ? { note: r.note } : {}),
      inputs: r.inputs.map((i) => ({
        input: i.input,
        label: labelOf(mapping, i.input),
        from: i.from,
        to: i.to,
        median: i.median,
        ratings: i.ratings.map((x) => ({
          by: personOf(names, x.accountId),
          value: x.value,
          ...(x.reason ? { reason: x.reason } : {}),
        })),
      })),
    })),
  };
}
