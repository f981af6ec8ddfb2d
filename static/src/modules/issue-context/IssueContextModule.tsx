/** The issue context module: readiness, quality and business value of the issue it is shown on. */
import { IssueBadge } from '../../features/criteria';
import { GoalPicker } from '../../features/goals';
import { OnIssue } from '../OnIssue';

export function IssueContextModule() {
  return (
    <OnIssue noIssue="Open this on an issue.">
      {(issueKey) => (
        <>
          <IssueBadge issueKey={issueKey} />
          <GoalPicker issueKey={issueKey} />
        </>
      )}
    </OnIssue>
  );
}
