/**
 * The backlog in value order (or in its current order): current rank, value rank with the move, the
 * issue, the model's inputs in short, the score (ties as ties, unscored with the reason), pin, and notes:
 * blocker lifted, fragile, other boards.
 */
import { useCallback, useId } from 'react';
import { call, type Answers } from '../../bridge';
import type { ModelConfig } from '../../../../src/core/scoring';
import { Badge, Button, IssueLink, VirtualTable, type Column } from '../../components';
import { useRowPages, type RowPages } from '../../hooks/useRowPages';
import { inputLabel, inputShort, inputWords } from './labels';

export type Item = Answers['prioritize.rows']['rows'][number];

/** Rows per `prioritize.rows` call as the table scrolls. */
const PAGE = 100;

/**
 * The board's rows in value or current order, fetched a page at a time as the table scrolls (the first
 * value-order page comes with the view). Reusable by anything that lists the analysed backlog.
 */
export function useBacklogRows({
  boardId,
  model,
  order,
  total,
  snapshotId,
  first,
}: {
  boardId: number;
  model: ModelConfig | undefined;
  order: 'value' | 'current';
  total: number;
  snapshotId: string;
  first: readonly Item[];
}): RowPages<Item> {
  const modelKey = JSON.stringify(model ?? null);
  const fetchPage = useCallback(
    async (from: number, count: number) =>
      (await call('prioritize.rows', { boardId, ...(model ? { model } : {}), order, from, count })).rows,
    // `model` is compared by value, through modelKey.
    [boardId, modelKey, order],
  );
  return useRowPages<Item>({
    total,
    pageSize: PAGE,
    fetchPage,
    resetKey: `${snapshotId}:${order}:${modelKey}`,
    ...(order === 'value' ? { initial: first } : {}),
  });
}

const BUCKET_LABEL: Readonly<Record<string, string>> = {
  must: 'Must',
  should: 'Should',
  could: 'Could',
  wont: 'Won’t',
};

const value = (v: number | null) => (v === null ? '?' : String(Number(v.toPrecision(12))));

function Move({ item }: { item: Item }) {
  const delta = item.rank - item.targetRank;
  if (delta === 0)
    return (
      <span className="vr-move vr-move--none">
        {item.targetRank}
        <span className="vr-sr-only">, stays</span>
      </span>
    );
  const up = delta > 0;
  return (
    <span className={`vr-move ${up ? 'vr-move--up' : 'vr-move--down'}`}>
      {item.targetRank}
      <span className="vr-move__delta" aria-hidden="true">
        {up ? '↑' : '↓'}
        {Math.abs(delta)}
      </span>
      <span className="vr-sr-only">
        , moves {up ? 'up' : 'down'} {Math.abs(delta)} {Math.abs(delta) === 1 ? 'place' : 'places'}
      </span>
    </span>
  );
}

function Inputs({ item }: { item: Item }) {
  const inputs = item.explanation.inputs;
  if (inputs.length === 0) return <span className="vr-muted">—</span>;
  const text = (i: (typeof inputs)[number]) =>
    i.name === 'moscow' && i.bucket ? (BUCKET_LABEL[i.bucket] ?? i.bucket) : value(i.value);
  const full = inputs.map((i) => `${i.label || inputLabel(i.name)} ${text(i)}`).join(', ');
  return (
    <span className="vr-inputs" title={full}>
      <span aria-hidden="true">
        {inputs.map((i, n) => (
          <span key={`${i.name}-${n}`} className={i.problem ? 'vr-inputs__bad' : undefined}>
            {n > 0 ? ' · ' : ''}
            {i.name === 'moscow' && i.bucket ? text(i) : `${inputShort(i.name)} ${text(i)}`}
          </span>
        ))}
      </span>
      <span className="vr-sr-only">{full}</span>
    </span>
  );
}

function Score({ item, onExplain }: { item: Item; onExplain: (item: Item) => void }) {
  const reasonId = useId();
  const bucket = item.bucket ? (BUCKET_LABEL[item.bucket] ?? item.bucket) : undefined;
  if (item.score === null)
    return (
      <span className="vr-tip">
        <button
          type="button"
          className="vr-score vr-score--none"
          aria-label={`Unscored: explain ${item.key}`}
          aria-describedby={reasonId}
          onClick={() => onExplain(item)}
        >
          —
        </button>
        <span role="tooltip" id={reasonId} className="vr-tip__text">
          {item.reason ?? 'This issue could not be scored.'}
        </span>
      </span>
    );
  const shown = bucket && !item.display.startsWith(bucket) ? `${bucket}, ${item.display}` : item.display;
  return (
    <button type="button" className="vr-score" onClick={() => onExplain(item)}>
      {item.tie ? <span aria-hidden="true">= </span> : null}
      {shown}
      <span className="vr-sr-only">
        {item.tie ? ', tied with another issue' : ''}: explain the score of {item.key}
      </span>
    </button>
  );
}

function Notes({ item, projectKey }: { item: Item; projectKey: string }) {
  const notes = [];
  if (item.lifted)
    for (const key of item.blocks.slice(0, 3))
      notes.push(
        <Badge key={`b-${key}`} tone="discovery" plain>
          blocks {key}
        </Badge>,
      );
  if (item.lifted && item.blocks.length > 3)
    notes.push(
      <Badge key="b-more" tone="discovery" plain>
        blocks {item.blocks.length - 3} more
      </Badge>,
    );
  if (item.blockedBy.length > 0)
    notes.push(
      <Badge key="blocked" plain>
        blocked by {item.blockedBy.slice(0, 2).join(', ')}
        {item.blockedBy.length > 2 ? ` +${item.blockedBy.length - 2}` : ''}
      </Badge>,
    );
  if (item.fragile) {
    const f = item.fragile;
    const places = Math.abs(f.places);
    // Positive places: up, towards the top.
    notes.push(
      <Badge key="fragile" tone="warning" plain>
        fragile: {inputWords(f.input)} {f.from}→{f.to} moves it {places} {places === 1 ? 'place' : 'places'}{' '}
        {f.places > 0 ? 'up' : 'down'}
      </Badge>,
    );
  }
  for (const board of item.otherBoards)
    notes.push(
      <Badge key={`o-${board}`} tone="information" plain>
        also on {board}
      </Badge>,
    );
  if (item.key.split('-')[0] !== projectKey)
    notes.push(
      <Badge key="project" plain>
        from {item.key.split('-')[0]}
      </Badge>,
    );
  return notes.length > 0 ? <span className="vr-notes">{notes}</span> : null;
}

export function RankedTable({
  rows,
  total,
  order,
  projectKey,
  canPin,
  pinning,
  onExplain,
  onPin,
  compact,
}: {
  rows: RowPages<Item>;
  total: number;
  order: 'value' | 'current';
  projectKey: string;
  canPin: boolean;
  pinning: ReadonlySet<string>;
  onExplain: (item: Item) => void;
  onPin: (item: Item) => void;
  compact?: boolean;
}) {
  const columns: Array<Column<Item>> = [
    { key: 'rank', header: 'Rank', align: 'end', width: '3.5rem', cell: (item) => item.rank },
    { key: 'target', header: 'Value rank', width: '6rem', cell: (item) => <Move item={item} /> },
    {
      key: 'key',
      header: 'Key',
      width: '6.5rem',
      rowHeader: true,
      cell: (item) => <IssueLink issueKey={item.key} />,
    },
    {
      key: 'summary',
      header: 'Summary',
      cell: (item) => (
        <>
          <bdi className="vr-summary-text">{item.summary}</bdi>
          <Notes item={item} projectKey={projectKey} />
        </>
      ),
    },
    ...(compact
      ? []
      : [{ key: 'inputs', header: 'Inputs', width: '12rem', cell: (item: Item) => <Inputs item={item} /> }]),
    {
      key: 'score',
      header: 'Score',
      align: 'end',
      width: '6rem',
      cell: (item) => <Score item={item} onExplain={onExplain} />,
    },
    {
      key: 'pin',
      header: 'Pin',
      width: '5.5rem',
      cell: (item) => (
        <Button
          appearance="subtle"
          className="vr-pin"
          isSelected={item.pinned}
          aria-label={`Pin ${item.key}`}
          disabled={!canPin || pinning.has(item.key)}
          title={
            canPin
              ? item.pinned
                ? 'Pinned: keeps its place when the backlog is reordered'
                : 'Keep this issue where it is when the backlog is reordered'
              : 'You cannot rank issues on this board'
          }
          onClick={() => onPin(item)}
        >
          {item.pinned ? 'Pinned' : 'Pin'}
        </Button>
      ),
    },
  ];
  return (
    <VirtualTable
      caption={
        order === 'value'
          ? 'The backlog in value order (Value rank), with each issue’s current rank'
          : 'The backlog in its current order, with each issue’s value rank'
      }
      columns={columns}
      total={total}
      rowAt={rows.rowAt}
      onRange={rows.ensure}
      rowKey={(item) => item.key}
      rowClassName={(item) =>
        [
          'vr-ranked-row',
          item.pinned ? 'vr-ranked-row--pinned' : '',
          item.rank !== item.targetRank ? 'vr-ranked-row--moves' : '',
        ]
          .filter(Boolean)
          .join(' ')
      }
    />
  );
}
