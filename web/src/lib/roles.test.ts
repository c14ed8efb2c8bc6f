import { describe, expect, it } from 'vitest';
import { canManage, canWrite } from './roles';

describe('roles', () => {
  it('lets contributors, managers and admins write', () => {
    expect(['admin', 'manager', 'contributor'].every((r) => canWrite(r as never))).toBe(true);
    expect(canWrite('auditor')).toBe(false);
    expect(canWrite('viewer')).toBe(false);
    expect(canWrite(undefined)).toBe(false);
  });
  it('lets only managers and admins archive, restore and import', () => {
    expect(canManage('admin')).toBe(true);
    expect(canManage('manager')).toBe(true);
    expect(canManage('contributor')).toBe(false);
    expect(canManage('viewer')).toBe(false);
  });
});
