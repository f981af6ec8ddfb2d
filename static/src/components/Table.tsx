import { useId, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  align?: 'start' | 'end';
  /** e.g. '4rem' */
  width?: string;
  /** The cell is the row's header (`<th scope="row">`), e.g. the issue key. */
  rowHeader?: boolean;
}

/**
 * A plain, accessible data table: a caption, column headers, one row per item. With `scroll`, the table
 * scrolls inside a focusable region (keyboard users can scroll it) and its header row stays in view.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  scroll,
  hideCaption,
}: {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  rowClassName?: (row: Row) => string | undefined;
  scroll?: boolean;
  hideCaption?: boolean;
}) {
  const captionId = useId();
  const endClass = (c: Column<Row>) => (c.align === 'end' ? 'vr-end' : undefined);
  return (
    <div
      className={scroll ? 'vr-table-wrap vr-table-wrap--scroll' : 'vr-table-wrap'}
      {...(scroll ? { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 } : {})}
    >
      <table className="vr-table">
        <caption className={hideCaption ? 'vr-sr-only' : 'vr-table__caption'} id={captionId}>
          {caption}
        </caption>
        <thead>
          <tr>
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
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} className={rowClassName?.(row)}>
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
