// A radar (spider) chart drawn as SVG: one axis per group, rings for the levels 1–5, the measured
// maturity as a filled polygon and the target as a dashed one.
import { useId } from 'react';
import { formatMaturity, labelPlacement, polar, radarPoints, shorten } from '../charts';

export interface RadarAxis {
  id: string;
  title: string;
  value: number | null;
}

interface Props {
  title: string;
  axes: readonly RadarAxis[];
  target: number;
  max?: number;
  testId?: string;
}

const W = 600;
const H = 440;
const CX = W / 2;
const CY = 222;
const R = 136;

export function RadarChart({ title, axes, target, max = 5, testId }: Props) {
  const titleId = useId();
  const n = axes.length;
  if (n < 3) return null;
  const rings = Array.from({ length: max }, (_, i) => i + 1);
  const values = axes.map((a) => a.value);
  return (
    <figure className="radar" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="radar-svg">
        <title id={titleId}>
          {title}: {axes.map((a) => `${a.id} ${formatMaturity(a.value)}`).join(', ')}; target {target}
        </title>
        {rings.map((r) => (
          <polygon key={r} points={radarPoints(Array(n).fill(r), max, R, CX, CY)} className={`radar-ring${r === max ? ' radar-ring-outer' : ''}`} />
        ))}
        {axes.map((a, i) => {
          const p = polar(i, n, R, CX, CY);
          return <line key={a.id} x1={CX} y1={CY} x2={p.x} y2={p.y} className="radar-spoke" />;
        })}
        {rings.map((r) => {
          const p = polar(0, n, (r / max) * R, CX, CY);
          return (
            <text key={r} x={p.x + 4} y={p.y - 2} className="radar-tick">
              {r}
            </text>
          );
        })}
        <polygon points={radarPoints(Array(n).fill(target), max, R, CX, CY)} className="radar-target" data-testid="radar-target" />
        <polygon points={radarPoints(values, max, R, CX, CY)} className="radar-value" data-testid="radar-value" />
        {axes.map((a, i) => {
          const p = polar(i, n, ((a.value ?? 0) / max) * R, CX, CY);
          return (
            <circle key={a.id} cx={p.x} cy={p.y} r={3.5} className={a.value === null ? 'radar-dot radar-dot-none' : 'radar-dot'}>
              <title>
                {a.id} {a.title}: {a.value === null ? 'not applicable' : `maturity ${formatMaturity(a.value)}`} (target {target})
              </title>
            </circle>
          );
        })}
        {axes.map((a, i) => {
          const l = labelPlacement(i, n, R + 14, CX, CY);
          // Two lines: id and figure, then the title; above the chart they stack upwards.
          const top = l.y < CY - R * 0.6 ? l.y - 22 : l.y > CY + R * 0.6 ? l.y + 12 : l.y - 6;
          return (
            <text key={a.id} x={l.x} y={top} textAnchor={l.anchor} className="radar-label">
              <tspan x={l.x} dy="0" className="radar-label-id">
                {a.id}
                <tspan className="radar-label-value"> {formatMaturity(a.value)}</tspan>
              </tspan>
              <tspan x={l.x} dy="15" className="radar-label-title">
                {shorten(a.title, 22)}
              </tspan>
            </text>
          );
        })}
      </svg>
      <figcaption className="radar-legend">
        <span className="legend-swatch legend-value" aria-hidden="true" /> Maturity
        <span className="legend-swatch legend-target" aria-hidden="true" /> Target ({target})
      </figcaption>
    </figure>
  );
}
