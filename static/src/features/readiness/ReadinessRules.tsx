/**
 * The Readiness tab of the project page: the project's acceptance-criteria rules (`criteria.config.get`).
 * Everyone who can browse the project sees them; project admins edit the severity of each finding kind,
 * the bounds, section headings, the criteria field, the story settings, the vocabularies, and save
 * (`criteria.config.save`, with the server's field-level errors shown next to the fields) or reset to the
 * defaults (`criteria.config.reset`, after a confirmation). "Try it" shows what the unsaved rules find on a
 * pasted text. User text is only ever rendered as text.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { AppCallError, call } from '../../bridge';
import { Badge, Banner, Button, Dialog, ErrorMessage, Section, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { kindLabel } from '../criteria/labels';
import { SMELL_KINDS } from '../../../../src/core/criteria/types';
import {
  COMPARATIVE_REFERENCE,
  configOf,
  draftOf,
  KIND_EXPLANATION,
  problemsAt,
  RULE_GROUPS,
  sameConfig,
  SEVERITY_SETTINGS,
  SMELL_LABEL,
  type ConfigView,
  type Draft,
  type SeveritySetting,
} from './rules';
import { RecheckPanel } from './RecheckPanel';
import { TryRules } from './TryRules';
import './readiness.css';

const ENTRY_SYNTAX =
  'One entry per line. Words match case-insensitively; word~ also matches -s/-es/-d/-ed/-ing; # is any number; ^entry matches only at the start of a clause; !entry is an exception (!at least #).';

export function ReadinessRules({ projectKey }: { projectKey: string }) {
  const [state, reload] = useAsync(() => call('criteria.config.get', { projectKey }), [projectKey]);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  if (state.status === 'loading') return <Spinner label="Loading the readiness rules…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage title="The readiness rules could not be loaded." error={state.error} onRetry={reload} />
    );
  const view = state.data;
  return (
    <RulesForm
      key={`${view.updatedAt ?? 'defaults'}:${String(view.stored)}`}
      view={view}
      notice={notice}
      onChanged={(message) => {
        setNotice(message);
        reload();
      }}
    />
  );
}

export default ReadinessRules;

/** The server's messages about the given paths, under a field. */
function FieldErrors({ id, details, paths }: { id: string; details: readonly string[]; paths: string[] }) {
  const mine = problemsAt(details, ...paths);
  if (mine.length === 0) return null;
  return (
    <div id={id}>
      {mine.map((d) => (
        <p key={d} className="vr-field__error">
          {d}
        </p>
      ))}
    </div>
  );
}

function savedLine(view: ConfigView): ReactNode {
  if (!view.stored) return <>These are ValueRank's default rules: {view.projectKey} has not changed them.</>;
  if (!view.updatedAt) return <>{view.projectKey} has its own rules.</>;
  const when = new Date(view.updatedAt);
  return (
    <>
      Last saved by {view.updatedByName ?? view.updatedBy} on{' '}
      <time dateTime={view.updatedAt}>
        {Number.isNaN(when.getTime()) ? view.updatedAt : when.toLocaleString()}
      </time>
      .
    </>
  );
}

function RulesForm({
  view,
  notice,
  onChanged,
}: {
  view: ConfigView;
  notice: string | undefined;
  onChanged: (notice: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.config));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [confirmReset, setConfirmReset] = useState(false);
  const [shownNotice, setShownNotice] = useState(notice);

  const readOnly = !view.canEdit;
  const config = configOf(draft);
  const dirty = !sameConfig(config, view.config);
  const details = error instanceof AppCallError && error.code === 'invalid-payload' ? error.details : [];
  const invalid = (...paths: string[]) => problemsAt(details, ...paths).length > 0;
  const describedBy = (name: string, ...paths: string[]) =>
    invalid(...paths) ? `${id}-${name}-errors` : undefined;

  const edit = (change: (d: Draft) => Draft) => {
    setDraft((d) => change(d));
    setShownNotice(undefined);
  };
  const setConfig = (change: (c: Draft['config']) => Draft['config']) =>
    edit((d) => ({ ...d, config: change(d.config) }));
  const setSeverity = (kind: keyof Draft['config']['severity'], value: SeveritySetting) =>
    setConfig((c) => ({ ...c, severity: { ...c.severity, [kind]: value } }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || !dirty || saving) return;
    setSaving(true);
    setError(undefined);
    call('criteria.config.save', { projectKey: view.projectKey, config }).then(
      () => {
        setSaving(false);
        onChanged(
          'Rules saved. New checks use them; re-check all issues below to update the readiness JQL sees.',
        );
      },
      (e: unknown) => {
        setSaving(false);
        setError(e);
      },
    );
  };

  const reset = () => {
    setConfirmReset(false);
    setSaving(true);
    setError(undefined);
    call('criteria.config.reset', { projectKey: view.projectKey }).then(
      () => {
        setSaving(false);
        onChanged('Rules reset to the defaults.');
      },
      (e: unknown) => {
        setSaving(false);
        setError(e);
      },
    );
  };

  const fieldKnown = view.fields.some((f) => f.id === draft.config.criteriaFieldId);

  return (
    <div className="vr-readiness">
      <Section title="Readiness rules">
        <p className="vr-muted">
          How ValueRank checks the acceptance criteria of {view.projectKey}'s issues: in the issue panel, the
          badge, the JQL readiness property and the Definition of Ready. {savedLine(view)}
        </p>
        {readOnly ? (
          <p className="vr-readiness__readonly" role="note">
            Read-only: only administrators of project {view.projectKey} can change these rules.
          </p>
        ) : null}
        {view.problems.length > 0 ? (
          <Banner tone="warning" title="The stored rules are not valid, so the defaults apply.">
            <ul>
              {view.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Banner>
        ) : null}

        <form onSubmit={save} aria-label="Readiness rules" noValidate>
          <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
            <legend className="vr-readiness__legend">Rules and their severity</legend>
            <p className="vr-field__hint">
              Error blocks Ready (and the Definition of Ready); warning and info lower the quality score; off
              turns the rule off.
            </p>
            {RULE_GROUPS.map((group) => (
              <div key={group.id} className="vr-readiness__group" role="group" aria-label={group.title}>
                <h3 className="vr-readiness__heading">{group.title}</h3>
                <ul className="vr-readiness__rules">
                  {group.kinds.map((kind) => {
                    const selectId = `${id}-sev-${kind}`;
                    const changed = draft.config.severity[kind] !== view.defaults.severity[kind];
                    return (
                      <li key={kind} className="vr-readiness__rule">
                        <div>
                          <label className="vr-readiness__rule-name" htmlFor={selectId}>
                            {kindLabel(kind)}
                          </label>{' '}
                          {changed ? <Badge tone="information">changed</Badge> : null}
                          <p className="vr-field__hint" id={`${selectId}-hint`}>
                            {KIND_EXPLANATION[kind]}
                          </p>
                          <FieldErrors
                            id={`${id}-severity.${kind}-errors`}
                            details={details}
                            paths={[`severity.${kind}`]}
                          />
                        </div>
                        <select
                          id={selectId}
                          className={`vr-select vr-readiness__severity vr-readiness__severity--${draft.config.severity[kind]}`}
                          value={draft.config.severity[kind]}
                          aria-describedby={`${selectId}-hint`}
                          aria-invalid={invalid(`severity.${kind}`) || undefined}
                          onChange={(e) => setSeverity(kind, e.target.value as SeveritySetting)}
                        >
                          {SEVERITY_SETTINGS.map((s) => (
                            <option key={s.value} value={s.value}>
                              {s.label}
                            </option>
                          ))}
                        </select>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </fieldset>

          <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
            <legend className="vr-readiness__legend">Finding the criteria</legend>
            <div className="vr-readiness__inline">
              <div className="vr-field">
                <label className="vr-field__label" htmlFor={`${id}-min`}>
                  Minimum criteria
                </label>
                <input
                  id={`${id}-min`}
                  className={`vr-input vr-readiness__number${invalid('bounds.min', 'bounds') ? ' vr-input--invalid' : ''}`}
                  type="number"
                  min={0}
                  max={1000}
                  step={1}
                  value={draft.min}
                  aria-invalid={invalid('bounds.min', 'bounds') || undefined}
                  aria-describedby={describedBy('bounds', 'bounds')}
                  onChange={(e) => {
                    const v = e.target.value;
                    edit((d) => ({ ...d, min: v }));
                  }}
                />
              </div>
              <div className="vr-field">
                <label className="vr-field__label" htmlFor={`${id}-max`}>
                  Maximum criteria
                </label>
                <input
                  id={`${id}-max`}
                  className={`vr-input vr-readiness__number${invalid('bounds.max', 'bounds') ? ' vr-input--invalid' : ''}`}
                  type="number"
                  min={1}
                  max={1000}
                  step={1}
                  value={draft.max}
                  aria-invalid={invalid('bounds.max', 'bounds') || undefined}
                  aria-describedby={describedBy('bounds', 'bounds')}
                  onChange={(e) => {
                    const v = e.target.value;
                    edit((d) => ({ ...d, max: v }));
                  }}
                />
              </div>
            </div>
            <p className="vr-field__hint">
              Top-level criteria an issue should have: fewer flags "too few", more flags "too many".
            </p>
            <FieldErrors id={`${id}-bounds-errors`} details={details} paths={['bounds']} />

            <div className="vr-field">
              <label className="vr-field__label" htmlFor={`${id}-headings`}>
                Extra section headings
              </label>
              <textarea
                id={`${id}-headings`}
                className={`vr-textarea vr-readiness__textarea${invalid('headings') ? ' vr-textarea--invalid' : ''}`}
                rows={3}
                value={draft.headings}
                placeholder={'Conditions of satisfaction\nDone when'}
                aria-invalid={invalid('headings') || undefined}
                aria-describedby={`${id}-headings-hint ${describedBy('headings', 'headings') ?? ''}`.trim()}
                onChange={(e) => {
                  const v = e.target.value;
                  edit((d) => ({ ...d, headings: v }));
                }}
              />
              <p className="vr-field__hint" id={`${id}-headings-hint`}>
                One per line. Titles that open the criteria section besides "Acceptance criteria", "AC",
                "Definition of done", "Success criteria"…
              </p>
              <FieldErrors id={`${id}-headings-errors`} details={details} paths={['headings']} />
            </div>

            <div className="vr-field">
              <label className="vr-field__label" htmlFor={`${id}-field`}>
                Criteria field
              </label>
              <select
                id={`${id}-field`}
                className="vr-select"
                value={draft.config.criteriaFieldId ?? ''}
                aria-invalid={invalid('criteriaFieldId') || undefined}
                aria-describedby={`${id}-field-hint ${describedBy('criteriaFieldId', 'criteriaFieldId') ?? ''}`.trim()}
                onChange={(e) => {
                  const v = e.target.value;
                  setConfig((c) => {
                    const { criteriaFieldId: _old, ...rest } = c;
                    void _old;
                    return v ? { ...rest, criteriaFieldId: v } : rest;
                  });
                }}
              >
                <option value="">None: the description only</option>
                {view.fields.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.id})
                  </option>
                ))}
                {draft.config.criteriaFieldId && !fieldKnown ? (
                  <option value={draft.config.criteriaFieldId}>
                    {draft.config.criteriaFieldId} (not a text field of this site)
                  </option>
                ) : null}
              </select>
              <p className="vr-field__hint" id={`${id}-field-hint`}>
                A text custom field that holds the acceptance criteria; when it has criteria, they are used
                instead of the description's.
              </p>
              <FieldErrors
                id={`${id}-criteriaFieldId-errors`}
                details={details}
                paths={['criteriaFieldId']}
              />
            </div>
          </fieldset>

          <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
            <legend className="vr-readiness__legend">User stories</legend>
            <div className="vr-field">
              <label className="vr-field__label" htmlFor={`${id}-types`}>
                Story issue types
              </label>
              <textarea
                id={`${id}-types`}
                className={`vr-textarea vr-readiness__textarea${invalid('story.issueTypes') ? ' vr-textarea--invalid' : ''}`}
                rows={2}
                value={draft.issueTypes}
                aria-invalid={invalid('story.issueTypes') || undefined}
                aria-describedby={`${id}-types-hint ${describedBy('story.issueTypes', 'story.issueTypes') ?? ''}`.trim()}
                onChange={(e) => {
                  const v = e.target.value;
                  edit((d) => ({ ...d, issueTypes: v }));
                }}
              />
              <p className="vr-field__hint" id={`${id}-types-hint`}>
                One per line: issues of these types are user stories.
              </p>
              <FieldErrors
                id={`${id}-story.issueTypes-errors`}
                details={details}
                paths={['story.issueTypes']}
              />
            </div>
            <label className="vr-check">
              <input
                type="checkbox"
                checked={draft.config.story.requireFormat}
                onChange={(e) => {
                  const v = e.target.checked;
                  setConfig((c) => ({ ...c, story: { ...c.story, requireFormat: v } }));
                }}
              />
              Require story format: a story without "As a … I want …" gets "Story: no role"
            </label>
            <FieldErrors id={`${id}-story-errors`} details={details} paths={['story.requireFormat']} />
          </fieldset>

          <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
            <legend className="vr-readiness__legend">Wording</legend>
            <div className="vr-field">
              <label className="vr-field__label" htmlFor={`${id}-comparative`}>
                Comparative reference
              </label>
              <select
                id={`${id}-comparative`}
                className="vr-select"
                value={draft.config.comparativeReference}
                aria-describedby={describedBy('comparativeReference', 'comparativeReference')}
                onChange={(e) => {
                  const v = e.target.value as Draft['config']['comparativeReference'];
                  setConfig((c) => ({ ...c, comparativeReference: v }));
                }}
              >
                {COMPARATIVE_REFERENCE.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <p className="vr-field__hint">When a comparative such as "faster" is flagged.</p>
              <FieldErrors
                id={`${id}-comparativeReference-errors`}
                details={details}
                paths={['comparativeReference']}
              />
            </div>
            <div className="vr-field">
              <label className="vr-field__label" htmlFor={`${id}-overlap`}>
                Duplicate overlap
              </label>
              <input
                id={`${id}-overlap`}
                className={`vr-input vr-readiness__number${invalid('duplicateOverlap') ? ' vr-input--invalid' : ''}`}
                type="number"
                min={0.5}
                max={1}
                step={0.05}
                value={draft.overlap}
                aria-invalid={invalid('duplicateOverlap') || undefined}
                aria-describedby={`${id}-overlap-hint ${describedBy('duplicateOverlap', 'duplicateOverlap') ?? ''}`.trim()}
                onChange={(e) => {
                  const v = e.target.value;
                  edit((d) => ({ ...d, overlap: v }));
                }}
              />
              <p className="vr-field__hint" id={`${id}-overlap-hint`}>
                From 0.5 to 1: the share of words two criteria must have in common to count as duplicates (1:
                only word for word).
              </p>
              <FieldErrors
                id={`${id}-duplicateOverlap-errors`}
                details={details}
                paths={['duplicateOverlap']}
              />
            </div>
          </fieldset>

          <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
            <legend className="vr-readiness__legend">Vocabulary of the smells</legend>
            <p className="vr-field__hint">{ENTRY_SYNTAX}</p>
            {SMELL_KINDS.map((smell) => {
              const v = draft.vocabulary[smell];
              const count = v.add.trim() || v.remove.trim() ? ' (edited)' : '';
              return (
                <details key={smell} className="vr-readiness__vocab">
                  <summary>
                    {SMELL_LABEL[smell]}
                    {count}
                  </summary>
                  <div className="vr-readiness__inline vr-readiness__inline--top">
                    <div className="vr-field vr-readiness__grow">
                      <label className="vr-field__label" htmlFor={`${id}-${smell}-add`}>
                        {SMELL_LABEL[smell]}: add
                      </label>
                      <textarea
                        id={`${id}-${smell}-add`}
                        className={`vr-textarea vr-readiness__textarea${invalid(`vocabulary.${smell}.add`) ? ' vr-textarea--invalid' : ''}`}
                        rows={4}
                        value={v.add}
                        aria-invalid={invalid(`vocabulary.${smell}.add`) || undefined}
                        onChange={(e) => {
                          const text = e.target.value;
                          edit((d) => ({
                            ...d,
                            vocabulary: { ...d.vocabulary, [smell]: { ...d.vocabulary[smell], add: text } },
                          }));
                        }}
                      />
                      <FieldErrors
                        id={`${id}-${smell}-add-errors`}
                        details={details}
                        paths={[`vocabulary.${smell}.add`]}
                      />
                    </div>
                    <div className="vr-field vr-readiness__grow">
                      <label className="vr-field__label" htmlFor={`${id}-${smell}-remove`}>
                        {SMELL_LABEL[smell]}: remove
                      </label>
                      <textarea
                        id={`${id}-${smell}-remove`}
                        className={`vr-textarea vr-readiness__textarea${invalid(`vocabulary.${smell}.remove`) ? ' vr-textarea--invalid' : ''}`}
                        rows={4}
                        value={v.remove}
                        aria-invalid={invalid(`vocabulary.${smell}.remove`) || undefined}
                        onChange={(e) => {
                          const text = e.target.value;
                          edit((d) => ({
                            ...d,
                            vocabulary: {
                              ...d.vocabulary,
                              [smell]: { ...d.vocabulary[smell], remove: text },
                            },
                          }));
                        }}
                      />
                      <FieldErrors
                        id={`${id}-${smell}-remove-errors`}
                        details={details}
                        paths={[`vocabulary.${smell}.remove`]}
                      />
                    </div>
                  </div>
                  <p className="vr-field__hint">
                    Default entries (remove them exactly as written):{' '}
                    <span className="vr-readiness__defaults">{view.vocabulary[smell].join(', ')}</span>
                  </p>
                </details>
              );
            })}
          </fieldset>

          {readOnly ? null : (
            <div className="vr-actions vr-readiness__savebar">
              <Button type="submit" appearance="primary" disabled={!dirty || saving}>
                {saving ? 'Saving…' : 'Save rules'}
              </Button>
              {dirty ? (
                <>
                  <span className="vr-readiness__dirty" role="status">
                    Unsaved changes
                  </span>
                  <Button
                    onClick={() => {
                      setDraft(draftOf(view.config));
                      setError(undefined);
                    }}
                  >
                    Discard changes
                  </Button>
                </>
              ) : (
                <span className="vr-muted" role="status">
                  No unsaved changes
                </span>
              )}
              {view.stored ? (
                <Button appearance="subtle" disabled={saving} onClick={() => setConfirmReset(true)}>
                  Reset to defaults
                </Button>
              ) : null}
            </div>
          )}
          {shownNotice && !dirty ? (
            <p className="vr-success" role="status">
              {shownNotice}
            </p>
          ) : null}
          {error ? <ErrorMessage title="The rules were not saved." error={error} /> : null}
        </form>
      </Section>

      <RecheckPanel projectKey={view.projectKey} canEdit={view.canEdit} />

      <Section title="Try it">
        <TryRules projectKey={view.projectKey} config={() => configOf(draft)} />
      </Section>

      {confirmReset ? (
        <Dialog title="Reset the rules to the defaults?" onClose={() => setConfirmReset(false)}>
          <p>
            {view.projectKey}'s own rules are deleted and ValueRank's defaults apply to every check from now
            on.
          </p>
          <div className="vr-actions">
            <Button appearance="primary" onClick={reset}>
              Reset to defaults
            </Button>
            <Button onClick={() => setConfirmReset(false)}>Cancel</Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
