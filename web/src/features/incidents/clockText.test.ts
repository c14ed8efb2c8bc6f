import { describe, expect, it } from 'vitest';
import { clockStatus, timeLeft } from './clockText';

describe('clock words', () => {
  it('says the time left and overdue in words', () => {
    expect(timeLeft({ status: 'running', time_left_seconds: 3 * 86400 + 4 * 3600, deadline: 'x' })).toBe('3 d 4 h left');
    expect(timeLeft({ status: 'running', time_left_seconds: 0, deadline: 'x' })).toBe('0 min left');
    expect(timeLeft({ status: 'overdue', time_left_seconds: -(2 * 3600 + 5 * 60), deadline: 'x' })).toBe('overdue by 2 h 5 min');
    expect(timeLeft({ status: 'running', time_left_seconds: null, deadline: null })).toBe('immediately (no count of days)');
    expect(timeLeft({ status: 'met', time_left_seconds: null, deadline: 'x' })).toBe('');
  });
  it('names every status', () => {
    expect(clockStatus({ status: 'overdue', on_time: null })).toBe('OVERDUE');
    expect(clockStatus({ status: 'met', on_time: true })).toBe('Met (in time)');
    expect(clockStatus({ status: 'met', on_time: false })).toBe('Met (late)');
    expect(clockStatus({ status: 'not_applicable', on_time: null })).toBe('Not applicable');
  });
});
