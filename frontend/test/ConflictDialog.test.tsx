import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConflictDialog } from "@/components/ConflictDialog";
import type { ChangeEvent } from "@/lib/api";

const event = (over: Partial<ChangeEvent>): ChangeEvent => ({
  id: "e2",
  entity: "contact",
  entity_id: "c1",
  version: 2,
  kind: "updated",
  changes: { title: { old: "Engineer", new: "CTO" } },
  actor: "user:u-other",
  actor_name: "sam@example.com",
  source: "api",
  trace_id: "t",
  at: "2026-11-22T10:00:00Z",
  ...over,
});

describe("ConflictDialog", () => {
  it("says who changed what, flags fields both changed, and offers reload or reapply", async () => {
    const onReload = vi.fn();
    const onReapply = vi.fn();
    render(
      <ConflictDialog
        attempted={{ title: "VP", phone: "+1 555 0100" }}
        events={[event({}), event({ id: "e3", version: 3, actor: "api_key:k1", actor_name: "website forms", changes: { status: { old: "lead", new: "mql" } } })]}
        me="u-me"
        onReload={onReload}
        onReapply={onReapply}
      />,
    );
    const dialog = screen.getByRole("dialog", { name: "Someone else changed this record" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    const changes = within(dialog).getByRole("list", { name: "Changes made since you opened the record" });
    const items = within(changes).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("sam@example.com");
    expect(items[0]).toHaveTextContent("Engineer");
    expect(items[0]).toHaveTextContent("CTO");
    expect(items[1]).toHaveTextContent("website forms");
    expect(items[1]).toHaveTextContent("mql");
    // title was changed by both; phone only by me.
    expect(within(dialog).getAllByText("also changed by them")).toHaveLength(1);
    expect(within(dialog).getByRole("button", { name: "Reload latest" })).toHaveFocus();

    await userEvent.click(within(dialog).getByRole("button", { name: "Apply my change on top" }));
    expect(onReapply).toHaveBeenCalledTimes(1);
    await userEvent.keyboard("{Escape}");
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it("does not offer to reapply onto a deleted record", () => {
    render(<ConflictDialog attempted={{ title: "VP" }} events={[event({ kind: "deleted", changes: {} })]} onReload={() => {}} onReapply={() => {}} />);
    expect(screen.getByRole("button", { name: "Apply my change on top" })).toBeDisabled();
    expect(screen.getByText(/deleted the record/)).toBeInTheDocument();
  });
});
