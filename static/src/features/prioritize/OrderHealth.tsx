/**
 * How well the backlog's order follows value, in words and a small picture: of the N most valuable issues,
 * how many already sit in the backlog's top N ("the order follows value for 40% of the top 20 issues"),
 * one square per issue. The measure's name is in the tooltip only.
 */
import type { Item } from './RankedTable';

/** The top of the backlog the sentence speaks of. */
export const HEALTH_TOP = 20;

export interface OrderHealthFigures {
  top: number;
  /** Of the `top` most valuable issues, those already in the backlog's top `top`. */
  inTop: number;
  percent: number;
}

/** From the first rows in value order (the view's), scored ones only. */
export function orderHealth(valueOrder: readonly Item[], total: number): OrderHealthFigures | undefined {
  const scored = valueOrder.filter((i) => i.score !== null);
  const top = Math.min(HEALTH_TOP, total, scored.length);
  if (top === 0) return undefined;
  const inTop = scored.slice(0, top).filter((i) => i.rank <= top).length;
  return { top, inTop, percent: Math.round((inTop / top) * 100) };
}

export function OrderHealth({
  figures,
  inPlace,
  total,
}: {
  figures: OrderHealthFigures;
  inPlace: number;
  total: number;
}) {
  const { top, inTop, percent } = figures;
  const words =
    percent >= 80 ? 'mostly follows value' : percent >= 50 ? 'partly follows value' : 'hardly follows value';
  return (
    <div
      className="vr-health"
      title={`Top-${top} overlap: the share of the ${top} highest-scoring issues that are among the first ${top} of the backlog now.`}
    >
      <p className="vr-health__text">
        The order {words}: <strong>{percent}%</strong> of the top {top} issues by value are in the backlog’s
        top {top} now ({inTop} of {top}). {inPlace.toLocaleString('en')} of {total.toLocaleString('en')}{' '}
        issues are already in their value place.
      </p>
      <span
        className="vr-health__picture"
        role="img"
        aria-label={`${inTop} of the top ${top} issues by value are in the top ${top} now`}
      >
        {Array.from({ length: top }, (_, i) => (
          <span key={i} className={`vr-health__dot${i < inTop ? ' vr-health__dot--in' : ''}`} />
        ))}
      </span>
    </div>
  );
}
