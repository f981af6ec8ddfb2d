/**
 * The issue context's badge: readiness and quality (the readiness check) and the business value score, live
 * for the project's current model through Prioritize's own scoring (`issueScore`), with a word when the score
 * Prioritize wrote to the issue is stale.
 */
import { issueScore } from '../prioritize/issue-score';
import type { ServiceDeps } from '../prioritize/analyze';
import type { BadgeView } from './api';
import { checkIssueByKey, describeFinding, type CriteriaDeps } from './index';

export type BadgeDeps = CriteriaDeps & Pick<ServiceDeps, 'settings' | 'now'>;

export async function issueBadge(deps: BadgeDeps, issueKey: string): Promise<BadgeView> {
  const [check, value] = await Promise.all([
    checkIssueByKey(deps, issueKey),
    issueScore(
      { jira: deps.jira, settings: deps.settings, ...(deps.now ? { now: deps.now } : {}) },
      issueKey,
    ),
  ]);
  return {
    issueKey: check.issueKey,
    ready: check.verdict.ready,
    quality: check.score,
    blocking: check.verdict.blocking.slice(0, 3).map((f) => describeFinding(f, check)),
    criteria: check.criteria.length,
    progress: check.progress,
    value,
  };
}
