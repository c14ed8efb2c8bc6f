// Small React hooks shared by the pages.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from './api';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  /** Runs the loader again (e.g. after a write). */
  reload: () => void;
  /** Replaces the data without a round trip (e.g. with a write's response). */
  setData: (d: T) => void;
}

/**
 * Runs `load` whenever `deps` change and keeps the latest result. Answers of superseded runs are
 * dropped (their AbortSignal fires), so fast typing or paging never shows stale rows.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef.current(ctrl.signal).then(
      (d) => {
        if (ctrl.signal.aborted) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
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
