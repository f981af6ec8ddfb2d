/**
 * Value against effort for the gadget: the points the resolver sent, split at its medians, with the
 * quadrant counts. The chart is decorative for screen readers; the counts table (and, on request, the
 * points table) says the same.
 */
import { useState } from 'react';
import type { Answers } from '../../bridge';
import { Button, Table } from '../../components';

type Report = NonNullable<Answers['gadget.health']['quadrants']>;
type QuadrantName = keyof Report['counts'];

const LABEL: Readonly<Record<QuadrantName, string>> = {
  'quick-win': 'Quick wins',
  'big-bet': 'Big bets',
  filler: 'Fillers',
  'time-sink': 'Time sinks',
};
const W = 320;
const H = 200;
const M = 24;

export function QuadrantChart({ report }: { report: Report }) {
  const [showPoints, setShowPoints] = useState(false);
  const maxX = Math.max(1, ...report.points.map((p) => p.x));
  const ys = report.points.map((p) => p.y);
  const minY = Math.min(0, ...ys);
  const maxY = Math.max(1, ...ys);
  const sx = (x: number) => M + (x / maxX) * (W - 2 * M);
  const sy = (y: number) => H - M - ((y - minY) / (maxY - minY || 1)) * (H - 2 * M);
  const names = Object.keys(LABEL) as QuadrantName[];
  return (
    <div className="vr-gadget__quadrants">
      <svg viewBox={`0 0 ${W} ${H}`} className="vr-gadget__chart" aria-hidden="true">
        {report.medians && (
          <>
            <line
              className="vr-gadget__axis"
              x1={sx(report.medians.effort)}
              x2={sx(report.medians.effort)}
              y1={M}
              y2={H - M}
            />
            <line
              className="vr-gadget__axis"
              x1={M}
              x2={W - M}
              y1={sy(report.medians.value)}
              y2={sy(report.medians.value)}
            />
          </>
        )}
        {report.points.map((p) => (
          <circle
            key={p.key}
            cx={sx(p.x)}
            cy={sy(p.y)}
            r={3}
            className={`vr-gadget__dot vr-gadget__dot--${p.quadrant}`}
          />
        ))}
        <text x={W - M} y={H - 4} textAnchor="end" className="vr-gadget__label">
          effort →
        </text>
        <text x={4} y={M - 8} className="vr-gadget__label">
          ↑ value
        </text>
      </svg>
      <Table
        caption="Items per quadrant (split at the medians)"
        rows={names}
        rowKey={(n) => n}
        columns={[
          { key: 'q', header: 'Quadrant', cell: (n) => LABEL[n], rowHeader: true },
          { key: 'n', header: 'Items', cell: (n) => report.counts[n], align: 'end' },
        ]}
      />
      <p className="vr-gadget__meta">
        {report.plotted} items have a score and an estimate; {report.missing} lack one or both.
        {report.points.length < report.plotted
          ? ` The chart shows the ${report.points.length} highest-value.`
          : ''}
      </p>
      <Button appearance="link" onClick={() => setShowPoints((s) => !s)} aria-expanded={showPoints}>
        {showPoints ? 'Hide the data table' : 'Show the chart as a table'}
      </Button>
      {showPoints && (
        <Table
          caption="Value and effort per item"
          scroll
          rows={report.points}
          rowKey={(p) => p.key}
          columns={[
            { key: 'key', header: 'Issue', cell: (p) => p.key, rowHeader: true },
            { key: 'x', header: 'Story points', cell: (p) => p.x, align: 'end' },
            { key: 'y', header: 'Score', cell: (p) => Number(p.y.toPrecision(4)), align: 'end' },
            { key: 'q', header: 'Quadrant', cell: (p) => LABEL[p.quadrant] },
          ]}
        />
      )}
    </div>
  );
}
