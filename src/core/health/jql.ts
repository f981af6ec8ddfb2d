/**
 * JQL for "show me the items that are not ready", for a link from the dashboard to Jira's issue search.
 *
 * Two forms:
 * - by property: `project = "X" AND issue.property[valuerank-readiness].ready = "false" ORDER BY Rank ASC`. It finds
 *   what Jira has indexed now, however many issues. It needs the `valuerank-readiness` issue property's `ready` path
 *   indexed (a `jira:entityProperty` value with `type: string`; entity property indexes know number, string,
 *   text, date and user, not boolean): the unquoted `false` of the JQL is the same string operand as `"false"`.
 * - by keys: `key in ("X-1", "X-2") ORDER BY Rank ASC`, exactly the items the dashboard shows; for at most
 *   {@link MAX_KEYS_IN_JQL} keys (a search URL must stay short), else null.
 *
 * Every value is a quoted JQL string with `\` and `"` (and line breaks) escaped, so no key or project key
 * can change the query's structure.
 */
export const MAX_KEYS_IN_JQL = 100;

export const READY_PROPERTY = { key: 'valuerank-readiness', path: 'ready' } as const;

/** A JQL string literal: double-quoted, with `\`, `"`, and line breaks and tabs escaped. */
export function jqlString(value: string): string {
  const escaped = value.replace(/[\\"\n\r\t]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`,
  );
  return `"${escaped}"`;
}

/** `issue.property[key].path` with the key and path checked (letters, digits, `.`, `_`, `-`). */
function propertyField(key: string, path: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(key) || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path))
    throw new RangeError(`not a usable issue property: ${key} / ${path}`);
  return `issue.property[${key}].${path}`;
}

/** `project = "X" AND issue.property[valuerank-readiness].ready = "false" ORDER BY Rank ASC`. */
export function notReadyByPropertyJql(projectKey: string): string {
  const field = propertyField(READY_PROPERTY.key, READY_PROPERTY.path);
  return `project = ${jqlString(projectKey)} AND ${field} = ${jqlString('false')} ORDER BY Rank ASC`;
}

/** The clause `key in ("X-1", "X-2")`, each key a {@link jqlString} (no cap, no order). */
export function keyInClause(keys: readonly string[]): string {
  return `key in (${keys.map(jqlString).join(', ')})`;
}

/** `key in ("X-1", "X-2") ORDER BY Rank ASC`; null for no keys or more than {@link MAX_KEYS_IN_JQL}. */
export function keysJql(keys: readonly string[]): string | null {
  const unique = [...new Set(keys)];
  if (unique.length === 0 || unique.length > MAX_KEYS_IN_JQL) return null;
  return `${keyInClause(unique)} ORDER BY Rank ASC`;
}

export interface NotReadyJql {
  /** By the indexed issue property: every not-ready issue of the project. */
  byProperty: string;
  /** Exactly these keys; null when there are none or more than 100. */
  byKeys: string | null;
}

/** Both JQL forms for the not-ready items `keys` of project `projectKey`. */
export function notReadyJql(keys: readonly string[], projectKey: string): NotReadyJql {
  return { byProperty: notReadyByPropertyJql(projectKey), byKeys: keysJql(keys) };
}
