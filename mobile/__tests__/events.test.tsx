import { fireEvent, screen, waitFor } from "@testing-library/react-native";
import { FakeServer, problem } from "../test/fakeServer";
import { page, renderApp } from "../test/render";

const counts = (attended: number) => ({ invited: 3, confirmed: 2, waitlisted: 0, declined: 1, maybe: 0, attended });
const event = (attended: number) => ({
  id: "ev1",
  name: "FinOps breakfast",
  starts_at: new Date().toISOString(),
  ends_at: new Date(Date.now() + 3600_000).toISOString(),
  timezone: "Europe/Paris",
  counts: counts(attended),
  version: 1,
});

describe("events and check-in", () => {
  it("checks guests in by code: a success, a second scan reported, a drop in the network queued", async () => {
    let attended = 0;
    const checkedIn = new Map<string, string>();
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([]))
      .on("GET", "/api/events", () => page([event(attended)]))
      .on("GET", "/api/events/{id}", () => ({ body: event(attended) }))
      .on("POST", "/api/events/{id}/check-in", (r) => {
        const code = (r.body as { code: string }).code.replace(/[^A-Z0-9]/gi, "").toUpperCase();
        if (checkedIn.has(code)) return problem(409, "already_checked_in", "The guest is already checked in.", { checked_in_at: checkedIn.get(code) });
        checkedIn.set(code, "2026-12-06T09:01:00Z");
        attended += 1;
        return { body: { id: "i1", status: "confirmed", checked_in_at: "2026-12-06T09:01:00Z", guest: { name: "Ann Lee", email: "ann@example.com" } } };
      });
    renderApp(server);
    fireEvent.press(await screen.findByRole("tab", { name: "Events" }));
    expect(await screen.findByText("Today")).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Check in guests of FinOps breakfast" }));
    expect(await screen.findByText("0 / 2 checked in")).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText("Check-in code"), "k7qx-m2pa");
    fireEvent.press(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("Ann Lee")).toBeTruthy();
    expect(await screen.findByText("1 / 2 checked in")).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText("Check-in code"), "K7QXM2PA");
    fireEvent.press(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText(/^Already checked in at/)).toBeTruthy();

    server.offline = true;
    fireEvent.changeText(screen.getByLabelText("Check-in code"), "ZZZZ2222");
    fireEvent.press(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("No connection: queued, sent when back online")).toBeTruthy();
    expect(await screen.findByText("1 check-in(s) waiting for the connection")).toBeTruthy();
    server.offline = false;
    fireEvent.press(screen.getByRole("tab", { name: /^Pending/ }));
    fireEvent.press(await screen.findByRole("button", { name: "Send now" }));
    await waitFor(() => expect(checkedIn.has("ZZZZ2222")).toBe(true));
    const keys = server.requests("POST", "/api/events/ev1/check-in").filter((r) => (r.body as { code: string }).code === "ZZZZ2222");
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys.map((k) => k.headers["idempotency-key"])).size).toBe(1);

    // A scan queued in a drop that turns out to be a second one is shown at the door, not hidden.
    fireEvent.press(screen.getByRole("tab", { name: "Events" }));
    fireEvent.press(await screen.findByRole("button", { name: "Check in guests of FinOps breakfast" }));
    server.offline = true;
    fireEvent.changeText(await screen.findByLabelText("Check-in code"), "K7QX M2PA");
    fireEvent.press(screen.getByRole("button", { name: "Check in" }));
    expect(await screen.findByText("No connection: queued, sent when back online")).toBeTruthy();
    server.offline = false;
    expect(await screen.findByText("Check in code K7QX M2PA (sent after the drop)", {}, { timeout: 12_000 })).toBeTruthy();
    expect(screen.getAllByText(/^Already checked in at/).length).toBeGreaterThan(0);
    fireEvent.press(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByText("Check in code K7QX M2PA (sent after the drop)")).toBeNull());
  });
});
