// The geometry of the readings chart (plain SVG): scales from dates and values to pixels, tick
// values, the points and line of the readings, the target line(s) and the warning band. Pure
// functions, tested in chart.test.ts; ReadingsChart draws what they return.
import type { DerivedStatus, ObjectiveDirection } from './api';

export interface ChartTargets {
  direction: ObjectiveDirection;
  target_value?: number | null;
  target_min?: number | null;
  target_max?: number | null;
  warning_threshold?: number | null;
  warning_margin?: number | null;
}

export interface ChartReading {
  id: string;
  measured_on: string;
  value: number;
  status: DerivedStatus;
}

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Band {
  y: number;
  height: number;
  kind: 'warning' | 'target';
}

export interface ChartModel {
  points: { id: string; x: number; y: number; status: DerivedStatus; day: string; value: number }[];
  line: string;
  targets: { y: number; value: number }[];
  bands: Band[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; day: string }[];
  plot: { x: number; y: number; width: number; height: number };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function dayText(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** About `count` round tick values covering [lo, hi] (steps of 1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** The values a target draws: its line(s) and the edges of its bands. */
export function targetValues(t: ChartTargets): { lines: number[]; bands: { from: number; to: number; kind: Band['kind'] }[] } {
  const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  if (t.direction === 'within_range') {
    const lo = n(t.target_min), hi = n(t.target_max), m = n(t.warning_margin);
    if (lo === undefined || hi === undefined) return { lines: [], bands: [] };
    const bands: { from: number; to: number; kind: Band['kind'] }[] = [{ from: lo, to: hi, kind: 'target' }];
    if (m !== undefined && m > 0) bands.push({ from: lo - m, to: lo, kind: 'warning' }, { from: hi, to: hi + m, kind: 'warning' });
    return { lines: lo === hi ? [lo] : [lo, hi], bands };
  }
  const target = n(t.target_value), warn = n(t.warning_threshold);
  if (target === undefined) return { lines: [], bands: [] };
  const bands = warn === undefined ? [] : [{ from: Math.min(target, warn), to: Math.max(target, warn), kind: 'warning' as const }];
  return { lines: [target], bands };
}

/** Month starts between two day numbers, thinned to at most `max` labels. */
function monthTicks(first: number, last: number, max: number): number[] {
  const out: number[] = [];
  const d = new Date(first * 86_400_000);
  let y = d.getUTCFullYear(), m = d.getUTCMonth();
  for (;;) {
    if (m > 11) {
      m = 0;
      y += 1;
    }
    const n = Date.UTC(y, m, 1) / 86_400_000;
    if (n > last) break;
    if (n >= first) out.push(n);
    m += 1;
  }
  const every = Math.max(1, Math.ceil(out.length / max));
  return out.filter((_, i) => i % every === 0);
}

export function chartModel(readings: ChartReading[], t: ChartTargets, box: Box): ChartModel {
  const plot = { x: box.left, y: box.top, width: box.width - box.left - box.right, height: box.height - box.top - box.bottom };
  const tv = targetValues(t);
  const values = [...readings.map((r) => r.value), ...tv.lines, ...tv.bands.flatMap((b) => [b.from, b.to])];
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const span = hi - lo;
  lo -= span * 0.08;
  hi += span * 0.08;
  const ticks = niceTicks(lo, hi, 5);
  lo = Math.min(lo, ticks[0]);
  hi = Math.max(hi, ticks[ticks.length - 1]);
  const y = (v: number) => plot.y + plot.height - ((v - lo) / (hi - lo)) * plot.height;

  const days = readings.map((r) => dayNumber(r.measured_on));
  let first = days.length ? Math.min(...days) : 0;
  let last = days.length ? Math.max(...days) : 1;
  if (last - first < 14) {
    const mid = (first + last) / 2;
    first = Math.floor(mid - 7);
    last = Math.ceil(mid + 7);
  }
  const x = (n: number) => plot.x + ((n - first) / (last - first)) * plot.width;

  const points = readings
    .map((r) => ({ id: r.id, x: x(dayNumber(r.measured_on)), y: y(r.value), status: r.status, day: r.measured_on, value: r.value }))
    .sort((a, b) => a.x - b.x);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const bands = tv.bands.map((b) => ({ y: y(b.to), height: y(b.from) - y(b.to), kind: b.kind }));
  return {
    points,
    line,
    targets: tv.lines.map((v) => ({ y: y(v), value: v })),
    bands,
    yTicks: ticks.map((v) => ({ y: y(v), value: v })),
    xTicks: monthTicks(first, last, 8).map((n) => ({ x: x(n), day: dayText(n) })),
    plot,
  };
}
