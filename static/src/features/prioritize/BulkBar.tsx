/**
 * What the workspace does to the selected issues: pin or unpin them, tag them with a vision goal (the goals
 * feature's bulk tag), or set one score input on all of them (undoable). Every disabled control says why.
 */
import { useState } from 'react';
import { MAX_SESSION_ISSUES } from '../../../../src/core/sessions';
import { Button, ReasonButton } from '../../components';
import { BulkGoalTag, type TagOutcome } from '../goals';
import type { InputColumn } from './RankedTable';

export function BulkBar({
  projectKey,
  selected,
  canRank,
  canEdit,
  inputs,
  busy,
  onPin,
  onSetInput,
  onTagged,
  onError,
  onClear,
  onStartSession,
}: {
  projectKey: string;
  selected: readonly string[];
  canRank: boolean;
  canEdit: boolean;
  inputs: readonly InputColumn[];
  busy: boolean;
  onPin: (pinned: boolean) => void;
  onSetInput: (input: string, label: string, value: number | null) => void;
  onTagged: (outcome: TagOutcome) => void;
  onError: (error: unknown) => void;
  onClear: () => void;
  /** Starts a value session for the selected issues (the project page's Value sessions tab). */
  onStartSession?: (() => void) | undefined;
}) {
  const editable = inputs.filter((i) => i.target !== undefined);
  const [input, setInput] = useState('');
  const [value, setValue] = useState('');
  const chosen = editable.find((i) => i.target === input) ?? editable[0];
  const count = selected.length;
  const pinReason = !canRank
    ? `You cannot rank issues in ${projectKey}, so you cannot pin them`
    : busy
      ? 'Busy with the last change'
      : undefined;
  const sessionReason = !canRank
    ? `Only who may rank issues in ${projectKey} (the Product Owner) starts a value session`
    : count > MAX_SESSION_ISSUES
      ? `A value session takes at most ${MAX_SESSION_ISSUES} issues; ${count} are selected`
      : undefined;
  const number = value.trim() === '' ? undefined : Number(value);
  const setReason = !canEdit
    ? `You cannot edit issues in ${projectKey}`
    : editable.length === 0
      ? 'None of this model’s inputs has a Jira field of its own to write'
      : busy
        ? 'Busy with the last change'
        : number === undefined || !Number.isFinite(number)
          ? 'Type a number first'
          : undefined;
  return (
    <div className="vr-bulk" role="toolbar" aria-label="Selected issues">
      <strong className="vr-bulk__count">
        {count.toLocaleString('en')} {count === 1 ? 'issue' : 'issues'} selected
      </strong>
      <span className="vr-bulk__group">
        <ReasonButton disabled={pinReason !== undefined} reason={pinReason} onClick={() => onPin(true)}>
          Pin
        </ReasonButton>
        <ReasonButton
          appearance="subtle"
          disabled={pinReason !== undefined}
          reason={pinReason}
          onClick={() => onPin(false)}
        >
          Unpin
        </ReasonButton>
      </span>
      <BulkGoalTag
        projectKey={projectKey}
        issueKeys={selected}
        canEdit={canEdit && !busy}
        onDone={onTagged}
        onError={onError}
      />
      <span className="vr-bulk__group" role="group" aria-label="Set an input">
        <select
          className="vr-select vr-bulk__input"
          aria-label="Input to set"
          value={chosen?.target ?? ''}
          onChange={(e) => setInput(e.target.value)}
          disabled={editable.length === 0}
        >
          {editable.map((i) => (
            <option key={i.name} value={i.target}>
              {i.label}
            </option>
          ))}
        </select>
        <input
          type="number"
          className="vr-input vr-bulk__value"
          aria-label="Value to set"
          inputMode="decimal"
          step="any"
          min={0}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <ReasonButton
          disabled={setReason !== undefined}
          reason={setReason}
          onClick={() =>
            chosen && number !== undefined && onSetInput(chosen.target as string, chosen.label, number)
          }
        >
          Set for {count}
        </ReasonButton>
      </span>
      {onStartSession ? (
        <ReasonButton
          appearance="subtle"
          disabled={sessionReason !== undefined}
          reason={sessionReason}
          onClick={onStartSession}
        >
          Start a value session
        </ReasonButton>
      ) : null}
      <Button appearance="subtle" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
