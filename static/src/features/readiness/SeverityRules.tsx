/** The "Rules and their severity" fieldset: one severity select per finding kind, grouped. */
import { Badge } from '../../components';
import { kindLabel } from '../criteria/labels';
import { FieldErrors } from './FieldErrors';
import type { RuleEditing } from './ruleEditing';
import { KIND_EXPLANATION, RULE_GROUPS, SEVERITY_SETTINGS, type Config, type SeveritySetting } from './rules';

export function SeverityRules({
  form,
  defaults,
}: {
  form: RuleEditing;
  /** The default severities, to mark the changed ones. */
  defaults: Config['severity'];
}) {
  const { id, draft, readOnly, details, invalid, setConfig } = form;
  const setSeverity = (kind: keyof Config['severity'], value: SeveritySetting) =>
    setConfig((c) => ({ ...c, severity: { ...c.severity, [kind]: value } }));

  return (
    <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
      <legend className="vr-readiness__legend">Rules and their severity</legend>
      <p className="vr-field__hint">
        Error blocks Ready (and the Definition of Ready); warning and info lower the quality score; off turns
        the rule off.
      </p>
      {RULE_GROUPS.map((group) => (
        <div key={group.id} className="vr-readiness__group" role="group" aria-label={group.title}>
          <h3 className="vr-readiness__heading">{group.title}</h3>
          <ul className="vr-readiness__rules">
            {group.kinds.map((kind) => {
              const selectId = `${id}-sev-${kind}`;
              const changed = draft.config.severity[kind] !== defaults[kind];
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
  );
}
