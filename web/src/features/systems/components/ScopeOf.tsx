// An AI system's place in the AIMS scope, as the server derives it from the scope record (the one
// truth of what is in scope): a link to the Scope page, where it is set. Nothing edits it here.
import { Link } from 'react-router-dom';
import type { AiSystem } from '../api';

export type Membership = Pick<AiSystem['scope'], 'placement' | 'reason'> & Partial<Pick<AiSystem['scope'], 'scope_version' | 'scope_status'>>;

/** The sentence for a membership: in, out (with the reason), or not placed (scope drift). */
export function scopeText(m: Membership | undefined, short = false): string {
  if (m?.placement === 'in') return short ? 'In scope' : 'In the AIMS scope';
  if (m?.placement === 'out') return short ? 'Out of scope' : `Out of the AIMS scope: ${m.reason}`;
  return short ? 'Not placed' : 'Not placed in or out of the AIMS scope (scope drift)';
}

/** The membership as a link to the Scope page; `short` for list cells (the reason as its title). */
export function ScopeOf({ scope, short = false, testId = 'scope-of' }: { scope: Membership | undefined; short?: boolean; testId?: string }) {
  const draft = scope?.scope_status && scope.scope_status !== 'approved' ? ' (scope not approved yet)' : '';
  return (
    <Link to="/scope" data-testid={testId} data-placement={scope?.placement ?? 'unplaced'}
      title={short && scope?.placement === 'out' ? scope.reason : undefined}
      className={short ? `scope-of scope-of-${scope?.placement ?? 'unplaced'}` : undefined}>
      {scopeText(scope, short)}
      {short ? null : draft}
    </Link>
  );
}
