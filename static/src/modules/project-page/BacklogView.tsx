import { call, type Answers } from '../../bridge';
import {
  Badge,
  type BadgeTone,
  type Column,
  EmptyState,
  ErrorMessage,
  isolate,
  IssueLink,
  Section,
  Spinner,
  Table,
  UserText,
} from '../../components';
import { useAsync } from '../../hooks/useAsync';

type Item = Answers['board.backlog']['items'][number];

const STATUS_TONE: Record<Item['statusCategory'], BadgeTone> = {
  new: 'neutral',
  indeterminate: 'information',
  done: 'success',
  unknown: 'neutral',
};

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const COLUMNS: ReadonlyArray<Column<Item>> = [
  { key: 'rank', header: 'Rank', cell: (_, i) => i + 1, align: 'end', width: '4rem' },
  {
    key: 'key',
    header: 'Key',
    width: '7rem',
    cell: (item) => <IssueLink issueKey={item.key} />,
  },
  { key: 'type', header: 'Type', cell: (item) => item.issueType, width: '6rem' },
  { key: 'summary', header: 'Summary', cell: (item) => <UserText>{item.summary}</UserText> },
  {
    key: 'status',
    header: 'Status',
    width: '9rem',
    cell: (item) => <Badge tone={STATUS_TONE[item.statusCategory]}>{item.status}</Badge>,
  },
  {
    key: 'points',
    header: 'Story points',
    align: 'end',
    width: '7rem',
    cell: (item) =>
      item.storyPoints === undefined ? <span aria-label="Not estimated">—</span> : points(item.storyPoints),
  },
];

export function BacklogView({ boardId, boardName }: { boardId: number; boardName: string }) {
  const [state, reload] = useAsync(() => call('board.backlog', { boardId }), [boardId]);
  const title = (
    <>
      Backlog: <UserText>{boardName}</UserText>
    </>
  );
  if (state.status === 'loading')
    return (
      <Section title={title}>
        <Spinner label="Loading the backlog…" />
      </Section>
    );
  if (state.status === 'error')
    return (
      <Section title={title}>
        <ErrorMessage title="ValueRank could not load this backlog." error={state.error} onRetry={reload} />
      </Section>
    );
  const { board, summary, items } = state.data;
  if (items.length === 0)
    return (
      <Section title={title}>
        <EmptyState title="The backlog is empty" description="This board has no issues in its backlog." />
      </Section>
    );
  return (
    <Section title={title}>
      <div className="vr-summary" aria-label="Backlog summary">
        <span>
          <strong>{summary.count}</strong> items
        </span>
        <span>
          <strong>{summary.estimated}</strong> estimated
        </span>
        <span>
          <strong>{points(summary.totalPoints)}</strong> story points
          {board.estimationFieldName ? (
            <span className="vr-muted"> ({board.estimationFieldName})</span>
          ) : null}
        </span>
        {Object.entries(summary.byType).map(([type, count]) => (
          <Badge key={type}>
            {type}: {count}
          </Badge>
        ))}
      </div>
      <Table
        caption={`The backlog of ${isolate(board.name)}, in rank order`}
        columns={COLUMNS}
        rows={items}
        rowKey={(item) => item.id}
      />
    </Section>
  );
}
