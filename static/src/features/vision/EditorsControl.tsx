/**
 * Who may edit the vision board (ADR 6). Project admins pick "Project administrators only" or "… and members
 * of <role>" from the project's roles; everyone else reads one line ("Editors: project administrators and
 * members of Developers."). Notes are not affected: a note is always changed by its author or an admin.
 */
import { useEffect, useId, useState } from 'react';
import { call, type Answers } from '../../bridge';
import { Button, ErrorMessage } from '../../components';

type View = Answers['vision.get'];
type Settings = Answers['vision.settings.get'];

const sentence = (editors: string) => `Editors: ${editors.charAt(0).toLowerCase()}${editors.slice(1)}.`;

function EditorsPicker({ projectKey, onChanged }: { projectKey: string; onChanged: () => void }) {
  const id = useId();
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [choice, setChoice] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    call('vision.settings.get', { projectKey }).then(
      (s) => {
        if (!current) return;
        setSettings(s);
        setChoice(s.editorRole ? String(s.editorRole.id) : '');
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [projectKey]);

  if (!settings)
    return error ? <ErrorMessage title="Who can edit could not be loaded." error={error} /> : null;

  const saved = settings.editorRole ? String(settings.editorRole.id) : '';
  const save = async () => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const answer = await call('vision.settings.save', {
        projectKey,
        editorRoleId: choice === '' ? null : Number(choice),
      });
      setSettings(answer);
      setNotice(`Saved. ${sentence(answer.editors)}`);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const missing =
    settings.editorRole && !settings.roles.some((r) => r.id === settings.editorRole?.id)
      ? settings.editorRole
      : undefined;

  return (
    <form
      className="vr-vision__editors"
      aria-label="Who can edit the vision"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={id}>
          Who can edit
        </label>
        <select id={id} className="vr-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Project administrators only</option>
          {settings.roles.map((r) => (
            <option key={r.id} value={String(r.id)}>
              Project administrators and members of {r.name}
            </option>
          ))}
          {missing ? (
            <option value={String(missing.id)}>
              Project administrators and members of {missing.name} (no longer a role)
            </option>
          ) : null}
        </select>
        <p className="vr-field__hint">
          Editors save and restore the vision board. Notes stay with their authors and project administrators.
        </p>
      </div>
      <Button type="submit" appearance="primary" disabled={busy || choice === saved}>
        {busy ? 'Saving…' : 'Save editors'}
      </Button>
      {notice ? (
        <p className="vr-success" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorMessage title="Who can edit was not changed." error={error} /> : null}
    </form>
  );
}

/** The admin's picker, or the line saying who may edit. */
export function EditorsControl({ view, onChanged }: { view: View; onChanged: () => void }) {
  if (view.canAdmin) return <EditorsPicker projectKey={view.projectKey} onChanged={onChanged} />;
  return <p className="vr-muted">{sentence(view.editors)}</p>;
}
