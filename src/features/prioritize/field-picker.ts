/**
 * The field picker behind the mapping settings: the site's fields as Jira's field search answers them, typed
 * for the inputs they can feed, and how much of a board's backlog each field covers.
 */
import {
  DEFAULT_MOSCOW_TABLE,
  fieldKind,
  fieldTypeWords,
  readNumeric,
  readOptionText,
  type Read,
} from '../../core/scoring';
import { normalizeOption, optionLookup } from '../../core/scoring/read';
import type { JiraClient } from '../../jira/client';
import { projectAccess } from '../../shared/project-access';
import { resolveBoard } from './board';
import type { CoverageAnswer, FieldCoverage, FieldsAnswer } from './mapping-api';
import { MAX_COVERAGE_OPTIONS } from './mapping-api';

/** Backlog issues a coverage answer reads at most (docs/limits.md): the rest are not counted. */
export const COVERAGE_READ_LIMIT = 3000;

/** A page of the site's fields whose name contains `query`, for anyone who can browse the project. */
export async function searchSiteFields(
  jira: JiraClient,
  input: { projectKey: string; query: string; startAt: number },
): Promise<FieldsAnswer> {
  await projectAccess(jira, input.projectKey, "its fields' mapping");
  const page = await jira.searchFields({ query: input.query, startAt: input.startAt });
  return {
    fields: page.fields.map((f) => ({
      id: f.id,
      name: f.name,
      kind: fieldKind(f.schema),
      type: f.typeDisplayName ?? fieldTypeWords(f.schema),
      custom: f.id.startsWith('customfield_'),
      ...(f.description ? { description: f.description.slice(0, 300) } : {}),
      ...(f.screensCount !== undefined ? { screens: f.screensCount } : {}),
      ...(f.contextsCount !== undefined ? { contexts: f.contextsCount } : {}),
      ...(f.lastUsed?.type === 'TRACKED' && f.lastUsed.value ? { lastUsed: f.lastUsed.value } : {}),
    })),
    startAt: page.startAt,
    total: page.total,
    isLast: page.isLast,
  };
}

interface Tally {
  set: number;
  usable: number;
  problem: string | undefined;
  options: Map<string, { text: string; count: number; usable: boolean }>;
}

/** Counts one field's values over issues: set, usable under the scale, and the option texts seen. */
export function tallyField(
  values: Iterable<unknown>,
  scale: Readonly<Record<string, number>> | undefined,
  moscow = false,
): Omit<FieldCoverage, 'fieldId'> {
  const lookup = optionLookup(scale);
  // MoSCoW: the default table, and the options the scale (the mapping's table) names.
  const buckets = optionLookup({ ...DEFAULT_MOSCOW_TABLE, ...(scale ?? {}) });
  const readMoscow = (raw: unknown): Read<number> => {
    const text = readOptionText(raw);
    if (text.state !== 'ok') return text;
    return buckets.has(normalizeOption(text.value))
      ? { state: 'ok', value: 1 }
      : { state: 'invalid', reason: `"${text.value}" is not Must, Should, Could or Won't` };
  };
  const t: Tally = { set: 0, usable: 0, problem: undefined, options: new Map() };
  for (const raw of values) {
    const read = moscow ? readMoscow(raw) : readNumeric(raw, lookup);
    if (read.state === 'missing') continue;
    t.set++;
    if (read.state === 'ok') t.usable++;
    else t.problem ??= read.reason;
    if (typeof raw !== 'number') {
      const text = readOptionText(raw);
      if (text.state === 'ok') {
        const key = normalizeOption(text.value);
        const seen = t.options.get(key);
        if (seen) seen.count++;
        else t.options.set(key, { text: text.value.trim(), count: 1, usable: read.state === 'ok' });
      }
    }
  }
  const options = [...t.options.values()]
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, MAX_COVERAGE_OPTIONS);
  return { set: t.set, usable: t.usable, ...(t.problem ? { problem: t.problem } : {}), options };
}

/**
 * How many of the board's backlog issues (the first {@link COVERAGE_READ_LIMIT}) hold a value in each field,
 * and how many of those a score can use, read as the user (Jira hides what they may not see).
 */
export async function mappingCoverage(
  jira: JiraClient,
  input: {
    boardId: number;
    projectKey?: string | undefined;
    fields: ReadonlyArray<{
      fieldId: string;
      scale?: Record<string, number> | undefined;
      moscow?: boolean | undefined;
    }>;
  },
): Promise<CoverageAnswer> {
  const board = await resolveBoard(jira, input.boardId, input.projectKey);
  const ids = [...new Set(input.fields.map((f) => f.fieldId))];
  const issues: Array<Record<string, unknown>> = [];
  let total: number | undefined;
  let stopped = false;
  const pages = jira.backlogPages(board.id, { fields: ids }, (_read, all) => {
    total = all;
  });
  for await (const page of pages) {
    for (const issue of page) issues.push(issue.fields as Record<string, unknown>);
    if (issues.length >= COVERAGE_READ_LIMIT) {
      stopped = true;
      break;
    }
  }
  const counted = issues.slice(0, COVERAGE_READ_LIMIT);
  const complete = total !== undefined ? total <= counted.length : !stopped;
  return {
    board: { id: board.id, name: board.name, projectKey: board.projectKey },
    read: counted.length,
    complete,
    limit: COVERAGE_READ_LIMIT,
    fields: input.fields.map((f) => ({
      fieldId: f.fieldId,
      ...tallyField(
        counted.map((i) => i[f.fieldId]),
        f.scale,
        f.moscow === true,
      ),
    })),
  };
}
