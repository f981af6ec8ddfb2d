/** The gadget's edit view: board, model, top N, panels and refresh interval, saved with `view.submit`. */
import { useId, useState, type FormEvent } from 'react';
import { call, submitConfig } from '../../bridge';
import { Button, ErrorMessage, isolate, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { PANEL_LABEL, PANELS, type GadgetConfig, type ModelKind, type Panel } from './config';

const MODELS: ReadonlyArray<[ModelKind, string]> = [
  ['project', "The project's model"],
  ['wsjf', 'WSJF'],
  ['rice', 'RICE'],
  ['ice', 'ICE'],
];
const REFRESH: ReadonlyArray<[number, string]> = [
  [0, 'Never'],
  [5, 'Every 5 minutes'],
  [15, 'Every 15 minutes'],
  [60, 'Every hour'],
];

export function GadgetEdit({ initial }: { initial: GadgetConfig }) {
  const id = useId();
  const [boards, reload] = useAsync(() => call('gadget.boards', {}), []);
  const [config, setConfig] = useState<GadgetConfig>(initial);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  if (boards.status === 'loading') return <Spinner label="Loading your boards…" />;
  if (boards.status === 'error')
    return <ErrorMessage title="Your boards could not be read" error={boards.error} onRetry={reload} />;
  const list = boards.data.boards;
  const boardId = config.boardId ?? list[0]?.id;

  const togglePanel = (panel: Panel, on: boolean) =>
    setConfig((c) => ({
      ...c,
      panels: PANELS.filter((p) => (p === panel ? on : c.panels.includes(p))),
    }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (boardId === undefined) return setProblem('Choose a board.');
    if (config.panels.length === 0) return setProblem('Choose at least one panel.');
    setProblem(undefined);
    setSaving(true);
    try {
      await submitConfig({ ...config, boardId });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  if (list.length === 0)
    return (
      <p className="vr-gadget__empty">You cannot see any board. Ask a Jira admin for access to a project.</p>
    );

  return (
    <form className="vr-gadget-edit" onSubmit={save} aria-label="Backlog health settings">
      <label htmlFor={`${id}-board`}>Board</label>
      <select
        id={`${id}-board`}
        value={boardId}
        onChange={(e) => setConfig((c) => ({ ...c, boardId: Number(e.target.value) }))}
      >
        {list.map((b) => (
          <option key={b.id} value={b.id}>
            {isolate(b.name)} ({b.projectKey})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-model`}>Scoring model</label>
      <select
        id={`${id}-model`}
        value={config.model}
        onChange={(e) => setConfig((c) => ({ ...c, model: e.target.value as ModelKind }))}
      >
        {MODELS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-top`}>Items in the top list (1–50)</label>
      <input
        id={`${id}-top`}
        type="number"
        min={1}
        max={50}
        value={config.topN}
        onChange={(e) =>
          setConfig((c) => ({
            ...c,
            topN: Math.min(50, Math.max(1, Math.round(Number(e.target.value) || 1))),
          }))
        }
      />
      <fieldset>
        <legend>Panels</legend>
        {PANELS.map((p) => (
          <label key={p} className="vr-gadget-edit__check">
            <input
              type="checkbox"
              checked={config.panels.includes(p)}
              onChange={(e) => togglePanel(p, e.target.checked)}
            />
            {PANEL_LABEL[p]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-refresh`}>Refresh</label>
      <select
        id={`${id}-refresh`}
        value={config.refreshMinutes}
        onChange={(e) => setConfig((c) => ({ ...c, refreshMinutes: Number(e.target.value) }))}
      >
        {REFRESH.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {problem && (
        <p role="alert" className="vr-gadget__problem">
          {problem}
        </p>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          Save
        </Button>
      </div>
    </form>
  );
}
