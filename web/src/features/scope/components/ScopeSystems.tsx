// The AI systems of the scope form: every system of the inventory (and any the scope still names)
// in scope, out of scope with its reason, or not placed.
import type { PlaceableSystem, ScopeInput } from '../api';

type Input = Required<ScopeInput>;
type Where = 'in' | 'out' | 'none';

interface Props {
  systems: PlaceableSystem[];
  names: Record<string, string | null>;
  value: Input;
  errors: Record<string, string>;
  onChange: (next: Input) => void;
}

export function ScopeSystems({ systems, names, value, errors, onChange }: Props) {
  const listed = new Map(systems.map((s) => [s.id, s.name]));
  for (const id of [...value.in_scope, ...value.out_of_scope.map((o) => o.system_id)]) if (!listed.has(id)) listed.set(id, names[id] ?? id);
  const whereOf = (id: string): Where => (value.in_scope.includes(id) ? 'in' : value.out_of_scope.some((o) => o.system_id === id) ? 'out' : 'none');
  function set(id: string, where: Where, reason = '') {
    const rest = { in_scope: value.in_scope.filter((x) => x !== id), out_of_scope: value.out_of_scope.filter((x) => x.system_id !== id) };
    if (where === 'in') rest.in_scope.push(id);
    if (where === 'out') rest.out_of_scope.push({ system_id: id, reason });
    onChange({ ...value, ...rest });
  }
  const scopeErrors = Object.entries(errors).filter(([k]) => k.startsWith('in_scope') || k.startsWith('out_of_scope'));
  return (
    <fieldset className="field">
      <legend>AI systems</legend>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="AI systems in and out of scope">
      <table className="table" data-testid="scope-systems">
        <thead>
          <tr><th>AI system</th><th>Scope</th><th>Reason for the exclusion</th></tr>
        </thead>
        <tbody>
          {[...listed.entries()].map(([id, name]) => {
            const where = whereOf(id);
            const reason = value.out_of_scope.find((o) => o.system_id === id)?.reason ?? '';
            return (
              <tr key={id} data-testid={`scope-system-${id}`}>
                <td>{name}</td>
                <td>
                  <select aria-label={`Scope of ${name}`} value={where} data-testid={`scope-where-${id}`} onChange={(e) => set(id, e.target.value as Where)}>
                    <option value="in">In scope</option>
                    <option value="out">Out of scope</option>
                    <option value="none">Not placed</option>
                  </select>
                </td>
                <td>
                  {where === 'out' ? (
                    <input aria-label={`Why ${name} is out of scope`} value={reason} data-testid={`scope-reason-${id}`} onChange={(e) => set(id, 'out', e.target.value)} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {scopeErrors.map(([k, m]) => <p key={k} className="field-error">{k}: {m}</p>)}
    </fieldset>
  );
}
