import { fireEvent, screen, waitFor } from "@testing-library/react-native";
import { FakeServer, problem } from "../test/fakeServer";
import { page, renderApp } from "../test/render";

const task = { id: "t1", title: "Call Ann back", due_at: "2026-12-05T09:00:00Z", status: "open", overdue: true, version: 2 };
const deal = (stage: string, version: number, name = "Audit") => ({ id: "d1", name, stage, version, amount: "48000.00", currency: "EUR" });

describe("today", () => {
  it("lists my tasks due today and overdue; one tap completes one, queued with its key", async () => {
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([]))
      .on("GET", "/api/tasks", () => page([task]))
      .on("GET", "/api/deals", () => page([]))
      .on("POST", "/api/tasks/{id}/complete", () => ({ body: { ...task, status: "done", version: 3 } }));
    renderApp(server);
    fireEvent.press(await screen.findByRole("tab", { name: "Today" }));
    expect(await screen.findByText("Call Ann back")).toBeTruthy();
    expect(screen.getByText("Overdue")).toBeTruthy();
    const listed = server.requests("GET", "/api/tasks")[0].query;
    expect([listed.get("assignee_id"), listed.get("status")]).toEqual(["u-1", "open"]);
    expect(listed.get("due_before")).toBeTruthy();

    fireEvent.press(screen.getByRole("button", { name: "Complete Call Ann back" }));
    await waitFor(() => expect(server.requests("POST", "/api/tasks/t1/complete")).toHaveLength(1));
    expect(server.requests("POST", "/api/tasks/t1/complete")[0].headers["idempotency-key"]).toBeTruthy();
  });

  it("moves a deal's stage with If-Match; a 412 shows what changed and lets me choose mine", async () => {
    let version = 3;
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([]))
      .on("GET", "/api/tasks", () => page([]))
      .on("GET", "/api/deals", () => page([deal("proposal", 3)]))
      .on("GET", "/api/deals/{id}", () => ({ body: deal("negotiation", 4, "Audit (renamed)") }))
      .on("PATCH", "/api/deals/{id}", (r) =>
        r.headers["if-match"] === `"${version}"`
          ? { body: deal((r.body as { stage: string }).stage, version + 1) }
          : problem(412, "precondition_failed", "The deal changed since you read it."),
      );
    renderApp(server);
    fireEvent.press(await screen.findByRole("tab", { name: "Today" }));
    await screen.findByText(/Audit · proposal/);
    version = 4; // someone else changed it meanwhile
    fireEvent.press(screen.getByRole("button", { name: "won" }));
    expect(await screen.findByText(/Changed by someone else since you loaded it: now “Audit \(renamed\)”, stage negotiation/)).toBeTruthy();
    expect(server.requests("PATCH", "/api/deals/d1")[0].headers["if-match"]).toBe('"3"');
    fireEvent.press(screen.getByRole("button", { name: "Use mine (won)" }));
    await waitFor(() => expect(server.requests("PATCH", "/api/deals/d1")).toHaveLength(2));
    const second = server.requests("PATCH", "/api/deals/d1")[1];
    expect(second.headers["if-match"]).toBe('"4"');
    expect(second.body).toEqual({ stage: "won" });
  });
});
