"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiError } from "./problem";

/** Data loaded once on mount (and again on `reload`), with the failure kept for display. */
export function useLoaded<T>(load: () => Promise<T>): { data: T | null; error: ApiError | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    setError(null);
    try {
      setData(await load());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { detail: String(e) }));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
