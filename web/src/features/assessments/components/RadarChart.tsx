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

const SIZE = 460;
const CX = SIZE / 2;
const CY = 200;
const R = 130;

export function RadarChart({ title, axes, target, max = 5, testId }: Props) {
  const titleId = useId();
  const n = axes.length;
  if (n < 3) return null;
  const rings = Array.from({ length: max }, (_, i) => i + 1);
  const values = axes.map((a) => a.value);
  return (
    <figure className="radar" data-testid={testId}>
      <svg viewBox={`0 0 ${SIZE} 400`} role="img" aria-labelledby={titleId} className="radar-svg">
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
          const l = labelPlacement(i, n, R + 16, CX, CY);
          const dy = l.y < CY - R * 0.6 ? -4 : l.y > CY + R * 0.6 ? 12 : 4;
          return (
            <text key={a.id} x={l.x} y={l.y + dy} textAnchor={l.anchor} className="radar-label">
              <tspan className="radar-label-id">{a.id}</tspan> {shorten(a.title, 24)}
              <tspan className="radar-label-value"> {formatMaturity(a.value)}</tspan>
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
