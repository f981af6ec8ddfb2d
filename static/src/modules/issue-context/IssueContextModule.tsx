/** The issue context module: readiness, quality and business value of the issue it is shown on. */
import { getContext } from '../../bridge';
import { ErrorMessage, Spinner } from '../../components';
import { IssueBadge } from '../../features/criteria';
import { GoalPicker } from '../../features/goals';
import { useAsync } from '../../hooks/useAsync';

export function IssueContextModule() {
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
  if (!issueKey) return <p>Open this on an issue.</p>;
  return (
    <main className="vr-page vr-page--compact">
      <IssueBadge issueKey={issueKey} />
      <GoalPicker issueKey={issueKey} />
    </main>
  );
}
