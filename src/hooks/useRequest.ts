import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../services/transport';

export interface RequestState<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a backend call when `key` changes (or on reload) and tracks loading / error / data for
 * the page shell. A null key means "nothing to load yet". Late answers from an earlier key are
 * dropped so a quick re-scan never shows the previous village.
 */
export function useRequest<T>(key: string | null, load: () => Promise<T>): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(key !== null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is not read; reload() bumps it to run the same key's call again
  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    setError(undefined);
    loadRef
      .current()
      .then((d) => {
        if (current) setData(d);
      })
      .catch((e: unknown) => {
        if (!current) return;
        setData(undefined);
        setError(e instanceof ApiCallError ? e : new ApiCallError('INTERNAL', '出了点问题，请稍后再试。'));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
