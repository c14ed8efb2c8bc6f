// The organization settings (SPEC §2): segregation of duties per workflow. Everyone reads them;
// admins change them under If-Match. Admins also rename the organization.
import { api, versioned, type WithEtag, type Schemas } from '../../lib/api';

export type OrgSettings = Schemas['OrgSettings'];
export type OrgSettingsInput = Schemas['OrgSettingsInput'];

export type VersionedSettings = WithEtag<'settings', OrgSettings>;

export function getOrgSettings(signal?: AbortSignal): Promise<VersionedSettings> {
  return versioned('settings', api('get', '/api/v1/org-settings', { signal }));
}

export function putOrgSettings(input: OrgSettingsInput, etag: string): Promise<VersionedSettings> {
  return versioned('settings', api('put', '/api/v1/org-settings', { body: input, headers: { 'If-Match': etag } }));
}

export async function renameOrganization(name: string): Promise<{ id: string; name: string }> {
  return (await api('patch', '/api/v1/org', { body: { name } })).data;
}
