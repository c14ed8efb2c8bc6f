import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, formatMaturity, labelPlacement, monthTicks, polar, radarPoints, shorten, timelineLayout } from './charts';
import { formatDelta, movement } from './compare';
import { actionPatch } from './roadmap';
import type { RoadmapAction } from './api';

describe('radar geometry', () => {
  it('puts axis 0 straight up and goes clockwise', () => {
    expect(polar(0, 4, 10, 50, 50)).toEqual({ x: 50, y: 40 });
    expect(polar(1, 4, 10, 50, 50)).toEqual({ x: 60, y: 50 });
    expect(polar(2, 4, 10, 50, 50)).toEqual({ x: 50, y: 60 });
  });

  it('scales values to the radius, null as 0, clamped to max', () => {
    expect(radarPoints([5, 0, null, 10], 5, 10, 0, 0)).toBe('0,-10 0,0 0,0 -10,0');
    expect(radarPoints([2.5, 2.5, 2.5, 2.5], 5, 10, 0, 0)).toBe('0,-5 5,0 0,5 -5,0');
  });

  it('anchors labels away from the chart', () => {
    expect(labelPlacement(0, 4, 10, 0, 0).anchor).toBe('middle');
    expect(labelPlacement(1, 4, 10, 0, 0).anchor).toBe('start');
    expect(labelPlacement(3, 4, 10, 0, 0).anchor).toBe('end');
  });

  it('formats and shortens', () => {
    expect(formatMaturity(2.45)).toBe('2.45');
    expect(formatMaturity(null)).toBe('—');
    expect(shorten('Short', 10)).toBe('Short');
    expect(shorten('Data for AI systems and their provenance', 20)).toBe('Data for AI systems…');
  });
});

describe('timeline', () => {
  it('converts dates to day numbers and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dateOfDay(dayNumber('2026-03-31'))).toBe('2026-03-31');
    expect(Number.isNaN(dayNumber('soon'))).toBe(true);
  });

  it('lists the first day of each month', () => {
    const ticks = monthTicks(dayNumber('2025-11-15'), dayNumber('2026-02-01'));
    expect(ticks.map((t) => dateOfDay(t.day))).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(ticks[0].label).toMatch(/Nov 2025/);
    expect(ticks[2].label).toMatch(/Jan 2026/);
  });

  it('groups actions by phase, by start date, over whole months', () => {
    const a = (id: string, phase: number, start: string, end: string) => ({ id, phase, start_date: start, target_date: end, depends_on: [] });
    const layout = timelineLayout([a('x', 2, '2026-02-10', '2026-03-01'), a('y', 1, '2026-01-20', '2026-02-01'), a('z', 1, '2026-01-05', '2026-01-19')], new Map([[1, 'Foundations']]));
    expect(layout.rows.map((r) => (r.kind === 'phase' ? `P${r.phase}:${r.name}:${r.count}` : r.action.id))).toEqual(['P1:Foundations:2', 'z', 'y', 'P2:Phase 2:1', 'x']);
    expect(dateOfDay(layout.fromDay)).toBe('2026-01-01');
    expect(dateOfDay(layout.toDay)).toBe('2026-04-01');
  });
});

describe('compare', () => {
  it('sorts what moved', () => {
    const m = movement([
      { item_id: 'a', title: '', from: 1, to: 3, delta: 2 },
      { item_id: 'b', title: '', from: 2, to: 3, delta: 1 },
      { item_id: 'c', title: '', from: 3, to: 1, delta: -2 },
      { item_id: 'd', title: '', from: 2, to: 2, delta: 0 },
      { item_id: 'e', title: '', from: null, to: 2, delta: null },
    ]);
    expect(m.improved.map((i) => i.item_id)).toEqual(['a', 'b']);
    expect(m.declined.map((i) => i.item_id)).toEqual(['c']);
    expect(m.unchanged.map((i) => i.item_id)).toEqual(['d']);
    expect(m.other.map((i) => i.item_id)).toEqual(['e']);
  });

  it('formats changes with a sign', () => {
    expect(formatDelta(1)).toBe('+1');
    expect(formatDelta(-0.46, 1)).toBe('−0.5');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(null)).toBe('—');
  });
});

describe('roadmap edits', () => {
  const stored: RoadmapAction = {
    id: 'act-4.1',
    item_id: '4.1',
    title: 'Context',
    suggested_action: '',
    owner: 'Ann',
    effort: 'M',
    depends_on: [],
    phase: 1,
    start_date: '2026-01-05',
    target_date: '2026-02-02',
    status: 'open',
    version: 1,
  };
  it('sends only what changed', () => {
    expect(actionPatch(stored, stored)).toEqual({});
    expect(actionPatch(stored, { ...stored, owner: ' Bob ', status: 'done', target_date: '2026-03-01' })).toEqual({ owner: 'Bob', status: 'done', target_date: '2026-03-01' });
    expect(actionPatch(stored, { ...stored, start_date: '' })).toEqual({});
  });
});

describe('action titles', () => {
  it('drop the item id they start with', async () => {
    const { actionTitle } = await import('./roadmap');
    expect(actionTitle({ item_id: '4.3', title: '4.3 Determining the scope: from level 0 to 3' })).toBe('Determining the scope: from level 0 to 3');
    expect(actionTitle({ item_id: '4.3', title: 'Write the scope' })).toBe('Write the scope');
  });
});
