/**
 * A long data table that renders only the rows in view (plus a few either side), inside a scrolling
 * region of a fixed height; spacer rows keep the scrollbar true to the whole list. Rows come from
 * `rowAt` (for example `useRowPages`), and `onRange` says which rows are wanted as the user scrolls. The
 * table says how many rows it has (`aria-rowcount`) and where each shown row sits (`aria-rowindex`).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Column } from './Table';

const OVERSCAN = 10;

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
}) {
  const captionId = useId();
  const region = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const visible = Math.ceil(height / rowHeight);
  const from = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const to = Math.min(total, Math.floor(scrollTop / rowHeight) + visible + OVERSCAN);
  useEffect(() => onRange(from, to), [from, to, onRange]);
  const endClass = (c: Column<Row>) => (c.align === 'end' ? 'vr-end' : undefined);
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
        <tr key={rowKey(row, i)} aria-rowindex={i + 2} className={rowClassName?.(row)}>
          {columns.map((c) =>
            c.rowHeader ? (
              <th key={c.key} scope="row" className={endClass(c)}>
                {c.cell(row, i)}
              </th>
            ) : (
              <td key={c.key} className={endClass(c)}>
                {c.cell(row, i)}
              </td>
            ),
          )}
        </tr>
      ),
    );
  }
  return (
    <div
      ref={region}
      className="vr-table-wrap vr-table-wrap--scroll vr-virtual"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      style={{ maxHeight: height, overflowY: 'auto' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table className="vr-table" aria-rowcount={total + 1}>
        <caption className="vr-table__caption" id={captionId}>
          {caption}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
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
