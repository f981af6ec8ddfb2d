/**
 * Jira request paths, built like Forge's `route` tagged template: path parameters may not contain
 * `/`, `?`, `#`, `\` or `..` (no path manipulation), query parameters are URL-encoded.
 * A `JiraPath` keeps its template parts so the Forge transport can rebuild it with the real `route`.
 */
export interface JiraPath {
  readonly template: readonly string[];
  readonly params: readonly unknown[];
  /** The encoded path with its query, e.g. `/rest/agile/1.0/board/7/backlog?startAt=50`. */
  readonly value: string;
}

const PATH_TRAPS = ['..', '.%2e', '%2e.', '%2e%2e', '.%2E', '%2E.', '%2E%2e', '/', '\\', '?', '#'];

function escape(param: unknown, mode: 'path' | 'query'): string {
  if (mode === 'query') {
    return param instanceof URLSearchParams ? param.toString() : encodeURIComponent(String(param));
  }
  const text = String(param);
  if (PATH_TRAPS.some((trap) => text.includes(trap))) {
    throw new Error(`Refusing a path parameter that could change the path: ${JSON.stringify(text)}`);
  }
  return text;
}

/** `jiraPath\`/rest/agile/1.0/board/${id}/backlog?${query}\`` */
export function jiraPath(template: TemplateStringsArray | readonly string[], ...params: unknown[]): JiraPath {
  let mode: 'path' | 'query' = 'path';
  let value = '';
  template.forEach((part, i) => {
    if (part.includes('?') || part.includes('#')) mode = 'query';
    value += part;
    if (i < params.length) value += escape(params[i], mode);
  });
  return { template: [...template], params, value };
}

/** Query parameters from an object, skipping undefined values; arrays are comma-joined. */
export function query(
  params: Record<string, string | number | boolean | readonly string[] | undefined>,
): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search;
}
