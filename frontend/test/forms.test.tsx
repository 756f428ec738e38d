import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { EditableField } from "@/components/EditableField";
import { contactsApi } from "@/lib/records";
import { saveSession } from "@/lib/session";
import { useVersionedRecord } from "@/lib/useVersionedRecord";
import { fakeServer, json } from "./fakeServer";

const contact = (version: number, title: string | null) => ({
  id: "c1",
  email: "ada@example.com",
  first_name: "Ada",
  last_name: null,
  title,
  status: "lead",
  tags: [],
  version,
  created_at: "2026-11-22T09:00:00Z",
  updated_at: "2026-11-22T09:00:00Z",
});

function signedIn() {
  saveSession({
    token: "tok",
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: "u1", email: "me@example.com", role: "member", version: 1, created_at: "", updated_at: "" },
  });
}

describe("EditableField", () => {
  it("shows a server field error next to the field, marked invalid and described", () => {
    render(<EditableField label="Email" name="email" value="ada@example.com" canEdit error="is not a valid email address" onSave={vi.fn()} />);
    const input = screen.getByRole("textbox", { name: "Email" });
    expect(input).toHaveAttribute("aria-invalid", "true");
    const message = screen.getByRole("alert");
    expect(message).toHaveTextContent("is not a valid email address");
    expect(input.getAttribute("aria-describedby")).toContain(message.id);
  });

  it("saves with Enter, cancels with Escape, and stays open when the save fails", async () => {
    const onSave = vi.fn().mockRejectedValueOnce(new Error("422")).mockResolvedValueOnce(undefined);
    render(<EditableField label="Title" name="title" value="Analyst" canEdit onSave={onSave} />);
    await userEvent.click(screen.getByRole("button", { name: "Edit Title" }));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Title" })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Edit Title" }));
    const input = screen.getByRole("textbox", { name: "Title" });
    await userEvent.clear(input);
    await userEvent.type(input, "CTO{Enter}");
    expect(onSave).toHaveBeenLastCalledWith("CTO");
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("CTO");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("textbox", { name: "Title" })).toBeNull());
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it("offers no editing to a viewer", () => {
    render(<EditableField label="Title" name="title" value="Analyst" canEdit={false} onSave={vi.fn()} />);
    expect(screen.queryByRole("button", { name: "Edit Title" })).toBeNull();
    expect(screen.getByText("Analyst")).toBeInTheDocument();
  });
});

describe("useVersionedRecord over the typed client", () => {
  it("sends If-Match with the loaded version and takes the new ETag", async () => {
    signedIn();
    const server = fakeServer({
      "GET /api/contacts/c1": () => json(contact(4, null), 200, { ETag: '"4"' }),
      "PATCH /api/contacts/c1": () => json(contact(5, "CTO"), 200, { ETag: '"5"' }),
    });
    const { result } = renderHook(() => useVersionedRecord("c1", contactsApi));
    await waitFor(() => expect(result.current.version).toBe(4));
    await act(() => result.current.save({ title: "CTO" }));
    const patch = server.calls.find((c) => c.method === "PATCH");
    expect(patch?.headers.get("If-Match")).toBe('"4"');
    expect(patch?.headers.get("Authorization")).toBe("Bearer tok");
    expect(JSON.parse(patch?.body ?? "{}")).toEqual({ title: "CTO" });
    expect(result.current.version).toBe(5);
    expect(result.current.record?.title).toBe("CTO");
  });

  it("turns a 422 into messages by field and leaves the record as it was", async () => {
    signedIn();
    fakeServer({
      "GET /api/contacts/c1": () => json(contact(1, null), 200, { ETag: '"1"' }),
      "PATCH /api/contacts/c1": () =>
        json({ status: 422, code: "validation_failed", detail: "one or more fields are invalid", errors: [{ field: "email", message: "is not a valid email address" }], trace_id: "t1" }, 422),
    });
    const { result } = renderHook(() => useVersionedRecord("c1", contactsApi));
    await waitFor(() => expect(result.current.version).toBe(1));
    await act(async () => {
      await expect(result.current.save({ email: "nope" })).rejects.toMatchObject({ status: 422 });
    });
    expect(result.current.fieldErrors).toEqual({ email: "is not a valid email address" });
    expect(result.current.record?.email).toBe("ada@example.com");
    expect(result.current.conflict).toBeNull();
  });

  it("explains a 412 with the changes after this user's version, then reapplies on the latest", async () => {
    signedIn();
    let current = 1;
    const server = fakeServer({
      "GET /api/contacts/c1": () => json(contact(current, current > 1 ? "COO" : null), 200, { ETag: `"${current}"` }),
      "PATCH /api/contacts/c1": (req) =>
        req.headers.get("If-Match") === `"${current}"`
          ? json(contact(++current, "CTO"), 200, { ETag: `"${current}"` })
          : json({ status: 412, code: "precondition_failed", detail: "the contact has changed" }, 412),
      "GET /api/contacts/c1/history": () =>
        json({
          data: [
            { id: "e1", entity: "contact", entity_id: "c1", version: 1, kind: "created", changes: {}, actor: "user:u1", actor_name: "me@example.com", source: "api", trace_id: "a", at: "2026-11-22T09:00:00Z" },
            { id: "e2", entity: "contact", entity_id: "c1", version: 2, kind: "updated", changes: { title: { old: null, new: "COO" } }, actor: "user:u2", actor_name: "sam@example.com", source: "api", trace_id: "b", at: "2026-11-22T09:05:00Z" },
          ],
          next_cursor: null,
        }),
    });
    const { result } = renderHook(() => useVersionedRecord("c1", contactsApi));
    await waitFor(() => expect(result.current.version).toBe(1));
    current = 2; // someone else saved
    await act(async () => {
      await expect(result.current.save({ title: "CTO" })).rejects.toMatchObject({ status: 412 });
    });
    expect(result.current.conflict?.events.map((e) => e.actor_name)).toEqual(["sam@example.com"]);
    expect(result.current.conflict?.attempted).toEqual({ title: "CTO" });

    await act(() => result.current.resolveByReapply());
    expect(result.current.conflict).toBeNull();
    expect(result.current.version).toBe(3);
    const patches = server.calls.filter((c) => c.method === "PATCH").map((c) => c.headers.get("If-Match"));
    expect(patches).toEqual(['"1"', '"2"']);
  });
});

describe("EditableField cancel", () => {
  it("tells the page to forget the field's error when the edit is cancelled", async () => {
    const onCancel = vi.fn();
    render(<EditableField label="Phone" name="phone" value="" canEdit error="is not a phone number" onCancel={onCancel} onSave={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("textbox", { name: "Phone" })).toBeNull();
  });
});
