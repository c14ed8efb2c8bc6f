// The input of a reference field of a schema-driven kind: a select (one) or check boxes (a list)
// of the organization's AI systems or members, and for Annex A controls and records of other kinds
// a search-as-you-type picker (the shared RecordPicker: the catalog's controls, the kind's list
// searched on the server) with the picked ones as removable chips. Form state is the caller's.
import { useState } from 'react';
import { RecordPicker, type PickOption, type PickSearch } from '../../../components/records/RecordPicker';
import { matchNames, recordTitle, refName } from '../../../components/records/kindModel';
import { listRecords, type KindField } from '../../../components/records/kinds';
import type { FormValue } from '../../../components/records/kindModel';
import { sentence } from '../../../lib/ui';
import type { RefState } from './refNames';

interface Props {
  field: KindField;
  value: FormValue | undefined;
  error: string | undefined;
  refs: RefState;
  onChange: (v: FormValue) => void;
}

/** Targets short enough to offer in full: the AI systems and the members. */
const listed = new Set(['system', 'user']);

/** What a search of the target finds: controls among the loaded catalog, records on the server. */
export function refSearch(target: string, refs: RefState): PickSearch {
  if (target === 'control')
    return async (text) => matchNames(refs.names.get('control'), text).map(([id, name]) => ({ key: id, title: name, detail: 'Annex A control' }));
  return async (text, signal) => {
    const kind = refs.kinds.get(target);
    if (!kind) return [];
    const page = await listRecords(kind, { q: text, limit: 20 }, signal);
    return page.items.map((r) => ({ key: r.id, title: recordTitle(kind, r), detail: kind.title }));
  };
}

export function RefInput({ field: f, value, error, refs, onChange }: Props) {
  const ids = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
  const many = f.type === 'refs';
  const target = f.ref ?? 'system';
  const known = refs.names.get(target) ?? new Map<string, string>();
  // Names of what was picked in this form (a record beyond the loaded page).
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const nameOf = (id: string) => picked.get(id) ?? refName(refs.names, target, id);
  const set = (next: string[]) => onChange(many ? next : (next[0] ?? ''));

  const frame = (body: React.ReactNode) => (
    <fieldset className={`field field-wide${error ? ' field-invalid' : ''}`} data-field={f.name}>
      <legend>
        {f.label}
        {f.required ? <span className="required" aria-hidden="true"> *</span> : null}
      </legend>
      {body}
      {f.help ? <div className="hint">{f.help}</div> : null}
      {error ? <div className="field-error" data-testid={`field-error-${f.name}`}>{sentence(error)}</div> : null}
    </fieldset>
  );

  if (listed.has(target)) {
    const all: [string, string][] = [...known];
    for (const id of ids) if (!known.has(id)) all.push([id, id]);
    if (!many)
      return frame(
        <select name={f.name} aria-label={f.label} aria-invalid={!!error || undefined} value={ids[0] ?? ''} onChange={(e) => set(e.target.value ? [e.target.value] : [])}>
          <option value="">{f.required ? 'Choose…' : '—'}</option>
          {all.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>,
      );
    return frame(
      <>
        {all.length === 0 ? <p className="muted small">{target === 'system' ? 'No AI systems are registered yet.' : 'No members to choose from.'}</p> : null}
        <div className="checks">
          {all.map(([id, name]) => (
            <label key={id}>
              <input type="checkbox" name={f.name} value={id} checked={ids.includes(id)} onChange={(e) => set(e.target.checked ? [...ids, id] : ids.filter((x) => x !== id))} />
              {name}
            </label>
          ))}
        </div>
      </>,
    );
  }

  const pick = (o: PickOption) => {
    setPicked((old) => new Map(old).set(o.key, o.title));
    set(many ? [...ids, o.key] : [o.key]);
  };
  return frame(
    <>
      {ids.length ? (
        <ul className="chips" data-testid={`refs-${f.name}`}>
          {ids.map((id) => (
            <li key={id} className="chip">
              {nameOf(id)}
              <button type="button" className="btn-link" aria-label={`Remove ${nameOf(id)}`} onClick={() => set(ids.filter((x) => x !== id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {many && f.max_items !== undefined && ids.length >= f.max_items ? null : (
        <RecordPicker
          label={many ? `Add ${f.label.toLowerCase()}` : ids.length ? `Change ${f.label.toLowerCase()}` : `Choose ${f.label.toLowerCase()}`}
          search={refSearch(target, refs)}
          onPick={pick}
          exclude={ids}
          placeholder={target === 'control' ? 'Type a control id or title, e.g. A.5.2' : 'Type a number or words of the title'}
          testId={`picker-${f.name}`}
        />
      )}
    </>,
  );
}
