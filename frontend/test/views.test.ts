import { describe, expect, it } from "vitest";
import { andOf, cellText, hiddenFrom } from "@/components/SavedViews";

describe("saved views", () => {
  it("turns a table's set filters into one segment-grammar filter", () => {
    expect(andOf([null, null])).toBeNull();
    expect(andOf([{ field: "status", op: "eq", value: "lead" }, null])).toEqual({ field: "status", op: "eq", value: "lead" });
    expect(andOf([{ field: "status", op: "eq", value: "lead" }, { field: "tags", op: "contains", value: "vip" }])).toEqual({
      and: [
        { field: "status", op: "eq", value: "lead" },
        { field: "tags", op: "contains", value: "vip" },
      ],
    });
  });

  it("shows any value a query returns as text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(["a", 2, null])).toBe("a, 2, ");
    expect(cellText({ k: 1 })).toBe('{"k":1}');
    expect(cellText(false)).toBe("false");
  });

  it("finds the fields hidden from a role, not those read-only or another role's", () => {
    const fields = [
      { field: "custom.margin", role: "member", access: "hidden" },
      { field: "stage", role: "member", access: "read_only" },
      { field: "amount", role: "viewer", access: "hidden" },
    ];
    expect(hiddenFrom(fields, "member")).toEqual(["custom.margin"]);
    expect(hiddenFrom(fields, "viewer")).toEqual(["amount"]);
    expect(hiddenFrom(fields, "admin")).toEqual([]);
  });
});
