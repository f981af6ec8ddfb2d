/**
 * The first screen of a large backlog whose value order is still being computed in the background: the
 * backlog's first page in its current Jira order, each issue already scored, so the PO can start reading
 * at once. The full, ranked table replaces it when the analysis is ready.
 */
import type { Answers } from '../../bridge';
import { issueColumn, Table, UserText, type Column } from '../../components';

type FirstRowsData = NonNullable<Extract<Answers['prioritize.load'], { pending: true }>['firstRows']>;
type Row = FirstRowsData['rows'][number];

export function FirstRows({ data, projectKey }: { data: FirstRowsData; projectKey: string }) {
  const columns: Array<Column<Row>> = [
    { key: 'rank', header: 'Rank', cell: (r) => r.rank, align: 'end', width: '4rem' },
    issueColumn((r: Row) => r.key, '7rem'),
    { key: 'summary', header: 'Summary', cell: (r) => <UserText>{r.summary}</UserText> },
    { key: 'type', header: 'Type', cell: (r) => <UserText>{r.issueType}</UserText>, width: '7rem' },
    {
      key: 'score',
      header: 'Score',
      align: 'end',
      width: '7rem',
      cell: (r) =>
        r.score === null ? (
          <span className="vr-muted" title={r.reason}>
            not scored
          </span>
        ) : (
          (r.bucket ?? r.display)
        ),
    },
  ];
  const shown = data.rows.length;
  return (
    <section className="vr-first-rows" aria-label={`First issues of ${projectKey}'s backlog`}>
      <p className="vr-muted">
        The first {shown.toLocaleString('en')} of {data.total.toLocaleString('en')} issues in the backlog's
        current order, already scored. Value ranks and the new order appear when the whole backlog is read.
        {data.provisional
          ? ' The model counts blocked issues, so these scores see only the links among these issues.'
          : ''}
      </p>
      <Table
        caption={`Current order, first ${shown} issues`}
        columns={columns}
        rows={data.rows}
        rowKey={(r) => r.key}
        rowClassName={() => 'vr-first-row'}
        scroll
      />
    </section>
  );
}
