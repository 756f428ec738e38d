import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useUrlTextFilter } from "@/lib/useUrlTextFilter";

describe("useUrlTextFilter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows typing at once and commits the trimmed text once typing pauses", () => {
    const commit = vi.fn();
    const { result } = renderHook(({ url }) => useUrlTextFilter(url, commit, 300), { initialProps: { url: "" } });
    act(() => result.current[1]("a"));
    act(() => vi.advanceTimersByTime(200));
    act(() => result.current[1]("ada "));
    expect(result.current[0]).toBe("ada ");
    act(() => vi.advanceTimersByTime(299));
    expect(commit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(commit).toHaveBeenCalledExactlyOnceWith("ada");
  });

  it("follows the URL when it changes under the page, but not over text still being typed", () => {
    const commit = vi.fn();
    const { result, rerender } = renderHook(({ url }) => useUrlTextFilter(url, commit, 300), { initialProps: { url: "lovel" } });
    expect(result.current[0]).toBe("lovel");
    rerender({ url: "" }); // a link to the unfiltered list
    expect(result.current[0]).toBe("");
    act(() => result.current[1]("lovel"));
    rerender({ url: "other" }); // an older commit arriving while typing
    expect(result.current[0]).toBe("lovel");
    act(() => vi.advanceTimersByTime(300));
    expect(commit).toHaveBeenLastCalledWith("lovel");
  });
});
