/**
 * The backlog action: the Prioritize view of the board whose backlog it was opened from (Forge gives the
 * board in `extension.board.id`), compact, in Jira's modal over the backlog.
 */
import { closeView, getContext } from '../../bridge';
import { Button, ErrorMessage, Spinner } from '../../components';
import { Prioritize } from '../../features/prioritize';
import { useAsync } from '../../hooks/useAsync';

export function BacklogAction() {
  const [state, reload] = useAsync(getContext, []);
  const close = () => {
    closeView().catch(() => undefined);
  };
  const header = (
    <header className="vr-modal__header">
      <h1 className="vr-modal__title">Prioritize by value</h1>
      <Button appearance="subtle" onClick={close}>
        Close
      </Button>
    </header>
  );

  if (state.status === 'loading')
    return (
      <main className="vr-page vr-page--compact">
        {header}
        <Spinner label="Opening…" />
      </main>
    );
  if (state.status === 'error')
    return (
      <main className="vr-page vr-page--compact">
        {header}
        <ErrorMessage
          title="ValueRank could not read where it was opened."
          error={state.error}
          onRetry={reload}
        />
      </main>
    );
  const raw = state.data.extension.board?.id;
  const boardId = Number(raw);
  return (
    <main className="vr-page vr-page--compact">
      {header}
      {Number.isInteger(boardId) && boardId > 0 ? (
        <Prioritize boardId={boardId} compact />
      ) : (
        <ErrorMessage
          title="ValueRank could not tell which board this is."
          error={new Error('Open “Prioritize by value” from a board’s backlog.')}
        />
      )}
    </main>
  );
}
