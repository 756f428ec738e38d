import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/problem";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

describe("useIdempotencyKey", () => {
  it("keeps the key for retries and takes a new one after a settled refusal", () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current[0];
    for (const status of [0, 409, 429, 500, 503]) {
      act(() => result.current[1](new ApiError(status, { detail: "x" })));
      expect(result.current[0], `after ${status}`).toBe(first);
    }
    act(() => result.current[1](new TypeError("failed to fetch")));
    expect(result.current[0]).toBe(first);
    act(() => result.current[1](new ApiError(422, { detail: "invalid" })));
    const second = result.current[0];
    expect(second).not.toBe(first);
    act(() => result.current[1](new ApiError(400, { detail: "bad" })));
    expect(result.current[0]).not.toBe(second);
  });
});
