// A read-only rendering of an assessment's fields by section (used for approved versions).
import { DataTable } from '../../../components/DataTable';
import { labelOf } from '../../../lib/labels';
import { categoryLabels, measureStatusLabels, relationLabels, typeLabels } from '../labels';
import { governanceField, sections } from '../sections';
import { LevelBadge } from './badges';

type Rec = Record<string, unknown>;
const text = (v: unknown) => (Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : '');

export function RecordView({ record }: { record: Rec }) {
  const parties = (record.interested_parties ?? []) as Rec[];
  const impacts = (record.impacts ?? []) as Rec[];
  return (
    <div className="ia-form" data-testid="record-view">
      {[...sections, { id: 'governance', title: '8. Governance and complaints', intro: '', fields: [governanceField] }].map((s) => (
        <section key={s.id} className="card">
          <h2>{s.title}</h2>
          <dl className="ia-kv">
            {s.fields.map((f) => (
              <div key={f.key} style={{ display: 'contents' }}>
                <dt>{f.label}</dt>
                <dd>{text(record[f.key]) || <span className="muted">—</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section className="card">
        <h2>6. Relevant interested parties</h2>
        {parties.length === 0 ? <p className="muted">None recorded.</p> : (
          <DataTable columns={['Party', 'Relation', 'Vulnerable', 'Notes']} className="table-compact" wrap={false}>
            {parties.map((p, i) => (
              <tr key={i}>
                <td>{text(p.name)}</td>
                <td>{labelOf(relationLabels, text(p.relation))}</td>
                <td>{p.vulnerable ? 'Yes' : 'No'}</td>
                <td>{text(p.notes)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="card">
        <h2>7. Benefits and harms</h2>
        {impacts.length === 0 ? <p className="muted">None recorded.</p> : (
          <DataTable columns={['#', 'Type', 'Category', 'Affected party', 'Description', 'Score', 'Level', 'Measures']} className="table-compact" testId="version-impacts" wrap={false}>
            {impacts.map((e, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{labelOf(typeLabels, text(e.type))}</td>
                <td>{labelOf(categoryLabels, text(e.category))}</td>
                <td>{text(e.affected_party)}</td>
                <td className="prewrap">{text(e.description)}</td>
                <td>
                  {String(e.score)} <span className="muted small">({String(e.severity)}×{String(e.likelihood)})</span>
                </td>
                <td>
                  <LevelBadge value={(e.level ?? null) as 'normal' | 'sensitive' | 'restricted' | null} />
                </td>
                <td>
                  {((e.measures ?? []) as Rec[]).map((m, j) => (
                    <div key={j}>
                      {text(m.description)} <span className="muted small">({text(m.owner) || 'no owner'}, {labelOf(measureStatusLabels, text(m.status))})</span>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
