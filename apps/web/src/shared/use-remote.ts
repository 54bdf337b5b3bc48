import { useCallback, useEffect, useRef, useState } from "react";
import { isAbortError } from "../api/client.ts";
import { useApiErrorHandler } from "./errors.ts";

type Remote<T> = {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
};

/**
 * Loads data whenever `key` changes (null = don't load); stale answers are aborted.
 * The key, not the loader, decides when to refetch, so callers can pass inline closures.
 */
export function useRemote<T>(key: string | null, loader: (signal: AbortSignal) => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(key !== null);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);
  const handleError = useApiErrorHandler();
  // Refs keep the fetch effect keyed on `key` alone, whatever closures the caller passes.
  const loaderRef = useRef(loader);
  const onErrorRef = useRef(handleError);
  useEffect(() => {
    loaderRef.current = loader;
    onErrorRef.current = handleError;
  });

  const effectiveKey = key === null ? null : `${key}#${nonce}`;
  useEffect(() => {
    if (effectiveKey === null) {
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    loaderRef.current(ctrl.signal).then(
      (value) => {
        if (!ctrl.signal.aborted) {
          setData(value);
          setError(null);
          setLoading(false);
        }
      },
      (err: unknown) => {
        if (ctrl.signal.aborted || isAbortError(err)) {
          return;
        }
        setError(err);
        setLoading(false);
        onErrorRef.current(err);
      },
    );
    return () => ctrl.abort();
  }, [effectiveKey]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, loading, error, reload };
}
