// Words for a reporting clock: its status and the time left, never by colour only. Pure functions.
import type { IncidentClock } from './api';

const statusWords: Record<string, string> = {
  running: 'Running',
  met: 'Met',
  overdue: 'OVERDUE',
  not_applicable: 'Not applicable',
};

export function clockStatus(c: Pick<IncidentClock, 'status' | 'on_time'>): string {
  const s = c.status ?? 'not_applicable';
  if (s === 'met') return c.on_time === false ? 'Met (late)' : 'Met (in time)';
  return statusWords[s] ?? s;
}

/** "3 d 4 h left", "overdue by 2 h 5 min", "immediately" (no deadline), "" when not running. */
export function timeLeft(c: Pick<IncidentClock, 'status' | 'time_left_seconds' | 'deadline'>): string {
  if (c.status !== 'running' && c.status !== 'overdue') return '';
  if (c.deadline == null || c.time_left_seconds == null) return 'immediately (no count of days)';
  const s = Math.abs(c.time_left_seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const text = d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
  return c.time_left_seconds < 0 ? `overdue by ${text}` : `${text} left`;
}
