import { jiraPath } from './path';
import { parseAnswer, unexpectedStatus, type JiraRequester } from './request';
import { RankResultEntries } from './schemas';

/** `PUT /rest/agile/1.0/issue/rank` takes at most 50 issues. */
export const MAX_RANK_ISSUES = 50;

export interface RankRequest {
  /** Issue keys or ids, in the order they should stand; at most 50. */
  issues: readonly string[];
  /** Exactly one of the two anchors. */
  rankBeforeIssue?: string;
  rankAfterIssue?: string;
  rankCustomFieldId?: number;
}

export interface RankFailure {
  issueId: string;
  issueKey: string | undefined;
  status: number;
  errors: string[];
}

export interface RankOutcome {
  /** True when every issue moved. */
  ok: boolean;
  failures: RankFailure[];
}

/**
 * `PUT /rest/agile/1.0/issue/rank`: puts `issues`, in their order, just before or after the anchor.
 * 204 means every issue moved; 207 lists each issue's status, and the failed ones come back here.
 */
export async function rankIssues(r: JiraRequester, request: RankRequest): Promise<RankOutcome> {
  const { issues, rankBeforeIssue, rankAfterIssue, rankCustomFieldId } = request;
  if (issues.length === 0 || issues.length > MAX_RANK_ISSUES) {
    throw new RangeError(`A rank call takes 1 to ${MAX_RANK_ISSUES} issues, not ${issues.length}`);
  }
  if ((rankBeforeIssue === undefined) === (rankAfterIssue === undefined)) {
    throw new RangeError('A rank call needs exactly one anchor: rankBeforeIssue or rankAfterIssue');
  }
  const anchor = rankBeforeIssue ?? rankAfterIssue;
  if (anchor !== undefined && issues.includes(anchor)) {
    throw new RangeError(`The anchor ${anchor} cannot be one of the issues being ranked`);
  }
  const body = {
    issues: [...issues],
    ...(rankBeforeIssue !== undefined ? { rankBeforeIssue } : { rankAfterIssue }),
    ...(rankCustomFieldId !== undefined ? { rankCustomFieldId } : {}),
  };
  const path = jiraPath`/rest/agile/1.0/issue/rank`;
  const response = await r.send('PUT', path, body);
  if (response.status === 204) return { ok: true, failures: [] };
  if (response.status === 207) {
    const parsed = parseAnswer(response, 'PUT', path, RankResultEntries);
    const failures = parsed.entries
      .filter((e) => e.status < 200 || e.status >= 300)
      .map((e) => ({ issueId: e.issueId, issueKey: e.issueKey, status: e.status, errors: e.errors ?? [] }));
    return { ok: failures.length === 0, failures };
  }
  throw unexpectedStatus(response, 'PUT', path);
}
