/**
 * The issue panel module: the criteria check of the issue Jira opened it on (`extension.issue.key`), and its
 * questions for the Product Owner ("Ask the PO").
 */
import { CriteriaPanel } from '../../features/criteria';
import { QuestionsPanel } from '../../features/questions/QuestionsPanel';
import { OnIssue } from '../OnIssue';

export function CriteriaPanelModule() {
  return (
    <OnIssue noIssue="Open this panel on an issue.">
      {(issueKey) => (
        <>
          <CriteriaPanel issueKey={issueKey} />
          <QuestionsPanel issueKey={issueKey} />
        </>
      )}
    </OnIssue>
  );
}
