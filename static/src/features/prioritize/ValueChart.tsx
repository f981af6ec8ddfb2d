/**
 * Value against effort: each scored, estimated issue at (story points, score), split into quadrants at the
 * medians (quick wins, big bets, fillers, time sinks) with their counts, as the back end computed them for
 * the whole backlog (core `valueEffortQuadrants`, the gadget's computation). Plain SVG, design tokens only.
 * The points are one tab stop: arrow keys move between them (by effort, then score), Enter explains the
 * score. A data table says the same for people who do not see the chart.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { Button, Table, UserText } from '../../components';
import { formatPoints } from './labels';
import type { Answers } from '../../bridge';
import { median, quadrantOf, type Quadrant } from '../../../../src/core/health/quadrants';

type Chart = Extract<Answers['prioritize.load'], { chart: unknown }>['chart'];
/** One plotted issue (the view sends the highest-value estimated issues, at most 500). */
type Item = Chart['points'][number];
type QuadrantSummary = NonNullable<Chart['quadrants']>;

const QUADRANTS: Readonly<Record<Quadrant, string>> = {
  'quick-win': 'Quick wins',
  'big-bet': 'Big bets',
  filler: 'Fillers',
  'time-sink': 'Time sinks',
};
const QUADRANT_HINT: Readonly<Record<Quadrant, string>> = {
  'quick-win': 'high value, low effort',
  'big-bet': 'high value, high effort',
  filler: 'low value, low effort',
  'time-sink': 'low value, high effort',
};

interface Point {
  item: Item;
  x: number;
  y: number;
  quadrant: Quadrant;
}

/** Round numbers for an axis from 0 (or below) to at least `max`. */
function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 0.999; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

const W = 640;
const H = 360;
const M = { top: 16, right: 16, bottom: 44, left: 56 };

export function ValueChart({
  items,
  plotted: inAll,
  quadrants,
  modelName,
  onSelect,
}: {
  items: readonly Item[];
  /** Estimated, scored issues in the whole backlog (more than `items` on a large backlog). */
  plotted?: number;
  /** The whole backlog's split and counts as the back end computed them (the gadget's own computation). */
  quadrants?: QuadrantSummary | undefined;
  modelName: string;
  onSelect: (item: Item) => void;
}) {
  const id = useId();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState<number | undefined>(undefined);
  const [showTable, setShowTable] = useState(false);

  const plotted = items.filter((i) => Number.isFinite(i.score) && Number.isFinite(i.storyPoints));
  const left = items.length - plotted.length;
  const sampled = inAll !== undefined && inAll > plotted.length;
  if (plotted.length === 0)
    return (
      <p className="vr-muted">
        Nothing to plot: no issue has both a score and story points
        {items.length ? ` (${items.length} unplotted)` : ''}.
      </p>
    );

  // One split and one count for the whole backlog: the back end's (core `valueEffortQuadrants`, which the
  // gadget shows too); only an answer stored before it had them is split here, with the same core rule.
  const medians = quadrants?.medians ?? {
    effort: median(plotted.map((i) => i.storyPoints)),
    value: median(plotted.map((i) => i.score)),
  };
  const medX = medians.effort;
  const medY = medians.value;
  const points: Point[] = plotted
    .map((item) => {
      const x = item.storyPoints;
      const y = item.score;
      return { item, x, y, quadrant: item.quadrant ?? quadrantOf(x, y, medians) };
    })
    .sort((a, b) => a.x - b.x || b.y - a.y || a.item.key.localeCompare(b.item.key));
  const counts =
    quadrants?.counts ??
    points.reduce((c, p) => ({ ...c, [p.quadrant]: c[p.quadrant] + 1 }), {
      'quick-win': 0,
      'big-bet': 0,
      filler: 0,
      'time-sink': 0,
    } as Record<Quadrant, number>);

  const xTicks = ticks(0, Math.max(...points.map((p) => p.x), 1));
  const yTicks = ticks(Math.min(0, ...points.map((p) => p.y)), Math.max(...points.map((p) => p.y), 1));
  const x0 = xTicks[0] as number;
  const x1 = xTicks[xTicks.length - 1] as number;
  const y0 = yTicks[0] as number;
  const y1 = yTicks[yTicks.length - 1] as number;
  const sx = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const sy = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);

  const current = Math.min(active, points.length - 1);
  const label = (p: Point) =>
    `${p.item.key}: score ${p.item.display}, ${formatPoints(p.x)} story points, ${QUADRANTS[p.quadrant].toLowerCase().replace(/s$/, '')}`;
  const focusPoint = (i: number) => {
    setActive(i);
    document.getElementById(`${id}-p-${i}`)?.focus();
  };
  const onKey = (event: KeyboardEvent<SVGElement>, i: number) => {
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(i + 1, points.length - 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(i - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? points.length - 1
              : undefined;
    if (next !== undefined) {
      event.preventDefault();
      focusPoint(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const p = points[i];
      if (p) onSelect(p.item);
    }
  };
  const tip = focused !== undefined ? points[focused] : undefined;
  const mx = sx(medX);
  const my = sy(medY);
  const corner = (q: Quadrant) => {
    const right = q === 'big-bet' || q === 'time-sink';
    const top = q === 'quick-win' || q === 'big-bet';
    return {
      x: right ? W - M.right - 6 : M.left + 6,
      y: top ? M.top + 14 : H - M.bottom - 8,
      anchor: right ? ('end' as const) : ('start' as const),
    };
  };

  return (
    <div className="vr-chart">
      <p className="vr-muted" id={`${id}-desc`}>
        {modelName} score against story points for {points.length} issues, split at the medians (score{' '}
        {Number(medY.toPrecision(3))}, {formatPoints(medX)} story points). Quick wins {counts['quick-win']},
        big bets {counts['big-bet']}, fillers {counts.filler}, time sinks {counts['time-sink']}.
        {left > 0 ? ` ${left} not plotted: unscored or not estimated.` : ''}
        {sampled ? ` The ${points.length} highest-value of ${inAll} estimated issues are shown.` : ''}
      </p>
      <svg
        className="vr-chart__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc ${id}-keys`}
      >
        <title id={`${id}-title`}>Value against effort</title>
        {(['quick-win', 'big-bet', 'filler', 'time-sink'] as const).map((q) => {
          const right = q === 'big-bet' || q === 'time-sink';
          const top = q === 'quick-win' || q === 'big-bet';
          return (
            <rect
              key={q}
              className={`vr-chart__quadrant vr-chart__quadrant--${q}`}
              x={right ? mx : M.left}
              y={top ? M.top : my}
              width={Math.max(0, right ? W - M.right - mx : mx - M.left)}
              height={Math.max(0, top ? my - M.top : H - M.bottom - my)}
              aria-hidden="true"
            />
          );
        })}
        <g aria-hidden="true">
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line className="vr-chart__grid" x1={sx(t)} x2={sx(t)} y1={M.top} y2={H - M.bottom} />
              <text className="vr-chart__tick" x={sx(t)} y={H - M.bottom + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line className="vr-chart__grid" x1={M.left} x2={W - M.right} y1={sy(t)} y2={sy(t)} />
              <text className="vr-chart__tick" x={M.left - 8} y={sy(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          <line className="vr-chart__axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          <line className="vr-chart__axis" x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
          <line className="vr-chart__median" x1={mx} x2={mx} y1={M.top} y2={H - M.bottom} />
          <line className="vr-chart__median" x1={M.left} x2={W - M.right} y1={my} y2={my} />
          <text className="vr-chart__axis-label" x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle">
            Story points (effort)
          </text>
          <text
            className="vr-chart__axis-label"
            transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            Score ({modelName})
          </text>
        </g>
        <g role="list" aria-label={`${points.length} issues`}>
          {points.map((p, i) => (
            <circle
              key={p.item.key}
              id={`${id}-p-${i}`}
              role="listitem"
              aria-label={label(p)}
              tabIndex={i === current ? 0 : -1}
              className={`vr-chart__point vr-chart__point--${p.quadrant}`}
              cx={sx(p.x)}
              cy={sy(p.y)}
              r={5}
              onFocus={() => {
                setActive(i);
                setFocused(i);
              }}
              onBlur={() => setFocused(undefined)}
              onMouseEnter={() => setFocused(i)}
              onMouseLeave={() => setFocused(undefined)}
              onClick={() => {
                setActive(i);
                onSelect(p.item);
              }}
              onKeyDown={(e) => onKey(e, i)}
            >
              <title>{label(p)}</title>
            </circle>
          ))}
        </g>
        <g aria-hidden="true" className="vr-chart__labels">
          {(Object.keys(QUADRANTS) as Quadrant[]).map((q) => {
            const c = corner(q);
            return (
              <text key={q} className="vr-chart__quadrant-label" x={c.x} y={c.y} textAnchor={c.anchor}>
                {QUADRANTS[q]} ({counts[q]})
              </text>
            );
          })}
        </g>
        {tip ? (
          <g className="vr-chart__tip" aria-hidden="true">
            <circle className="vr-chart__ring" cx={sx(tip.x)} cy={sy(tip.y)} r={9} />
            <text
              className="vr-chart__tip-text"
              x={sx(tip.x) + (sx(tip.x) > W / 2 ? -12 : 12)}
              y={sy(tip.y) - 12}
              textAnchor={sx(tip.x) > W / 2 ? 'end' : 'start'}
            >
              {tip.item.key} · {tip.item.display} · {formatPoints(tip.x)} SP
            </text>
          </g>
        ) : null}
      </svg>
      <p className="vr-field__hint" id={`${id}-keys`}>
        Tab to the points, then use the arrow keys to move between issues; Enter shows how the score is
        calculated.
      </p>
      <Button aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((s) => !s)}>
        {showTable ? 'Hide the data table' : 'Show as a table'}
      </Button>
      <div id={`${id}-table`} hidden={!showTable}>
        {showTable ? (
          <Table
            caption="Value against effort, by quadrant"
            columns={[
              {
                key: 'key',
                header: 'Issue',
                rowHeader: true,
                width: '6.5rem',
                cell: (p: Point) => p.item.key,
              },
              {
                key: 'summary',
                header: 'Summary',
                cell: (p: Point) => <UserText>{p.item.summary}</UserText>,
              },
              {
                key: 'sp',
                header: 'Story points',
                align: 'end',
                width: '6rem',
                cell: (p: Point) => formatPoints(p.x),
              },
              {
                key: 'score',
                header: 'Score',
                align: 'end',
                width: '5rem',
                cell: (p: Point) => p.item.display,
              },
              {
                key: 'q',
                header: 'Quadrant',
                width: '12rem',
                cell: (p: Point) => `${QUADRANTS[p.quadrant]} (${QUADRANT_HINT[p.quadrant]})`,
              },
            ]}
            rows={[...points].sort(
              (a, b) =>
                Object.keys(QUADRANTS).indexOf(a.quadrant) - Object.keys(QUADRANTS).indexOf(b.quadrant) ||
                b.y - a.y,
            )}
            rowKey={(p) => p.item.key}
            scroll
          />
        ) : null}
      </div>
    </div>
  );
}
