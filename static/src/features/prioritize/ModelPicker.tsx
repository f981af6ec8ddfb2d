/**
 * Which model scores the backlog: WSJF, RICE, ICE, value/effort, MoSCoW with a tie-break model, CD3 or a
 * custom formula. Picking a built-in model rescores at once; a formula is scored when the PO asks, and the
 * server's error (with its column) is shown under the editor.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ModelConfig } from '../../../../src/core/scoring';
import { Button } from '../../components';
import { ModelSettings } from './ModelSettings';
import {
  MODEL_HINTS,
  MODEL_KINDS,
  MODEL_LABELS,
  TIEBREAK_KINDS,
  type ModelKind,
  type TiebreakKind,
} from './labels';

type Tiebreak = Extract<ModelConfig, { kind: 'moscow' }>['tiebreak'];

export interface FormulaProblem {
  message: string;
  details: readonly string[];
}

const FORMULA_NAMES =
  'businessValue, timeCriticality, riskReduction, jobSize, storyPoints, effort, reach, impact, confidence, ease, costOfDelay, moscow, priority, blockedCount';

/** The formula of a model, if it has one (custom, or MoSCoW with a custom tie-break). */
export function formulaOf(model: ModelConfig | undefined): string | undefined {
  if (!model) return undefined;
  if (model.kind === 'custom') return model.formula;
  if (model.kind === 'moscow' && model.tiebreak.kind === 'custom') return model.tiebreak.formula;
  return undefined;
}

/** 1-based column named in a formula error ("Unknown input "x" at column 7"). */
export function errorColumn(message: string): number | undefined {
  const m = /\bcolumn (\d+)\b/i.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** A built-in model of this kind, keeping the saved model's options (confidence unit, fit weight). */
function builtin(kind: Exclude<TiebreakKind, 'custom'>, saved: ModelConfig | undefined): Tiebreak {
  const like = saved?.kind === 'moscow' ? saved.tiebreak : saved;
  return like?.kind === kind ? like : ({ kind } as Tiebreak);
}

export function ModelPicker({
  model,
  saved,
  onPick,
  problem,
  busy,
}: {
  /** The model the view is scored with. */
  model: ModelConfig;
  /** The project's model. */
  saved: ModelConfig | undefined;
  onPick: (model: ModelConfig) => void;
  problem: FormulaProblem | undefined;
  busy: boolean;
}) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<ModelKind>(model.kind);
  const [tiebreak, setTiebreak] = useState<TiebreakKind>(
    model.kind === 'moscow' ? model.tiebreak.kind : 'wsjf',
  );
  const [formula, setFormula] = useState(formulaOf(model) ?? formulaOf(saved) ?? '');
  // Follow the view's model when it changes (a load, a saved model) without remounting the controls.
  const [synced, setSynced] = useState(JSON.stringify(model));
  if (synced !== JSON.stringify(model)) {
    setSynced(JSON.stringify(model));
    setKind(model.kind);
    if (model.kind === 'moscow') setTiebreak(model.tiebreak.kind);
    const f = formulaOf(model);
    if (f !== undefined) setFormula(f);
  }

  const needsFormula = kind === 'custom' || (kind === 'moscow' && tiebreak === 'custom');
  const config = (k: ModelKind, t: TiebreakKind, text: string): ModelConfig | undefined => {
    const custom = (): Tiebreak | undefined => {
      if (text.trim() === '') return undefined;
      const like = saved?.kind === 'moscow' ? saved.tiebreak : saved;
      return like?.kind === 'custom' ? { ...like, formula: text } : { kind: 'custom', formula: text };
    };
    if (k === 'moscow') {
      const tb = t === 'custom' ? custom() : builtin(t, saved);
      return tb ? { kind: 'moscow', tiebreak: tb } : undefined;
    }
    return k === 'custom' ? custom() : builtin(k, saved);
  };

  const pickKind = (k: ModelKind) => {
    setKind(k);
    const next = config(k, tiebreak, formula);
    if (next && !(k === 'custom' || (k === 'moscow' && tiebreak === 'custom'))) onPick(next);
  };
  const pickTiebreak = (t: TiebreakKind) => {
    setTiebreak(t);
    const next = config('moscow', t, formula);
    if (next && t !== 'custom') onPick(next);
  };
  const submitFormula = (event?: FormEvent) => {
    event?.preventDefault();
    const next = config(kind, tiebreak, formula);
    if (next) onPick(next);
  };

  const column = problem ? errorColumn(problem.message) : undefined;
  const goToColumn = () => {
    const el = textarea.current;
    if (!el || column === undefined) return;
    el.focus();
    el.setSelectionRange(column - 1, Math.min(column, el.value.length));
  };

  return (
    <div className="vr-model">
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-model`}>
          Scoring model
        </label>
        <select
          id={`${id}-model`}
          className="vr-select"
          value={kind}
          aria-describedby={`${id}-hint`}
          onChange={(e) => pickKind(e.target.value as ModelKind)}
        >
          {MODEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {MODEL_LABELS[k]}
            </option>
          ))}
        </select>
        <span className="vr-field__hint" id={`${id}-hint`}>
          {MODEL_HINTS[kind]}
        </span>
      </div>
      {kind === 'moscow' ? (
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={`${id}-tiebreak`}>
            Tie-break model
          </label>
          <select
            id={`${id}-tiebreak`}
            className="vr-select"
            value={tiebreak}
            onChange={(e) => pickTiebreak(e.target.value as TiebreakKind)}
          >
            {TIEBREAK_KINDS.map((k) => (
              <option key={k} value={k}>
                {MODEL_LABELS[k]}
              </option>
            ))}
          </select>
          <span className="vr-field__hint">orders the issues inside each MoSCoW bucket</span>
        </div>
      ) : null}
      {kind === model.kind &&
      (kind !== 'moscow' || (model.kind === 'moscow' && tiebreak === model.tiebreak.kind)) ? (
        <ModelSettings model={model} onChange={onPick} busy={busy} />
      ) : null}
      {needsFormula ? (
        <form className="vr-formula" onSubmit={submitFormula} aria-labelledby={`${id}-formula-label`}>
          <label className="vr-field__label" id={`${id}-formula-label`} htmlFor={`${id}-formula`}>
            {kind === 'moscow' ? 'Tie-break formula' : 'Formula'}
          </label>
          <textarea
            ref={textarea}
            id={`${id}-formula`}
            className={`vr-textarea vr-code${problem ? ' vr-textarea--invalid' : ''}`}
            rows={2}
            maxLength={500}
            spellCheck={false}
            value={formula}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${problem ? `${id}-formula-error ` : ''}${id}-formula-help`}
            onChange={(e) => setFormula(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submitFormula();
            }}
          />
          {problem ? (
            <div className="vr-formula__error" id={`${id}-formula-error`} role="alert">
              <p className="vr-formula__message">{problem.message}</p>
              {problem.details.length > 0 && column === undefined ? (
                <ul className="vr-formula__details">
                  {problem.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
              {column !== undefined ? (
                <>
                  <pre className="vr-formula__caret vr-code" aria-hidden="true">
                    {formula}
                    {'\n'}
                    {' '.repeat(Math.max(0, column - 1))}^
                  </pre>
                  <Button appearance="link" onClick={goToColumn}>
                    Go to column {column}
                  </Button>
                </>
              ) : null}
            </div>
          ) : null}
          <p className="vr-field__hint" id={`${id}-formula-help`}>
            Inputs: {FORMULA_NAMES}, a custom input, or a field by its name in quotes (&quot;Business
            Value&quot;). Operators + − × ÷, parentheses, min(…) and max(…). Ctrl+Enter scores.
          </p>
          <div>
            <Button type="submit" appearance="primary" disabled={busy || formula.trim() === ''}>
              Score with this formula
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
