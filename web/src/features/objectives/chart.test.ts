import { describe, expect, it } from 'vitest';
import { chartModel, dayNumber, niceTicks, targetValues, type Box } from './chart';

const box: Box = { width: 600, height: 260, left: 50, right: 10, top: 10, bottom: 30 };

describe('niceTicks', () => {
  it('picks round steps covering the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(73, 96, 5)).toEqual([75, 80, 85, 90, 95]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});

describe('targetValues', () => {
  it('draws the target and the warning band on the side of the threshold', () => {
    expect(targetValues({ direction: 'higher_is_better', target_value: 0.9, warning_threshold: 0.8 })).toEqual({
      lines: [0.9],
      bands: [{ from: 0.8, to: 0.9, kind: 'warning' }],
    });
    expect(targetValues({ direction: 'lower_is_better', target_value: 200, warning_threshold: null }).bands).toEqual([]);
  });
  it('draws a range as its two bounds, the range itself and the margins outside it', () => {
    expect(targetValues({ direction: 'within_range', target_min: 5, target_max: 15, warning_margin: 2 })).toEqual({
      lines: [5, 15],
      bands: [
        { from: 5, to: 15, kind: 'target' },
        { from: 3, to: 5, kind: 'warning' },
        { from: 15, to: 17, kind: 'warning' },
      ],
    });
  });
});

describe('chartModel', () => {
  const readings = [
    { id: 'b', measured_on: '2026-03-01', value: 0.85, status: 'at_risk' as const },
    { id: 'a', measured_on: '2026-01-01', value: 0.7, status: 'off_track' as const },
    { id: 'c', measured_on: '2026-05-01', value: 0.95, status: 'on_track' as const },
  ];
  const m = chartModel(readings, { direction: 'higher_is_better', target_value: 0.9, warning_threshold: 0.8 }, box);

  it('places points in time order inside the plot, higher values higher up', () => {
    expect(m.points.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(m.points[0].x).toBeCloseTo(box.left);
    expect(m.points[2].x).toBeCloseTo(box.width - box.right);
    expect(m.points[2].y).toBeLessThan(m.points[1].y);
    for (const p of m.points) {
      expect(p.y).toBeGreaterThanOrEqual(box.top);
      expect(p.y).toBeLessThanOrEqual(box.height - box.bottom);
    }
    expect(m.line.startsWith('M')).toBe(true);
    expect(m.line.split('L')).toHaveLength(3);
  });

  it('puts the target line between the at-risk and on-track points and the band below it', () => {
    expect(m.targets).toHaveLength(1);
    const target = m.targets[0].y;
    expect(m.points[2].y).toBeLessThan(target);
    expect(m.points[1].y).toBeGreaterThan(target);
    expect(m.bands[0].y).toBeCloseTo(target);
    expect(m.bands[0].height).toBeGreaterThan(0);
  });

  it('labels the months and widens a single day to a readable span', () => {
    expect(m.xTicks.map((t) => t.day)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
    const one = chartModel([readings[0]], { direction: 'higher_is_better', target_value: 0.9 }, box);
    expect(one.points[0].x).toBeGreaterThan(box.left);
    expect(one.points[0].x).toBeLessThan(box.width - box.right);
  });

  it('counts days without time-zone shifts', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
  });
});
