// The list page of a schema-driven record kind: filters from the schema (a select for value lists,
// a text box otherwise), the search box, sortable columns, "show archived", cursor paging; all of
// it in the URL.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FilterBar, ListResults, SearchFilter, SelectFilter } from '../../../components/records/ListParts';
import { defaultSort, filterOptions, listColumns, listFilterKeys, listQuery, showValue, titleField } from '../../../components/records/kindModel';
import { listRecords, type KindRecord, type KindSchema } from '../../../components/records/kinds';
import { useListPage, type ListView } from '../../../components/records/useListPage';
import { useTitle } from '../../../lib/hooks';
import { DateTime } from '../../../lib/ui';
import { KindGate, KindHeading, type KindPageProps } from './parts';
import { useRefNames } from './refNames';
import { companionOf } from './companions';

export function KindListPage({ path }: KindPageProps) {
  return <KindGate path={path}>{(kind) => <KindList key={kind.path} kind={kind} />}</KindGate>;
}

/** A free-text filter: typed into the box, put into the URL when the box is left or Enter pressed. */
function TextFilter({ list, name, label }: { list: ListView; name: string; label: string }) {
  const current = list.params.get(name) ?? '';
  const [text, setText] = useState(current);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    // The URL changed elsewhere (clear filters, back button): show its value.
    setShown(current);
    setText(current);
  }
  const apply = () => text.trim() !== current && list.setFilter(name, text.trim());
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <input
        id={`filter-${name}`}
        type="text"
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
        data-testid={`filter-${name}`}
      />
    </div>
  );
}

function KindList({ kind }: { kind: KindSchema }) {
  useTitle(kind.plural);
  const list = useListPage({
    filterKeys: listFilterKeys(kind),
    defaultSort: defaultSort(kind),
    load: (f: Record<string, string | undefined>, cursor, limit, signal) => listRecords(kind, listQuery({ ...f, sort: f.sort || defaultSort(kind) }, cursor, limit), signal),
  });
  const refs = useRefNames(kind);
  const names = refs.names;
  const Companion = companionOf(kind);
  const columns = listColumns(kind);
  const nameField = titleField(kind);
  const fields = new Map(kind.fields.map((f) => [f.name, f]));
  const detail = (r: KindRecord) => `/${kind.path}/${encodeURIComponent(r.id)}`;
  const archived = list.params.get('archived') === 'all';

  return (
    <div className="page page-wide kind-list" data-testid="kind-list">
      <div className="page-head">
        <div>
          <KindHeading kind={kind} />
          <p className="muted">
            The {kind.plural.toLowerCase()} of the organization{kind.clause ? ` (ISO/IEC 42001 clause ${kind.clause})` : ''}.
          </p>
        </div>
        <div className="page-actions">
          {kind.can_write ? (
            <Link className="btn btn-primary" to={`/${kind.path}/new`} data-testid="kind-new">
              New {kind.noun}
            </Link>
          ) : null}
        </div>
      </div>

      {Companion ? <Companion kind={kind} /> : null}

      <FilterBar label={`Filter ${kind.plural.toLowerCase()}`}>
        {kind.text_search ? <SearchFilter list={list} id="kind-search" placeholder="Number, title, description…" testId="kind-search" /> : null}
        {kind.filters.map((f) => {
          const options = filterOptions(kind, f, names);
          return options ? (
            <SelectFilter key={f.name} list={list} name={f.name} label={f.label} options={options} testId={`filter-${f.name}`} />
          ) : (
            <TextFilter key={f.name} list={list} name={f.name} label={f.label} />
          );
        })}
        <div className="field field-check">
          <label>
            <input type="checkbox" checked={archived} onChange={(e) => list.setFilter('archived', e.target.checked ? 'all' : '')} data-testid="filter-archived" />
            Show archived
          </label>
        </div>
      </FilterBar>

      <ListResults<KindRecord>
        list={list}
        columns={columns}
        name="kind"
        noun={[kind.noun, kind.plural.toLowerCase()]}
        empty={{
          title: `No ${kind.plural.toLowerCase()} recorded yet`,
          text: `Nothing is registered here yet. ${kind.can_write ? `Record the first ${kind.noun} to start the register.` : 'Someone with write access can record the first one.'}`,
          create: kind.can_write ? [`/${kind.path}/new`, `New ${kind.noun}`] : null,
        }}
        row={(r) => (
          <tr key={r.id} data-record={r.id}>
            {columns.map((c) => {
              if (c.key === 'number')
                return (
                  <td key={c.key} className="nowrap mono">
                    <Link to={detail(r)}>{r.number ?? r.id}</Link>
                    {r.archived ? <span className="badge badge-archived">Archived</span> : null}
                  </td>
                );
              const text = showValue(fields.get(c.key), r[c.key], names);
              return (
                <td key={c.key} className={c.optional ? 'col-optional' : undefined} data-col={c.key}>
                  {c.key === nameField?.name ? (
                    <Link to={detail(r)} className="row-link">
                      {text}
                    </Link>
                  ) : text === '—' ? (
                    <span className="muted">—</span>
                  ) : fields.get(c.key)?.format === 'date-time' ? (
                    <DateTime at={String(r[c.key])} />
                  ) : (
                    text
                  )}
                </td>
              );
            })}
          </tr>
        )}
      />
    </div>
  );
}
