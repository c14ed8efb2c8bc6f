// The organization's EU AI Act roles for an AI system, as its saved classification names them
// (the one source of roles): "not classified yet" when there is none (`roles` null).
import { euActRoleLabels } from '../../euact';
import { labelOf } from '../../../lib/labels';

export function RolesOf({ roles }: { roles: string[] | null }) {
  if (roles === null) return <span className="muted" data-testid="roles-of">not classified yet</span>;
  if (roles.length === 0) return <span className="muted" data-testid="roles-of">none</span>;
  return <span data-testid="roles-of">{roles.map((r) => labelOf(euActRoleLabels, r)).join(', ')}</span>;
}
