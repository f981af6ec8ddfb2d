/** The issue panel module: the criteria check of the issue Jira opened it on (`extension.issue.key`). */
import { getContext } from '../../bridge';
import { ErrorMessage, Spinner } from '../../components';
import { CriteriaPanel } from '../../features/criteria';
import { useAsync } from '../../hooks/useAsync';

export function CriteriaPanelModule() {
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
  if (!issueKey) return <p>Open this panel on an issue.</p>;
  return (
    <main className="vr-page vr-page--compact">
      <CriteriaPanel issueKey={issueKey} />
    </main>
  );
}
