/** The "Wording" fieldset: when comparatives are flagged, and how alike two criteria must be to be duplicates. */
import { FieldErrors } from './FieldErrors';
import type { RuleEditing } from './ruleEditing';
import { COMPARATIVE_REFERENCE, type Config } from './rules';

export function WordingSettings({ form }: { form: RuleEditing }) {
  const { id, draft, readOnly, details, invalid, describedBy, edit, setConfig } = form;
  return (
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
            const v = e.target.value as Config['comparativeReference'];
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
          From 0.5 to 1: the share of words two criteria must have in common to count as duplicates (1: only
          word for word).
        </p>
        <FieldErrors id={`${id}-duplicateOverlap-errors`} details={details} paths={['duplicateOverlap']} />
      </div>
    </fieldset>
  );
}
