/**
 * The dry run of a reorder: the new order against the old one (positions old → new, moved issues
 * highlighted), how many issues move and how many rank calls that takes against the naive ways, the
 * warnings, and Apply (disabled, with the reason, for someone Jira does not let rank).
 */
import { useId, useState } from 'react';
import type { Answers } from '../../bridge';
import { Badge, Banner, Button, IssueLink, Table, UserText } from '../../components';

type Preview = Exclude<Answers['prioritize.preview'], { pending: true }>;

const WARNINGS_SHOWN = 5;

interface Row {
  key: string;
  to: number;
  from: number;
}

export function PreviewPanel({
  preview,
  summaries,
  canRank,
  projectKey,
  busy,
  onApply,
  onClose,
  compact,
}: {
  preview: Preview;
  summaries: ReadonlyMap<string, string>;
  canRank: boolean;
  projectKey: string;
  busy: boolean;
  onApply: () => void;
  onClose: () => void;
  compact?: boolean;
}) {
  const id = useId();
  const [allWarnings, setAllWarnings] = useState(false);
  const warnings = allWarnings ? preview.warnings : preview.warnings.slice(0, WARNINGS_SHOWN);
  // The answer lists the first moves (by new position) and counts them all.
  const shown: Row[] = preview.moves;
  const calls = preview.callCount;
  const saved = Math.min(preview.naive.perMovedIssue, preview.naive.chunksOf50);
  const noChange = preview.moved === 0;

  return (
    <section className="vr-preview" aria-labelledby={`${id}-title`}>
      <div className="vr-preview__header">
        <h3 className="vr-preview__title" id={`${id}-title`}>
          Preview: the new order
        </h3>
        <Button appearance="subtle" onClick={onClose} disabled={busy}>
          Close preview
        </Button>
      </div>
      <p className="vr-preview__stats" role="status">
        {noChange ? (
          <strong>The backlog is already in value order: nothing moves.</strong>
        ) : (
          <>
            <strong>
              {preview.moved} {preview.moved === 1 ? 'issue moves' : 'issues move'}
            </strong>{' '}
            with{' '}
            <strong>
              {calls} rank {calls === 1 ? 'call' : 'calls'}
            </strong>{' '}
            <span className="vr-muted">
              (one call per moved issue: {preview.naive.perMovedIssue}; re-ranking everything in chunks of 50:{' '}
              {preview.naive.chunksOf50}
              {calls < saved ? `; ${saved - calls} fewer than the cheaper of the two` : ''})
            </span>
          </>
        )}
      </p>
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
      <div className="vr-actions">
        <Button
          appearance="primary"
          disabled={!canRank || busy || noChange}
          aria-describedby={!canRank ? `${id}-norank` : undefined}
          onClick={onApply}
        >
          {busy ? 'Applying…' : `Apply${noChange ? '' : ` (${preview.moved} moves)`}`}
        </Button>
        {!canRank ? (
          <span className="vr-field__error" id={`${id}-norank`}>
            Jira does not allow you to rank issues in {projectKey}, so ValueRank cannot reorder this backlog
            for you. Someone with the Schedule Issues permission can apply it.
          </span>
        ) : null}
      </div>
      {!noChange ? (
        <>
          <p className="vr-muted">
            {/* `moved` counts issues that end in another place; the calls carry `moveCount` issues. */}
            The rank calls carry {preview.moveCount} {preview.moveCount === 1 ? 'issue' : 'issues'}
            {preview.moveCount > shown.length ? `; the first ${shown.length} by new position are listed` : ''}
            . The other issues keep their order and shift to make room.
          </p>
          <Table
            caption="The new order, moved issues only: new position, issue, old position"
            hideCaption
            columns={[
              { key: 'to', header: 'New', align: 'end', width: '3.5rem', cell: (r) => r.to },
              {
                key: 'key',
                header: 'Issue',
                width: '6.5rem',
                rowHeader: true,
                cell: (r) => <IssueLink issueKey={r.key} />,
              },
              ...(compact
                ? []
                : [
                    {
                      key: 'summary',
                      header: 'Summary',
                      cell: (r: Row) => <UserText>{summaries.get(r.key) ?? ''}</UserText>,
                    },
                  ]),
              {
                key: 'from',
                header: 'Was',
                align: 'end' as const,
                width: '3.5rem',
                cell: (r: Row) => r.from,
              },
              {
                key: 'move',
                header: 'Move',
                width: '7rem',
                cell: (r: Row) =>
                  r.from === r.to ? (
                    <span className="vr-muted">stays</span>
                  ) : (
                    <Badge tone={r.from > r.to ? 'success' : 'neutral'} plain>
                      {r.from} → {r.to} {r.from > r.to ? `(↑${r.from - r.to})` : `(↓${r.to - r.from})`}
                    </Badge>
                  ),
              },
            ]}
            rows={shown}
            rowKey={(r) => r.key}
            rowClassName={(r) => (r.from !== r.to ? 'vr-preview__moved' : undefined)}
            scroll
          />
        </>
      ) : null}
    </section>
  );
}
