/**
 * The workspace grid: the whole backlog in one virtualised table (only the rows in view are rendered) with a
 * sticky header. Columns: select, current rank, value rank with the move (old → new while previewing), key,
 * summary with its notes, type, status, score, the model's inputs (edited in place by people who may edit
 * issues), goals, readiness, pin. Headers sort (on the server); the keyboard moves a row focus (arrows,
 * Home/End, Page Up/Down), Space selects the focused row, Enter explains its score.
 */
import { useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Badge, Button, IssueLink, VirtualTable, type Column } from '../../components';
import type { RowPages } from '../../hooks/useRowPages';
import { inputShort, inputWords } from './labels';
import type { GridRow, GridSort } from './useGridRows';

export type Item = GridRow;

/** Rows whose "fragile" note is shown without asking: the top of the value order. */
const FRAGILE_TOP = 10;
/** Every grid row is this tall (px): the virtual window's arithmetic relies on it. */
const ROW_HEIGHT = 44;

const BUCKET_LABEL: Readonly<Record<string, string>> = {
  must: 'Must',
  should: 'Should',
  could: 'Could',
  wont: 'Won’t',
};

const value = (v: number | null) => (v === null ? '—' : String(Number(v.toPrecision(12))));

/** One column per input the model reads: its name in the explanation, and the input an edit writes. */
export interface InputColumn {
  name: string;
  label: string;
  /** The field-backed input an edit writes (job size → story points); undefined: derived, not editable. */
  target?: string;
  /** Why it cannot be edited here (derived, not mapped), for the cell's description. */
  why?: string;
}

function Move({ item, previewing }: { item: Item; previewing: boolean }) {
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
      {previewing ? (
        <>
          <span className="vr-move__was">{item.rank}</span>
          <span aria-hidden="true"> → </span>
          <span className="vr-sr-only"> to </span>
        </>
      ) : null}
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

/** The sentence behind "fragile": what small change would move the issue how far. */
function fragileSentence(f: NonNullable<Item['fragile']>): string {
  const places = Math.abs(f.places);
  return `A small change moves this issue far: if ${inputWords(f.input)} went from ${f.from} to ${f.to}, it would move ${places} ${places === 1 ? 'place' : 'places'} ${f.places > 0 ? 'up' : 'down'}. Check that input before you rely on its place.`;
}

function Fragile({ item }: { item: Item }) {
  const id = useId();
  if (!item.fragile) return null;
  return (
    <span className="vr-tip">
      <span tabIndex={0} aria-describedby={id} className="vr-fragile">
        <Badge tone="warning" plain>
          fragile
        </Badge>
      </span>
      <span role="tooltip" id={id} className="vr-tip__text">
        {fragileSentence(item.fragile)}
      </span>
    </span>
  );
}

function Notes({ item, projectKey, fragile }: { item: Item; projectKey: string; fragile: boolean }) {
  const notes = [];
  if (item.pinned)
    notes.push(
      <Badge key="pinned" tone="information" plain>
        pinned
      </Badge>,
    );
  if (item.lifted && item.blocks.length > 0)
    notes.push(
      <Badge key="blocks" tone="discovery" plain>
        blocks {item.blocks.slice(0, 2).join(', ')}
        {item.blocks.length > 2 ? ` +${item.blocks.length - 2}` : ''}
      </Badge>,
    );
  if (item.blockedBy.length > 0)
    notes.push(
      <Badge key="blocked" plain>
        blocked by {item.blockedBy.slice(0, 2).join(', ')}
        {item.blockedBy.length > 2 ? ` +${item.blockedBy.length - 2}` : ''}
      </Badge>,
    );
  if (fragile && item.fragile) notes.push(<Fragile key="fragile" item={item} />);
  if (item.otherBoards.length > 0)
    notes.push(
      <span key="other" title={`Also on ${item.otherBoards.join(', ')}: Jira’s rank is global`}>
        <Badge tone="information" plain>
          +{item.otherBoards.length} {item.otherBoards.length === 1 ? 'board' : 'boards'}
        </Badge>
      </span>,
    );
  if (item.key.split('-')[0] !== projectKey)
    notes.push(
      <Badge key="project" plain>
        from {item.key.split('-')[0]}
      </Badge>,
    );
  return notes.length > 0 ? <span className="vr-notes">{notes}</span> : null;
}

/** One input of one issue: its value, and for people who may edit, an editor that writes the field. */
function InputCell({
  item,
  column,
  canEdit,
  editReason,
  saving,
  onSave,
}: {
  item: Item;
  column: InputColumn;
  canEdit: boolean;
  editReason: string;
  saving: boolean;
  onSave: (item: Item, input: string, label: string, value: number | null) => void;
}) {
  const reading = item.explanation.inputs.find((i) => i.name === column.name);
  const [draft, setDraftState] = useState<string | undefined>(undefined);
  // The editor closes once: Enter or Escape, then the blur of its removal, must not save again.
  const editing = useRef(false);
  const setDraft = (next: string | undefined) => {
    editing.current = next !== undefined;
    setDraftState(next);
  };
  const whyId = useId();
  const current = reading?.value ?? null;
  const text =
    reading?.name === 'moscow' && reading.bucket
      ? (BUCKET_LABEL[reading.bucket] ?? reading.bucket)
      : value(current);
  const label = `${column.label} of ${item.key}`;
  if (draft !== undefined) {
    const save = () => {
      if (!editing.current) return;
      const trimmed = draft.trim();
      const next = trimmed === '' ? null : Number(trimmed);
      setDraft(undefined);
      if (next !== current && (next === null || Number.isFinite(next)))
        onSave(item, column.target as string, column.label, next);
    };
    return (
      <input
        className="vr-input-cell__editor"
        type="number"
        inputMode="decimal"
        step="any"
        min={0}
        aria-label={label}
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') setDraft(undefined);
        }}
        onBlur={save}
      />
    );
  }
  const editable = canEdit && column.target !== undefined && reading !== undefined;
  const reason = !canEdit ? editReason : (column.why ?? '');
  return (
    <button
      type="button"
      className={`vr-input-cell${reading?.problem ? ' vr-input-cell--bad' : ''}`}
      aria-label={`${label}: ${text}${editable ? ', edit' : ''}`}
      aria-disabled={!editable || saving}
      aria-describedby={!editable && reason ? whyId : undefined}
      title={editable ? `Edit ${label}` : reason || reading?.source}
      onClick={() => {
        if (editable && !saving) setDraft(current === null ? '' : String(current));
      }}
    >
      {saving ? '…' : text}
      {!editable && reason ? (
        <span id={whyId} className="vr-sr-only">
          {reason}
        </span>
      ) : null}
    </button>
  );
}

function SortHeader({
  label,
  by,
  sort,
  onSort,
}: {
  label: string;
  by: GridSort['by'];
  sort: GridSort;
  onSort: (sort: GridSort) => void;
}) {
  const active = sort.by === by;
  return (
    <button
      type="button"
      className="vr-sort"
      onClick={() => onSort({ by, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
    >
      {label}
      <span aria-hidden="true" className="vr-sort__arrow">
        {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
      </span>
    </button>
  );
}

const READY: Readonly<Record<string, string>> = {
  ready: 'Ready',
  'not-ready': 'Not ready',
  unchecked: 'Not checked',
};

export function RankedTable({
  rows,
  total,
  projectKey,
  canPin,
  pinning,
  onExplain,
  onPin,
  compact,
  sort,
  onSort,
  inputs,
  canEdit,
  editReason,
  saving,
  onSaveInput,
  selected,
  onSelect,
  onExtend,
  allSelected,
  onSelectAll,
  goalNames,
  previewing,
  showFragile,
  caption,
}: {
  rows: RowPages<Item>;
  total: number;
  projectKey: string;
  canPin: boolean;
  pinning: ReadonlySet<string>;
  onExplain: (item: Item) => void;
  onPin: (item: Item) => void;
  compact?: boolean;
  sort: GridSort;
  onSort: (sort: GridSort) => void;
  inputs: readonly InputColumn[];
  canEdit: boolean;
  /** Why nobody's input can be edited here (the caller may not edit issues). */
  editReason: string;
  saving: ReadonlySet<string>;
  onSaveInput: (item: Item, input: string, label: string, value: number | null) => void;
  selected: ReadonlySet<string>;
  /** Selects or unselects a row; `range` extends from the last row clicked (shift-click). */
  onSelect: (item: Item, index: number, range: boolean) => void;
  /** Adds the rows from `from` to `to` to the selection (Shift with the arrow or page keys). */
  onExtend: (from: number, to: number) => void;
  allSelected: boolean | 'some';
  onSelectAll: (select: boolean) => void;
  goalNames: ReadonlyMap<string, string>;
  previewing: boolean;
  /** Show "fragile" on every row, not only the top of the value order. */
  showFragile: boolean;
  caption: string;
}) {
  const [active, setActive] = useState<number | undefined>(undefined);
  const columns: Array<Column<Item>> = [
    {
      key: 'select',
      header: (
        <input
          type="checkbox"
          aria-label={`Select all ${total} issues shown`}
          checked={allSelected === true}
          ref={(el) => {
            if (el) el.indeterminate = allSelected === 'some';
          }}
          disabled={total === 0}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
      ),
      width: '2.25rem',
      cell: (item, index) => (
        <input
          type="checkbox"
          aria-label={`Select ${item.key}`}
          checked={selected.has(item.key)}
          onClick={(e: MouseEvent<HTMLInputElement>) => {
            e.preventDefault();
            onSelect(item, index, e.shiftKey);
          }}
          onChange={() => undefined}
        />
      ),
    },
    {
      key: 'rank',
      header: <SortHeader label="Rank" by="rank" sort={sort} onSort={onSort} />,
      align: 'end',
      width: '3.75rem',
      cell: (item) => item.rank,
    },
    {
      key: 'target',
      header: <SortHeader label="Value rank" by="value" sort={sort} onSort={onSort} />,
      width: previewing ? '8rem' : '5.5rem',
      cell: (item) => <Move item={item} previewing={previewing} />,
    },
    {
      key: 'key',
      header: <SortHeader label="Key" by="key" sort={sort} onSort={onSort} />,
      width: '6.5rem',
      rowHeader: true,
      cell: (item) => <IssueLink issueKey={item.key} />,
    },
    {
      key: 'summary',
      header: <SortHeader label="Summary" by="summary" sort={sort} onSort={onSort} />,
      cell: (item) => (
        <span className="vr-summary-cell">
          <bdi className="vr-summary-text" title={item.summary}>
            {item.summary}
          </bdi>
          <Notes
            item={item}
            projectKey={projectKey}
            fragile={showFragile || item.targetRank <= FRAGILE_TOP}
          />
        </span>
      ),
    },
    ...(compact
      ? []
      : [
          {
            key: 'type',
            header: <SortHeader label="Type" by="type" sort={sort} onSort={onSort} />,
            width: '5.5rem',
            cell: (item: Item) => (
              <span className="vr-cell-clip" title={item.issueType}>
                {item.issueType}
              </span>
            ),
          },
          {
            key: 'status',
            header: <SortHeader label="Status" by="status" sort={sort} onSort={onSort} />,
            width: '6.5rem',
            cell: (item: Item) => (
              <span className="vr-cell-clip" title={item.status}>
                {item.status}
              </span>
            ),
          },
        ]),
    {
      key: 'score',
      header: <SortHeader label="Score" by="score" sort={sort} onSort={onSort} />,
      align: 'end',
      width: '5rem',
      cell: (item) => <Score item={item} onExplain={onExplain} />,
    },
    ...(compact
      ? []
      : inputs.map((c): Column<Item> => ({
          key: `input-${c.name}`,
          header: (
            <abbr title={c.label} className="vr-input-head">
              {inputShort(c.name)}
            </abbr>
          ),
          align: 'end',
          width: '3.25rem',
          cell: (item) => (
            <InputCell
              item={item}
              column={c}
              canEdit={canEdit}
              editReason={editReason}
              saving={saving.has(`${item.key}:${c.target ?? ''}`)}
              onSave={onSaveInput}
            />
          ),
        }))),
    ...(compact
      ? []
      : [
          {
            key: 'goal',
            header: 'Goal',
            width: '7rem',
            cell: (item: Item) => {
              const names = (item.goals ?? []).map((g) => goalNames.get(g) ?? g);
              return names.length > 0 ? (
                <bdi className="vr-goal-cell" title={names.join(', ')}>
                  {names.join(', ')}
                </bdi>
              ) : (
                <span className="vr-muted">—</span>
              );
            },
          },
          {
            key: 'ready',
            header: 'Ready',
            width: '6rem',
            cell: (item: Item) =>
              item.ready ? (
                <span className={`vr-ready vr-ready--${item.ready}`}>{READY[item.ready]}</span>
              ) : (
                <span className="vr-muted">—</span>
              ),
          },
        ]),
    {
      key: 'pin',
      header: 'Pin',
      width: '4.5rem',
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
              : `You cannot rank issues in ${projectKey}, so you cannot pin them`
          }
          onClick={() => onPin(item)}
        >
          {item.pinned ? 'Pinned' : 'Pin'}
        </Button>
      ),
    },
  ];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || total === 0) return;
    const at = active ?? -1;
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(total - 1, to));
      setActive(next);
      // Shift extends the selection over the rows passed
      if (e.shiftKey && /^(?:Arrow(?:Up|Down)|Page(?:Up|Down))$/.test(e.key)) onExtend(Math.max(0, at), next);
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'PageDown') move(at + 10);
    else if (e.key === 'PageUp') move(at - 10);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(total - 1);
    else if ((e.key === ' ' || e.key === 'Enter') && active !== undefined) {
      const item = rows.rowAt(active);
      e.preventDefault();
      if (!item) return;
      if (e.key === ' ') onSelect(item, active, e.shiftKey);
      else onExplain(item);
    }
  };
  const sortOf = (key: string) => {
    const by = {
      rank: 'rank',
      target: 'value',
      key: 'key',
      summary: 'summary',
      type: 'type',
      status: 'status',
      score: 'score',
    }[key];
    if (by !== sort.by) return undefined;
    return sort.dir === 'asc' ? 'ascending' : 'descending';
  };
  const activeItem = active !== undefined ? rows.rowAt(active) : undefined;
  return (
    <div className="vr-grid">
      <VirtualTable
        fill
        hideCaption
        caption={caption}
        label={`${caption}. Arrow keys move between rows, Space selects, Shift with an arrow selects a range, Enter explains the score.`}
        columns={columns}
        total={total}
        rowAt={rows.rowAt}
        onRange={rows.ensure}
        rowKey={(item) => item.key}
        rowHeight={ROW_HEIGHT}
        activeIndex={active}
        onKeyDown={onKeyDown}
        sortOf={sortOf}
        rowProps={(item, index) => ({
          'aria-selected': selected.has(item.key),
          onMouseDown: () => setActive(index),
        })}
        rowClassName={(item) =>
          [
            'vr-ranked-row',
            item.pinned ? 'vr-ranked-row--pinned' : '',
            previewing && item.rank !== item.targetRank ? 'vr-ranked-row--preview' : '',
            selected.has(item.key) ? 'vr-ranked-row--selected' : '',
          ]
            .filter(Boolean)
            .join(' ')
        }
      />
      <p className="vr-sr-only" aria-live="polite">
        {activeItem ? `${activeItem.key}, value rank ${activeItem.targetRank}, ${activeItem.summary}` : ''}
      </p>
    </div>
  );
}
