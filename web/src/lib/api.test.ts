import { describe, expect, it } from 'vitest';
import { filenameFrom } from './api';

describe('filenameFrom', () => {
  it('reads plain, quoted and RFC 5987 names', () => {
    expect(filenameFrom('attachment; filename="ai-systems.csv"')).toBe('ai-systems.csv');
    expect(filenameFrom('attachment; filename=systems.csv')).toBe('systems.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv")).toBe('résumé.csv');
  });
  it('is null without a name', () => {
    expect(filenameFrom(null)).toBeNull();
    expect(filenameFrom('inline')).toBeNull();
  });
});
