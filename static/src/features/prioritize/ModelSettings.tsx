/**
 * A model's settings beyond its kind, all of them: RICE's and ICE's confidence unit, ICE's ease-from-effort
 * buckets (used when ease has no field), and the strategic fit weight. A change rescores at once (like picking
 * a model); it is the project's model once saved. For MoSCoW, the settings are the tie-break model's.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ModelConfig } from '../../../../src/core/scoring';
import { DEFAULT_EASE_FROM_EFFORT } from '../../../../src/core/scoring/inputs';
import { Button } from '../../components';
import { MODEL_LABELS } from './labels';
import './mapping.css';

type Tiebreak = Extract<ModelConfig, { kind: 'moscow' }>['tiebreak'];
type Ice = Extract<Tiebreak, { kind: 'ice' }>;
type Buckets = NonNullable<Ice['easeFromEffort']>;

/** ICE's default buckets: the core's own table, so the form shows what scoring uses. */
const DEFAULT_EASE: Buckets = {
  steps: DEFAULT_EASE_FROM_EFFORT.steps.map((s) => ({ ...s })),
  above: DEFAULT_EASE_FROM_EFFORT.above,
};

const base = (m: ModelConfig): Tiebreak => (m.kind === 'moscow' ? m.tiebreak : m);
const rebuild = (m: ModelConfig, t: Tiebreak): ModelConfig =>
  m.kind === 'moscow' ? { kind: 'moscow', tiebreak: t } : t;

/** The buckets as typed ("1:10, 2:9, …; above 1") parsed and checked; or why not. */
export function parseBuckets(text: string, above: string): Buckets | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 20) return 'Give 1 to 20 steps, like 1:10, 2:9, 3:8.';
  const steps: Buckets['steps'] = [];
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*[:→]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return `“${p}” is not effort:ease, like 3:8.`;
    const maxEffort = Number(m[1]);
    const ease = Number(m[2]);
    if (ease < 1 || ease > 10) return `Ease is 1 to 10; “${p}” gives ${ease}.`;
    const prev = steps[steps.length - 1];
    if (prev && maxEffort <= prev.maxEffort) return 'List the steps by growing effort.';
    steps.push({ maxEffort, ease });
  }
  const a = Number(above.trim());
  if (above.trim() === '' || !Number.isFinite(a) || a < 1 || a > 10)
    return 'The ease above the last step is 1 to 10.';
  return { steps, above: a };
}

const bucketsText = (b: Buckets): string => b.steps.map((s) => `${s.maxEffort}:${s.ease}`).join(', ');

export function ModelSettings({
  model,
  onChange,
  busy,
}: {
  model: ModelConfig;
  onChange: (model: ModelConfig) => void;
  busy: boolean;
}) {
  const id = useId();
  const t = base(model);
  const [weight, setWeight] = useState(t.fitWeight === undefined ? '' : String(t.fitWeight));
  const ease = t.kind === 'ice' ? (t.easeFromEffort ?? DEFAULT_EASE) : DEFAULT_EASE;
  const [steps, setSteps] = useState(bucketsText(ease));
  const [above, setAbove] = useState(String(ease.above));
  const [problem, setProblem] = useState<string | undefined>();
  // Follow the model when it changes elsewhere (a load, another pick).
  const [synced, setSynced] = useState(JSON.stringify(t));
  if (synced !== JSON.stringify(t)) {
    setSynced(JSON.stringify(t));
    setWeight(t.fitWeight === undefined ? '' : String(t.fitWeight));
    const e = t.kind === 'ice' ? (t.easeFromEffort ?? DEFAULT_EASE) : DEFAULT_EASE;
    setSteps(bucketsText(e));
    setAbove(String(e.above));
    setProblem(undefined);
  }

  const change = (next: Tiebreak) => onChange(rebuild(model, next));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const w = weight.trim();
    const n = Number(w);
    if (w !== '' && (!Number.isFinite(n) || n < 0 || n > 100)) {
      setProblem('The strategic fit weight is a number from 0 to 100, or empty for none.');
      return;
    }
    let next: Tiebreak = { ...t };
    if (w === '') delete next.fitWeight;
    else next = { ...next, fitWeight: n };
    if (next.kind === 'ice') {
      const parsed = parseBuckets(steps, above);
      if (typeof parsed === 'string') {
        setProblem(parsed);
        return;
      }
      const isDefault = JSON.stringify(parsed) === JSON.stringify(DEFAULT_EASE);
      const { easeFromEffort: _e, ...rest } = next;
      next = isDefault ? rest : { ...rest, easeFromEffort: parsed };
    }
    setProblem(undefined);
    change(next);
  };

  return (
    <div className="vr-model-settings">
      {t.kind === 'rice' ? (
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={`${id}-unit`}>
            RICE reads confidence as
          </label>
          <select
            id={`${id}-unit`}
            className="vr-select"
            value={t.confidenceUnit ?? 'percent'}
            disabled={busy}
            onChange={(e) => {
              const { confidenceUnit: _u, ...rest } = t;
              change(e.target.value === 'fraction' ? { ...rest, confidenceUnit: 'fraction' } : rest);
            }}
          >
            <option value="percent">a percentage (0–100)</option>
            <option value="fraction">a fraction (0–1)</option>
          </select>
        </div>
      ) : null}
      {t.kind === 'ice' ? (
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={`${id}-unit`}>
            ICE reads confidence as
          </label>
          <select
            id={`${id}-unit`}
            className="vr-select"
            value={t.confidenceUnit ?? 'points'}
            disabled={busy}
            aria-describedby={`${id}-unit-hint`}
            onChange={(e) => {
              const { confidenceUnit: _u, ...rest } = t;
              change(e.target.value === 'percent' ? { ...rest, confidenceUnit: 'percent' } : rest);
            }}
          >
            <option value="points">ICE points (1–10)</option>
            <option value="percent">a percentage (0–100)</option>
          </select>
          <span className="vr-field__hint" id={`${id}-unit-hint`}>
            A confidence above 10 leaves an issue unscored unless it is read as a percentage.
          </span>
        </div>
      ) : null}
      <details className="vr-model-settings__more">
        <summary>More {t.kind === 'custom' ? 'formula' : MODEL_LABELS[t.kind]} settings</summary>
        <form onSubmit={apply} aria-label="Model settings">
          {t.kind === 'ice' ? (
            <div className="vr-field">
              <label className="vr-field__label" htmlFor={`${id}-ease`}>
                Ease from effort (when ease has no field): effort ≤ N gives ease E, as N:E
              </label>
              <input
                id={`${id}-ease`}
                className="vr-input vr-code"
                value={steps}
                spellCheck={false}
                onChange={(e) => setSteps(e.target.value)}
              />
              <label className="vr-field__label" htmlFor={`${id}-above`}>
                Ease above the last step
              </label>
              <input
                id={`${id}-above`}
                className="vr-input vr-model-settings__number"
                inputMode="decimal"
                value={above}
                onChange={(e) => setAbove(e.target.value)}
              />
            </div>
          ) : null}
          <div className="vr-field">
            <label className="vr-field__label" htmlFor={`${id}-fit`}>
              Strategic fit weight (0–100)
            </label>
            <input
              id={`${id}-fit`}
              className="vr-input vr-model-settings__number"
              inputMode="decimal"
              value={weight}
              placeholder="none"
              aria-describedby={`${id}-fit-hint`}
              onChange={(e) => setWeight(e.target.value)}
            />
            <span className="vr-field__hint" id={`${id}-fit-hint`}>
              Multiplies the score by 1 + weight × fit to the vision&apos;s goals (needs strategic fit on in
              the mapping).
            </span>
          </div>
          {problem ? (
            <p className="vr-field__error" role="alert">
              {problem}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={busy}>
              Apply settings
            </Button>
          </div>
        </form>
      </details>
    </div>
  );
}
