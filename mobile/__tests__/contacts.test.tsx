import { fireEvent, screen, waitFor } from "@testing-library/react-native";
import { FakeServer, contact, memoryStore } from "../test/fakeServer";
import { page, renderApp } from "../test/render";
import { DEBOUNCE_MS } from "../src/screens/Contacts";

const ann = contact("c1", "Ann", "Lee", { tags: ["vip"], company_id: "co1", phone: "+33 1 23 45 67 89", title: "CFO" });

function contactServer() {
  return new FakeServer()
    .on("GET", "/api/contacts", (r) => {
      const q = r.query.get("q");
      if (r.query.get("cursor") === "p2") return page([contact("c3", "Cy", "Page2")]);
      if (q) return page([ann].filter((c) => `${c.first_name} ${c.last_name}`.toLowerCase().includes(q.toLowerCase())));
      return page([ann, contact("c2", "Bob", "Ray")], "p2");
    })
    .on("GET", "/api/contacts/{id}", () => ({ body: ann }))
    .on("GET", "/api/companies/{id}", () => ({ body: { id: "co1", name: "Acme Ltd" } }))
    .on("GET", "/api/deals", () => page([{ id: "d1", name: "Audit", stage: "proposal", version: 1 }]))
    .on("GET", "/api/tasks", () => page([{ id: "t1", title: "Send the proposal", due_at: "2026-12-06T16:00:00Z", status: "open", overdue: false, version: 1 }]))
    .on("GET", "/api/contacts/{id}/timeline", () =>
      page([{ id: "e1", kind: "meeting", body: "Kick-off at their office", at: "2026-12-01T10:00:00Z" }]),
    )
    .on("GET", "/api/contacts/{id}/briefing", () => ({ body: { summary: "Ann leads finance; budget talks in Q1." } }))
    .on("POST", "/api/contacts/{id}/timeline", (r) => ({ status: 201, body: { id: "e2", kind: "call", body: (r.body as { body: string }).body, at: "2026-12-06T10:00:00Z" } }));
}

describe("contacts", () => {
  it("searches as you type, once the typing pauses, and pages on as the list scrolls", async () => {
    const server = contactServer();
    renderApp(server);
    expect(await screen.findByText("Bob Ray")).toBeTruthy();
    fireEvent(screen.getByTestId("contact-list"), "onEndReached");
    expect(await screen.findByText("Cy Page2")).toBeTruthy();
    expect(server.requests("GET", "/api/contacts").some((r) => r.query.get("cursor") === "p2")).toBe(true);

    const search = screen.getByLabelText("Search contacts");
    fireEvent.changeText(search, "a");
    fireEvent.changeText(search, "an");
    fireEvent.changeText(search, "ann");
    // The person stops typing.
    await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 300));
    await waitFor(() => expect(screen.queryByText("Bob Ray")).toBeNull());
    expect(screen.getByText("Ann Lee")).toBeTruthy();
    const queries = server.requests("GET", "/api/contacts").map((r) => r.query.get("q")).filter(Boolean);
    expect(queries).toEqual(["ann"]); // debounced: not one request per key
  });

  it("shows a contact with company, score, briefing, deals, tasks and timeline; logs a call in two taps", async () => {
    const server = contactServer();
    renderApp(server);
    fireEvent.press(await screen.findByRole("button", { name: "Ann Lee, ann@example.com" }));
    expect(await screen.findByText("Ann leads finance; budget talks in Q1.")).toBeTruthy();
    expect(screen.getByText(/CFO · Acme Ltd · score 12.5/)).toBeTruthy();
    expect(screen.getByText("Tags: vip")).toBeTruthy();
    expect(screen.getByText(/Audit · proposal/)).toBeTruthy();
    expect(screen.getByText(/Send the proposal/)).toBeTruthy();
    expect(screen.getByText("Kick-off at their office")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Call +33 1 23 45 67 89" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Email ann@example.com" })).toBeTruthy();

    fireEvent.press(screen.getByRole("button", { name: "Log call" }));
    fireEvent.press(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(server.requests("POST", "/api/contacts/c1/timeline")).toHaveLength(1));
    const sent = server.requests("POST", "/api/contacts/c1/timeline")[0];
    expect(sent.body).toEqual({ kind: "call", body: "Call with Ann Lee" });
    expect(sent.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps recently viewed contacts readable offline, and queues a note made offline", async () => {
    const server = contactServer();
    const store = memoryStore();
    const first = renderApp(server, { store });
    fireEvent.press(await screen.findByRole("button", { name: "Ann Lee, ann@example.com" }));
    await screen.findByText("Kick-off at their office");
    first.unmount();

    server.offline = true;
    renderApp(server, { store });
    // The list falls back to the contacts kept on the device.
    expect(await screen.findByText("Offline: the contacts you viewed recently.")).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Ann Lee, ann@example.com" }));
    expect(await screen.findByText("Kick-off at their office")).toBeTruthy();
    expect(screen.getByText(/Offline: saved/)).toBeTruthy();

    fireEvent.press(screen.getByRole("button", { name: "Add note" }));
    fireEvent.changeText(screen.getByLabelText("Add note: what happened"), "Prefers email in the morning");
    fireEvent.press(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Pending")).toBeTruthy();
    expect(screen.getByText("Prefers email in the morning")).toBeTruthy();
    expect((store.data["crm.queue"] as unknown[]).length).toBe(1);
  });
});
