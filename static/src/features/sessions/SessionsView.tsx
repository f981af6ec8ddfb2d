/**
 * The project page's Value sessions tab: the caller's open sessions to rate, the project's sessions with
 * their state (the PO sees them all, others their own), the start form (the PO), and one session: the blind
 * rating form for a participant, the PO's progress and reveal, the summary sorted by disagreement, the
 * decisions (medians pre-filled) and the commit with a confirmation naming what will change.
 */
import { useEffect, useState } from 'react';
import { call, type Answers } from '../../bridge';
import { Badge, Button, EmptyState, ErrorMessage, Section, Spinner, Table, UserText } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { SessionDetail } from './SessionDetail';
import { StartForm } from './StartForm';
import { STATE_LABEL, STATE_TONE, when } from './labels';
import './sessions.css';

type Row = Answers['sessions.list']['sessions'][number];

export function SessionsView({
  projectKey,
  startWith,
  onStartWithUsed,
}: {
  projectKey: string;
  /** Issues chosen elsewhere (the Prioritize grid's selection): the start form opens with them. */
  startWith?: readonly string[] | undefined;
  onStartWithUsed?: () => void;
}) {
  const [open, setOpen] = useState<string | 'new' | null>(startWith ? 'new' : null);
  const [keys, setKeys] = useState<readonly string[] | undefined>(startWith);
  if (startWith && startWith !== keys) {
    setKeys(startWith);
    setOpen('new');
  }
  useEffect(() => {
    if (startWith) onStartWithUsed?.();
  }, [startWith, onStartWithUsed]);

  if (open === 'new')
    return (
      <StartForm
        projectKey={projectKey}
        {...(keys ? { initialKeys: keys } : {})}
        onCancel={() => {
          setKeys(undefined);
          setOpen(null);
        }}
        onStarted={(id) => {
          setKeys(undefined);
          setOpen(id);
        }}
      />
    );
  if (open !== null) return <SessionDetail sessionId={open} onBack={() => setOpen(null)} />;
  return <SessionList projectKey={projectKey} onOpen={setOpen} />;
}

/** The project's sessions and the caller's open ones to rate; read each time the list is shown. */
function SessionList({
  projectKey,
  onOpen,
}: {
  projectKey: string;
  onOpen: (session: string | 'new') => void;
}) {
  const [state, reload] = useAsync(() => call('sessions.list', { projectKey }), [projectKey]);
  if (state.status === 'loading') return <Spinner label="Loading the value sessions…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage
        title="ValueRank could not load the value sessions."
        error={state.error}
        onRetry={reload}
      />
    );
  const { sessions, mine, canStart } = state.data;
  const openButton = (r: Row) => (
    <Button appearance="link" onClick={() => onOpen(r.id)}>
      <UserText>{r.title}</UserText>
    </Button>
  );
  return (
    <div className="vr-sessions">
      {mine.length > 0 ? (
        <Section title="Waiting for your ratings">
          <ul className="vr-sessions__mine" aria-label="Open sessions you are invited to">
            {mine.map((r) => (
              <li key={r.id}>
                <Button appearance="primary" onClick={() => onOpen(r.id)}>
                  Rate “<UserText>{r.title}</UserText>”
                </Button>{' '}
                <span className="vr-muted">
                  {r.issues} issues, started by <UserText>{r.createdBy.displayName}</UserText>{' '}
                  {when(r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section
        title="Value sessions"
        actions={
          canStart ? (
            <Button appearance="primary" onClick={() => onOpen('new')}>
              Start a session
            </Button>
          ) : null
        }
      >
        <p className="vr-muted">
          Stakeholders rate the value of backlog issues on their own, blind until the Product Owner reveals
          the ratings; the PO then decides and writes the values to Jira.
        </p>
        {sessions.length === 0 ? (
          <EmptyState
            title="No value sessions"
            description={
              canStart
                ? 'Start one to hear every stakeholder on the value of your backlog.'
                : 'When the Product Owner invites you to a session, it shows here.'
            }
          />
        ) : (
          <Table<Row>
            caption={`${sessions.length} value sessions, newest first`}
            rows={sessions}
            rowKey={(r) => r.id}
            columns={[
              { key: 'title', header: 'Session', rowHeader: true, cell: openButton },
              {
                key: 'state',
                header: 'State',
                cell: (r) => <Badge tone={STATE_TONE[r.state]}>{STATE_LABEL[r.state]}</Badge>,
              },
              { key: 'issues', header: 'Issues', align: 'end', cell: (r) => r.issues },
              { key: 'people', header: 'Participants', align: 'end', cell: (r) => r.participants },
              {
                key: 'by',
                header: 'Started by',
                cell: (r) => (
                  <>
                    <UserText>{r.createdBy.displayName}</UserText> {when(r.createdAt)}
                  </>
                ),
              },
            ]}
          />
        )}
      </Section>
    </div>
  );
}

export default SessionsView;
