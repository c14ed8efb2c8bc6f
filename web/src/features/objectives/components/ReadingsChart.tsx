// The readings of an objective over time as a plain SVG line chart: the target line(s), the warning
// band (and for a range, the range itself), and each reading as a point coloured by its status.
// The readings table beside it is the text alternative; the SVG's title summarizes the chart.
import { useId } from 'react';
import type { Objective, ObjectiveReading } from '../api';
import { chartModel, type Box } from '../chart';
import { derivedStatusLabels, formatDay, formatValue } from '../labels';

const BOX: Box = { width: 760, height: 280, left: 64, right: 16, top: 14, bottom: 34 };

export function ReadingsChart({ objective, readings, tableId }: { objective: Objective; readings: ObjectiveReading[]; tableId: string }) {
  const titleId = useId();
  const m = chartModel(readings, objective, BOX);
  const unit = objective.unit;
  const last = readings.length ? readings.reduce((a, b) => (b.measured_on >= a.measured_on ? b : a)) : undefined;
  const summary =
    `${readings.length} reading${readings.length === 1 ? '' : 's'} of ${objective.measure}` +
    (last ? `; the latest, on ${formatDay(last.measured_on)}, is ${formatValue(last.value, unit)} (${derivedStatusLabels[last.status]})` : '') +
    `. ${objective.derived.formula}`;
  // Months by name; the year on the first label and on every January.
  const month = (day: string, first: boolean) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
      month: 'short',
      year: first || day.slice(5, 7) === '01' ? 'numeric' : undefined,
      timeZone: 'UTC',
    });
  const hasWarning = m.bands.some((b) => b.kind === 'warning');
  const hasRange = m.bands.some((b) => b.kind === 'target');
  return (
    <figure className="readings-chart" data-testid="readings-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={titleId} aria-describedby={tableId}>
        <title id={titleId}>{summary}</title>
        {m.bands.map((b, i) => (
          <rect key={i} x={m.plot.x} width={m.plot.width} y={b.y} height={Math.max(0, b.height)} className={`rc-band-${b.kind}`} data-testid={`band-${b.kind}`} />
        ))}
        {m.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={m.plot.x} x2={m.plot.x + m.plot.width} y1={t.y} y2={t.y} className="rc-grid" />
            <text x={m.plot.x - 8} y={t.y + 4} textAnchor="end" className="rc-tick">
              {formatValue(t.value)}
            </text>
          </g>
        ))}
        {m.xTicks.map((t, i) => (
          <text key={t.day} x={t.x} y={m.plot.y + m.plot.height + 20} textAnchor="middle" className="rc-tick">
            {month(t.day, i === 0)}
          </text>
        ))}
        <line x1={m.plot.x} x2={m.plot.x} y1={m.plot.y} y2={m.plot.y + m.plot.height} className="rc-axis" />
        <line x1={m.plot.x} x2={m.plot.x + m.plot.width} y1={m.plot.y + m.plot.height} y2={m.plot.y + m.plot.height} className="rc-axis" />
        {m.targets.map((t) => (
          <g key={t.value} data-testid="target-line">
            <line x1={m.plot.x} x2={m.plot.x + m.plot.width} y1={t.y} y2={t.y} className="rc-target" />
            <text x={m.plot.x + 6} y={t.y - 5} className="rc-target-label">
              target {formatValue(t.value, unit)}
            </text>
          </g>
        ))}
        {m.line ? <path d={m.line} className="rc-line" /> : null}
        {m.points.map((p) => (
          <circle key={p.id} cx={p.x} cy={p.y} r={readings.length > 60 ? 3 : 4.5} className={`rc-point rc-point-${p.status}`} data-testid="chart-point">
            <title>
              {formatDay(p.day)}: {formatValue(p.value, unit)} ({derivedStatusLabels[p.status]})
            </title>
          </circle>
        ))}
      </svg>
      <ul className="rc-legend" aria-hidden="true">
        <li>
          <span className="rc-swatch rc-swatch-line" /> Target
        </li>
        {hasRange ? (
          <li>
            <span className="rc-swatch rc-swatch-target" /> Target range
          </li>
        ) : null}
        {hasWarning ? (
          <li>
            <span className="rc-swatch rc-swatch-warning" /> Warning band (at risk)
          </li>
        ) : null}
        {(['on_track', 'at_risk', 'off_track'] as const).map((s) => (
          <li key={s}>
            <span className={`rc-dot rc-dot-${s}`} />
            {derivedStatusLabels[s]}
          </li>
        ))}
      </ul>
      <figcaption>Every reading is also listed in the table of readings.</figcaption>
    </figure>
  );
}
