import { describe, expect, it } from 'vitest';
import { when } from './format';

describe('when', () => {
  it('writes a UTC time to the minute, saying UTC', () => {
    expect(when('2026-12-07T06:18:04.123Z')).toBe('2026-12-07 06:18 UTC');
  });
  it('says none for a time there is not', () => {
    expect(when(null)).toBe('—');
    expect(when(undefined, 'Never')).toBe('Never');
    expect(when('', 'Never')).toBe('Never');
  });
});
