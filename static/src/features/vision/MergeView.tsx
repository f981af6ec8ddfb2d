/**
 * After a save conflict: their version and yours side by side, field by field. The user picks a side for each
 * difference (yours by default), then saves the merge on top of their version. Nothing is lost: both texts
 * stay on screen until the merge is saved or cancelled.
 */
import { useState } from 'react';
import { Banner, Button, isolate, UserText } from '../../components';
import type { VisionConflict } from '../../../../src/features/vision/api';
import type { Goal, VisionBoard } from './shared';
import { when } from './shared';

type Side = 'theirs' | 'yours';

const goalText = (g: Goal | undefined): string =>
  g
    ? `${isolate(g.name)} — ${g.target ? isolate(g.target) : 'no target'} · ${g.status} · weight ${g.weight}`
    : '(not in this version)';

const sameGoal = (a: Goal | undefined, b: Goal | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.name === b.name &&
    a.target === b.target &&
    a.status === b.status &&
    a.weight === b.weight);

/**
 * The side each difference starts on: theirs where you left the text as it was in the version you edited
 * (only they changed it), yours everywhere else. So a merge never silently undoes their change.
 */
export function defaultChoice(conflict: VisionConflict, base: VisionBoard): Record<string, Side> {
  const choice: Record<string, Side> = {};
  for (const f of conflict.diff.fields)
    if (f.change !== 'same') choice[`field:${f.field}`] = f.after === base[f.field] ? 'theirs' : 'yours';
  for (const g of conflict.diff.goals)
    if (g.change !== 'same')
      choice[`goal:${g.id}`] = sameGoal(
        g.after,
        base.goals.find((b) => b.id === g.id),
      )
        ? 'theirs'
        : 'yours';
  return choice;
}

/** The board made of the chosen side of every difference. */
export function mergeBoards(conflict: VisionConflict, choice: Record<string, Side>): VisionBoard {
  const board: VisionBoard = { ...conflict.theirs.board, goals: [] };
  for (const f of conflict.diff.fields)
    board[f.field] = choice[`field:${f.field}`] === 'theirs' ? f.before : f.after;
  for (const g of conflict.diff.goals) {
    const side = g.change === 'same' ? 'yours' : (choice[`goal:${g.id}`] ?? 'yours');
    const goal = side === 'theirs' ? g.before : g.after;
    if (goal) board.goals.push({ ...goal });
  }
  return board;
}

function Choice({
  name,
  label,
  theirs,
  yours,
  value,
  onChange,
}: {
  name: string;
  label: string;
  theirs: string;
  yours: string;
  value: Side;
  onChange: (side: Side) => void;
}) {
  return (
    <fieldset className="vr-merge__row">
      <legend className="vr-vision__label">{label}</legend>
      <label className={`vr-merge__side${value === 'theirs' ? ' vr-merge__side--chosen' : ''}`}>
        <input type="radio" name={name} checked={value === 'theirs'} onChange={() => onChange('theirs')} />{' '}
        Keep theirs
        <span className="vr-vision__text">{theirs || '(empty)'}</span>
      </label>
      <label className={`vr-merge__side${value === 'yours' ? ' vr-merge__side--chosen' : ''}`}>
        <span className="vr-merge__pick">
          <input type="radio" name={name} checked={value === 'yours'} onChange={() => onChange('yours')} />
          Keep yours
        </span>
        <span className="vr-vision__text">{yours || '(empty)'}</span>
      </label>
    </fieldset>
  );
}

export function MergeView({
  conflict,
  base,
  busy,
  onSave,
  onCancel,
}: {
  conflict: VisionConflict;
  /** The board the user started editing from. */
  base: VisionBoard;
  busy: boolean;
  onSave: (board: VisionBoard) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<Record<string, Side>>(() => defaultChoice(conflict, base));
  const pick = (key: string) => (side: Side) => setChoice({ ...choice, [key]: side });
  const fields = conflict.diff.fields.filter((f) => f.change !== 'same');
  const goals = conflict.diff.goals.filter((g) => g.change !== 'same');
  const { theirs } = conflict;
  return (
    <div className="vr-merge" role="region" aria-label="Merge your changes">
      <Banner tone="warning" alert title="Someone else saved the vision while you were editing.">
        <UserText>{theirs.savedByName}</UserText> saved version {theirs.version} on {when(theirs.savedAt)};
        you edited version {conflict.expectedVersion}. Nothing of yours is lost: choose, for each difference,
        which text to keep (their change is preselected where you did not touch the text), then save the
        merge.
      </Banner>
      <div className="vr-merge__heads" aria-hidden="true">
        <span>Theirs (version {theirs.version})</span>
        <span>Yours</span>
      </div>
      {fields.map((f) => (
        <Choice
          key={f.field}
          name={`merge-field-${f.field}`}
          label={f.label}
          theirs={f.before}
          yours={f.after}
          value={choice[`field:${f.field}`] ?? 'yours'}
          onChange={pick(`field:${f.field}`)}
        />
      ))}
      {goals.map((g) => (
        <Choice
          key={g.id}
          name={`merge-goal-${g.id}`}
          label={`Goal: ${g.after?.name ?? g.before?.name ?? g.id}`}
          theirs={goalText(g.before)}
          yours={goalText(g.after)}
          value={choice[`goal:${g.id}`] ?? 'yours'}
          onChange={pick(`goal:${g.id}`)}
        />
      ))}
      {fields.length === 0 && goals.length === 0 ? (
        <p className="vr-muted">
          Your board and theirs are the same
          {conflict.diff.goalOrderChanged ? ' except for the goal order' : ''}.
        </p>
      ) : null}
      <div className="vr-actions">
        <Button appearance="primary" disabled={busy} onClick={() => onSave(mergeBoards(conflict, choice))}>
          {busy ? 'Saving…' : `Save merge as version ${theirs.version + 1}`}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Back to my edit
        </Button>
      </div>
    </div>
  );
}
