/**
 * "Try it": the findings the unsaved rules give on a pasted text (`readiness.rules.try`), read as an
 * issue description, one criterion or a user story. The text is shown with its flagged words marked,
 * built from slices (never as HTML).
 */
import { useId, useState, type FormEvent } from 'react';
import { call, type Answers } from '../../bridge';
import { Badge, Button, ErrorMessage } from '../../components';
import { Highlighted } from '../criteria/Highlighted';
import { FindingList } from '../criteria/FindingList';
import type { Finding } from '../criteria/labels';
import type { Config } from './rules';
import '../criteria/criteria.css';

type TryView = Answers['readiness.rules.try'];
type As = 'issue' | 'criterion' | 'story';

const MAX_TEXT = 20_000;

const READ_AS: ReadonlyArray<{ value: As; label: string }> = [
  { value: 'issue', label: 'An issue description' },
  { value: 'criterion', label: 'One acceptance criterion' },
  { value: 'story', label: 'A user story' },
];

export function TryRules({ projectKey, config }: { projectKey: string; config: () => Config }) {
  const id = useId();
  const [text, setText] = useState('');
  const [as, setAs] = useState<As>('criterion');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ view: TryView; as: As } | undefined>();
  const [error, setError] = useState<unknown>(undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || text.trim() === '') return;
    setBusy(true);
    setError(undefined);
    call('readiness.rules.try', { projectKey, config: config(), text, as }).then(
      (view) => {
        setBusy(false);
        setResult({ view, as });
      },
      (e: unknown) => {
        setBusy(false);
        setResult(undefined);
        setError(e);
      },
    );
  };

  const view = result?.view;
  const findings = (view?.findings ?? []).map((f, index) => ({
    finding: { ...f, suggestion: '' } as Finding,
    index,
  }));
  const onText = (i: number) =>
    findings.filter(({ finding }) => (finding.criterion ?? 0) === i && finding.start !== undefined);
  const general = findings.filter(({ finding }) => finding.start === undefined);

  return (
    <form className="vr-readiness__try" onSubmit={submit} aria-label="Try the rules" noValidate>
      <p className="vr-muted">
        Paste a text to see the findings these rules give, saved or not. Nothing is stored.
      </p>
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-text`}>
          Sample text
        </label>
        <textarea
          id={`${id}-text`}
          className="vr-textarea vr-readiness__textarea"
          rows={6}
          maxLength={MAX_TEXT}
          value={text}
          placeholder={'Acceptance criteria\n- The page loads quickly\n- Export to CSV, JSON, etc.'}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="vr-readiness__inline">
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={`${id}-as`}>
            Read it as
          </label>
          <select
            id={`${id}-as`}
            className="vr-select"
            value={as}
            onChange={(e) => setAs(e.target.value as As)}
          >
            {READ_AS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={busy || text.trim() === ''}>
          {busy ? 'Trying…' : 'Try these rules'}
        </Button>
      </div>
      {error ? <ErrorMessage title="The rules could not be tried." error={error} /> : null}
      {view ? (
        <div className="vr-readiness__result" role="region" aria-label="Findings on the sample">
          <p>
            <Badge tone={view.ready ? 'success' : 'danger'}>{view.ready ? 'Ready' : 'Not ready'}</Badge>{' '}
            <span className="vr-muted">
              Quality {view.score}/100 ·{' '}
              {view.findings.length === 0
                ? 'no findings'
                : `${view.findings.length} finding${view.findings.length === 1 ? '' : 's'}`}
              {result?.as === 'issue' ? ` · ${view.texts.length} criteria found` : ''}
            </span>
          </p>
          {view.texts.length > 0 ? (
            <ol className="vr-readiness__texts">
              {view.texts.map((t, i) => (
                <li key={i}>
                  <Highlighted text={t} findings={onText(i)} />
                </li>
              ))}
            </ol>
          ) : null}
          <FindingList findings={findings.map(({ finding }) => finding)} label="Findings" />
          {general.length === 0 && findings.length === 0 ? (
            <p className="vr-success">These rules find nothing to flag in this text.</p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
