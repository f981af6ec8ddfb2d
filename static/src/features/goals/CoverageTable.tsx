/**
 * Goal coverage of a backlog (core `goalCoverage`): per active goal its weight, its share of the backlog's
 * value (a bar and a percentage) and how many items serve it, then the items that serve no active goal.
 * The bar is decoration; the percentage is the value (screen readers read the table).
 */
import type { CoverageReport } from '../../../../src/core/vision';
import { Table } from '../../components';
import './goals.css';

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** How many unaligned keys are named before "and N more". */
const SHOWN_KEYS = 5;

function ShareBar({ share }: { share: number }) {
  const width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return (
    <span className="vr-coverage__share">
      <span className="vr-coverage__track" aria-hidden="true">
        <span className="vr-coverage__bar" style={{ width }} />
      </span>
      <span className="vr-coverage__pct">{pct(share)}</span>
    </span>
  );
}

export function CoverageTable({
  report,
  caption = 'Goal coverage: share of backlog value per active goal',
  hideCaption,
}: {
  report: CoverageReport;
  caption?: string;
  hideCaption?: boolean;
}) {
  const { unaligned } = report;
  const shown = unaligned.keys.slice(0, SHOWN_KEYS);
  // The answer lists the first keys only; the count covers them all.
  const more = unaligned.count - shown.length;
  return (
    <div className="vr-coverage">
      {report.goals.length === 0 ? (
        <p>The vision has no active goals.</p>
      ) : (
        <Table
          caption={caption}
          hideCaption={hideCaption}
          rows={report.goals}
          rowKey={(g) => g.goalId}
          columns={[
            { key: 'name', header: 'Goal', cell: (g) => g.name, rowHeader: true },
            { key: 'weight', header: 'Weight', cell: (g) => g.weight, align: 'end' },
            { key: 'share', header: 'Share of value', cell: (g) => <ShareBar share={g.share} /> },
            { key: 'count', header: 'Items', cell: (g) => g.count, align: 'end' },
          ]}
        />
      )}
      <p className="vr-coverage__unaligned" data-testid="coverage-unaligned">
        {unaligned.count === 0
          ? 'Every item serves an active goal.'
          : `${unaligned.count} item${unaligned.count === 1 ? '' : 's'} (${pct(unaligned.share)} of value) serve${unaligned.count === 1 ? 's' : ''} no active goal: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`}
      </p>
    </div>
  );
}
