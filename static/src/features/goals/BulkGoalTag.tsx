/**
 * Tag the issues selected in the Prioritize grid with one vision goal (or take it off them), as the user:
 * `goals.bulkTag`, 100 issues a call. The outcome goes to `onDone` (the workspace shows it as a flag);
 * every disabled control says why.
 */
import { useState } from 'react';
import { call } from '../../bridge';
import { isolate, ReasonButton } from '../../components';
import { useAsync } from '../../hooks/useAsync';

const CHUNK = 100;

export interface TagOutcome {
  goalName: string;
  add: boolean;
  changed: number;
  unchanged: number;
  failed: Array<{ issueKey: string; error: string }>;
}

export function BulkGoalTag({
  projectKey,
  issueKeys,
  canEdit,
  onDone,
  onError,
}: {
  projectKey: string;
  /** The selected issues. */
  issueKeys: readonly string[];
  canEdit: boolean;
  onDone: (outcome: TagOutcome) => void;
  onError: (error: unknown) => void;
}) {
  const [vision] = useAsync(() => call('vision.get', { projectKey }), [projectKey]);
  const [goalId, setGoalId] = useState('');
  const [busy, setBusy] = useState(false);
  const goals =
    vision.status === 'done'
      ? (vision.data.current?.board.goals ?? []).filter((g) => g.status === 'active')
      : [];
  const goal = goals.find((g) => g.id === goalId);
  const run = async (add: boolean) => {
    if (!goal) return;
    setBusy(true);
    const outcome: TagOutcome = { goalName: goal.name, add, changed: 0, unchanged: 0, failed: [] };
    try {
      for (let i = 0; i < issueKeys.length; i += CHUNK) {
        const answer = await call('goals.bulkTag', {
          projectKey,
          issueKeys: issueKeys.slice(i, i + CHUNK),
          goalId: goal.id,
          add,
        });
        outcome.changed += answer.changed;
        outcome.unchanged += answer.unchanged;
        for (const r of answer.results)
          if (!r.ok) outcome.failed.push({ issueKey: r.issueKey, error: r.error ?? 'failed' });
      }
      onDone(outcome);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const reason =
    vision.status !== 'done'
      ? 'Loading the vision’s goals…'
      : goals.length === 0
        ? `${projectKey} has no active vision goal yet: add goals on the Vision tab first`
        : !canEdit
          ? `You cannot edit issues in ${projectKey}, so you cannot tag them`
          : busy
            ? 'Tagging…'
            : !goal
              ? 'Choose a goal first'
              : undefined;
  return (
    <span className="vr-bulk__group" role="group" aria-label="Tag with goal">
      <select
        value={goalId}
        onChange={(e) => setGoalId(e.target.value)}
        aria-label="Goal to tag with"
        disabled={goals.length === 0 || !canEdit}
        title={goals.length === 0 ? `${projectKey} has no active vision goal yet` : undefined}
      >
        <option value="">Goal…</option>
        {goals.map((g) => (
          <option key={g.id} value={g.id}>
            {isolate(g.name)}
          </option>
        ))}
      </select>
      <ReasonButton disabled={reason !== undefined} reason={reason} onClick={() => void run(true)}>
        Tag with goal
      </ReasonButton>
      <ReasonButton
        appearance="subtle"
        disabled={reason !== undefined}
        reason={reason}
        onClick={() => void run(false)}
      >
        Remove goal
      </ReasonButton>
    </span>
  );
}
