/** The issue context's compact goal picker: which active vision goals this issue serves. */
import { useState } from 'react';
import { call } from '../../bridge';
import { ErrorMessage, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';

export function GoalPicker({ issueKey }: { issueKey: string }) {
  const [state, reload] = useAsync(() => call('goals.forIssue', { issueKey }), [issueKey]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (state.status === 'loading') return <Spinner label="Reading goals…" />;
  if (state.status === 'error')
    return <ErrorMessage title="ValueRank could not read the goals." error={state.error} onRetry={reload} />;
  const view = state.data;
  if (view.goals.length === 0 && view.tags.length === 0)
    return <p className="vr-goals__empty">No active vision goals in {view.projectKey} yet.</p>;
  const names = new Map(view.goals.map((g) => [g.id, g.name]));
  const toggle = (id: string) => {
    const next = view.tags.includes(id) ? view.tags.filter((t) => t !== id) : [...view.tags, id];
    setSaving(true);
    setError(null);
    call('goals.tag', { issueKey, goals: next })
      .then(() => reload())
      .catch(setError)
      .finally(() => setSaving(false));
  };
  const ids = [...view.goals.map((g) => g.id), ...view.tags.filter((t) => !names.has(t))];
  return (
    <fieldset className="vr-goals" disabled={!view.canEdit || saving}>
      <legend>Serves goals</legend>
      {ids.map((id) => (
        <label key={id} className="vr-goals__goal">
          <input type="checkbox" checked={view.tags.includes(id)} onChange={() => toggle(id)} />{' '}
          {names.get(id) ?? `${id} (not active)`}
        </label>
      ))}
      {error ? <ErrorMessage title="The goals were not saved." error={error} /> : null}
    </fieldset>
  );
}
