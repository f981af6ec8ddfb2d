/**
 * The project page's Questions tab: the project's open questions for the PO, oldest first, with their age,
 * the issue's place in the backlog order and its readiness; filtered to the next sprint or the top N.
 */
import { useId, useState } from 'react';
import { call, type Answers, type Payload } from '../../bridge';
import {
  Badge,
  EmptyState,
  ErrorMessage,
  issueColumn,
  Section,
  Spinner,
  Table,
  UserText,
} from '../../components';
import { useAsync } from '../../hooks/useAsync';
import './questions.css';

type Row = Answers['questions.list']['rows'][number];
type Filter = NonNullable<Payload<'questions.list'>['filter']>;

export function QuestionsView({ projectKey }: { projectKey: string }) {
  const id = useId();
  const [kind, setKind] = useState<'all' | 'nextSprint' | 'top'>('all');
  const [top, setTop] = useState(10);
  const filter: Filter = kind === 'top' ? { kind, top } : { kind };
  const [state, reload] = useAsync(
    () => call('questions.list', { projectKey, filter }),
    [projectKey, kind, top],
  );
  return (
    <Section
      title="Questions for the PO"
      actions={
        <div className="vr-questions__filter">
          <label className="vr-field__label" htmlFor={id}>
            Show
          </label>
          <select
            id={id}
            className="vr-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
          >
            <option value="all">All open questions</option>
            <option value="nextSprint">In the next sprint</option>
            <option value="top">In the top of the backlog</option>
          </select>
          {kind === 'top' ? (
            <input
              aria-label="How many issues from the top"
              className="vr-questions__top"
              type="number"
              min={1}
              max={1000}
              value={top}
              onChange={(e) => setTop(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
            />
          ) : null}
        </div>
      }
    >
      {state.status === 'loading' ? (
        <Spinner label="Loading the open questions…" />
      ) : state.status === 'error' ? (
        <ErrorMessage title="ValueRank could not load the questions." error={state.error} onRetry={reload} />
      ) : state.data.rows.length === 0 ? (
        <EmptyState title="No open questions" description="Nothing is waiting for the Product Owner here." />
      ) : (
        <Table<Row>
          caption={`${state.data.rows.length} open questions on ${state.data.issues} issues, oldest first`}
          rows={state.data.rows}
          rowKey={(r) => r.questionId}
          columns={[
            issueColumn((r) => r.issueKey),
            { key: 'question', header: 'Question', cell: (r) => <UserText>{r.text}</UserText> },
            {
              key: 'asked',
              header: 'Asked by',
              cell: (r) => <UserText>{r.askedBy?.displayName ?? 'Unknown user'}</UserText>,
            },
            { key: 'age', header: 'Age', align: 'end', cell: (r) => `${r.ageDays} d` },
            {
              key: 'rank',
              header: 'Rank',
              align: 'end',
              cell: (r) => (r.rank === null ? '–' : `#${r.rank}`),
            },
            {
              key: 'ready',
              header: 'Readiness',
              cell: (r) =>
                r.ready === null ? (
                  <span className="vr-muted">Not checked</span>
                ) : r.ready ? (
                  <Badge tone="success">Ready</Badge>
                ) : (
                  <Badge tone="danger">Not ready</Badge>
                ),
            },
          ]}
        />
      )}
    </Section>
  );
}

export default QuestionsView;
