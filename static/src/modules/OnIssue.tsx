/**
 * The frame of an issue module (issue panel, issue context): reads the Forge context and renders `children`
 * with the key of the issue Jira opened it on; says so plainly when the context cannot be read or names no
 * issue.
 */
import type { ReactNode } from 'react';
import { getContext } from '../bridge';
import { ErrorMessage, Spinner } from '../components';
import { useAsync } from '../hooks/useAsync';

export function OnIssue({
  noIssue,
  children,
}: {
  /** Shown when the context names no issue. */
  noIssue: string;
  children: (issueKey: string) => ReactNode;
}) {
  const [state, reload] = useAsync(getContext, []);
  if (state.status === 'loading') return <Spinner label="Opening…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage
        title="ValueRank could not read where it was opened."
        error={state.error}
        onRetry={reload}
      />
    );
  const issueKey = state.data.extension.issue?.key;
  if (!issueKey) return <p>{noIssue}</p>;
  return <main className="vr-page vr-page--compact">{children(issueKey)}</main>;
}
