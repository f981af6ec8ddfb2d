/**
 * How well the backlog's order follows value, in words and a small picture — the gadget's figure, from the
 * same core function (`orderHealth`, kept with the board's analysis): "The order follows value for 20% of
 * the top 20 issues", one square per top issue. The measures' names are in the tooltip only.
 */
import type { PrioritizeData } from './usePrioritizeView';

type Order = NonNullable<PrioritizeData['order']>;

const agreement = (spearman: number | null): string =>
  spearman === null
    ? 'cannot be compared'
    : spearman >= 0.7
      ? 'agree strongly'
      : spearman >= 0.4
        ? 'agree moderately'
        : spearman >= 0.1
          ? 'agree weakly'
          : 'hardly agree';

export function OrderHealth({ order, inPlace, total }: { order: Order; inPlace: number; total: number }) {
  const { topSize, topOverlap, spearman } = order;
  if (topOverlap === null || topSize === 0) return null;
  const inTop = Math.round(topOverlap * topSize);
  const percent = Math.round(topOverlap * 100);
  const tooltip = `Top-${topSize} overlap ${percent}%${spearman === null ? '' : `; Spearman rank correlation ${spearman.toFixed(2)}`}`;
  return (
    <div className="vr-health" title={tooltip}>
      <p className="vr-health__text">
        The order follows value for <strong>{percent}%</strong> of the top {topSize} issues: {inTop} of the{' '}
        {topSize} with the highest value are in the backlog’s top {topSize} now. Over the whole backlog, order
        and value {agreement(spearman)}; {inPlace.toLocaleString('en')} of {total.toLocaleString('en')} issues
        are already in their value place.
      </p>
      <span
        className="vr-health__picture"
        role="img"
        aria-label={`${inTop} of the top ${topSize} issues by value are in the top ${topSize} now`}
      >
        {Array.from({ length: topSize }, (_, i) => (
          <span key={i} className={`vr-health__dot${i < inTop ? ' vr-health__dot--in' : ''}`} />
        ))}
      </span>
    </div>
  );
}
