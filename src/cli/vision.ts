/**
 * `valuerank vision`: the project's product vision board and its most recent notes, from the read copy the
 * app publishes as a project property (ADR 5), with people's names as Jira gives them now.
 */
import {
  BOARD_FIELD_LABELS,
  BOARD_TEXT_FIELDS,
  NOTE_TYPE_LABELS,
  parsePublishedVision,
  PUBLISHED_VISION_PROPERTY,
  type PublishedVision,
} from '../core/vision';
import type { JiraClient } from '../jira/client';
import { JiraNotFoundError } from '../jira/errors';
import { requireProject, type Values } from './args';
import { UsageError } from './errors';
import { counted, indent, printJson, table, type Io } from './output';
import { clientFor } from './site';

/** Notes `vision` shows unless --notes says otherwise. */
const DEFAULT_VISION_NOTES = 10;

export async function vision(values: Values, io: Io): Promise<void> {
  const key = requireProject(values.project?.trim());
  let limit = DEFAULT_VISION_NOTES;
  if (values.notes !== undefined) {
    limit = Number(values.notes);
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new UsageError(
        `--notes must be a whole number of at least 0, not ${JSON.stringify(values.notes)}`,
      );
  }
  const jira = clientFor(values, io.env);
  let raw: unknown;
  try {
    raw = await jira.getProjectProperty(key, PUBLISHED_VISION_PROPERTY);
  } catch (error) {
    if (error instanceof JiraNotFoundError)
      throw new Error(`Project ${key} does not exist, or you cannot see it`, { cause: error });
    throw error;
  }
  if (raw === undefined)
    throw new Error(`no vision published for ${key} yet — open ValueRank › Vision and save the board once`);
  const parsed = parsePublishedVision(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(the copy)';
    throw new Error(
      `The vision published for ${key} is not one this CLI can read (${where}: ${issue?.message ?? 'invalid'}); save the board in the app again, or update valuerank`,
    );
  }
  if (values.json) return printJson(io, raw);
  const v = parsed.data;
  io.stdout.write(
    visionText(
      v,
      limit,
      await peopleNames(jira, [v.savedBy, v.publishedBy, ...v.notes.map((n) => n.author)]),
    ),
  );
}

/**
 * The copy names people by account id (ADR 9): their names as Jira gives them now, read in one call. A value
 * Jira does not know as an account (a copy published before ADR 9 holds the display name) is shown as it is.
 */
async function peopleNames(
  jira: JiraClient,
  ids: Array<string | null>,
): Promise<(id: string | null) => string> {
  const wanted = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  const users = await jira.usersByAccountIds(wanted).catch(() => []);
  const names = new Map(users.map((u) => [u.accountId, u.displayName ?? u.accountId] as const));
  return (id) => (id === null ? '?' : (names.get(id) ?? id));
}

const dateOf = (iso: string | null): string => (iso ?? '').slice(0, 10);

function visionText(v: PublishedVision, limit: number, nameOf: (id: string | null) => string): string {
  const out: string[] = [];
  const saved =
    v.version > 0
      ? `version ${v.version}, saved by ${nameOf(v.savedBy)} on ${dateOf(v.savedAt)}`
      : 'no board saved yet';
  out.push(
    `${v.projectKey} product vision: ${saved} (published ${dateOf(v.publishedAt)} by ${nameOf(v.publishedBy)})`,
  );
  for (const field of BOARD_TEXT_FIELDS) {
    out.push('', BOARD_FIELD_LABELS[field], v.board[field] ? indent(v.board[field]) : '  (not set)');
  }
  out.push('', 'Business goals');
  if (v.board.goals.length === 0) out.push('  (none)');
  else
    out.push(
      indent(
        table([
          ['WEIGHT', 'STATUS', 'GOAL', 'TARGET'],
          ...v.board.goals.map((g) => [String(g.weight), g.status, g.name, g.target || '-']),
        ]).trimEnd(),
      ),
    );
  if (v.truncatedFields.length > 0)
    out.push(`  (cut to fit Jira's limit: ${v.truncatedFields.join(', ')}; the whole board is in the app)`);

  const shown = v.notes.slice(0, limit);
  out.push('', `Recent notes: showing ${shown.length} of ${counted(v.notesTotal, 'note')}`);
  if (shown.length < v.notesTotal) {
    const more =
      v.notesIncluded > shown.length ? ` (--notes ${v.notesIncluded} shows ${v.notesIncluded} here)` : '';
    out[out.length - 1] += `; the rest are in the app${more}`;
  }
  for (const n of shown) {
    const tags = n.tags.map((t) => `#${t}`).join(' ');
    out.push(
      '',
      `${dateOf(n.createdAt)}  ${NOTE_TYPE_LABELS[n.type]}  ${nameOf(n.author)}${tags ? `  ${tags}` : ''}`,
      `  ${n.title}`,
    );
    if (n.text)
      out.push(indent(n.text) + (n.textTruncated ? ' (cut to fit; the whole note is in the app)' : ''));
    if (n.issueKeys.length > 0) out.push(`  Issues: ${n.issueKeys.join(', ')}`);
  }
  return out.join('\n') + '\n';
}
