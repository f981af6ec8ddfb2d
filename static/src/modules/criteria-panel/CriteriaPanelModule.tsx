/** The issue panel module: the criteria check of the issue Jira opened it on (`extension.issue.key`). */
import { CriteriaPanel } from '../../features/criteria';
import { OnIssue } from '../OnIssue';

export function CriteriaPanelModule() {
  return (
    <OnIssue noIssue="Open this panel on an issue.">
      {(issueKey) => <CriteriaPanel issueKey={issueKey} />}
    </OnIssue>
  );
}
