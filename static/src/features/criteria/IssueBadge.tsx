/**
 * The issue context: readiness, quality score and business value score at a glance. The score is live for the
 * project's current model (the same scoring as Prioritize); a stale written copy is said so.
 */
import { useEffect } from 'react';
import { call, onIssueChanged } from '../../bridge';
import { Badge, ErrorMessage, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import './criteria.css';

export function IssueBadge({ issueKey }: { issueKey: string }) {
  const [state, reload] = useAsync(() => call('readiness.badge', { issueKey }), [issueKey]);
  useEffect(() => onIssueChanged(reload), [reload]);
  if (state.status === 'loading') return <Spinner label="Checking…" />;
  if (state.status === 'error')
    return (
      <ErrorMessage title="ValueRank could not check this issue." error={state.error} onRetry={reload} />
    );
  const b = state.data;
  return (
    <dl className="vr-badge-card">
      <dt>Readiness</dt>
      <dd data-testid="readiness">
        {b.ready ? <Badge tone="success">Ready</Badge> : <Badge tone="danger">Not ready</Badge>}
        {b.blocking.length > 0 ? (
          <ul className="vr-badge-card__blocking">
            {b.blocking.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : null}
      </dd>
      <dt>Quality</dt>
      <dd data-testid="quality">{b.quality}/100</dd>
      <dt>Business value</dt>
      <dd data-testid="value">
        <span data-testid="value-score">
          {b.value.score !== null ? b.value.display : 'unscored'} ({b.value.modelLabel})
        </span>
        {b.value.score === null && b.value.reason ? (
          <p className="vr-badge-card__note">{b.value.reason}</p>
        ) : null}
        {b.value.stale ? (
          <p className="vr-badge-card__note" data-testid="value-stale">
            <Badge tone="warning">Stale</Badge> {b.value.stale}
          </p>
        ) : null}
      </dd>
    </dl>
  );
}
