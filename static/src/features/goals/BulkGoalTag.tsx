/** Prioritize: tag selected backlog issues with one vision goal (or remove it), with per-issue results. */
import { useState } from 'react';
import { call } from '../../bridge';
import type { Answers } from '../../bridge';
import { Button, ErrorMessage, UserText } from '../../components';
import { useAsync } from '../../hooks/useAsync';

type BulkAnswer = Answers['goals.bulkTag'];

export function BulkGoalTag({
  projectKey,
  items,
}: {
  projectKey: string;
  items: ReadonlyArray<{ key: string; summary: string }>;
}) {
  const [vision] = useAsync(() => call('vision.get', { projectKey }), [projectKey]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [goalId, setGoalId] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<BulkAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (vision.status !== 'done') return null;
  const goals = (vision.data.current?.board.goals ?? []).filter((g) => g.status === 'active');
  if (goals.length === 0) return null;
  const run = (add: boolean) => {
    setBusy(true);
    setError(null);
    call('goals.bulkTag', { projectKey, issueKeys: [...selected].slice(0, 100), goalId, add })
      .then(setAnswer)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <section className="vr-goals-bulk" aria-label="Tag with goal">
      <h4>Tag with goal</h4>
      <div className="vr-toolbar">
        <select value={goalId} onChange={(e) => setGoalId(e.target.value)} aria-label="Goal">
          <option value="">Choose a goal…</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              <UserText>{g.name}</UserText>
            </option>
          ))}
        </select>
        <Button disabled={busy || !goalId || selected.size === 0} onClick={() => run(true)}>
          Tag {selected.size} selected
        </Button>
        <Button disabled={busy || !goalId || selected.size === 0} onClick={() => run(false)}>
          Remove from {selected.size} selected
        </Button>
      </div>
      <ul className="vr-goals-bulk__list">
        {items.map((item) => (
          <li key={item.key}>
            <label>
              <input type="checkbox" checked={selected.has(item.key)} onChange={() => toggle(item.key)} />{' '}
              {item.key} <UserText>{item.summary}</UserText>
            </label>
          </li>
        ))}
      </ul>
      {answer ? (
        <p role="status">
          {answer.changed} changed, {answer.unchanged} already so, {answer.failed} failed
          {answer.failed > 0
            ? `: ${answer.results
                .filter((r) => !r.ok)
                .map((r) => `${r.issueKey} (${r.error ?? 'failed'})`)
                .join(', ')}`
            : ''}
        </p>
      ) : null}
      {error ? <ErrorMessage title="Nothing was tagged." error={error} /> : null}
    </section>
  );
}
