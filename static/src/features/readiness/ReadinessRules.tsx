/**
 * The Readiness tab of the project page: the project's acceptance-criteria rules (`readiness.rules.get`).
 * Everyone who can browse the project sees them; project admins edit the severity of each finding kind,
 * the bounds, section headings, the criteria field, the story settings, the vocabularies, and save
 * (`readiness.rules.save`, with the server's field-level errors shown next to the fields) or reset to the
 * defaults (`readiness.rules.reset`, after a confirmation). "Try it" shows what the unsaved rules find on a
 * pasted text. User text is only ever rendered as text.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { AppCallError, call } from '../../bridge';
import { Banner, ErrorMessage, Section, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { CriteriaSettings } from './CriteriaSettings';
import { RecheckPanel } from './RecheckPanel';
import { ResetDialog } from './ResetDialog';
import type { RuleEditing } from './ruleEditing';
import { configOf, draftOf, problemsAt, sameConfig, type Config, type ConfigView, type Draft } from './rules';
import { SaveBar } from './SaveBar';
import { SeverityRules } from './SeverityRules';
import { StorySettings } from './StorySettings';
import { TryRules } from './TryRules';
import { VocabularyEditor } from './VocabularyEditor';
import { WordingSettings } from './WordingSettings';
import './readiness.css';

export function ReadinessRules({ projectKey }: { projectKey: string }) {
  const [state, reload] = useAsync(() => call('readiness.rules.get', { projectKey }), [projectKey]);
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
  const setConfig = (change: (c: Config) => Config) => edit((d) => ({ ...d, config: change(d.config) }));
  const form: RuleEditing = { id, draft, readOnly, details, invalid, describedBy, edit, setConfig };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || !dirty || saving) return;
    setSaving(true);
    setError(undefined);
    call('readiness.rules.save', { projectKey: view.projectKey, config }).then(
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
    call('readiness.rules.reset', { projectKey: view.projectKey }).then(
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
          <SeverityRules form={form} defaults={view.defaults.severity} />
          <CriteriaSettings form={form} fields={view.fields} />
          <StorySettings form={form} />
          <WordingSettings form={form} />
          <VocabularyEditor form={form} defaults={view.vocabulary} />

          {readOnly ? null : (
            <SaveBar
              dirty={dirty}
              saving={saving}
              stored={view.stored}
              onDiscard={() => {
                setDraft(draftOf(view.config));
                setError(undefined);
              }}
              onReset={() => setConfirmReset(true)}
            />
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
        <ResetDialog projectKey={view.projectKey} onConfirm={reset} onCancel={() => setConfirmReset(false)} />
      ) : null}
    </div>
  );
}
