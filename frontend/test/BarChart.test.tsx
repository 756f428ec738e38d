import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/BarChart";
import { effectiveRange, percent } from "@/lib/range";

describe("BarChart", () => {
  it("draws one bar per item and gives screen readers the numbers as a table", () => {
    const { container } = render(
      <BarChart title="Funnel" data={[{ label: "lead", value: 12 }, { label: "mql", value: 3 }, { label: "sql", value: 0 }]} />,
    );
    expect(container.querySelectorAll("svg[aria-hidden='true'] rect")).toHaveLength(3);
    const table = screen.getByRole("table", { name: "Funnel" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["lead12", "mql3", "sql0"]);
    expect(screen.getByRole("figure", { name: "Funnel" })).toBeInTheDocument();
  });

  it("says so when the range holds nothing", () => {
    render(<BarChart title="Activity" data={[]} />);
    expect(screen.getByText("No data in this range.")).toBeInTheDocument();
  });
});

describe("the overview's range", () => {
  it("defaults to the thirty days ending today and orders a reversed range", () => {
    const today = new Date("2026-03-10T15:00:00Z");
    expect(effectiveRange("", "", today)).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(effectiveRange("2026-01-05", "2026-01-01", today)).toEqual({ from: "2026-01-01", to: "2026-01-05" });
    expect(effectiveRange("nonsense", "2026-01-31", today)).toEqual({ from: "2026-01-02", to: "2026-01-31" });
    expect([percent(0.4), percent(null), percent(1 / 3)]).toEqual(["40%", "–", "33.3%"]);
  });
});

describe("useLoaded", () => {
  it("shows the latest load's answer even when an earlier one arrives later", async () => {
    const { renderHook, waitFor } = await import("@testing-library/react");
    const { useLoaded } = await import("@/lib/useLoaded");
    let finishSlow: (v: string) => void = () => {};
    const slow = () => new Promise<string>((resolve) => (finishSlow = resolve));
    const fast = () => Promise.resolve("latest");
    const { result, rerender } = renderHook(({ load }) => useLoaded(load), { initialProps: { load: slow } });
    rerender({ load: fast });
    await waitFor(() => expect(result.current.data).toBe("latest"));
    finishSlow("stale");
    await new Promise((r) => setTimeout(r, 10));
    expect(result.current.data).toBe("latest");
  });
});
