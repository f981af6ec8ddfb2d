/** Past reorders of a board (`prioritize.history`): who, when, with which model, how many issues moved. */
import { call } from '../../bridge';
import { ErrorMessage, Spinner, Table } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { formatWhen, modelLabel } from './labels';

export function ReorderHistory({ boardId, round }: { boardId: number; round: number }) {
  const [state, reload] = useAsync(() => call('prioritize.history', { boardId }), [boardId, round]);
  if (state.status === 'loading') return <Spinner label="Loading past reorders…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage
        title="ValueRank could not load the past reorders."
        error={state.error}
        onRetry={reload}
      />
    );
  const entries = [...state.data.entries].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0)
    return (
      <p className="vr-muted">No reorders to show: ValueRank keeps the last 10 it can undo on this board.</p>
    );
  return (
    <Table
      caption="Reorders of this board that can be undone, newest first (the newest is undone first)"
      columns={[
        { key: 'at', header: 'When', width: '12rem', cell: (e) => formatWhen(e.at) },
        { key: 'by', header: 'Who', cell: (e) => e.byName ?? e.byAccountId },
        { key: 'model', header: 'Model', cell: (e) => modelLabel(e.model) },
        { key: 'moved', header: 'Moved', align: 'end', width: '5rem', cell: (e) => e.moved },
      ]}
      rows={entries}
      rowKey={(e) => e.id}
    />
  );
}
