import { useCallback, useEffect, useState } from "react";

/** Data a screen reads from the server: loaded at once and again on `reload`, with the error of
 * the last attempt (the data of an earlier success stays shown). */
export function useLoad<T>(fetcher: () => Promise<T>): { data: T | null; error: unknown; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    setError(null);
    try {
      setData(await fetcher());
    } catch (e) {
      setError(e);
    }
  }, [fetcher]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
