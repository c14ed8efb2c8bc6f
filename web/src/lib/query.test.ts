import { describe, expect, it } from 'vitest';
import { buildQuery, fillPath, pickParams } from './query';

describe('buildQuery', () => {
  it('skips empty values and encodes the rest', () => {
    expect(buildQuery({ q: 'credit & risk', status: 'active', owner: '', cursor: undefined, x: null, limit: 25, dry_run: false })).toBe(
      '?q=credit+%26+risk&status=active&limit=25&dry_run=false',
    );
  });
  it('is empty when nothing is left', () => {
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
    expect(buildQuery({ a: '' })).toBe('');
  });
});

describe('fillPath', () => {
  it('fills and encodes placeholders', () => {
    expect(fillPath('/api/v1/catalog/frameworks/{framework}/items/{item_id}', { framework: 'iso42001', item_id: 'A.6.2.4' })).toBe(
      '/api/v1/catalog/frameworks/iso42001/items/A.6.2.4',
    );
    expect(fillPath('/api/v1/systems/{id}', { id: 'a/b c' })).toBe('/api/v1/systems/a%2Fb%20c');
  });
  it('refuses a missing parameter', () => {
    expect(() => fillPath('/api/v1/systems/{id}', {})).toThrow(/id/);
  });
});

describe('pickParams', () => {
  it('keeps only given, non-empty keys', () => {
    const sp = new URLSearchParams('q=x&status=&sort=-name&other=1');
    expect(pickParams(sp, ['q', 'status', 'sort', 'archived'])).toEqual({ q: 'x', sort: '-name' });
  });
});
