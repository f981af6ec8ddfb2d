/**
 * Every saved version with who saved it and when; any two compared side by side (the core's diffBoards);
 * an old version restored as a new one (project admins).
 */
import { useState } from 'react';
import { call, type Answers } from '../../bridge';
import { Badge, Button, ErrorMessage, isolate, Section, Spinner, UserText } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { diffBoards, type FieldChange } from '../../../../src/core/vision/diff';
import { PublishNote, publishProblem } from './PublishNote';
import { readableError, when } from './shared';

type Version = Answers['vision.history']['versions'][number];

const TONE: Record<FieldChange, 'neutral' | 'success' | 'danger' | 'information'> = {
  same: 'neutral',
  added: 'success',
  removed: 'danger',
  changed: 'information',
};

function Compare({ older, newer }: { older: Version; newer: Version }) {
  const diff = diffBoards(older.board, newer.board);
  const goalLine = (g: Version['board']['goals'][number] | undefined) =>
    g
      ? `${isolate(g.name)} — ${g.target ? isolate(g.target) : 'no target'} · ${g.status} · weight ${g.weight}`
      : '—';
  return (
    <div
      className="vr-compare"
      role="region"
      aria-label={`Version ${older.version} compared with version ${newer.version}`}
    >
      <table className="vr-table vr-compare__table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Version {older.version}</th>
            <th scope="col">Version {newer.version}</th>
          </tr>
        </thead>
        <tbody>
          {diff.fields.map((f) => (
            <tr key={f.field} className={`vr-compare__row vr-compare__row--${f.change}`}>
              <th scope="row">
                {f.label} <Badge tone={TONE[f.change]}>{f.change}</Badge>
              </th>
              <td className="vr-vision__text">{f.before || '—'}</td>
              <td className="vr-vision__text">{f.after || '—'}</td>
            </tr>
          ))}
          {diff.goals.map((g) => (
            <tr key={g.id} className={`vr-compare__row vr-compare__row--${g.change}`}>
              <th scope="row">
                Goal <Badge tone={TONE[g.change]}>{g.change}</Badge>
                {g.attributes.length ? <span className="vr-muted"> ({g.attributes.join(', ')})</span> : null}
              </th>
              <td>{goalLine(g.before)}</td>
              <td>{goalLine(g.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!diff.changed ? <p className="vr-muted">The two versions are the same.</p> : null}
      {diff.goalOrderChanged ? <p className="vr-muted">The goals are in a different order.</p> : null}
    </div>
  );
}

export function HistoryPanel({
  projectKey,
  canEdit,
  currentVersion,
  round,
  onRestored,
}: {
  projectKey: string;
  canEdit: boolean;
  currentVersion: number;
  round: number;
  onRestored: () => void;
}) {
  const [state, reload] = useAsync(() => call('vision.history', { projectKey }), [projectKey, round]);
  const [left, setLeft] = useState<number | undefined>(undefined);
  const [right, setRight] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [unpublished, setUnpublished] = useState<string | undefined>(undefined);
  /** Older pages loaded with "Show older versions" (the first page comes with the panel). */
  const [older, setOlder] = useState<{ round: number; versions: Version[]; nextBefore: number | null }>();
  const [loadingOlder, setLoadingOlder] = useState(false);

  const restore = async (version: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await call('vision.restore', { projectKey, version, expectedVersion: currentVersion });
      setUnpublished(publishProblem(answer));
      onRestored();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading')
    return (
      <Section title="History">
        <Spinner label="Loading the history…" />
      </Section>
    );
  if (state.status === 'error')
    return (
      <Section title="History">
        <ErrorMessage title="The history could not be loaded." error={state.error} onRetry={reload} />
      </Section>
    );
  const extra = older?.round === round ? older : undefined;
  const versions = [...state.data.versions, ...(extra?.versions ?? [])];
  const nextBefore = extra ? extra.nextBefore : state.data.nextBefore;
  const showOlder = () => {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    call('vision.history', { projectKey, before: nextBefore }).then(
      (page) => {
        setLoadingOlder(false);
        setOlder({
          round,
          versions: [...(extra?.versions ?? []), ...page.versions],
          nextBefore: page.nextBefore,
        });
      },
      (e: unknown) => {
        setLoadingOlder(false);
        setError(e);
      },
    );
  };
  if (versions.length === 0)
    return (
      <Section title="History">
        <p className="vr-muted">No saved versions yet.</p>
      </Section>
    );
  const a = versions.find((v) => v.version === (left ?? versions[1]?.version ?? versions[0]?.version));
  const b = versions.find((v) => v.version === (right ?? versions[0]?.version));
  const picker = (label: string, value: number | undefined, set: (n: number) => void) => (
    <label className="vr-field">
      <span className="vr-field__label">{label}</span>
      <select className="vr-select" value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version} · <UserText>{v.savedByName}</UserText>
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Section title="History">
      <table className="vr-table" aria-label="Versions of the vision">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved by</th>
            <th scope="col">When</th>
            <th scope="col">
              <span className="vr-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                {v.version}
                {v.version === currentVersion ? (
                  <>
                    {' '}
                    <Badge tone="success">current</Badge>
                  </>
                ) : null}
                {v.restoredFrom ? <span className="vr-muted"> (restores {v.restoredFrom})</span> : null}
              </td>
              <td>
                <UserText>{v.savedByName}</UserText>
              </td>
              <td>{when(v.savedAt)}</td>
              <td>
                {canEdit && v.version !== currentVersion ? (
                  <Button disabled={busy} onClick={() => void restore(v.version)}>
                    Restore<span className="vr-sr-only"> version {v.version}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBefore !== null ? (
        <Button disabled={loadingOlder} onClick={showOlder}>
          {loadingOlder ? 'Loading…' : 'Show older versions'}
        </Button>
      ) : null}
      <p className="vr-muted">{state.data.kept}</p>
      {error ? <ErrorMessage title="The version was not restored." error={readableError(error)} /> : null}
      <PublishNote problem={unpublished} />
      {versions.length > 1 && a && b ? (
        <>
          <h3 className="vr-vision__label">Compare two versions</h3>
          <div className="vr-toolbar">
            {picker('From', a.version, setLeft)}
            {picker('To', b.version, setRight)}
          </div>
          <Compare older={a} newer={b} />
        </>
      ) : null}
    </Section>
  );
}
