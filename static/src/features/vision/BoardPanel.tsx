/**
 * The Product Vision Board: a clear read view for everyone, edited in place by project admins (and the
 * members of the role an admin picked, ADR 6) and saved as a new version. A save against a stale version opens the merge view (theirs vs yours, per field).
 */
import { useId, useState } from 'react';
import { call, type Answers } from '../../bridge';
import { Badge, Banner, Button, ErrorMessage, Section, UserText } from '../../components';
import {
  BOARD_FIELD_LABELS,
  BOARD_TEXT_FIELDS,
  GOAL_STATUSES,
  VISION_LIMITS,
  type BoardTextField,
  type GoalStatus,
} from '../../../../src/core/vision/schema';
import type { VisionConflict } from '../../../../src/features/vision/api';
import { EditorsControl } from './EditorsControl';
import { MergeView } from './MergeView';
import { cloneBoard, conflictOf, newGoal, readableError, when, type Goal, type VisionBoard } from './shared';
import { PublishNote, publishProblem } from './PublishNote';

type View = Answers['vision.get'];

const EMPTY: VisionBoard = { visionStatement: '', targetGroup: '', needs: '', product: '', goals: [] };

const HINTS: Record<BoardTextField, string> = {
  visionStatement: 'Why the product exists: the change it brings about.',
  targetGroup: 'Who the users and customers are.',
  needs: 'The problems the product solves, the benefits it gives.',
  product: 'What the product is and what makes it stand out.',
};

function TextField({
  field,
  value,
  onChange,
}: {
  field: BoardTextField;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const limit = VISION_LIMITS[field];
  const over = value.trim().length > limit;
  return (
    <div className="vr-field vr-vision__field">
      <label className="vr-field__label" htmlFor={id}>
        {BOARD_FIELD_LABELS[field]}
      </label>
      <textarea
        id={id}
        className={`vr-textarea${over ? ' vr-textarea--invalid' : ''}`}
        rows={field === 'visionStatement' ? 2 : 4}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={over}
      />
      <p className={over ? 'vr-field__error' : 'vr-field__hint'}>
        {HINTS[field]} {value.trim().length}/{limit}
      </p>
    </div>
  );
}

function GoalsEditor({ goals, onChange }: { goals: Goal[]; onChange: (goals: Goal[]) => void }) {
  const set = (i: number, patch: Partial<Goal>) =>
    onChange(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <div className="vr-vision__goals">
      <table className="vr-table">
        <caption className="vr-sr-only">Business goals</caption>
        <thead>
          <tr>
            <th scope="col">Goal</th>
            <th scope="col">Measurable target</th>
            <th scope="col">Status</th>
            <th scope="col">Weight (0–{VISION_LIMITS.weightMax})</th>
            <th scope="col">
              <span className="vr-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {goals.map((g, i) => (
            <tr key={g.id}>
              <td>
                <input
                  className="vr-input"
                  aria-label={`Goal ${i + 1} name`}
                  value={g.name}
                  maxLength={VISION_LIMITS.goalName + 50}
                  onChange={(e) => set(i, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="vr-input"
                  aria-label={`Goal ${i + 1} measurable target`}
                  value={g.target}
                  onChange={(e) => set(i, { target: e.target.value })}
                />
              </td>
              <td>
                <select
                  className="vr-select"
                  aria-label={`Goal ${i + 1} status`}
                  value={g.status}
                  onChange={(e) => set(i, { status: e.target.value as GoalStatus })}
                >
                  {GOAL_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  className="vr-input vr-vision__weight"
                  type="number"
                  min={0}
                  max={VISION_LIMITS.weightMax}
                  step={1}
                  aria-label={`Goal ${i + 1} weight`}
                  value={g.weight}
                  onChange={(e) => set(i, { weight: Number(e.target.value) })}
                />
              </td>
              <td>
                <Button appearance="subtle" onClick={() => onChange(goals.filter((_, j) => j !== i))}>
                  Remove<span className="vr-sr-only"> goal {i + 1}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button disabled={goals.length >= VISION_LIMITS.goals} onClick={() => onChange([...goals, newGoal()])}>
        Add goal
      </Button>
    </div>
  );
}

export function GoalsTable({ goals }: { goals: readonly Goal[] }) {
  if (goals.length === 0) return <p className="vr-muted">No business goals yet.</p>;
  return (
    <table className="vr-table">
      <caption className="vr-sr-only">Business goals</caption>
      <thead>
        <tr>
          <th scope="col">Goal</th>
          <th scope="col">Measurable target</th>
          <th scope="col">Status</th>
          <th scope="col">Weight</th>
        </tr>
      </thead>
      <tbody>
        {goals.map((g) => (
          <tr key={g.id}>
            <td>
              <UserText>{g.name}</UserText>
            </td>
            <td>{g.target || '—'}</td>
            <td>
              <Badge
                tone={
                  g.status === 'achieved' ? 'success' : g.status === 'dropped' ? 'neutral' : 'information'
                }
              >
                {g.status}
              </Badge>
            </td>
            <td>{g.weight}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BoardRead({ board }: { board: VisionBoard }) {
  return (
    <div className="vr-vision__board">
      {BOARD_TEXT_FIELDS.map((field) => (
        <div key={field} className={`vr-vision__cell vr-vision__cell--${field}`}>
          <h3 className="vr-vision__label">{BOARD_FIELD_LABELS[field]}</h3>
          {board[field] ? (
            <p className="vr-vision__text">{board[field]}</p>
          ) : (
            <p className="vr-muted">Not set.</p>
          )}
        </div>
      ))}
      <div className="vr-vision__cell vr-vision__cell--goals">
        <h3 className="vr-vision__label">Business goals</h3>
        <GoalsTable goals={board.goals} />
      </div>
    </div>
  );
}

export function BoardPanel({ view, onSaved }: { view: View; onSaved: () => void }) {
  const saved = view.current?.board ?? EMPTY;
  const [draft, setDraft] = useState<VisionBoard>(() => cloneBoard(saved));
  /** The board the edit started from (for the merge's preselection). */
  const [base, setBase] = useState<VisionBoard>(saved);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [conflict, setConflict] = useState<VisionConflict | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [unpublished, setUnpublished] = useState<string | undefined>(undefined);

  const save = async (board: VisionBoard, expectedVersion: number) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const answer = await call('vision.save', { projectKey: view.projectKey, board, expectedVersion });
      setConflict(undefined);
      setEditing(false);
      setNotice(`Saved as version ${answer.version.version}.`);
      setUnpublished(publishProblem(answer));
      onSaved();
    } catch (e) {
      const c = conflictOf(e);
      if (c) setConflict(c);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const meta = view.current ? (
    <p className="vr-muted">
      Version {view.current.version} · saved by <UserText>{view.current.savedByName}</UserText> on{' '}
      {when(view.current.savedAt)}
      {view.current.restoredFrom ? ` · restored from version ${view.current.restoredFrom}` : ''}
    </p>
  ) : (
    <p className="vr-muted">No vision yet.</p>
  );

  const actions = view.canEdit ? (
    editing ? null : (
      <Button
        appearance="primary"
        onClick={() => {
          setDraft(cloneBoard(saved));
          setBase(saved);
          setEditing(true);
          setNotice(undefined);
        }}
      >
        Edit vision
      </Button>
    )
  ) : null;

  return (
    <Section title="Product vision board" actions={actions}>
      {meta}
      {notice ? <Banner tone="success" title={notice} /> : null}
      {notice ? <PublishNote problem={unpublished} /> : null}
      <EditorsControl view={view} onChanged={onSaved} />
      {conflict ? (
        <MergeView
          key={conflict.theirs.version}
          conflict={conflict}
          base={base}
          busy={busy}
          onCancel={() => setConflict(undefined)}
          onSave={(board) => {
            setBase(conflict.theirs.board);
            void save(board, conflict.theirs.version);
          }}
        />
      ) : editing ? (
        <form
          className="vr-vision__form"
          aria-label="Edit the product vision board"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft, view.version);
          }}
        >
          {BOARD_TEXT_FIELDS.map((field) => (
            <TextField
              key={field}
              field={field}
              value={draft[field]}
              onChange={(v) => setDraft({ ...draft, [field]: v })}
            />
          ))}
          <h3 className="vr-vision__label">Business goals</h3>
          <GoalsEditor goals={draft.goals} onChange={(goals) => setDraft({ ...draft, goals })} />
          <div className="vr-actions">
            <Button type="submit" appearance="primary" disabled={busy}>
              {busy ? 'Saving…' : `Save as version ${view.version + 1}`}
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setError(undefined);
              }}
              disabled={busy}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <BoardRead board={saved} />
      )}
      {error ? <ErrorMessage title="The vision was not saved." error={readableError(error)} /> : null}
    </Section>
  );
}
