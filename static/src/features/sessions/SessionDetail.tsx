/**
 * One value session as the caller may see it (the server applies the reveal rule): a participant rates
 * blind (their own ratings only; skip; a short reason); the PO follows who has rated and reveals; after the
 * reveal every rating with its reason, the median, the spread and the disagreement flag, sorted by
 * disagreement; the PO decides (medians pre-filled) and commits after a confirmation naming every change.
 */
import { useState } from 'react';
import { call, type Answers } from '../../bridge';
import {
  Badge,
  Banner,
  Button,
  Dialog,
  ErrorMessage,
  IssueLink,
  issueColumn,
  Section,
  Spinner,
  Table,
  UserText,
  type Column,
} from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { shown, STATE_LABEL, STATE_TONE, when } from './labels';

type View = Answers['sessions.get'];
type SummaryRow = NonNullable<View['summary']>[number];
/** A rating being edited: '' not rated yet, 'skip', or a scale value. */
type Draft = Record<string, { value: string; reason: string }>;

const cell = (issueKey: string, input: string) => `${issueKey}|${input}`;

/** The first column of the rating and decision tables: the issue's key and summary. */
const issueSummaryColumn: Column<View['issues'][number]> = {
  key: 'issue',
  header: 'Issue',
  rowHeader: true,
  cell: (i) => (
    <>
      <IssueLink issueKey={i.key} /> <UserText>{i.summary}</UserText>
    </>
  ),
};

function draftOf(view: View): Draft {
  const out: Draft = {};
  for (const r of view.own)
    out[cell(r.issueKey, r.input)] = {
      value: r.value === null ? 'skip' : String(r.value),
      reason: r.reason ?? '',
    };
  return out;
}

function RatingForm({ view, onSaved }: { view: View; onSaved: (v: View) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const set = (key: string, patch: Partial<{ value: string; reason: string }>) => {
    setSaved(false);
    setDraft({ ...draft, [key]: { value: '', reason: '', ...draft[key], ...patch } });
  };
  const save = () => {
    const ratings = Object.entries(draft)
      .filter(([, d]) => d.value !== '')
      .map(([key, d]) => {
        const [issueKey, input] = key.split('|') as [string, string];
        return {
          issueKey,
          input,
          value: d.value === 'skip' ? null : Number(d.value),
          ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
        };
      });
    if (ratings.length === 0) return;
    setBusy(true);
    setError(null);
    call('sessions.rate', { sessionId: view.id, ratings }).then(
      (v) => {
        setBusy(false);
        setSaved(true);
        onSaved(v);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <Section title="Your ratings">
      <p className="vr-muted">
        Only you see your ratings until the Product Owner reveals them. Skip what you cannot judge; a short
        reason helps the discussion.
      </p>
      <Table<View['issues'][number]>
        caption={`Rate ${view.issues.length} issues`}
        hideCaption
        rows={view.issues}
        rowKey={(i) => i.key}
        columns={[
          issueSummaryColumn,
          ...view.inputs.map((input) => ({
            key: input.name,
            header: input.label,
            cell: (i: View['issues'][number]) => {
              const key = cell(i.key, input.name);
              const d = draft[key] ?? { value: '', reason: '' };
              return (
                <div className="vr-sessions__rate">
                  <select
                    className="vr-select"
                    aria-label={`${input.label} of ${i.key}`}
                    value={d.value}
                    onChange={(e) => set(key, { value: e.target.value })}
                  >
                    <option value="">Not rated</option>
                    {view.scaleValues.map((v) => (
                      <option key={v} value={String(v)}>
                        {v}
                      </option>
                    ))}
                    <option value="skip">Skip</option>
                  </select>
                  <input
                    className="vr-input"
                    aria-label={`Reason for ${input.label} of ${i.key}`}
                    placeholder="Reason (optional)"
                    maxLength={280}
                    value={d.reason}
                    onChange={(e) => set(key, { reason: e.target.value })}
                  />
                </div>
              );
            },
          })),
        ]}
      />
      {error ? <ErrorMessage title="Your ratings were not saved." error={error} /> : null}
      <div className="vr-actions">
        <Button appearance="primary" onClick={save} disabled={busy}>
          {busy ? 'Saving…' : 'Save my ratings'}
        </Button>
        {saved ? (
          <span role="status" className="vr-muted">
            Saved: {view.own.length} of {view.issues.length * view.inputs.length} rated or skipped.
          </span>
        ) : null}
      </div>
    </Section>
  );
}

function Summary({ view }: { view: View }) {
  const label = (name: string) => view.inputs.find((i) => i.name === name)?.label ?? name;
  const [more, setMore] = useState<SummaryRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rows = [...(view.summary ?? []), ...more];
  const flagged = view.flagged;
  const loadMore = () => {
    setLoading(true);
    setError(null);
    call('sessions.get', { sessionId: view.id, from: view.summaryFrom + rows.length }).then(
      (next) => {
        setLoading(false);
        setMore([...more, ...(next.summary ?? [])]);
      },
      (e: unknown) => {
        setLoading(false);
        setError(e);
      },
    );
  };
  return (
    <Section title="Ratings">
      <p className="vr-muted" role="status">
        {flagged === 0
          ? 'Nobody disagrees strongly.'
          : `People disagree strongly on ${flagged} ${flagged === 1 ? 'rating' : 'ratings'}: they come first.`}{' '}
        {view.scale === 'fibonacci'
          ? 'Strong disagreement: the highest rating is at least 3 times the lowest.'
          : 'Strong disagreement: the highest and the lowest rating are at least 5 apart.'}
      </p>
      <Table<SummaryRow>
        caption="Ratings per issue and input, strongest disagreement first"
        rows={rows}
        rowKey={(r) => cell(r.issueKey, r.input)}
        rowClassName={(r) => (r.disagreement ? 'vr-sessions__disagree' : undefined)}
        columns={[
          issueColumn((r: SummaryRow) => r.issueKey),
          { key: 'input', header: 'Input', cell: (r) => label(r.input) },
          {
            key: 'ratings',
            header: 'Ratings',
            cell: (r) =>
              r.ratings.length === 0 ? (
                <span className="vr-muted">No ratings</span>
              ) : (
                <ul className="vr-sessions__ratings">
                  {r.ratings.map((x) => (
                    <li key={x.by.accountId}>
                      <UserText>{x.by.displayName}</UserText>:{' '}
                      <strong>{x.value === null ? 'skipped' : x.value}</strong>
                      {x.reason ? (
                        <>
                          {' '}
                          — <UserText className="vr-sessions__reason">{x.reason}</UserText>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ),
          },
          { key: 'median', header: 'Median', align: 'end', cell: (r) => shown(r.median) },
          {
            key: 'spread',
            header: 'Spread',
            align: 'end',
            cell: (r) => (r.spread === null ? '—' : `${shown(r.min)}–${shown(r.max)}`),
          },
          {
            key: 'flag',
            header: 'Agreement',
            cell: (r) =>
              r.disagreement ? (
                <Badge tone="danger">Disagree</Badge>
              ) : r.count < 2 ? (
                <span className="vr-muted">Too few</span>
              ) : (
                <Badge tone="success">Agree</Badge>
              ),
          },
        ]}
      />
      {rows.length < view.summaryTotal ? (
        <div className="vr-actions">
          <Button onClick={loadMore} disabled={loading}>
            {loading ? 'Loading…' : `Show more ratings (${rows.length} of ${view.summaryTotal})`}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorMessage title="ValueRank could not load more ratings." error={error} /> : null}
    </Section>
  );
}

type Decisions = Record<string, { values: Record<string, string>; note: string }>;

function decisionsOf(view: View): Decisions {
  const out: Decisions = {};
  for (const d of view.decisions)
    out[d.issueKey] = {
      values: Object.fromEntries(Object.entries(d.values).map(([k, v]) => [k, v === null ? '' : String(v)])),
      note: d.note ?? '',
    };
  return out;
}

function Decide({ view, onCommitted }: { view: View; onCommitted: (v: View, written: number) => void }) {
  const [decisions, setDecisions] = useState<Decisions>(() => decisionsOf(view));
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editable = view.you.canCommit;
  const current = view.current ?? {};
  const changes = view.issues.flatMap((i) =>
    view.inputs.flatMap((input) => {
      const raw = decisions[i.key]?.values[input.name] ?? '';
      const to = raw === '' ? null : Number(raw);
      const from = current[i.key]?.[input.name] ?? null;
      return to === null || Number.isNaN(to) || to === from ? [] : [{ issueKey: i.key, input, from, to }];
    }),
  );
  const invalid = view.issues.some((i) =>
    view.inputs.some((input) => {
      const raw = decisions[i.key]?.values[input.name] ?? '';
      return raw !== '' && (Number.isNaN(Number(raw)) || Number(raw) < 0);
    }),
  );
  const set = (issueKey: string, patch: { input?: string; value?: string; note?: string }) => {
    const d = decisions[issueKey] ?? { values: {}, note: '' };
    setDecisions({
      ...decisions,
      [issueKey]: {
        values: patch.input !== undefined ? { ...d.values, [patch.input]: patch.value ?? '' } : d.values,
        note: patch.note ?? d.note,
      },
    });
  };
  const commit = () => {
    setBusy(true);
    setError(null);
    call('sessions.commit', {
      sessionId: view.id,
      decisions: view.issues.map((i) => {
        const d = decisions[i.key] ?? { values: {}, note: '' };
        return {
          issueKey: i.key,
          values: Object.fromEntries(
            view.inputs.map((input) => {
              const raw = d.values[input.name] ?? '';
              return [input.name, raw === '' ? null : Number(raw)];
            }),
          ),
          ...(d.note.trim() ? { note: d.note.trim() } : {}),
        };
      }),
    }).then(
      (answer) => {
        setBusy(false);
        setConfirm(false);
        onCommitted(answer.session, answer.written);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return (
    <Section title={view.state === 'revealed' ? 'Decide' : 'Decisions'}>
      {editable ? (
        <p className="vr-muted">Each decision starts at the median. Empty leaves the field as it is.</p>
      ) : null}
      <Table<View['issues'][number]>
        caption="Decision per issue"
        hideCaption
        rows={view.issues}
        rowKey={(i) => i.key}
        columns={[
          issueSummaryColumn,
          ...view.inputs.map((input) => ({
            key: input.name,
            header: input.label,
            cell: (i: View['issues'][number]) => {
              const raw = decisions[i.key]?.values[input.name] ?? '';
              const now = current[i.key]?.[input.name];
              return editable ? (
                <div className="vr-sessions__decide">
                  <input
                    className="vr-input vr-sessions__number"
                    type="number"
                    min={0}
                    aria-label={`Decision for ${input.label} of ${i.key}`}
                    value={raw}
                    onChange={(e) => set(i.key, { input: input.name, value: e.target.value })}
                  />
                  <span className="vr-muted">now {shown(now)}</span>
                </div>
              ) : (
                shown(raw === '' ? null : Number(raw))
              );
            },
          })),
          {
            key: 'note',
            header: 'Note',
            cell: (i) =>
              editable ? (
                <input
                  className="vr-input"
                  maxLength={280}
                  aria-label={`Note on ${i.key}`}
                  value={decisions[i.key]?.note ?? ''}
                  onChange={(e) => set(i.key, { note: e.target.value })}
                />
              ) : (
                <UserText>{decisions[i.key]?.note ?? ''}</UserText>
              ),
          },
        ]}
      />
      {editable ? (
        <div className="vr-actions">
          <Button appearance="primary" disabled={invalid} onClick={() => setConfirm(true)}>
            Commit…
          </Button>
          {invalid ? (
            <span className="vr-field__error">A decision must be a number of at least 0.</span>
          ) : null}
        </div>
      ) : view.you.isPo && view.state === 'revealed' ? (
        <p className="vr-muted">Committing writes the fields as you: you need the Edit Issues permission.</p>
      ) : null}
      {confirm ? (
        <Dialog title="Commit the decisions?" onClose={() => setConfirm(false)}>
          {changes.length === 0 ? (
            <p>No field changes: the session is recorded as committed on its issues.</p>
          ) : (
            <>
              <p>
                ValueRank writes {changes.length} {changes.length === 1 ? 'value' : 'values'} on{' '}
                {new Set(changes.map((c) => c.issueKey)).size} issues, as you, all or nothing:
              </p>
              <ul className="vr-sessions__changes" aria-label="What will change">
                {changes.map((c) => (
                  <li key={cell(c.issueKey, c.input.name)}>
                    {c.issueKey} {c.input.label}
                    {c.input.fieldName !== c.input.label ? (
                      <>
                        {' '}
                        (<UserText>{c.input.fieldName}</UserText>)
                      </>
                    ) : null}
                    : {shown(c.from)} → {c.to}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="vr-muted">
            Each issue keeps the ratings, your decision and note in its score history.
          </p>
          {error ? <ErrorMessage title="Nothing was committed." error={error} /> : null}
          <div className="vr-actions">
            <Button appearance="primary" onClick={commit} disabled={busy}>
              {busy ? 'Committing…' : 'Commit'}
            </Button>
            <Button onClick={() => setConfirm(false)}>Cancel</Button>
          </div>
        </Dialog>
      ) : null}
    </Section>
  );
}

export function SessionDetail({ sessionId, onBack }: { sessionId: string; onBack: () => void }) {
  const [state, reload] = useAsync(() => call('sessions.get', { sessionId }), [sessionId]);
  const [override, setOverride] = useState<View | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (state.status === 'loading') return <Spinner label="Loading the session…" />;
  if (state.status === 'error')
    return (
      <>
        <Button onClick={onBack}>← All sessions</Button>
        <ErrorMessage title="ValueRank could not load the session." error={state.error} onRetry={reload} />
      </>
    );
  const view = override ?? state.data;
  const act = (what: 'reveal' | 'close', done: string) => {
    setBusy(true);
    setError(null);
    const asked =
      what === 'reveal'
        ? call('sessions.reveal', { sessionId: view.id })
        : call('sessions.close', { sessionId: view.id });
    asked.then(
      (v) => {
        setBusy(false);
        setOverride(v);
        setNotice(done);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const rated = view.participants.filter((p) => p.rated !== undefined);
  return (
    <div className="vr-sessions">
      <div className="vr-actions">
        <Button onClick={onBack}>← All sessions</Button>
      </div>
      <Section
        title={
          <>
            <UserText>{view.title}</UserText>{' '}
            <Badge tone={STATE_TONE[view.state]}>{STATE_LABEL[view.state]}</Badge>
          </>
        }
        actions={
          view.you.isPo ? (
            <div className="vr-actions">
              {view.state === 'open' ? (
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => act('reveal', 'The ratings are revealed.')}
                >
                  Reveal ratings
                </Button>
              ) : null}
              {view.state !== 'closed' ? (
                <Button
                  disabled={busy}
                  onClick={() => act('close', 'The session is closed; its record is kept.')}
                >
                  Close session
                </Button>
              ) : null}
            </div>
          ) : null
        }
      >
        <p className="vr-muted">
          {view.issues.length} issues, {view.inputs.map((i) => i.label).join(', ')}, scale{' '}
          {view.scaleValues.join(', ')}. Started by <UserText>{view.createdBy.displayName}</UserText>{' '}
          {when(view.createdAt)}
          {view.committedAt && view.committedBy ? (
            <>
              ; committed by <UserText>{view.committedBy.displayName}</UserText> {when(view.committedAt)}
            </>
          ) : null}
          .
        </p>
        {notice ? <Banner tone="success" title={notice} /> : null}
        {error ? <ErrorMessage title="That did not work." error={error} /> : null}
        {rated.length > 0 && !view.revealed ? (
          <ul className="vr-sessions__progress" aria-label="Who has rated">
            {rated.map((p) => (
              <li key={p.accountId}>
                <UserText>{p.displayName}</UserText>: {p.rated} of {p.of} rated
                {p.skipped ? `, ${p.skipped} skipped` : ''}
                {p.weight !== 1 ? ` (weight ${p.weight})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="vr-muted">
            Participants:{' '}
            {view.participants.map((p, i) => (
              <span key={p.accountId}>
                {i > 0 ? ', ' : ''}
                <UserText>{p.displayName}</UserText>
                {p.weight !== 1 ? ` (weight ${p.weight})` : ''}
              </span>
            ))}
          </p>
        )}
      </Section>
      {view.you.canRate ? <RatingForm view={view} onSaved={setOverride} /> : null}
      {!view.revealed && !view.you.canRate && view.you.isParticipant ? (
        <p className="vr-muted">This session no longer takes ratings.</p>
      ) : null}
      {view.revealed ? <Summary view={view} /> : null}
      {view.revealed && (view.you.isPo || view.state !== 'revealed') && view.decisions.length > 0 ? (
        <Decide
          key={`${view.state}-${view.committedAt ?? ''}`}
          view={view}
          onCommitted={(v, written) => {
            setOverride(v);
            setNotice(`Committed: ${written} ${written === 1 ? 'issue' : 'issues'} written in Jira.`);
          }}
        />
      ) : null}
    </div>
  );
}
