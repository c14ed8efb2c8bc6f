// The people of an organization (docs/accounts.md): members, roles, deactivation, forced password
// resets, invitations and their public link pages, one's own name, password and API tokens, and new
// organizations.
import { api, type Schemas } from '../../lib/api';

export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type InvitationView = Schemas['InvitationView'];
export type ResetLink = Schemas['ResetLink'];
export type ApiToken = Schemas['ApiToken'];
export type RoleName = Member['role'];
export type UnreadableRow = Schemas['UnreadableRecord'];
/** A page of invitations; a stored one that cannot be read is an error row. */
export type InvitationPage = { items: (Invitation | UnreadableRow)[]; total: number; next?: string };

export const roles: readonly RoleName[] = ['admin', 'manager', 'contributor', 'auditor', 'viewer'];

export async function listMembers(signal?: AbortSignal): Promise<Member[]> {
  return (await api('get', '/api/v1/org/members', { signal })).data.items;
}

export async function changeRole(user: string, role: RoleName): Promise<Member> {
  return (await api('put', '/api/v1/org/members/{user}/role', { path: { user }, body: { role } })).data;
}

export async function setActive(user: string, active: boolean): Promise<void> {
  if (active) await api('post', '/api/v1/org/members/{user}/reactivate', { path: { user } });
  else await api('post', '/api/v1/org/members/{user}/deactivate', { path: { user } });
}

export async function requireReset(user: string): Promise<ResetLink> {
  return (await api('post', '/api/v1/org/members/{user}/reset-password', { path: { user } })).data;
}

export async function listInvitations(cursor?: string, signal?: AbortSignal): Promise<InvitationPage> {
  return (await api('get', '/api/v1/org/invitations', { query: { limit: 50, ...(cursor ? { cursor } : {}) }, signal })).data;
}

export function isUnreadable(row: Invitation | UnreadableRow): row is UnreadableRow {
  return 'error' in row;
}

export async function invite(email: string, role: RoleName, expiresInDays: number): Promise<Invitation> {
  return (await api('post', '/api/v1/org/invitations', { body: { email, role, expires_in_days: expiresInDays } })).data;
}

export async function revokeInvitation(id: string): Promise<void> {
  await api('delete', '/api/v1/org/invitations/{id}', { path: { id } });
}

export async function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationView> {
  return (await api('get', '/api/v1/invitations/{token}', { path: { token }, signal, noAuthRedirect: true })).data;
}

export async function acceptInvitation(token: string, name: string, password: string): Promise<void> {
  await api('post', '/api/v1/invitations/{token}/accept', { path: { token }, body: { name, password }, noAuthRedirect: true });
}

export async function joinInvitation(token: string): Promise<void> {
  await api('post', '/api/v1/invitations/{token}/join', { path: { token } });
}

export async function getReset(token: string, signal?: AbortSignal): Promise<Schemas['ResetView']> {
  return (await api('get', '/api/v1/password-resets/{token}', { path: { token }, signal, noAuthRedirect: true })).data;
}

export async function completeReset(token: string, password: string): Promise<void> {
  await api('post', '/api/v1/password-resets/{token}', { path: { token }, body: { password }, noAuthRedirect: true });
}

export async function changeMyName(name: string): Promise<Schemas['User']> {
  return (await api('patch', '/api/v1/me', { body: { name } })).data.user;
}

export async function changePassword(current: string, next: string): Promise<void> {
  await api('post', '/api/v1/auth/password', { body: { current_password: current, new_password: next } });
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await api('get', '/api/v1/tokens', { signal })).data.items;
}

export async function createToken(name: string, scope: 'read' | 'write', expiresInDays: number | null) {
  return (await api('post', '/api/v1/tokens', { body: { name, scope, expires_in_days: expiresInDays } })).data;
}

export async function revokeToken(id: string): Promise<void> {
  await api('delete', '/api/v1/tokens/{id}', { path: { id } });
}

export async function createOrganization(name: string): Promise<Schemas['NewOrganization']> {
  return (await api('post', '/api/v1/orgs', { body: { name } })).data;
}
