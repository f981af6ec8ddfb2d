/** The confirmation before a project's own readiness rules are deleted and the defaults apply again. */
import { Button, Dialog } from '../../components';

export function ResetDialog({
  projectKey,
  onConfirm,
  onCancel,
}: {
  projectKey: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title="Reset the rules to the defaults?" onClose={onCancel}>
      <p>{projectKey}'s own rules are deleted and ValueRank's defaults apply to every check from now on.</p>
      <div className="vr-actions">
        <Button appearance="primary" onClick={onConfirm}>
          Reset to defaults
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Dialog>
  );
}
