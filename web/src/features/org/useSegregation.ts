// The current organization's segregation of duties, loaded once per page and organization.
import { useAsync } from '../../lib/hooks';
import { useSession } from '../auth';
import { getOrgSettings, type OrgSettings } from './api';

export function useSegregation(): OrgSettings['segregation_of_duties'] | undefined {
  const session = useSession();
  const loaded = useAsync((signal) => getOrgSettings(signal), [session.orgEpoch]);
  return loaded.data?.settings.segregation_of_duties;
}
