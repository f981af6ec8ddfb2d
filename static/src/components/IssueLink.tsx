import { openIssue } from '../bridge';

/** An issue key that opens the issue in Jira (the router), not in the module's frame. */
export function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      href={`#issue-${issueKey}`}
      onClick={(event) => {
        event.preventDefault();
        openIssue(issueKey).catch(() => undefined);
      }}
    >
      {issueKey}
    </a>
  );
}
