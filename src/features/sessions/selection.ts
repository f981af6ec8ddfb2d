/**
 * The issues a new session is about, as the PO sees them in Jira: named keys (each must be an issue of the
 * project), the top of the backlog by rank, or its top issues with no value yet for an input to estimate.
 */
import { jqlString, keyInClause } from '../../core/health';
import { JiraError } from '../../jira/errors';
import { AppError } from '../../shared/errors';
import type { SessionIssues } from './api';
import type { SessionsDeps } from './deps';
import { fieldIdsOf, valueIn, type Mapped } from './inputs';

/** Open issues read (by rank) to find the top ones without a value. */
const UNSCORED_SCAN = 2000;

/** The issue keys a session's selection names, checked against Jira as the PO sees it. */
export async function resolveIssues(
  deps: SessionsDeps,
  projectKey: string,
  selection: SessionIssues,
  inputs: ReadonlyMap<string, Mapped>,
  chosen: readonly string[],
): Promise<string[]> {
  const base = `project = ${jqlString(projectKey)}`;
  if (selection.kind === 'keys') {
    const keys = [...new Set(selection.keys)];
    const found = await deps.jira
      .search({
        jql: `${base} AND ${keyInClause(keys)}`,
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
  const fieldIds = fieldIdsOf(chosen, inputs);
  const keys: string[] = [];
  let read = 0;
  for await (const page of deps.jira.searchPages({ jql: open, fields: fieldIds, pageSize: 100 })) {
    read += page.length;
    for (const issue of page) {
      const empty = chosen.some((n) => {
        const m = inputs.get(n);
        return !m || valueIn(issue, m) === null;
      });
      if (empty) keys.push(issue.key);
      if (keys.length >= selection.top) return keys;
    }
    // The top of the backlog is what a session is for: look no further than its first issues.
    if (read >= UNSCORED_SCAN) break;
  }
  return keys;
}
