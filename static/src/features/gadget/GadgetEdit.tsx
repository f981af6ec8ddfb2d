/**
 * The gadget's edit view, styled like the rest of ValueRank: board, scoring model (the project's by default,
 * or any model with its settings), top N (1–50: more is refused with a message, never clamped), panels and
 * refresh interval, saved with `view.submit`.
 */
import { useId, useState, type FormEvent } from 'react';
import { call, submitConfig } from '../../bridge';
import { Button, ErrorMessage, isolate, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import type { ModelConfig } from '../../../../src/core/scoring';
import { MODEL_LABELS } from '../../../../src/core/scoring/labels';
import {
  MAX_TOP_N,
  PANEL_LABEL,
  PANELS,
  topNProblem,
  type GadgetConfig,
  type GadgetModel,
  type Panel,
} from './config';

type Kind = ModelConfig['kind'];
type Tiebreak = Extract<ModelConfig, { kind: 'moscow' }>['tiebreak'];
const KINDS: readonly Kind[] = ['wsjf', 'rice', 'ice', 'value-effort', 'moscow', 'cd3', 'custom'];
const TIEBREAKS: ReadonlyArray<Exclude<Kind, 'moscow' | 'custom'>> = [
  'wsjf',
  'rice',
  'ice',
  'value-effort',
  'cd3',
];
const REFRESH: ReadonlyArray<[number, string]> = [
  [0, 'Never'],
  [5, 'Every 5 minutes'],
  [15, 'Every 15 minutes'],
  [60, 'Every hour'],
];

/** The settings a model kind starts with when picked (MoSCoW orders inside a bucket by WSJF). */
function modelOf(kind: Kind | 'project', formula: string): GadgetModel {
  if (kind === 'project') return 'project';
  if (kind === 'moscow') return { kind: 'moscow', tiebreak: { kind: 'wsjf' } };
  if (kind === 'custom') return { kind: 'custom', formula };
  return { kind } as ModelConfig;
}

/** The confidence unit select for RICE and ICE (the part of a model most often wrong: ICE reads 1–10). */
function ConfidenceUnit({ model, onChange }: { model: Tiebreak; onChange: (m: Tiebreak) => void }) {
  const id = useId();
  if (model.kind !== 'rice' && model.kind !== 'ice') return null;
  const options =
    model.kind === 'rice'
      ? [
          ['percent', 'a percentage (0–100)'],
          ['fraction', 'a fraction (0–1)'],
        ]
      : [
          ['points', 'ICE points (1–10)'],
          ['percent', 'a percentage (0–100)'],
        ];
  const value = model.confidenceUnit ?? (model.kind === 'rice' ? 'percent' : 'points');
  return (
    <div className="vr-field">
      <label className="vr-field__label" htmlFor={id}>
        {MODEL_LABELS[model.kind]} reads confidence as
      </label>
      <select
        id={id}
        className="vr-select"
        value={value}
        onChange={(e) => {
          const { confidenceUnit: _u, ...rest } = model;
          const unit = e.target.value;
          const isDefault = unit === (model.kind === 'rice' ? 'percent' : 'points');
          onChange((isDefault ? rest : { ...rest, confidenceUnit: unit }) as Tiebreak);
        }}
      >
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function GadgetEdit({ initial }: { initial: GadgetConfig }) {
  const id = useId();
  const [boards, reload] = useAsync(() => call('gadget.boards', {}), []);
  const [config, setConfig] = useState<GadgetConfig>(initial);
  const [topText, setTopText] = useState(String(initial.topN));
  const [formula, setFormula] = useState(
    initial.model !== 'project' && initial.model.kind === 'custom' ? initial.model.formula : '',
  );
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  if (boards.status === 'loading') return <Spinner label="Loading your boards…" />;
  if (boards.status === 'error')
    return <ErrorMessage title="Your boards could not be read" error={boards.error} onRetry={reload} />;
  const list = boards.data.boards;
  const boardId = config.boardId ?? list[0]?.id;
  const topProblem = topNProblem(topText);
  const model = config.model;
  const kind: Kind | 'project' = model === 'project' ? 'project' : model.kind;
  const setModel = (m: GadgetModel) => setConfig((c) => ({ ...c, model: m }));

  const togglePanel = (panel: Panel, on: boolean) =>
    setConfig((c) => ({
      ...c,
      panels: PANELS.filter((p) => (p === panel ? on : c.panels.includes(p))),
    }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (boardId === undefined) return setProblem('Choose a board.');
    if (topProblem) return setProblem(topProblem);
    if (config.panels.length === 0) return setProblem('Choose at least one panel.');
    if (model !== 'project' && model.kind === 'custom' && formula.trim() === '')
      return setProblem('Write the custom formula, or choose another model.');
    setProblem(undefined);
    setSaving(true);
    const { problem: _p, ...saved } = config;
    const finalModel =
      model !== 'project' && model.kind === 'custom' ? { ...model, formula: formula.trim() } : model;
    try {
      await submitConfig({ ...saved, model: finalModel, topN: Number(topText.trim()), boardId });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  if (list.length === 0)
    return (
      <p className="vr-gadget__empty">
        You cannot see any board, so there is nothing to show yet. Ask a Jira admin for access to a project
        with a board.
      </p>
    );

  return (
    <form className="vr-gadget-edit" onSubmit={save} aria-label="Backlog health settings" noValidate>
      {initial.problem ? <p className="vr-field__hint">{initial.problem}</p> : null}
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-board`}>
          Board
        </label>
        <select
          id={`${id}-board`}
          className="vr-select"
          value={boardId}
          onChange={(e) => setConfig((c) => ({ ...c, boardId: Number(e.target.value) }))}
        >
          {list.map((b) => (
            <option key={b.id} value={b.id}>
              {isolate(b.name)} ({b.projectKey})
            </option>
          ))}
        </select>
      </div>
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-model`}>
          Scoring model
        </label>
        <select
          id={`${id}-model`}
          className="vr-select"
          value={kind}
          aria-describedby={`${id}-model-hint`}
          onChange={(e) => setModel(modelOf(e.target.value as Kind | 'project', formula))}
        >
          <option value="project">The project&apos;s model</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {MODEL_LABELS[k]}
            </option>
          ))}
        </select>
        <span className="vr-field__hint" id={`${id}-model-hint`}>
          {kind === 'project'
            ? 'The model the project uses in Prioritize, with its settings.'
            : 'This gadget scores with its own model; the project keeps its own.'}
        </span>
      </div>
      {model !== 'project' && model.kind === 'moscow' ? (
        <>
          <div className="vr-field">
            <label className="vr-field__label" htmlFor={`${id}-tiebreak`}>
              Tie-break model inside a MoSCoW bucket
            </label>
            <select
              id={`${id}-tiebreak`}
              className="vr-select"
              value={model.tiebreak.kind}
              onChange={(e) => setModel({ kind: 'moscow', tiebreak: { kind: e.target.value } as Tiebreak })}
            >
              {TIEBREAKS.map((k) => (
                <option key={k} value={k}>
                  {MODEL_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <ConfidenceUnit
            model={model.tiebreak}
            onChange={(t) => setModel({ kind: 'moscow', tiebreak: t })}
          />
        </>
      ) : null}
      {model !== 'project' && model.kind !== 'moscow' ? (
        <ConfidenceUnit model={model} onChange={(m) => setModel(m)} />
      ) : null}
      {model !== 'project' && model.kind === 'custom' ? (
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={`${id}-formula`}>
            Formula
          </label>
          <textarea
            id={`${id}-formula`}
            className="vr-textarea vr-code"
            rows={2}
            maxLength={500}
            spellCheck={false}
            value={formula}
            onChange={(e) => setFormula(e.target.value)}
          />
          <span className="vr-field__hint">
            Over the mapped inputs, e.g. (businessValue + timeCriticality) / effort. The gadget shows the
            formula&apos;s error if it has one.
          </span>
        </div>
      ) : null}
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-top`}>
          Items in the top list (1–{MAX_TOP_N})
        </label>
        <input
          id={`${id}-top`}
          className={`vr-input vr-gadget-edit__number${topProblem ? ' vr-input--invalid' : ''}`}
          inputMode="numeric"
          value={topText}
          aria-invalid={topProblem ? true : undefined}
          aria-describedby={topProblem ? `${id}-top-error` : undefined}
          onChange={(e) => {
            setTopText(e.target.value);
            setProblem(undefined);
          }}
        />
        {topProblem ? (
          <span className="vr-field__error" id={`${id}-top-error`}>
            {topProblem}
          </span>
        ) : null}
      </div>
      <fieldset className="vr-gadget-edit__panels">
        <legend className="vr-field__label">Panels</legend>
        {PANELS.map((p) => (
          <label key={p} className="vr-check">
            <input
              type="checkbox"
              checked={config.panels.includes(p)}
              onChange={(e) => togglePanel(p, e.target.checked)}
            />
            {PANEL_LABEL[p]}
          </label>
        ))}
      </fieldset>
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-refresh`}>
          Refresh
        </label>
        <select
          id={`${id}-refresh`}
          className="vr-select"
          value={config.refreshMinutes}
          onChange={(e) => setConfig((c) => ({ ...c, refreshMinutes: Number(e.target.value) }))}
        >
          {REFRESH.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p role="alert" className="vr-field__error">
          {problem}
        </p>
      )}
      <div className="vr-actions">
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
