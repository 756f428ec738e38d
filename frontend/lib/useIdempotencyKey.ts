"use client";

import { useCallback, useState } from "react";
import { newIdempotencyKey } from "./api";
import { ApiError } from "./problem";

/**
 * The `Idempotency-Key` of a create form. Retries of one attempt (a network failure, a 5xx, a
 * 409 or 429) keep it, so a request that did land is not made twice. Once the server has settled
 * an attempt with a refusal (any other 4xx, such as a 422), it remembers that answer for the key;
 * the corrected form is another request and gets a new key.
 */
export function useIdempotencyKey(): [string, (failure: unknown) => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const settle = useCallback((failure: unknown) => {
    const status = failure instanceof ApiError ? failure.status : 0;
    if (status >= 400 && status < 500 && status !== 409 && status !== 429) setKey(newIdempotencyKey());
  }, []);
  return [key, settle];
}
