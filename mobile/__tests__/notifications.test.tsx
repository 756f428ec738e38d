import { fireEvent, screen, waitFor } from "@testing-library/react-native";
import { FakeServer, problem } from "../test/fakeServer";
import { page, renderApp } from "../test/render";

describe("notifications and pending changes", () => {
  it("shows the unread count on the tab and marks a notification read when opened", async () => {
    let unread = 2;
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([]))
      .on("GET", "/api/notifications", () =>
        page([
          { id: "n1", kind: "task_assigned", title: "Task assigned: Call Ann", created_at: "2026-12-06T08:00:00Z", read_at: unread === 2 ? null : "2026-12-06T09:00:00Z" },
          { id: "n2", kind: "task_due", title: "Task due: Send proposal", created_at: "2026-12-06T07:00:00Z", read_at: null },
        ]),
      )
      .on("POST", "/api/notifications/{id}/read", () => {
        unread = 1;
        return { status: 204 };
      });
    renderApp(server);
    server.on("GET", "/api/notifications/unread-count", () => ({ body: { unread } }));
    fireEvent.press(await screen.findByRole("tab", { name: /^Alerts/ }));
    fireEvent.press(await screen.findByRole("button", { name: "Unread: Task assigned: Call Ann" }));
    await waitFor(() => expect(server.requests("POST", "/api/notifications/n1/read")).toHaveLength(1));
    expect(await screen.findByRole("tab", { name: "Alerts (1) unread" })).toBeTruthy();
  });

  it("keeps a refused note for the person to fix and send again, or discard", async () => {
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([]))
      .on("POST", "/api/contacts/{id}/timeline", (r) =>
        (r.body as { body: string }).body.includes("x".repeat(5))
          ? problem(422, "validation_failed", "body: too long", { errors: [{ field: "body", message: "too long" }] })
          : { status: 201, body: {} },
      );
    const { store } = renderApp(server);
    store.data["crm.queue"] = [
      { id: "k1", label: "Note on Ann Lee", kind: "activity", method: "POST", path: "/api/contacts/c1/timeline", body: { kind: "note", body: "xxxxxx" }, about: "c1", createdAt: "2026-12-06T08:00:00Z", state: "pending", attempts: 0 },
    ];
    // A fresh start reads the queue left by an earlier run and sends it.
    const again = renderApp(server, { store });
    fireEvent.press(await again.findAllByRole("tab", { name: /^Pending/ }).then((t) => t[t.length - 1]));
    expect((await again.findAllByText("body: too long")).length).toBeGreaterThan(0);
    fireEvent.changeText(again.getAllByLabelText("Fix: Note on Ann Lee").slice(-1)[0], "short");
    fireEvent.press(again.getAllByRole("button", { name: "Send again" }).slice(-1)[0]);
    await waitFor(() => expect(server.requests("POST", "/api/contacts/c1/timeline").some((r) => (r.body as { body: string }).body === "short")).toBe(true));
    await waitFor(() => expect((store.data["crm.queue"] as unknown[]).length).toBe(0));
  });
});
