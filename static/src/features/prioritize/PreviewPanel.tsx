/**
 * The dry run of a reorder, above the grid: how many issues move and how many rank calls Jira needs, in
 * plain words, the warnings, and Apply (disabled with the reason for someone Jira does not let rank). The
 * before/after diff itself is in the grid: moved rows show their old → new place, and "Only issues that
 * move" narrows the grid to them.
 */
import { useId, useState } from 'react';
import type { Answers } from '../../bridge';
import { Banner, Button, ReasonButton } from '../../components';

type Preview = Exclude<Answers['prioritize.preview'], { pending: true }>;

const WARNINGS_SHOWN = 5;

/** "149 issues move, in 3 rank calls (one by one it would take 149)." */
export function planSentence(preview: Pick<Preview, 'moved' | 'callCount' | 'naive'>): string {
  if (preview.moved === 0) return 'The backlog is already in value order: nothing moves.';
  const calls = preview.callCount;
  const one = preview.naive.perMovedIssue;
  return `${preview.moved} ${preview.moved === 1 ? 'issue moves' : 'issues move'}, in ${calls} rank ${calls === 1 ? 'call' : 'calls'} to Jira${calls < one ? ` (moving them one by one would take ${one})` : ''}.`;
}

export function PreviewPanel({
  preview,
  canRank,
  projectKey,
  busy,
  movedOnly,
  onMovedOnly,
  onApply,
  onClose,
}: {
  preview: Preview;
  canRank: boolean;
  projectKey: string;
  busy: boolean;
  movedOnly: boolean;
  onMovedOnly: (only: boolean) => void;
  onApply: () => void;
  onClose: () => void;
}) {
  const id = useId();
  const [allWarnings, setAllWarnings] = useState(false);
  const warnings = allWarnings ? preview.warnings : preview.warnings.slice(0, WARNINGS_SHOWN);
  const noChange = preview.moved === 0;
  const reason = !canRank
    ? `Jira does not allow you to rank issues in ${projectKey}, so ValueRank cannot reorder this backlog for you. Someone with the Schedule Issues permission can apply it.`
    : busy
      ? 'A reorder is running on this board'
      : noChange
        ? 'Nothing moves: the backlog is already in value order'
        : undefined;
  return (
    <section className="vr-preview" aria-labelledby={`${id}-title`}>
      <div className="vr-preview__header">
        <h3 className="vr-preview__title" id={`${id}-title`}>
          Preview: the new order
        </h3>
        <p className="vr-preview__stats" role="status">
          <strong>{planSentence(preview)}</strong>
        </p>
        <div className="vr-actions">
          <ReasonButton
            appearance="primary"
            disabled={reason !== undefined}
            reason={reason}
            onClick={onApply}
          >
            {busy ? 'Applying…' : `Apply${noChange ? '' : ` (${preview.moved} moves)`}`}
          </ReasonButton>
          <ReasonButton
            appearance="subtle"
            onClick={onClose}
            disabled={busy}
            reason="The reorder is running; the preview closes when it is done"
          >
            Close preview
          </ReasonButton>
        </div>
      </div>
      {!noChange ? (
        <p className="vr-muted vr-preview__how">
          In the grid, each issue that moves shows its place now → its new place.{' '}
          <label className="vr-filter__check">
            <input type="checkbox" checked={movedOnly} onChange={(e) => onMovedOnly(e.target.checked)} /> Only
            issues that move
          </label>
        </p>
      ) : null}
      {preview.warnings.length > 0 ? (
        <Banner
          tone="warning"
          title={`Before you apply: ${preview.warningCount} ${preview.warningCount === 1 ? 'warning' : 'warnings'}`}
          actions={
            preview.warnings.length > WARNINGS_SHOWN ? (
              <Button appearance="link" aria-expanded={allWarnings} onClick={() => setAllWarnings((a) => !a)}>
                {allWarnings ? 'Show fewer' : `Show all ${preview.warnings.length}`}
              </Button>
            ) : undefined
          }
        >
          <ul className="vr-preview__warnings">
            {warnings.map((w, i) => (
              <li key={`${i}-${w.key ?? ''}`}>
                {w.key ? <strong>{w.key}: </strong> : null}
                {w.message}
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
    </section>
  );
}
