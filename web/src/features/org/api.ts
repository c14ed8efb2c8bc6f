// The organization settings (SPEC §2): segregation of duties per workflow. Everyone reads them;
// admins change them under If-Match.
import { api, type Schemas } from '../../lib/api';

export type OrgSettings = Schemas['OrgSettings'];
export type OrgSettingsInput = Schemas['OrgSettingsInput'];

export interface VersionedSettings {
  settings: OrgSettings;
  etag: string | null;
}

export async function getOrgSettings(signal?: AbortSignal): Promise<VersionedSettings> {
  const { data, etag } = await api('get', '/api/v1/org-settings', { signal });
  return { settings: data, etag };
}

export async function putOrgSettings(input: OrgSettingsInput, etag: string): Promise<VersionedSettings> {
  const { data, etag: next } = await api('put', '/api/v1/org-settings', { body: input, headers: { 'If-Match': etag } });
  return { settings: data, etag: next };
}
