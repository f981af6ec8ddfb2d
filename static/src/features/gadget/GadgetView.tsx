/**
 * The gadget's view: the panels chosen in the edit view for one board, from one `gadget.health` call.
 * Issue keys open the issue and the not-ready count opens Jira's issue search, through the router.
 *
 * A large backlog is analysed by a background job (docs/adr/0011-view-snapshots.md): the answer is then
 * `pending` (nothing computed yet: a progress note) or the last result with its age; either way the gadget
 * asks again every 2 s, keeping what it shows, until the answer is fresh.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, openIssue, openSitePath, type Answers } from '../../bridge';
import { Badge, Button, EmptyState, ErrorMessage, Section, Spinner, Table, UserText } from '../../components';
import { jobActive, progressText, staleNote, VIEW_POLL_MS } from '../../hooks/viewStatus';
import { CoverageTable } from '../goals';
import { healthPayload, type GadgetConfig } from './config';
import { QuadrantChart } from './QuadrantChart';

type Health = Answers['gadget.health'];

const pct = (share: number) => `${Math.round(share * 100)}%`;
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const corr = (n: number | null) => (n === null ? '—' : n.toFixed(2));

function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <button type="button" className="vr-gadget__link" onClick={() => void openIssue(issueKey)}>
      {issueKey}
    </button>
  );
}

function ReadyBadge({ ready }: { ready: boolean | undefined }) {
  if (ready === undefined) return <Badge>Unchecked</Badge>;
  return ready ? <Badge tone="success">Ready</Badge> : <Badge tone="warning">Not ready</Badge>;
}

type HealthState =
  | { status: 'loading'; pending?: Health }
  | { status: 'done'; data: Health }
  | { status: 'error'; error: unknown; data?: Health };

/**
 * `gadget.health` for the configuration; asks again every {@link VIEW_POLL_MS} while a job computes the
 * answer, keeping the last result on screen. `reload` asks again now.
 */
function useHealth(config: GadgetConfig): [HealthState, () => void] {
  const [state, setState] = useState<HealthState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const configKey = JSON.stringify(config);
  const shownConfig = useRef(configKey);
  useEffect(() => {
    const boardId = config.boardId;
    if (boardId === undefined) return undefined;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Another configuration starts afresh; a reload or a poll keeps the result on screen.
    if (shownConfig.current !== configKey) {
      shownConfig.current = configKey;
      setState({ status: 'loading' });
    }
    const ask = () =>
      call('gadget.health', healthPayload({ ...config, boardId })).then(
        (h) => {
          if (!current) return;
          if (h.pending) setState((s) => (s.status === 'done' ? s : { status: 'loading', pending: h }));
          else setState({ status: 'done', data: h });
          if (h.pending || jobActive(h.status)) timer = setTimeout(() => void ask(), VIEW_POLL_MS);
        },
        (error: unknown) => {
          if (current)
            setState((s) => ({ status: 'error', error, ...(s.status === 'done' ? { data: s.data } : {}) }));
        },
      );
    void ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `config` is compared by value, through configKey.
  }, [configKey, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}

export function GadgetView({ config }: { config: GadgetConfig }) {
  const boardId = config.boardId;
  const [state, reload] = useHealth(config);
  useEffect(() => {
    if (!config.refreshMinutes) return undefined;
    const timer = setInterval(reload, config.refreshMinutes * 60_000);
    return () => clearInterval(timer);
  }, [config.refreshMinutes, reload]);

  if (boardId === undefined)
    return (
      <EmptyState
        title="Choose a board"
        description="Edit this gadget to choose the board whose backlog health it shows."
      />
    );
  if (state.status === 'loading')
    return (
      <div className="vr-gadget">
        <Spinner label="Reading the backlog…" />
        {progressText(state.pending?.status) ? (
          <p className="vr-gadget__meta vr-gadget__progress" role="status">
            {progressText(state.pending?.status)} The gadget shows the result when it is ready.
          </p>
        ) : null}
      </div>
    );
  if (state.status === 'error' && !state.data)
    return <ErrorMessage title="Backlog health is not available" error={state.error} onRetry={reload} />;
  const h = state.data;
  if (!h) return null;
  const note = staleNote(h.status, 'the result');

  return (
    <div className="vr-gadget">
      {state.status === 'error' ? (
        <ErrorMessage title="Backlog health could not be refreshed" error={state.error} onRetry={reload} />
      ) : null}
      <p className="vr-gadget__meta">
        <UserText>{h.board.name}</UserText> ({h.board.projectKey}) · {h.model.kind.toUpperCase()} · as of{' '}
        {new Date(h.computedAt).toLocaleTimeString()}{' '}
        <Button appearance="subtle" onClick={reload}>
          Refresh
        </Button>
      </p>
      {note ? (
        <p className="vr-gadget__meta vr-gadget__progress" role="status">
          {note}
          {jobActive(h.status) ? ' The gadget updates when the new result is ready.' : ''}
        </p>
      ) : null}
      {h.top && (
        <Section title={`Top ${h.topN} by value`}>
          <Table
            caption={`Top ${h.topN} by value`}
            hideCaption
            rows={h.top}
            rowKey={(r) => r.key}
            columns={[
              { key: 'rank', header: 'Rank', cell: (r) => (r.tied ? `${r.rank}=` : r.rank), align: 'end' },
              { key: 'key', header: 'Issue', cell: (r) => <IssueLink issueKey={r.key} />, rowHeader: true },
              { key: 'summary', header: 'Summary', cell: (r) => <UserText>{r.summary}</UserText> },
              { key: 'score', header: 'Score', cell: (r) => num(r.score), align: 'end' },
              { key: 'ready', header: 'Readiness', cell: (r) => <ReadyBadge ready={r.ready} /> },
            ]}
          />
        </Section>
      )}
      {h.readiness && (
        <Section title="Readiness">
          <dl className="vr-gadget__stats">
            <div>
              <dt>Top {h.readiness.top.total} ready</dt>
              <dd data-testid="ready-top">
                {pct(h.readiness.top.share)} ({h.readiness.top.ready} of {h.readiness.top.total})
              </dd>
            </div>
            <div>
              <dt>Backlog ready</dt>
              <dd data-testid="ready-all">
                {pct(h.readiness.all.share)} ({h.readiness.all.ready} of {h.readiness.all.total})
              </dd>
            </div>
          </dl>
          {h.readiness.all.notReady > 0 && (
            <button
              type="button"
              className="vr-gadget__link"
              onClick={() => void openSitePath(h.readiness?.notReadyUrl ?? '/issues/')}
            >
              Open the {h.readiness.all.notReady} not-ready issues in search
            </button>
          )}
        </Section>
      )}
      {h.quadrants && (
        <Section title="Value vs effort">
          <QuadrantChart report={h.quadrants} />
        </Section>
      )}
      {h.order && (
        <Section title="Order health">
          <dl className="vr-gadget__stats">
            <div>
              <dt>Top-{h.order.topSize} overlap</dt>
              <dd data-testid="order-overlap">
                {h.order.topOverlap === null ? '—' : pct(h.order.topOverlap)}
              </dd>
            </div>
            <div>
              <dt>Spearman (order vs value)</dt>
              <dd>{corr(h.order.spearman)}</dd>
            </div>
            <div>
              <dt>A reorder would need</dt>
              <dd>
                {h.order.reorder.moved} moves, {h.order.reorder.calls} rank calls
              </dd>
            </div>
          </dl>
        </Section>
      )}
      {h.agenda && (
        <Section title="Refinement agenda">
          {h.agenda.length === 0 ? (
            <p>Every scored item is ready.</p>
          ) : (
            <Table
              caption="Refinement agenda: highest-value items that are not ready"
              hideCaption
              rows={h.agenda}
              rowKey={(r) => r.key}
              columns={[
                { key: 'rank', header: 'Value rank', cell: (r) => r.rank, align: 'end' },
                { key: 'key', header: 'Issue', cell: (r) => <IssueLink issueKey={r.key} />, rowHeader: true },
                { key: 'summary', header: 'Summary', cell: (r) => <UserText>{r.summary}</UserText> },
                {
                  key: 'finding',
                  header: 'What to fix',
                  cell: (r) => r.finding?.message ?? 'Not checked yet',
                },
              ]}
            />
          )}
        </Section>
      )}
      {h.trend && (
        <Section title="Trend">
          <Table
            caption="Daily snapshots"
            hideCaption
            rows={h.trend.slice(-7)}
            rowKey={(r) => r.day}
            columns={[
              { key: 'day', header: 'Day', cell: (r) => r.day, rowHeader: true },
              { key: 'value', header: 'Backlog value', cell: (r) => num(r.backlogValue), align: 'end' },
              { key: 'ready', header: 'Ready', cell: (r) => pct(r.readyShare), align: 'end' },
              { key: 'order', header: 'Order health', cell: (r) => corr(r.orderHealth), align: 'end' },
              { key: 'count', header: 'Items', cell: (r) => r.count, align: 'end' },
            ]}
          />
        </Section>
      )}
      {h.goals !== undefined && (
        <Section title="Goal coverage">
          {h.goals === null ? (
            <p>This project has no product vision yet, so there are no goals to cover.</p>
          ) : (
            <>
              <CoverageTable report={h.goals.coverage} hideCaption />
              {h.goals.unaligned.length > 0 && (
                <Table
                  caption="Highest-value items that serve no active goal"
                  rows={h.goals.unaligned}
                  rowKey={(r) => r.key}
                  columns={[
                    {
                      key: 'key',
                      header: 'Issue',
                      cell: (r) => <IssueLink issueKey={r.key} />,
                      rowHeader: true,
                    },
                    { key: 'summary', header: 'Summary', cell: (r) => <UserText>{r.summary}</UserText> },
                    {
                      key: 'score',
                      header: 'Score',
                      cell: (r) => (r.score === null ? '—' : num(r.score)),
                      align: 'end',
                    },
                  ]}
                />
              )}
            </>
          )}
        </Section>
      )}
    </div>
  );
}
