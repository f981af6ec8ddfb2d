/** The "Vocabulary of the smells" fieldset: per smell, the entries added to and removed from the defaults. */
import { SMELL_KINDS } from '../../../../src/core/criteria/types';
import { FieldErrors } from './FieldErrors';
import type { RuleEditing } from './ruleEditing';
import { SMELL_LABEL, type ConfigView } from './rules';

const ENTRY_SYNTAX =
  'One entry per line. Words match case-insensitively; word~ also matches -s/-es/-d/-ed/-ing; # is any number; ^entry matches only at the start of a clause; !entry is an exception (!at least #).';

export function VocabularyEditor({
  form,
  defaults,
}: {
  form: RuleEditing;
  /** ValueRank's default entries of each smell. */
  defaults: ConfigView['vocabulary'];
}) {
  const { id, draft, readOnly, details, invalid, edit } = form;
  return (
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
              <span className="vr-readiness__defaults">{defaults[smell].join(', ')}</span>
            </p>
          </details>
        );
      })}
    </fieldset>
  );
}
