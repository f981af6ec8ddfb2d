/**
 * Starting a value session (the PO): a title, the issues (the top of the backlog, the top issues without a
 * value yet, or keys), the inputs of the project's model to estimate, the scale, and the people to invite,
 * picked among the users who can browse the project, each with an optional stakeholder weight.
 */
import { useId, useState, type FormEvent } from 'react';
import { call, type Answers, type Payload } from '../../bridge';
import { Button, ErrorMessage, Section, Spinner, UserText } from '../../components';
import { useAsync } from '../../hooks/useAsync';

type Person = Answers['sessions.users']['users'][number];
type Issues = Payload<'sessions.start'>['issues'];

function UserPicker({
  projectKey,
  chosen,
  onAdd,
}: {
  projectKey: string;
  chosen: readonly Person[];
  onAdd: (p: Person) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = () => {
    if (query.trim() === '') return;
    setError(null);
    call('sessions.users', { projectKey, query: query.trim() }).then(
      (a) => setFound(a.users),
      (e: unknown) => setError(e),
    );
  };
  const left = (found ?? []).filter((u) => !chosen.some((c) => c.accountId === u.accountId));
  return (
    <div className="vr-field">
      <label className="vr-field__label" htmlFor={id}>
        Find people who can browse {projectKey}
      </label>
      <div className="vr-sessions__picker">
        <input
          id={id}
          className="vr-input"
          value={query}
          placeholder="Start of a name"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              search();
            }
          }}
        />
        <Button onClick={search}>Search</Button>
      </div>
      {error ? <ErrorMessage title="ValueRank could not search for people." error={error} /> : null}
      {found !== null ? (
        left.length === 0 ? (
          <p className="vr-muted" role="status">
            Nobody else found.
          </p>
        ) : (
          <ul className="vr-sessions__found" aria-label="People found">
            {left.map((u) => (
              <li key={u.accountId}>
                <Button onClick={() => onAdd(u)} aria-label={`Invite ${u.displayName}`}>
                  + <UserText>{u.displayName}</UserText>
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

export function StartForm({
  projectKey,
  initialKeys,
  onCancel,
  onStarted,
}: {
  projectKey: string;
  /** The issues to estimate, chosen in the Prioritize grid. */
  initialKeys?: readonly string[];
  onCancel: () => void;
  onStarted: (sessionId: string) => void;
}) {
  const ids = { title: useId(), which: useId(), count: useId(), keys: useId() };
  const [options, reload] = useAsync(() => call('sessions.options', { projectKey }), [projectKey]);
  const [title, setTitle] = useState('');
  const [which, setWhich] = useState<'top' | 'unscored' | 'keys'>(initialKeys ? 'keys' : 'unscored');
  const [count, setCount] = useState(30);
  const [keys, setKeys] = useState(initialKeys ? initialKeys.join(', ') : '');
  const [inputs, setInputs] = useState<string[] | null>(null);
  const [scale, setScale] = useState<'fibonacci' | 'ten'>('fibonacci');
  const [people, setPeople] = useState<Array<Person & { weight: number }>>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (options.status === 'loading') return <Spinner label="Loading what a session can estimate…" />;
  if (options.status === 'error')
    return (
      <ErrorMessage
        title="ValueRank could not load the session options."
        error={options.error}
        onRetry={reload}
      />
    );
  const o = options.data;
  const chosenInputs = inputs ?? o.defaultInputs;

  const issues = (): Issues =>
    which === 'keys'
      ? {
          kind: 'keys',
          keys: keys
            .split(/[\s,;]+/)
            .map((k) => k.trim().toUpperCase())
            .filter(Boolean),
        }
      : { kind: which, top: count };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const weights = Object.fromEntries(
      people.filter((p) => p.weight !== 1).map((p) => [p.accountId, p.weight]),
    );
    call('sessions.start', {
      projectKey,
      title: title.trim(),
      issues: issues(),
      inputs: chosenInputs,
      scale,
      participants: people.map((p) => p.accountId),
      ...(Object.keys(weights).length > 0 ? { weights } : {}),
    }).then(
      (view) => onStarted(view.id),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  return (
    <Section title="Start a value session">
      <form className="vr-sessions__form" onSubmit={submit} aria-label="Start a value session">
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={ids.title}>
            Title
          </label>
          <input
            id={ids.title}
            className="vr-input"
            value={title}
            maxLength={120}
            required
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>

        <fieldset className="vr-sessions__fieldset">
          <legend>Issues</legend>
          <div className="vr-sessions__row">
            <label className="vr-field__label" htmlFor={ids.which}>
              Which issues
            </label>
            <select
              id={ids.which}
              className="vr-select"
              value={which}
              onChange={(e) => setWhich(e.target.value as typeof which)}
            >
              <option value="unscored">Top issues without a value yet</option>
              <option value="top">Top of the backlog</option>
              <option value="keys">These issue keys</option>
            </select>
            {which === 'keys' ? null : (
              <>
                <label className="vr-field__label" htmlFor={ids.count}>
                  How many
                </label>
                <input
                  id={ids.count}
                  className="vr-input vr-sessions__number"
                  type="number"
                  min={1}
                  max={100}
                  value={count}
                  onChange={(e) => setCount(Math.max(1, Math.min(100, Number(e.target.value) || 1)))}
                />
              </>
            )}
          </div>
          {which === 'keys' ? (
            <div className="vr-field">
              <label className="vr-field__label" htmlFor={ids.keys}>
                Issue keys (at most 100)
              </label>
              <textarea
                id={ids.keys}
                className="vr-textarea"
                rows={2}
                value={keys}
                placeholder={`${projectKey}-1, ${projectKey}-2`}
                onChange={(e) => setKeys(e.target.value)}
              />
            </div>
          ) : null}
        </fieldset>

        <fieldset className="vr-sessions__fieldset">
          <legend>Inputs to estimate</legend>
          {o.inputs.length === 0 ? (
            <p className="vr-muted">The project's model has no input with a Jira field to estimate.</p>
          ) : (
            o.inputs.map((i) => (
              <label key={i.name} className="vr-check">
                <input
                  type="checkbox"
                  checked={chosenInputs.includes(i.name)}
                  onChange={(e) =>
                    setInputs(
                      e.target.checked ? [...chosenInputs, i.name] : chosenInputs.filter((n) => n !== i.name),
                    )
                  }
                />
                {i.label}{' '}
                <span className="vr-muted">
                  (<UserText>{i.fieldName}</UserText>)
                </span>
              </label>
            ))
          )}
          {o.notes.map((n) => (
            <p key={n} className="vr-field__hint">
              {n}
            </p>
          ))}
        </fieldset>

        <fieldset className="vr-sessions__fieldset">
          <legend>Scale</legend>
          {o.scales.map((s) => (
            <label key={s.scale} className="vr-check">
              <input
                type="radio"
                name="scale"
                checked={scale === s.scale}
                onChange={() => setScale(s.scale)}
              />
              {s.label} <span className="vr-muted">({s.values.join(', ')})</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="vr-sessions__fieldset">
          <legend>Participants (at most 20)</legend>
          {people.length > 0 ? (
            <ul className="vr-sessions__people" aria-label="Invited">
              {people.map((p) => (
                <li key={p.accountId}>
                  <UserText>{p.displayName}</UserText>
                  <label className="vr-sessions__weight">
                    Weight
                    <input
                      className="vr-input vr-sessions__number"
                      type="number"
                      min={0.5}
                      max={10}
                      step={0.5}
                      value={p.weight}
                      aria-label={`Weight of ${p.displayName}`}
                      onChange={(e) =>
                        setPeople(
                          people.map((q) =>
                            q.accountId === p.accountId
                              ? { ...q, weight: Math.max(0.5, Math.min(10, Number(e.target.value) || 1)) }
                              : q,
                          ),
                        )
                      }
                    />
                  </label>
                  <Button
                    appearance="subtle"
                    aria-label={`Remove ${p.displayName}`}
                    onClick={() => setPeople(people.filter((q) => q.accountId !== p.accountId))}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="vr-muted">Nobody invited yet.</p>
          )}
          {people.length < 20 ? (
            <UserPicker
              projectKey={projectKey}
              chosen={people}
              onAdd={(p) => setPeople([...people, { ...p, weight: 1 }])}
            />
          ) : null}
        </fieldset>

        {error ? <ErrorMessage title="The session was not started." error={error} /> : null}
        <div className="vr-actions">
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || people.length === 0 || chosenInputs.length === 0 || title.trim() === ''}
          >
            {busy ? 'Starting…' : 'Start the session'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Section>
  );
}
