/** The "User stories" fieldset: which issue types are stories, and whether the story format is required. */
import { FieldErrors } from './FieldErrors';
import type { RuleEditing } from './ruleEditing';

export function StorySettings({ form }: { form: RuleEditing }) {
  const { id, draft, readOnly, details, invalid, describedBy, edit, setConfig } = form;
  return (
    <fieldset className="vr-readiness__fieldset" disabled={readOnly}>
      <legend className="vr-readiness__legend">User stories</legend>
      <div className="vr-field">
        <label className="vr-field__label" htmlFor={`${id}-types`}>
          Story issue types
        </label>
        <textarea
          id={`${id}-types`}
          className={`vr-textarea vr-readiness__textarea${invalid('story.issueTypes') ? ' vr-textarea--invalid' : ''}`}
          rows={2}
          value={draft.issueTypes}
          aria-invalid={invalid('story.issueTypes') || undefined}
          aria-describedby={`${id}-types-hint ${describedBy('story.issueTypes', 'story.issueTypes') ?? ''}`.trim()}
          onChange={(e) => {
            const v = e.target.value;
            edit((d) => ({ ...d, issueTypes: v }));
          }}
        />
        <p className="vr-field__hint" id={`${id}-types-hint`}>
          One per line: issues of these types are user stories.
        </p>
        <FieldErrors id={`${id}-story.issueTypes-errors`} details={details} paths={['story.issueTypes']} />
      </div>
      <label className="vr-check">
        <input
          type="checkbox"
          checked={draft.config.story.requireFormat}
          onChange={(e) => {
            const v = e.target.checked;
            setConfig((c) => ({ ...c, story: { ...c.story, requireFormat: v } }));
          }}
        />
        Require story format: a story without "As a … I want …" gets "Story: no role"
      </label>
      <FieldErrors id={`${id}-story-errors`} details={details} paths={['story.requireFormat']} />
    </fieldset>
  );
}
