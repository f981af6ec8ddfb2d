/**
 * Readers for the shapes Jira gives field values in. Unlike `toBacklogItem`, a scoring input must not quietly
 * read as absent when it is there but malformed: each reader says `ok`, `missing` (empty in Jira) or `invalid`
 * with a reason a Product Owner can act on.
 */
import { readNumber } from '../backlog/items';

export type Read<T> = { state: 'ok'; value: T } | { state: 'missing' } | { state: 'invalid'; reason: string };

const MISSING: Read<never> = { state: 'missing' };
const invalid = (reason: string): Read<never> => ({ state: 'invalid', reason });

/** A short, safe rendering of a raw value for a reason text. */
export function describe(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? JSON.stringify(raw) : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Normalizes a select option or table key for case-insensitive lookup: trimmed, lower case, one space, ' for ’. */
export const normalizeOption = (s: string): string =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019`]/g, "'")
    .toLowerCase();

/** Builds a case-insensitive lookup from an option table. */
export function optionLookup<T>(table: Readonly<Record<string, T>> | undefined): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  if (table) for (const [k, v] of Object.entries(table)) map.set(normalizeOption(k), v);
  return map;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * The text of a select-like value: a string, `{value}` (select option), `{name}` (priority, component), or an
 * option array with exactly one element. Several selected options are invalid: one is expected.
 */
export function readOptionText(raw: unknown): Read<string> {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw === 'string') return raw.trim() === '' ? MISSING : { state: 'ok', value: raw };
  if (Array.isArray(raw)) {
    if (raw.length === 0) return MISSING;
    if (raw.length === 1) return readOptionText(raw[0]);
    const texts = raw.map((r) => {
      const t = readOptionText(r);
      return t.state === 'ok' ? t.value : describe(r);
    });
    return invalid(`has ${raw.length} options selected (${texts.join(', ')}); one is expected`);
  }
  const obj = record(raw);
  if (obj) {
    const text =
      typeof obj.value === 'string' ? obj.value : typeof obj.name === 'string' ? obj.name : undefined;
    if (text !== undefined) return text.trim() === '' ? MISSING : { state: 'ok', value: text };
    return invalid(`expected an option like {"value": "..."}, got ${describe(raw)}`);
  }
  return invalid(`expected an option, got ${describe(raw)}`);
}

/**
 * A number from a number field (a number or numeric text) or from a select (its option looked up in `options`,
 * case-insensitively, else its text read as a number, so options "1", "2", "3", "5" work without a table).
 */
export function readNumeric(raw: unknown, options?: ReadonlyMap<string, number>): Read<number> {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? { state: 'ok', value: raw }
      : invalid(`${String(raw)} is not a finite number`);
  if (typeof raw === 'string') {
    if (raw.trim() === '') return MISSING;
    const n = options?.get(normalizeOption(raw)) ?? readNumber(raw);
    return n !== undefined ? { state: 'ok', value: n } : invalid(`${describe(raw)} is not a number`);
  }
  if (typeof raw === 'object') {
    const text = readOptionText(raw);
    if (text.state !== 'ok') return text;
    const mapped = options?.get(normalizeOption(text.value));
    if (mapped !== undefined) return { state: 'ok', value: mapped };
    const n = readNumber(text.value);
    if (n !== undefined) return { state: 'ok', value: n };
    return invalid(`option ${describe(text.value)} is not a number and has no number in the option table`);
  }
  return invalid(`expected a number, got ${describe(raw)}`);
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` calendar date. */
export function dayNumber(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return ms / 86_400_000;
}

/** A Jira date field (`YYYY-MM-DD`), as a day number. */
export function readDate(raw: unknown): Read<number> {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return MISSING;
    const day = dayNumber(raw.trim());
    return day !== undefined
      ? { state: 'ok', value: day }
      : invalid(`${describe(raw)} is not a date (YYYY-MM-DD)`);
  }
  return invalid(`expected a date (YYYY-MM-DD), got ${describe(raw)}`);
}

/** The day number of "now": a `YYYY-MM-DD` text as is, otherwise the UTC calendar date of the instant. */
export function today(now: Date | string): number {
  if (typeof now === 'string') {
    const day = dayNumber(now.trim());
    if (day !== undefined) return day;
  }
  const ms = typeof now === 'string' ? Date.parse(now) : now instanceof Date ? now.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`now is not a valid date: ${describe(now)}`);
  return Math.floor(ms / 86_400_000);
}

/** Texts of a list field: labels (strings), components (`{name}`), multi-selects (`{value}`). */
export function readNames(raw: unknown): Read<string[]> {
  if (raw === null || raw === undefined) return { state: 'ok', value: [] };
  if (!Array.isArray(raw)) return invalid(`expected a list, got ${describe(raw)}`);
  const out: string[] = [];
  for (const item of raw) {
    const t = readOptionText(item);
    if (t.state === 'ok') out.push(t.value);
  }
  return { state: 'ok', value: out };
}
