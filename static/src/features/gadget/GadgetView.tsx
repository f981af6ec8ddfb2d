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
import {
  Badge,
  Banner,
  Button,
  EmptyState,
  ErrorMessage,
  Section,
  Spinner,
  Table,
  UserText,
} from '../../components';
import { jobActive, progressText, staleNote, VIEW_POLL_MS } from '../../hooks/viewStatus';
import { CoverageTable } from '../goals';
import { healthPayload, type GadgetConfig } from './config';
import { modelLabel } from '../../../../src/core/scoring/labels';
import { INPUT_LABELS } from '../../../../src/core/scoring/labels';
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

const issues = (n: number) => `${n} issue${n === 1 ? '' : 's'}`;

/** What to do about the main reason issues are unscored (`invalid:confidence`, `missing:effort`, `model`). */
function whatNext(cause: string | undefined, model: string): string {
  const [kind, input] = (cause ?? '').split(':');
  const name = input ? ((INPUT_LABELS as Record<string, string>)[input]?.toLowerCase() ?? input) : '';
  if (kind === 'invalid' && input === 'confidence')
    return `Set how ${model} reads confidence (its confidence unit) in ValueRank → Prioritize, or in this gadget's settings.`;
  if (kind === 'invalid')
    return `Fix the ${name} values on those issues, or map ${name} to another field in ValueRank → Prioritize → Field mapping.`;
  if (kind === 'missing')
    return `Fill in ${name} on those issues, or map ${name} to the field your team uses in ValueRank → Prioritize → Field mapping.`;
  return `Open ValueRank → Prioritize to see why each issue is unscored, or choose another model in this gadget's settings.`;
}

/** "ICE scores none of 305 issues: Confidence is 80, above 10; …" — or nothing when most are scored. */
function scoringNote(h: Health): { title: string; next: string } | undefined {
  const s = h.scoring;
  if (!s) return undefined;
  const model = modelLabel(h.model);
  if (s.total === 0)
    return {
      title: 'The backlog of this board is empty.',
      next: 'Issues in the backlog (not in a sprint, not done) show here.',
    };
  if (s.scored === s.total) return undefined;
  const because = s.mainCause
    ? `: ${s.mainCause.reason}${s.mainCause.count < s.total - s.scored ? ` (and other reasons on ${issues(s.total - s.scored - s.mainCause.count)})` : ''}`
    : '';
  const title =
    s.scored === 0
      ? `${model} scores none of ${issues(s.total)}${because}.`
      : `${model} scores ${s.scored} of ${issues(s.total)}; ${issues(s.total - s.scored)} unscored${because}.`;
  return { title, next: whatNext(s.mainCause?.cause, model) };
}

/** How far the order agrees with value, in words (the rank correlation in a tooltip). */
function agreement(spearman: number | null): string {
  if (spearman === null) return 'in no measurable way (too few scored issues)';
  if (spearman >= 0.7) return 'strongly';
  if (spearman >= 0.4) return 'moderately';
  if (spearman >= 0.1) return 'weakly';
  if (spearman > -0.1) return 'hardly at all';
  return 'hardly at all: the order runs against value';
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
  const unscored = scoringNote(h);
  const noneScored = h.scoring !== undefined && h.scoring.scored === 0;
  /** An empty panel's sentence: why, and what next. */
  const empty = (what: string) =>
    unscored && noneScored ? `${what} ${modelLabel(h.model)} scores no issue here: see why above.` : what;

  return (
    <div className="vr-gadget">
      {state.status === 'error' ? (
        <ErrorMessage title="Backlog health could not be refreshed" error={state.error} onRetry={reload} />
      ) : null}
      <p className="vr-gadget__meta">
        <UserText>{h.board.name}</UserText> ({h.board.projectKey}) · {modelLabel(h.model)} · as of{' '}
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
      {unscored ? (
        <Banner tone={noneScored ? 'warning' : 'information'} title={unscored.title}>
          <p>{unscored.next}</p>
        </Banner>
      ) : null}
      {h.top && (
        <Section title={`Top ${h.topN} by value`}>
          {h.top.length === 0 ? (
            <p className="vr-gadget__empty">{empty('No issue has a score, so there is no top list.')}</p>
          ) : (
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
          )}
        </Section>
      )}
      {h.readiness && (
        <Section title="Readiness">
          {h.readiness.all.total === 0 ? (
            <p className="vr-gadget__empty">
              The backlog is empty, so there is nothing to check. Issues in the backlog show here.
            </p>
          ) : (
            <dl className="vr-gadget__stats">
              <div>
                <dt>Top {h.readiness.top.total > 0 ? h.readiness.top.total : ''} by value ready</dt>
                <dd data-testid="ready-top">
                  {h.readiness.top.total === 0
                    ? 'no scored issue to check'
                    : `${pct(h.readiness.top.share)} (${h.readiness.top.ready} of ${h.readiness.top.total})`}
                </dd>
              </div>
              <div>
                <dt>Backlog ready</dt>
                <dd data-testid="ready-all">
                  {pct(h.readiness.all.share)} ({h.readiness.all.ready} of {h.readiness.all.total})
                </dd>
              </div>
            </dl>
          )}
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
      {h.questions && (
        <Section title="Waiting for the PO">
          {h.questions.open === 0 ? (
            <p className="vr-gadget__empty">
              No open questions for the PO in this backlog. The team asks from an issue&apos;s acceptance
              criteria panel (“Ask the PO”).
            </p>
          ) : (
            <>
              <dl className="vr-gadget__stats">
                <div>
                  <dt>Open questions</dt>
                  <dd data-testid="questions-open">
                    {h.questions.open} on {issues(h.questions.issues)}
                  </dd>
                </div>
                <div>
                  <dt>Oldest</dt>
                  <dd data-testid="questions-oldest">
                    {h.questions.oldestDays === null
                      ? '—'
                      : h.questions.oldestDays === 0
                        ? 'asked today'
                        : `${h.questions.oldestDays} day${h.questions.oldestDays === 1 ? '' : 's'}`}
                  </dd>
                </div>
                <div>
                  <dt>On the top {h.questions.topN} by value</dt>
                  <dd data-testid="questions-top">{h.questions.onTop}</dd>
                </div>
              </dl>
              <Table
                caption="Issues waiting for an answer from the PO"
                hideCaption
                rows={h.questions.list}
                rowKey={(r) => r.key}
                columns={[
                  {
                    key: 'key',
                    header: 'Issue',
                    cell: (r) => <IssueLink issueKey={r.key} />,
                    rowHeader: true,
                  },
                  { key: 'summary', header: 'Summary', cell: (r) => <UserText>{r.summary}</UserText> },
                  { key: 'open', header: 'Open', cell: (r) => r.open, align: 'end' },
                  {
                    key: 'age',
                    header: 'Waiting',
                    cell: (r) => (r.ageDays === null ? '—' : `${r.ageDays} d`),
                    align: 'end',
                  },
                  {
                    key: 'position',
                    header: 'Value rank',
                    cell: (r) => (r.position === null ? 'unscored' : r.position),
                    align: 'end',
                  },
                ]}
              />
            </>
          )}
          {h.questions.elsewhere && h.questions.elsewhere.open > 0 ? (
            <p className="vr-muted" data-testid="questions-elsewhere">
              {h.questions.open === 0 ? '' : 'Also '}
              {h.questions.elsewhere.open} open {h.questions.elsewhere.open === 1 ? 'question' : 'questions'}{' '}
              on {issues(h.questions.elsewhere.issues)} of {h.board.projectKey} outside this backlog (in
              sprints or on other boards): the project page&apos;s Questions tab lists them all.
            </p>
          ) : null}
        </Section>
      )}
      {h.quadrants && (
        <Section title="Value vs effort">
          {h.quadrants.plotted === 0 ? (
            <p className="vr-gadget__empty">
              {empty(
                'No issue has both a score and an estimate, so there is nothing to place. Estimate the scored issues (story points) to see them here.',
              )}
            </p>
          ) : (
            <QuadrantChart report={h.quadrants} />
          )}
        </Section>
      )}
      {h.order && (
        <Section title="Order health">
          {noneScored ? (
            <p className="vr-gadget__empty">
              {empty('The order cannot be compared with value while no issue is scored.')}
            </p>
          ) : (
            <>
              <p className="vr-gadget__order">
                The order follows value for{' '}
                <strong data-testid="order-overlap">
                  {h.order.topOverlap === null ? '—' : pct(h.order.topOverlap)}
                </strong>{' '}
                of the top {h.order.topSize} issues: that many of the {h.order.topSize} with the highest value
                are in the backlog&apos;s top {h.order.topSize} now.
              </p>
              <p className="vr-gadget__order">
                Over the whole backlog, order and value agree{' '}
                <span title={`Spearman rank correlation: ${corr(h.order.spearman)}`}>
                  {agreement(h.order.spearman)}
                </span>
                .{' '}
                {h.order.reorder.moved === 0
                  ? 'Every scored issue is in its value place.'
                  : `Reordering by value would move ${issues(h.order.reorder.moved)}.`}
              </p>
            </>
          )}
        </Section>
      )}
      {h.agenda && (
        <Section title="Refinement agenda">
          {h.agenda.length === 0 ? (
            <p className="vr-gadget__empty">
              {noneScored
                ? empty('Nothing to put on the agenda: it lists the highest-value issues that are not ready.')
                : h.scoring && h.scoring.scored < h.scoring.total
                  ? `Every scored issue is ready. ${issues(h.scoring.total - h.scoring.scored)} without a score are not on the agenda.`
                  : 'Every issue in the backlog is ready.'}
            </p>
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
                  cell: (r) =>
                    r.openQuestions > 0
                      ? `Answer ${r.openQuestions === 1 ? 'the open question' : `${r.openQuestions} open questions`} for the PO`
                      : (r.finding?.message ?? 'Not checked yet'),
                },
              ]}
            />
          )}
        </Section>
      )}
      {h.trend && (
        <Section title="Trend">
          {h.trend.length === 0 ? (
            <p className="vr-gadget__empty">
              No daily snapshot yet: one is taken each day this gadget is shown by someone who may rank the
              project&apos;s issues.
            </p>
          ) : (
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
          )}
        </Section>
      )}
      {h.goals !== undefined && (
        <Section title="Goal coverage">
          {h.goals === null ? (
            <p className="vr-gadget__empty">
              This project has no product vision yet, so there are no goals to cover. Write one in ValueRank →
              Vision, with goals, and tag issues with them.
            </p>
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
