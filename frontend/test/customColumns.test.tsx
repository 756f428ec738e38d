import { renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCustomColumns } from "@/components/CustomFields";
import { fakeServer, json } from "./fakeServer";

const field = (name: string, label: string, type: string, position: number) => ({
  id: name, object: "deal", name, label, type, required: false, unique: false, options: [], indexed: false, position,
  version: 1, created_at: "2026-12-01T00:00:00Z", updated_at: "2026-12-01T00:00:00Z",
});

describe("custom columns of a standard table", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are the object's first three fields in form order, each cell the record's value as text", async () => {
    const server = fakeServer({
      "GET /api/schema/deal/fields": () =>
        json({ items: [field("tier", "Tier", "select", 1), field("vip", "VIP", "boolean", 2), field("regions", "Regions", "multi_select", 3), field("notes", "Notes", "long_text", 4)] }),
    });
    const { result } = renderHook(() => useCustomColumns<{ custom?: Record<string, unknown> }>("deal"));
    await waitFor(() => expect(result.current).toHaveLength(3));
    expect(result.current.map((c) => c.header)).toEqual(["Tier", "VIP", "Regions"]);
    const row = { custom: { tier: "gold", vip: true, regions: ["north", "south"], notes: "not shown" } };
    expect(result.current.map((c) => c.cell(row))).toEqual(["gold", "yes", "north, south"]);
    expect(result.current.map((c) => c.cell({}))).toEqual(["", "", ""]);
    expect(server.calls.map((c) => c.url.pathname)).toEqual(["/api/schema/deal/fields"]);
  });
});
