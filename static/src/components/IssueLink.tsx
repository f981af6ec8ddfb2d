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

/**
 * The usual first column of a table of issues: the key as a link to the issue, as the row's header.
 * `width` fixes the column's width ('7rem').
 */
export function issueColumn<Row>(keyOf: (row: Row) => string, width?: string) {
  return {
    key: 'issue',
    header: 'Issue',
    rowHeader: true,
    ...(width ? { width } : {}),
    cell: (row: Row) => <IssueLink issueKey={keyOf(row)} />,
  };
}
