/**
 * Asks before an undo, naming what will change: "Undo the reorder of 12 June: 149 issues go back to their
 * previous places." The newest reorder of the board is the one undone (`prioritize.history`).
 */
import { call } from '../../bridge';
import { Button, Dialog, ErrorMessage, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { modelLabel } from './labels';

function undoSentence(entry: { at: string; moved: number }): string {
  const when = new Date(entry.at);
  const date = Number.isNaN(when.getTime())
    ? entry.at
    : when.toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  return `Undo the reorder of ${date}: ${entry.moved.toLocaleString('en')} ${entry.moved === 1 ? 'issue goes' : 'issues go'} back to ${entry.moved === 1 ? 'its' : 'their'} previous ${entry.moved === 1 ? 'place' : 'places'}.`;
}

export function UndoConfirm({
  boardId,
  onConfirm,
  onClose,
}: {
  boardId: number;
  onConfirm: (entry: { at: string; moved: number }) => void;
  onClose: () => void;
}) {
  const [state, reload] = useAsync(() => call('prioritize.history', { boardId }), [boardId]);
  // `prioritize.history` answers newest first; the newest is the one undone.
  const entry = state.status === 'done' ? state.data.entries[0] : undefined;
  return (
    <Dialog title="Undo the last reorder?" onClose={onClose}>
      {state.status === 'loading' ? <Spinner label="Reading the last reorder…" /> : null}
      {state.status === 'error' ? (
        <ErrorMessage
          title="ValueRank could not read the last reorder."
          error={state.error}
          onRetry={reload}
        />
      ) : null}
      {state.status === 'done' && !entry ? <p>There is no reorder of this board left to undo.</p> : null}
      {entry ? (
        <>
          <p className="vr-undo__sentence">{undoSentence(entry)}</p>
          <p className="vr-muted">
            {entry.byName ?? entry.byAccountId} applied it with {modelLabel(entry.model)}. Issues changed in
            Jira since keep their other changes; only their places go back.
          </p>
        </>
      ) : null}
      <div className="vr-actions">
        <Button appearance="primary" disabled={!entry} onClick={() => entry && onConfirm(entry)}>
          Undo reorder
        </Button>
        <Button appearance="subtle" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
