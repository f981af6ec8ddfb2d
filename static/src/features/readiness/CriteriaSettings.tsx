/** The "Finding the criteria" fieldset: the bounds, the extra section headings and the criteria field. */
import { FieldErrors } from './FieldErrors';
import type { RuleEditing } from './ruleEditing';
import type { ConfigView } from './rules';

export function CriteriaSettings({
  form,
  fields,
}: {
  form: RuleEditing;
  /** The site's text fields that can hold the criteria. */
  fields: ConfigView['fields'];
}) {
  const { id, draft, readOnly, details, invalid, describedBy, edit, setConfig } = form;
  const fieldKnown = fields.some((f) => f.id === draft.config.criteriaFieldId);

  return (
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
          One per line. Titles that open the criteria section besides "Acceptance criteria", "AC", "Definition
          of done", "Success criteria"…
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
          {fields.map((f) => (
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
          A text custom field that holds the acceptance criteria; when it has criteria, they are used instead
          of the description's.
        </p>
        <FieldErrors id={`${id}-criteriaFieldId-errors`} details={details} paths={['criteriaFieldId']} />
      </div>
    </fieldset>
  );
}
