/** The rules form's save bar: save, the unsaved-changes status, discard, and reset to the defaults. */
import { Button } from '../../components';

export function SaveBar({
  dirty,
  saving,
  stored,
  onDiscard,
  onReset,
}: {
  dirty: boolean;
  saving: boolean;
  /** Whether the project has its own rules (only then can they be reset). */
  stored: boolean;
  onDiscard: () => void;
  /** Asks to reset to the defaults (the caller confirms first). */
  onReset: () => void;
}) {
  return (
    <div className="vr-actions vr-readiness__savebar">
      <Button type="submit" appearance="primary" disabled={!dirty || saving}>
        {saving ? 'Saving…' : 'Save rules'}
      </Button>
      {dirty ? (
        <>
          <span className="vr-readiness__dirty" role="status">
            Unsaved changes
          </span>
          <Button onClick={onDiscard}>Discard changes</Button>
        </>
      ) : (
        <span className="vr-muted" role="status">
          No unsaved changes
        </span>
      )}
      {stored ? (
        <Button appearance="subtle" disabled={saving} onClick={onReset}>
          Reset to defaults
        </Button>
      ) : null}
    </div>
  );
}
