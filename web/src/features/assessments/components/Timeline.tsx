// The roadmap as a timeline (Gantt chart) in SVG: one bar per action from its start to its target
// date, grouped by phase, with month lines, today's date and the dependencies as thin connectors
// (those of the action under the pointer are highlighted).
import { useId, useState } from 'react';
import { formatDate } from '../../../lib/labels';
import type { RoadmapAction } from '../api';
import { dateOfDay, dayNumber, monthTicks, shorten, timelineLayout, todayIso } from '../charts';
import { actionStatusLabels } from '../labels';
import { actionTitle } from '../roadmap';

const LABEL_W = 250;
const CHART_W = 760;
const ROW_H = 22;
const HEAD_H = 26;
const AXIS_H = 24;

interface Props {
  actions: readonly RoadmapAction[];
  phaseNames: ReadonlyMap<number, string>;
  onSelect?: (actionId: string) => void;
}

export function Timeline({ actions, phaseNames, onSelect }: Props) {
  const titleId = useId();
  const [hover, setHover] = useState<string | null>(null);
  if (!actions.length) return null;
  const layout = timelineLayout(actions, phaseNames);
  const span = Math.max(1, layout.toDay - layout.fromDay);
  const x = (day: number) => LABEL_W + ((day - layout.fromDay) / span) * CHART_W;
  let y = AXIS_H;
  const placed = layout.rows.map((row) => {
    const top = y;
    y += row.kind === 'phase' ? HEAD_H : ROW_H;
    return { row, top };
  });
  const height = y + 6;
  const width = LABEL_W + CHART_W + 12;
  const pos = new Map<string, { x1: number; x2: number; y: number }>();
  for (const { row, top } of placed) {
    if (row.kind !== 'action') continue;
    const a = row.action;
    const s = dayNumber(a.start_date);
    const e = Math.max(s + 1, dayNumber(a.target_date));
    pos.set(a.id, { x1: x(s), x2: x(e), y: top + ROW_H / 2 });
  }
  const today = dayNumber(todayIso());
  const ticks = monthTicks(layout.fromDay, layout.toDay);
  const related = new Set<string>();
  if (hover) {
    related.add(hover);
    for (const a of actions) {
      if (a.id === hover) a.depends_on.forEach((d) => related.add(d));
      if (a.depends_on.includes(hover)) related.add(a.id);
    }
  }

  return (
    <div className="timeline-wrap" data-testid="roadmap-timeline">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={titleId} className="timeline-svg">
        <title id={titleId}>
          Roadmap timeline: {actions.length} actions between {formatDate(dateOfDay(layout.fromDay))} and {formatDate(dateOfDay(layout.toDay))}
        </title>
        {ticks.map((t) => (
          <g key={t.day}>
            <line x1={x(t.day)} x2={x(t.day)} y1={AXIS_H - 4} y2={height} className="tl-grid" />
            <text x={x(t.day) + 4} y={AXIS_H - 9} className="tl-month">
              {t.label}
            </text>
          </g>
        ))}
        {placed.map(({ row, top }) =>
          row.kind === 'phase' ? (
            <g key={`p${row.phase}`} className="tl-phase">
              <rect x={0} y={top + 2} width={width} height={HEAD_H - 4} className="tl-phase-bg" />
              <text x={8} y={top + HEAD_H / 2 + 4} className="tl-phase-label">
                Phase {row.phase} · {row.name} ({row.count})
              </text>
            </g>
          ) : null,
        )}
        {actions.flatMap((a) =>
          a.depends_on
            .filter((d) => pos.has(d) && pos.has(a.id))
            .map((d) => {
              const from = pos.get(d)!;
              const to = pos.get(a.id)!;
              const mid = Math.max(from.x2 + 6, Math.min(to.x1 - 6, from.x2 + 12));
              const on = hover !== null && (hover === a.id || hover === d);
              return (
                <path
                  key={`${d}>${a.id}`}
                  d={`M${from.x2},${from.y} H${mid} V${to.y} H${to.x1}`}
                  className={`tl-dep${on ? ' tl-dep-on' : ''}`}
                  markerEnd={on ? 'url(#tl-arrow-on)' : 'url(#tl-arrow)'}
                />
              );
            }),
        )}
        <defs>
          <marker id="tl-arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="5" markerHeight="5" orient="auto">
            <path d="M0,0 L6,3 L0,6 z" className="tl-arrow" />
          </marker>
          <marker id="tl-arrow-on" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="5" markerHeight="5" orient="auto">
            <path d="M0,0 L6,3 L0,6 z" className="tl-arrow-on" />
          </marker>
        </defs>
        {placed.map(({ row, top }) => {
          if (row.kind !== 'action') return null;
          const a = row.action;
          const p = pos.get(a.id)!;
          const dim = hover !== null && !related.has(a.id);
          return (
            <g
              key={a.id}
              className={`tl-row${dim ? ' tl-dim' : ''}`}
              onMouseEnter={() => setHover(a.id)}
              onMouseLeave={() => setHover(null)}
              onClick={() => onSelect?.(a.id)}
              data-action-id={a.id}
            >
              <rect x={0} y={top} width={width} height={ROW_H} className="tl-hit" />
              <text x={8} y={top + ROW_H / 2 + 4} className="tl-label">
                <tspan className="tl-label-id">{a.item_id}</tspan> {shorten(actionTitle(a), 34)}
              </text>
              <rect x={p.x1} y={top + 4} width={Math.max(3, p.x2 - p.x1)} height={ROW_H - 8} rx={3} className={`tl-bar tl-bar-${a.status} tl-effort-${a.effort}`} />
              <title>
                {a.item_id} {actionTitle(a)}: {formatDate(a.start_date)} → {formatDate(a.target_date)} · effort {a.effort} · {actionStatusLabels[a.status]}
                {a.owner ? ` · ${a.owner}` : ''}
                {a.depends_on.length ? ` · after ${a.depends_on.map((d) => d.replace(/^act-/, '')).join(', ')}` : ''}
              </title>
            </g>
          );
        })}
        {today >= layout.fromDay && today <= layout.toDay ? (
          <g>
            <line x1={x(today)} x2={x(today)} y1={AXIS_H - 4} y2={height} className="tl-today" />
            <text x={x(today) + 3} y={height - 4} className="tl-today-label">
              today
            </text>
          </g>
        ) : null}
      </svg>
      <div className="tl-legend muted small">
        <span className="legend-swatch tl-bar-open" /> Open <span className="legend-swatch tl-bar-in_progress" /> In progress{' '}
        <span className="legend-swatch tl-bar-done" /> Done <span className="tl-legend-dep" /> depends on (point at an action to see its links)
      </div>
    </div>
  );
}
