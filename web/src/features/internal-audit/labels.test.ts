import { describe, expect, it } from 'vitest';
import { idList, isNonconformity } from './labels';
import { raiseNcHref } from './api';

describe('internal audit labels', () => {
  it('splits typed ids on commas and spaces', () => {
    expect(idList(' EV-1, R-2  sys_3,,')).toEqual(['EV-1', 'R-2', 'sys_3']);
    expect(idList('')).toEqual([]);
  });
  it('knows which findings are nonconformities', () => {
    expect(isNonconformity('major_nc')).toBe(true);
    expect(isNonconformity('minor_nc')).toBe(true);
    expect(isNonconformity('ofi')).toBe(false);
  });
  it('links a finding to the NC form with its source', () => {
    expect(raiseNcHref({ id: 'AF-1', requirement: '8.2', title: 'Risk & change' })).toBe(
      '/nonconformities/new?source=internal_audit&source_ref=AF-1&requirement=8.2&title=Risk+%26+change',
    );
  });
});
