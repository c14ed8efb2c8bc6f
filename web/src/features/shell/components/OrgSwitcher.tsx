// Lets a member of several organizations choose the one to work in.
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { useSession } from '../../auth';

export function OrgSwitcher() {
  const { me, switchOrg } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;

  if (me.organizations.length <= 1) {
    return (
      <span className="org-name" data-testid="org-name" title="Organization">
        {me.organization.name}
      </span>
    );
  }

  async function change(id: string) {
    setBusy(true);
    setError(null);
    try {
      await switchOrg(id);
      // A record page belongs to the previous organization; go to its list instead.
      const m = /^\/systems\/[^/]+/.exec(location.pathname);
      if (m && !['/systems/new', '/systems/import'].includes(location.pathname)) navigate('/systems');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="org-switcher">
      <label htmlFor="org-switcher" className="sr-only">
        Organization
      </label>
      <select
        id="org-switcher"
        data-testid="org-switcher"
        value={me.organization.id}
        disabled={busy}
        onChange={(e) => void change(e.target.value)}
      >
        {me.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
