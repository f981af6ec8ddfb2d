/**
 * The record a commit leaves on each decided issue, its score history: per input the value before and
 * after, the median and every rating with its reason; who decided, when, and the PO's note.
 */
import type { IssueRecord, Session, SummaryRow } from '../../core/sessions';
import type { JiraIssue } from '../../jira/schemas';
import type { DecisionInput, Planned } from './commit-plan';
import { valueIn, type Mapped } from './inputs';

/** What a commit knows when it keeps its records: the session, who, when, the decisions and the plan. */
export interface Committed {
  session: Session;
  by: string;
  at: string;
  decisions: readonly DecisionInput[];
  plan: readonly Planned[];
  /** The session's issues and inputs as the commit read them, before writing. */
  issues: ReadonlyMap<string, JiraIssue>;
  inputs: ReadonlyMap<string, Mapped>;
  summary: readonly SummaryRow[];
}

export function recordsOf({
  session,
  by,
  at,
  decisions,
  plan,
  issues,
  inputs,
  summary,
}: Committed): IssueRecord[] {
  return decisions.map((d) => {
    const planned = plan.find((p) => p.issueKey === d.issueKey);
    const issue = issues.get(d.issueKey);
    return {
      sessionId: session.id,
      projectKey: session.projectKey,
      issueKey: d.issueKey,
      title: session.title,
      scale: session.scale,
      by,
      at,
      inputs: session.inputs.map((name) => {
        const m = inputs.get(name);
        const change = planned?.changes.find((c) => c.input === name);
        const before = m && issue ? valueIn(issue, m) : null;
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
}
