/**
 * Values JQL compares: text search (`~`), dates (absolute, relative and date functions) and the plain text
 * of Atlassian Document Format values.
 */

/** The plain text of a string or an ADF document (text nodes joined by spaces). */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      const n = node as { text?: unknown; content?: unknown };
      if (typeof n.text === 'string') parts.push(n.text);
      if (n.content !== undefined) walk(n.content);
    }
  };
  walk(value);
  return parts.join(' ');
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}*?]+/u)
    .filter((t) => t !== '');
}

/** A light English stemmer: enough for "booking" to find "book" and "searches" to find "search". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's', 'ly']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

function termMatcher(term: string): (token: string) => boolean {
  if (/[*?]/.test(term)) {
    const pattern = term
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    const re = new RegExp(`^${pattern}$`);
    return (token) => re.test(token);
  }
  const stemmed = stem(term);
  return (token) => token === term || stem(token) === stemmed;
}

/**
 * Jira's text search, simplified: every word of the query must occur in the text (case-insensitive, light
 * stemming, `*` and `?` wildcards, stop words ignored); a query in inner quotes is an exact phrase.
 * Returns undefined for a query with nothing to search for.
 */
export function textQuery(query: string): ((text: string) => boolean) | undefined {
  const trimmed = query.trim();
  const phrase = trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"');
  const terms = tokenize(phrase ? trimmed.slice(1, -1) : trimmed).filter((t) => phrase || !STOP_WORDS.has(t));
  if (terms.length === 0) return undefined;
  const matchers = terms.map(termMatcher);
  if (phrase) {
    return (text) => {
      const tokens = tokenize(text);
      for (let i = 0; i + matchers.length <= tokens.length; i++) {
        if (matchers.every((m, j) => m(tokens[i + j] as string))) return true;
      }
      return false;
    };
  }
  return (text) => {
    const tokens = tokenize(text);
    return matchers.every((m) => tokens.some(m));
  };
}

// ------------------------------------------------------------------------------------------------ dates

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const UNIT_MS: Record<string, number> = { m: MINUTE, h: 60 * MINUTE, d: DAY, w: 7 * DAY };

/** `2026-11-20`, `2026/11/20 14:30` (UTC), or a period relative to now: `-7d`, `4w 2d`, `-1h30m`. */
export function parseJqlDate(text: string, now: number): number | undefined {
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    return Number.isNaN(ms) ? undefined : ms;
  }
  const compact = text.replace(/\s+/g, '');
  const relative = /^([+-]?)((?:\d+[wdhm])+)$/.exec(compact);
  if (!relative) return undefined;
  let total = 0;
  for (const [, n, unit] of (relative[2] ?? '').matchAll(/(\d+)([wdhm])/g)) {
    total += Number(n) * (UNIT_MS[unit ?? 'd'] ?? 0);
  }
  return now + (relative[1] === '-' ? -total : total);
}

/** A date stored by Jira (`2026-11-20` or `2026-05-14T09:12:33.000+0000`) in ms, or undefined. */
export function storedDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

type Period = 'Day' | 'Week' | 'Month' | 'Year';

function startOf(period: Period, ms: number): number {
  const d = new Date(ms);
  switch (period) {
    case 'Day':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case 'Week': {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * DAY; // weeks start on Monday
    }
    case 'Month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'Year':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
  }
}

function shift(period: Period, ms: number, amount: number, unit: string | undefined): number {
  const u = unit ?? { Day: 'd', Week: 'w', Month: 'M', Year: 'y' }[period];
  const d = new Date(ms);
  if (u === 'M')
    return Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + amount,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
    );
  if (u === 'y')
    return Date.UTC(
      d.getUTCFullYear() + amount,
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
    );
  return ms + amount * (UNIT_MS[u] ?? DAY);
}

/**
 * `now()`, `startOfDay()`, `endOfWeek("-1")`, `startOfMonth(+1M)`... in UTC; undefined when the name is not
 * a date function, null when its argument is not understood.
 */
export function dateFunction(name: string, args: readonly string[], now: number): number | null | undefined {
  const lower = name.toLowerCase();
  if (lower === 'now') return args.length === 0 ? now : null;
  const m = /^(start|end)of(day|week|month|year)$/.exec(lower);
  if (!m) return undefined;
  const period = ((m[2] ?? 'day').charAt(0).toUpperCase() + (m[2] ?? 'day').slice(1)) as Period;
  let base = startOf(period, now);
  if (args.length > 1) return null;
  if (args.length === 1) {
    const arg = /^([+-]?\d+)([mhdwMy])?$/.exec((args[0] ?? '').trim());
    if (!arg) return null;
    base = startOf(period, shift(period, base, Number(arg[1]), arg[2]));
  }
  if (m[1] === 'start') return base;
  return shift(period, base, 1, undefined) - 1;
}
