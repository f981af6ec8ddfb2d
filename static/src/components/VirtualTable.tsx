/**
 * A long data table that renders only the rows in view (plus a few either side), inside a scrolling
 * region of a fixed height; spacer rows keep the scrollbar true to the whole list. Rows come from
 * `rowAt` (for example `useRowPages`), and `onRange` says which rows are wanted as the user scrolls. The
 * table says how many rows it has (`aria-rowcount`) and where each shown row sits (`aria-rowindex`).
 *
 * With `fill` the region takes the height its parent gives it (a flex child) and measures it; `activeIndex`
 * is the keyboard's row (scrolled into view when it changes, marked `vr-virtual__active`); `sortOf` sets
 * each column header's `aria-sort`.
 */
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Column } from './Table';

const OVERSCAN = 10;

const endClass = <Row,>(c: Column<Row>) => (c.align === 'end' ? 'vr-end' : undefined);

interface RowProps<Row> {
  row: Row;
  index: number;
  columns: ReadonlyArray<Column<Row>>;
  className: string;
  rowProps: ((row: Row, index: number) => HTMLAttributes<HTMLTableRowElement>) | undefined;
  rowHeight: number;
}

/**
 * One rendered row. Memoised: while the table scrolls only the rows coming into view render; those already
 * on screen are skipped unless their data, columns or class changed.
 */
const VirtualRow = memo(function VirtualRow<Row>({
  row,
  index,
  columns,
  className,
  rowProps,
  rowHeight,
}: RowProps<Row>) {
  return (
    <tr
      aria-rowindex={index + 2}
      {...rowProps?.(row, index)}
      className={className}
      style={{ height: rowHeight }}
    >
      {columns.map((c) =>
        c.rowHeader ? (
          <th key={c.key} scope="row" className={endClass(c)}>
            {c.cell(row, index)}
          </th>
        ) : (
          <td key={c.key} className={endClass(c)}>
            {c.cell(row, index)}
          </td>
        ),
      )}
    </tr>
  );
}) as <Row>(props: RowProps<Row>) => ReactNode;

export function VirtualTable<Row>({
  caption,
  columns,
  total,
  rowAt,
  onRange,
  rowKey,
  rowClassName,
  rowHeight = 44,
  height = 560,
  placeholder = 'Loading…',
  fill,
  hideCaption,
  activeIndex,
  onKeyDown,
  rowProps,
  sortOf,
  label,
}: {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  total: number;
  rowAt: (index: number) => Row | undefined;
  onRange: (from: number, to: number) => void;
  rowKey: (row: Row, index: number) => string;
  rowClassName?: (row: Row) => string | undefined;
  /** The rows' height in px (an estimate is enough: the window is recomputed as the user scrolls). */
  rowHeight?: number;
  height?: number;
  placeholder?: ReactNode;
  /** Take the parent's height (a flex child) instead of `height`. */
  fill?: boolean;
  hideCaption?: boolean;
  activeIndex?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  rowProps?: (row: Row, index: number) => HTMLAttributes<HTMLTableRowElement>;
  sortOf?: (columnKey: string) => 'ascending' | 'descending' | undefined;
  /** The region's accessible name, when not the caption. */
  label?: string;
}) {
  const captionId = useId();
  const region = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measured, setMeasured] = useState(height);
  useLayoutEffect(() => {
    const el = region.current;
    if (!fill || !el) return undefined;
    const measure = () => setMeasured(el.clientHeight || height);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fill, height]);
  // Never more than the window shows: before its parent's height is set, a filling region is as tall as
  // the whole table, which would ask for every row at once.
  const shownHeight = fill ? Math.min(measured, window.innerHeight || measured) : height;
  const visible = Math.ceil(shownHeight / rowHeight);
  // The keyboard's row stays in view (the header row is about one row high).
  useEffect(() => {
    const el = region.current;
    if (activeIndex === undefined || !el) return;
    const top = activeIndex * rowHeight;
    const header = rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight - header)
      el.scrollTop = top + rowHeight - el.clientHeight + header;
  }, [activeIndex, rowHeight]);
  const from = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const to = Math.min(total, Math.floor(scrollTop / rowHeight) + visible + OVERSCAN);
  useEffect(() => onRange(from, to), [from, to, onRange]);
  const rows: ReactNode[] = [];
  for (let i = from; i < to; i += 1) {
    const row = rowAt(i);
    rows.push(
      row === undefined ? (
        <tr
          key={`pending-${i}`}
          aria-rowindex={i + 2}
          className="vr-virtual__pending"
          style={{ height: rowHeight }}
        >
          <td colSpan={columns.length} className="vr-muted">
            {placeholder}
          </td>
        </tr>
      ) : (
        <VirtualRow
          key={rowKey(row, i)}
          row={row}
          index={i}
          columns={columns}
          className={[rowClassName?.(row), i === activeIndex ? 'vr-virtual__active' : '']
            .filter(Boolean)
            .join(' ')}
          rowProps={rowProps}
          rowHeight={rowHeight}
        />
      ),
    );
  }
  return (
    <div
      ref={region}
      className={`vr-table-wrap vr-table-wrap--scroll vr-virtual${fill ? ' vr-virtual--fill' : ''}`}
      role="region"
      {...(label ? { 'aria-label': label } : { 'aria-labelledby': captionId })}
      tabIndex={0}
      style={fill ? { overflowY: 'auto' } : { maxHeight: height, overflowY: 'auto' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <table className="vr-table" aria-rowcount={total + 1}>
        <caption className={hideCaption ? 'vr-sr-only' : 'vr-table__caption'} id={captionId}>
          {caption}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sortOf?.(c.key)}
                className={endClass(c)}
                style={c.width ? { width: c.width } : undefined}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {from > 0 ? <tr aria-hidden="true" style={{ height: from * rowHeight }} /> : null}
          {rows}
          {to < total ? <tr aria-hidden="true" style={{ height: (total - to) * rowHeight }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
