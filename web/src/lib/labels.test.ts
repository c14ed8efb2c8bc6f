import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMaturity, formatPercent } from './labels';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

describe('people dates', () => {
  it('shows a date-only value as the calendar day it names, in one style', () => {
    expect(formatDate('2026-12-06')).toBe(local(2026, 12, 6));
    expect(formatDate('2026-01-01')).toBe(local(2026, 1, 1));
    expect(formatDate('2026-12-06')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
  it('shows the day of a date-time in the same style, and the time to the minute with formatDateTime', () => {
    const iso = '2026-12-06T12:00:00.000Z';
    expect(formatDate(iso)).toBe(new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }));
    expect(formatDateTime(iso)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(formatDateTime(iso)).toContain(String(new Date(iso).getFullYear()));
  });
  it('answers a dash for nothing and the text itself for what is not a date', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('one rounding of the figures', () => {
  it('prints the server value: maturity with two decimals, percentages with one', () => {
    expect(formatMaturity(2.43)).toBe('2.43');
    expect(formatMaturity(3)).toBe('3.00');
    expect(formatMaturity(null)).toBe('—');
    expect(formatPercent(60.5)).toBe('60.5%');
    expect(formatPercent(61)).toBe('61.0%');
    expect(formatPercent(undefined)).toBe('—');
  });
});
