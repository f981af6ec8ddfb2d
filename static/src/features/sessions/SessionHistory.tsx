/**
 * The value sessions committed on one issue (its score history beside Jira's changelog, in the explanation
 * dialog): who decided what, when, from what to what, the median and every rating with its reason.
 */
import { call, type Answers } from '../../bridge';
import { ErrorMessage, isolate, Spinner, Table, UserText } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { shown, when } from './labels';
import './sessions.css';

type Record = Answers['sessions.issueHistory']['records'][number];
type InputRow = Record['inputs'][number];

export function SessionHistory({ issueKey }: { issueKey: string }) {
  const [state, reload] = useAsync(() => call('sessions.issueHistory', { issueKey }), [issueKey]);
  if (state.status === 'loading') return <Spinner label="Loading the value sessions…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage
        title="ValueRank could not load the value sessions."
        error={state.error}
        onRetry={reload}
      />
    );
  if (state.data.records.length === 0)
    return (
      <p className="vr-muted" role="status">
        No value session has decided this issue's inputs.
      </p>
    );
  return (
    <div className="vr-sessions-history">
      {state.data.records.map((r) => (
        <Table<InputRow>
          key={r.sessionId}
          caption={`Value session “${isolate(r.title)}”: decided by ${isolate(r.by.displayName)}, ${when(r.at)}${r.note ? ` — ${isolate(r.note)}` : ''}`}
          rows={r.inputs}
          rowKey={(i) => i.input}
          columns={[
            { key: 'input', header: 'Input', rowHeader: true, cell: (i) => i.label },
            {
              key: 'change',
              header: 'Decision',
              cell: (i) => (
                <>
                  {shown(i.from)} → {shown(i.to)}
                </>
              ),
            },
            { key: 'median', header: 'Median', align: 'end', cell: (i) => shown(i.median) },
            {
              key: 'ratings',
              header: 'Ratings',
              cell: (i) => (
                <ul className="vr-sessions__ratings">
                  {i.ratings.map((x) => (
                    <li key={x.by.accountId}>
                      <UserText>{x.by.displayName}</UserText>: {x.value === null ? 'skipped' : x.value}
                      {x.reason ? (
                        <>
                          {' '}
                          — <UserText>{x.reason}</UserText>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ))}
    </div>
  );
}
