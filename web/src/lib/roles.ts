// What each role may do, as the server enforces it (SPEC §11). The UI only hides what would fail.
import type { components } from './api-types';

export type Role = components['schemas']['Role'];

/** Create and edit AI systems: contributor, manager, admin. */
export function canWrite(role: Role | undefined): boolean {
  return role === 'admin' || role === 'manager' || role === 'contributor';
}

/** Archive, restore and import: manager and admin only. */
export function canManage(role: Role | undefined): boolean {
  return role === 'admin' || role === 'manager';
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  contributor: 'Contributor',
  auditor: 'Auditor',
  viewer: 'Viewer',
};
