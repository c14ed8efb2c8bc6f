// Small React hooks shared by the pages.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from './api';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  /** Whether a run for the current parameters is under way (true from the render that changed them). */
  loading: boolean;
  /** Whether `data` was loaded for the current parameters (and after the last reload). */
  current: boolean;
  /**
   * Whether `data` belongs to earlier parameters (or predates a reload) while the answer for the
   * current ones is on its way: what is shown is being replaced (a table's aria-busy).
   */
  stale: boolean;
  /** Runs the loader again (e.g. after a write). */
  reload: () => void;
  /** Replaces the data without a round trip (e.g. with a write's response). */
  setData: (d: T) => void;
}

/** Whether two parameter lists are the same, element by element as React compares effect deps. */
export function sameDeps(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * What a useAsync shows for the parameters `key`, given the parameters its data was loaded for
 * (`dataKey`) and those of its last finished run (`doneKey`). Compared during render, so the
 * render that changes the parameters already marks the old data as not current.
 */
export function asyncStatus(hasData: boolean, dataKey: readonly unknown[] | undefined, doneKey: readonly unknown[] | undefined, key: readonly unknown[]) {
  const loading = !sameDeps(doneKey, key);
  const current = hasData && sameDeps(dataKey, key);
  return { loading, current, stale: hasData && !current && loading };
}

/**
 * Runs `load` whenever `deps` change and keeps the latest result. Answers of superseded runs are
 * dropped (their AbortSignal fires), so fast typing or paging never shows stale rows as current:
 * until the answer for the current `deps` is in, `stale` says that the data shown is the previous one.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [tick, setTick] = useState(0);
  const key = [...deps, tick];
  // The data with the parameters it was loaded for; the parameters of the last run that finished.
  const [shown, setShown] = useState<{ data: T | undefined; key: readonly unknown[] | undefined }>({ data: undefined, key: undefined });
  const [doneKey, setDoneKey] = useState<readonly unknown[] | undefined>(undefined);
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);
  keyRef.current = key;

  useEffect(() => {
    const ctrl = new AbortController();
    const runKey = key;
    setError(undefined);
    loadRef.current(ctrl.signal).then(
      (d) => {
        if (ctrl.signal.aborted) return;
        setShown({ data: d, key: runKey });
        setDoneKey(runKey);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setDoneKey(runKey);
      },
    );
    return () => ctrl.abort();
  }, key);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((d: T) => setShown({ data: d, key: keyRef.current }), []);
  const status = asyncStatus(shown.data !== undefined, shown.key, doneKey, key);
  return { data: shown.data, error, ...status, reload, setData };
}

/** `value`, but only once it has stayed the same for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * A search box bound to the URL's `q` parameter: returns the typed text and its setter; once the
 * text has rested for `ms` milliseconds it replaces `q` (removed when empty), keeping the other
 * parameters.
 */
export function useSearchText(ms: number): [string, (text: string) => void] {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebounced(search, ms);
  useEffect(() => {
    const q = debounced.trim();
    if (q === (params.get('q') ?? '')) return;
    const p = new URLSearchParams(params);
    if (q) p.set('q', q);
    else p.delete('q');
    setParams(p, { replace: true });
    // Only the typed text drives this; params are read fresh.
  }, [debounced]);
  return [search, setSearch];
}

/** Sets the document title as "<page> · aims". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · aims` : 'aims';
  }, [title]);
}

/** An action the user starts and waits for (an export, a download): one run at a time. */
export interface PendingAction {
  /** Whether a run is under way. */
  busy: boolean;
  /** What went wrong in the last run, for people; null after a run that worked. */
  error: string | null;
  /** Runs `action`, keeping `busy` and `error` up to date. */
  run: (action: () => Promise<unknown>) => Promise<void>;
}

export function usePendingAction(): PendingAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
