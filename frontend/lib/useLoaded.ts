"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./problem";

/**
 * Data loaded once on mount (and again on `reload` or when `load` changes), with the failure kept
 * for display. Only the latest load's answer is shown: an earlier one that arrives later (the
 * date range changed twice quickly) is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>): { data: T | null; error: ApiError | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setError(null);
    try {
      const loaded = await load();
      if (call === latest.current) setData(loaded);
    } catch (e) {
      if (call === latest.current) setError(e instanceof ApiError ? e : new ApiError(0, { detail: String(e) }));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
