// One picker for linking records by name: an accessible combobox (role=combobox with a listbox)
// that searches as the user types (debounced, on the server, one page), shows each match's title,
// number or file name and classification, and is driven by keyboard alone (arrows move, Enter
// picks, Escape closes and then clears). Every place that links evidence uses it with its own
// search; useRecordSearch is the one hook behind it. React state only.
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../lib/api';
import { useDebounced } from '../../lib/hooks';

/** One match a picker offers. */
export interface PickOption {
  /** What is picked: an evidence id or a link target key. */
  key: string;
  title: string;
  /** Its number, file name or kind, shown under the title. */
  detail?: string;
  classification?: string;
}

/** Searches one page of matches for the typed text. */
export type PickSearch = (text: string, signal: AbortSignal) => Promise<PickOption[]>;

interface SearchState {
  options: PickOption[];
  loading: boolean;
  error: string | null;
  /** The text the options were found for. */
  text: string;
}

/** The matches of `text` (debounced by `ms`); nothing is searched for blank text. */
export function useRecordSearch(search: PickSearch, text: string, ms = 200): SearchState {
  const q = useDebounced(text.trim(), ms);
  const [state, setState] = useState<SearchState>({ options: [], loading: false, error: null, text: '' });
  const searchRef = useRef(search);
  searchRef.current = search;
  useEffect(() => {
    if (!q) {
      setState({ options: [], loading: false, error: null, text: '' });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    searchRef.current(q, ctrl.signal).then(
      (options) => {
        if (!ctrl.signal.aborted) setState({ options, loading: false, error: null, text: q });
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ options: [], loading: false, error: errorMessage(e), text: q });
      },
    );
    return () => ctrl.abort();
  }, [q]);
  return state;
}

interface Props {
  label: string;
  search: PickSearch;
  onPick: (option: PickOption) => void | Promise<void>;
  placeholder?: string;
  /** Keys already linked: shown as such and not offered. */
  exclude?: readonly string[];
  disabled?: boolean;
  testId?: string;
}

export function RecordPicker({ label, search, onPick, placeholder, exclude = [], disabled, testId = 'record-picker' }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const found = useRecordSearch(search, text);
  const options = found.options.filter((o) => !exclude.includes(o.key));
  const current = found.text === text.trim();
  const shown = open && text.trim() !== '';

  useEffect(() => setActive(options.length > 0 ? 0 : -1), [found.options, exclude.length]);

  async function pick(o: PickOption) {
    setOpen(false);
    setText('');
    await onPick(o);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();  // never submits a surrounding form
      if (shown && current && active >= 0 && active < options.length) void pick(options[active]);
    } else if (e.key === 'Escape') {
      if (shown) {
        e.preventDefault();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText('');
      }
    }
  }

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  let status = '';
  if (shown && found.loading) status = 'Searching…';
  else if (shown && found.error) status = found.error;
  else if (shown && current && options.length === 0) status = `Nothing matches “${text.trim()}”.`;
  else if (shown && current) status = `${options.length} match${options.length === 1 ? '' : 'es'}; arrows to choose, Enter to pick.`;

  return (
    <div className="record-picker" data-testid={testId}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 && active < options.length ? optionId(active) : undefined}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={label} className="record-picker-list" hidden={!shown || options.length === 0}>
        {shown
          ? options.map((o, i) => (
              <li
                key={o.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();  // keeps the focus in the input
                  void pick(o);
                }}
              >
                <span className="record-picker-title">{o.title}</span>
                {o.detail || o.classification ? (
                  <span className="cell-sub">
                    {[o.detail, o.classification].filter(Boolean).join(' · ')}
                  </span>
                ) : null}
              </li>
            ))
          : null}
      </ul>
      <div className={shown && options.length === 0 ? 'cell-sub' : 'sr-only'} role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
