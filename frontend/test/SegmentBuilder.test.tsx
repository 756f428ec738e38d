import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SegmentBuilder } from "@/components/SegmentBuilder";
import { fromContactFilters, newGroup, newLeaf, opsFor, setCustomFields, toFilter, type Group } from "@/lib/segments";
import { fakeServer, json } from "./fakeServer";

function Harness({ initial, onFilter }: { initial: Group; onFilter: (f: unknown) => void }) {
  const [root, setRoot] = useState(initial);
  onFilter(toFilter(root));
  return <SegmentBuilder root={root} onChange={setRoot} />;
}

describe("segment filters", () => {
  it("offers each field type only the operators the API takes", () => {
    expect(opsFor("activity")).toEqual(["within_last", "not_within_last"]);
    expect(opsFor("tags")).not.toContain("eq");
    expect(opsFor("status")).not.toContain("gt");
    expect(opsFor("time")).toContain("within_last");
  });

  it("turns the tree into the API's filter JSON", () => {
    const root = newGroup("and", [
      { ...newLeaf("status"), op: "in", value: "lead, mql" },
      newGroup("or", [{ ...newLeaf("tags"), op: "contains", value: "vip" }, { ...newLeaf("company.size"), op: "gte", value: "50" }]),
    ]);
    expect(toFilter(root)).toEqual({
      and: [
        { field: "status", op: "in", value: ["lead", "mql"] },
        { or: [{ field: "tags", op: "contains", value: "vip" }, { field: "company.size", op: "gte", value: 50 }] },
      ],
    });
    expect(toFilter({ ...newGroup("and", [newLeaf("status")]), negate: true })).toEqual({ not: { field: "status", op: "eq", value: "lead" } });
    expect(toFilter(fromContactFilters(new URLSearchParams("status=customer&tag=vip")))).toEqual({
      and: [
        { field: "status", op: "eq", value: "customer" },
        { field: "tags", op: "contains", value: "vip" },
      ],
    });
  });
});

describe("SegmentBuilder", () => {
  it("edits conditions with type-aware pickers and nests groups", async () => {
    let filter: unknown = null;
    render(<Harness initial={newGroup("and", [newLeaf("status")])} onFilter={(f) => (filter = f)} />);
    const first = screen.getByRole("group", { name: "Condition 1" });
    await userEvent.selectOptions(within(first).getByLabelText("Field of condition 1"), "activity.call");
    const ops = within(first).getByLabelText("Operator of condition 1");
    expect(within(ops).getAllByRole("option").map((o) => o.getAttribute("value"))).toEqual(["within_last", "not_within_last"]);
    expect(within(first).getByLabelText("Value of condition 1")).toHaveValue("30d");
    fireEvent.change(within(first).getByLabelText("Value of condition 1"), { target: { value: "7d" } });
    expect(filter).toEqual({ field: "activity.call", op: "within_last", value: "7d" });

    await userEvent.click(screen.getAllByRole("button", { name: "Add group" })[0]);
    await userEvent.selectOptions(screen.getAllByLabelText("Match")[0], "or");
    expect(filter).toEqual({
      or: [
        { field: "activity.call", op: "within_last", value: "7d" },
        { field: "status", op: "eq", value: "lead" },
      ],
    });
    await userEvent.click(screen.getByRole("button", { name: "Remove group" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "none of them (not)" }));
    expect(filter).toEqual({ not: { field: "activity.call", op: "within_last", value: "7d" } });
  });
});

describe("saved filters back in the builder", () => {
  it("round-trips through the builder tree", async () => {
    const { fromFilter } = await import("@/lib/segments");
    const saved = {
      and: [
        { field: "status", op: "in", value: ["lead", "mql"] },
        { not: { or: [{ field: "tags", op: "contains", value: "vip" }, { field: "company.size", op: "gte", value: 50 }] } },
        { field: "activity.call", op: "within_last", value: "30d" },
        { not: { field: "tags", op: "exists", value: true } },
      ],
    };
    const tree = fromFilter(saved);
    expect(tree).not.toBeNull();
    expect(toFilter(tree!)).toEqual(saved);
    expect(toFilter(fromFilter({ field: "status", op: "eq", value: "lead" })!)).toEqual({ field: "status", op: "eq", value: "lead" });
    expect(fromFilter({ and: [{ nonsense: true }] })).toBeNull();
  });
});

describe("custom fields in the segment builder", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCustomFields([]);
  });

  it("offers the contacts' custom fields with their type's operators and values", async () => {
    fakeServer({
      "GET /api/schema/contact/fields": () =>
        json({
          items: [
            { id: "f1", object: "contact", name: "partner", label: "Partner", type: "boolean", required: false, unique: false, options: [], indexed: false, position: 1, version: 1, created_at: "", updated_at: "" },
            { id: "f2", object: "contact", name: "budget", label: "Budget", type: "currency", required: false, unique: false, options: [], indexed: false, position: 2, version: 1, created_at: "", updated_at: "" },
          ],
        }),
    });
    let filter: unknown = null;
    render(<Harness initial={newGroup("and", [newLeaf("status")])} onFilter={(f) => (filter = f)} />);
    const field = screen.getByLabelText("Field of condition 1");
    await screen.findByRole("option", { name: "Partner" });
    fireEvent.change(field, { target: { value: "custom.partner" } });
    expect(within(screen.getByLabelText("Operator of condition 1") as HTMLElement).getAllByRole("option").map((o) => o.getAttribute("value"))).toEqual(["eq", "neq", "exists"]);
    fireEvent.change(screen.getByLabelText("Value of condition 1"), { target: { value: "false" } });
    expect(filter).toEqual({ field: "custom.partner", op: "eq", value: false });
    fireEvent.change(field, { target: { value: "custom.budget" } });
    fireEvent.change(screen.getByLabelText("Operator of condition 1"), { target: { value: "gt" } });
    fireEvent.change(screen.getByLabelText("Value of condition 1"), { target: { value: "100" } });
    expect(filter).toEqual({ field: "custom.budget", op: "gt", value: 100 });
  });
});
