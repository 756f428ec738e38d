"use client";

import { useState } from "react";
import type { ApiError } from "./api";

/**
 * A row action of a list (switch, share, remove): runs `work`, then `after` and the list's
 * `reload`; its failure is kept in `error` (cleared by the next action) for a "Not done" message.
 */
export function useAction(reload: () => Promise<unknown>) {
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (work: () => Promise<unknown>, after?: () => void) => {
    setError(null);
    try {
      await work();
      after?.();
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return { act, error };
}
