import { describe, expect, it } from "vitest";
import { changeRows } from "@/components/HistoryList";
import { fieldLabel } from "@/lib/format";

describe("changeRows", () => {
  it("shows each custom field that changed as its own row, and other fields as they are", () => {
    const rows = changeRows({
      title: { old: null, new: "CEO" },
      custom: { old: { tier: "silver", code: "K70", same: 1 }, new: { tier: "gold", same: 1, topics: ["a"] } },
    });
    expect(rows).toEqual([
      ["title", { old: null, new: "CEO" }],
      ["custom.code", { old: "K70", new: null }],
      ["custom.tier", { old: "silver", new: "gold" }],
      ["custom.topics", { old: null, new: ["a"] }],
    ]);
  });

  it("reads a record's first custom values against nothing", () => {
    expect(changeRows({ custom: { old: null, new: { tier: "gold" } } })).toEqual([["custom.tier", { old: null, new: "gold" }]]);
  });
});

describe("fieldLabel", () => {
  it("names the fields history shows as the forms do, and others by their words", () => {
    expect(fieldLabel("owner_id")).toBe("Owner");
    expect(fieldLabel("company_id")).toBe("Company");
    expect(fieldLabel("lead_score")).toBe("lead score");
  });
});
