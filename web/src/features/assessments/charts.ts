// Geometry of the SVG charts: the radar of maturity by group and the roadmap timeline.
// Pure functions, so the arithmetic is unit-tested apart from React.

export interface Point {
  x: number;
  y: number;
}

/** The point of axis `i` of `n` at `r` from the centre; axis 0 points straight up, then clockwise. */
export function polar(i: number, n: number, r: number, cx: number, cy: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)) };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** SVG `points` of a polygon through `values` (0..max, null as 0) on `values.length` axes. */
export function radarPoints(values: readonly (number | null)[], max: number, radius: number, cx: number, cy: number): string {
  const n = values.length;
  return values
    .map((v, i) => {
      const clamped = Math.max(0, Math.min(max, v ?? 0));
      const p = polar(i, n, (clamped / max) * radius, cx, cy);
      return `${p.x},${p.y}`;
    })
    .join(' ');
}

/** Where an axis label goes and how it is anchored so it never runs into the chart. */
export function labelPlacement(i: number, n: number, r: number, cx: number, cy: number): Point & { anchor: 'start' | 'middle' | 'end' } {
  const p = polar(i, n, r, cx, cy);
  const dx = p.x - cx;
  const anchor = Math.abs(dx) < r * 0.15 ? 'middle' : dx > 0 ? 'start' : 'end';
  return { ...p, anchor };
}

/** A maturity figure for people: the one rounding of lib/labels. */
export { formatMaturity } from '../../lib/labels';

/** Shortens a label to `max` characters at a word boundary, with an ellipsis. */
export function shorten(label: string, max: number): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const space = label.charAt(max - 1) === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

// ---------- Dates and the timeline ----------

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC), or NaN. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Today as `YYYY-MM-DD` in UTC (the server's default for dates). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface MonthTick {
  day: number;
  label: string;
}

/** The first day of every month from the month of `fromDay` through `toDay`. */
export function monthTicks(fromDay: number, toDay: number): MonthTick[] {
  const out: MonthTick[] = [];
  const start = new Date(fromDay * DAY);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  for (let guard = 0; guard < 240; guard++) {
    const day = Date.UTC(y, m, 1) / DAY;
    if (day > toDay) break;
    const label = new Date(day * DAY).toLocaleDateString('en-GB', { month: 'short', year: m === 0 || out.length === 0 ? 'numeric' : undefined, timeZone: 'UTC' });
    out.push({ day, label });
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

export interface TimelineAction {
  id: string;
  phase: number;
  start_date: string;
  target_date: string;
  depends_on: string[];
}

export type TimelineRow<A> = { kind: 'phase'; phase: number; name: string; count: number } | { kind: 'action'; action: A };

export interface TimelineLayout<A> {
  rows: TimelineRow<A>[];
  /** First and last day shown (whole months around the actions). */
  fromDay: number;
  toDay: number;
}

/**
 * The rows of the timeline: each phase's heading, then its actions by start date (then target date,
 * then their order in the roadmap). The range spans whole months around every action.
 */
export function timelineLayout<A extends TimelineAction>(actions: readonly A[], phaseNames: ReadonlyMap<number, string>): TimelineLayout<A> {
  const phases = [...new Set(actions.map((a) => a.phase))].sort((a, b) => a - b);
  const rows: TimelineRow<A>[] = [];
  for (const p of phases) {
    const list = actions
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.phase === p)
      .sort((x, y) => dayNumber(x.a.start_date) - dayNumber(y.a.start_date) || dayNumber(x.a.target_date) - dayNumber(y.a.target_date) || x.i - y.i)
      .map(({ a }) => a);
    rows.push({ kind: 'phase', phase: p, name: phaseNames.get(p) ?? `Phase ${p}`, count: list.length });
    for (const a of list) rows.push({ kind: 'action', action: a });
  }
  const days = actions.flatMap((a) => [dayNumber(a.start_date), dayNumber(a.target_date)]).filter((d) => !Number.isNaN(d));
  const min = days.length ? Math.min(...days) : dayNumber(todayIso());
  const max = days.length ? Math.max(...days) : min + 90;
  const first = new Date(min * DAY);
  const fromDay = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) / DAY;
  const last = new Date(max * DAY);
  const toDay = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1) / DAY;
  return { rows, fromDay, toDay };
}
