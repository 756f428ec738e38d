import { fireEvent, screen, waitFor } from "@testing-library/react-native";
import { FakeServer, ME, SERVER, contact, problem } from "../test/fakeServer";
import { page, renderApp } from "../test/render";

describe("sign-in", () => {
  it("signs in against the server typed, keeps the token, and shows the contacts", async () => {
    const server = new FakeServer()
      .on("POST", "/api/auth/login", (r) =>
        (r.body as { password: string }).password === "right passphrase"
          ? { body: { token: "tok-9", token_type: "Bearer", expires_at: "2030-01-01T00:00:00Z", user: ME } }
          : problem(401, "invalid_credentials", "Wrong email or password."),
      )
      .on("GET", "/api/auth/me", () => ({ body: ME }))
      .on("GET", "/api/contacts", () => page([contact("c1", "Ann", "Lee")]));
    const { tokens, store } = renderApp(server, { signedIn: false });
    await screen.findByRole("header", { name: "Sign in" });
    fireEvent.changeText(screen.getByLabelText("Server"), `${SERVER}/`);
    fireEvent.changeText(screen.getByLabelText("Email"), "sam@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "wrong");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Wrong email or password.")).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText("Password"), "right passphrase");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Ann Lee")).toBeTruthy();
    expect(await tokens.get()).toBe("tok-9");
    expect(store.data["crm.server"]).toBe(SERVER);
    const listed = server.requests("GET", "/api/contacts")[0];
    expect(listed.headers.authorization).toBe("Bearer tok-9");
  });

  it("an expired token returns to sign-in with a message", async () => {
    let expired = false;
    const server = new FakeServer().on("GET", "/api/contacts", () =>
      expired ? problem(401, "unauthorized", "token expired") : page([contact("c1", "Ann", "Lee")]),
    );
    const { tokens } = renderApp(server);
    expect(await screen.findByText("Ann Lee")).toBeTruthy();
    expired = true;
    fireEvent.changeText(screen.getByLabelText("Search contacts"), "bo");
    expect(await screen.findByText("Your session has expired. Please sign in again.")).toBeTruthy();
    expect(screen.getByLabelText("Password")).toBeTruthy();
    expect(await tokens.get()).toBeNull();
  });

  it("registers the phone for push once signed in; signs out: the token, the device and the saved contacts leave", async () => {
    const notifications = jest.requireMock("expo-notifications");
    notifications.requestPermissionsAsync.mockResolvedValueOnce({ status: "granted" });
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([contact("c1", "Ann", "Lee")]))
      .on("POST", "/api/push-devices", (r) => ({ body: { id: "d".repeat(32), ...(r.body as object), updated_at: "2026-12-06T10:00:00Z" } }))
      .on("DELETE", "/api/push-devices/{id}", () => ({ status: 204 }))
      .on("POST", "/api/auth/logout", () => ({ status: 204 }));
    const { tokens, store } = renderApp(server);
    await screen.findByText("Ann Lee");
    await waitFor(() => expect(server.requests("POST", "/api/push-devices")).toHaveLength(1));
    expect(server.requests("POST", "/api/push-devices")[0].body).toEqual({ token: "ExponentPushToken[test]", platform: "ios" });
    await waitFor(() => expect(store.data["crm.device"]).toBe("d".repeat(32)));
    store.data["crm.recent"] = [{ contact: contact("c1", "Ann", "Lee") }];
    fireEvent.press(screen.getByRole("button", { name: "Sign out" }));
    await screen.findByLabelText("Password");
    expect(await tokens.get()).toBeNull();
    await waitFor(() => expect(store.data["crm.recent"]).toBeUndefined());
    expect(server.requests("POST", "/api/auth/logout")).toHaveLength(1);
    expect(server.requests("DELETE", `/api/push-devices/${"d".repeat(32)}`)).toHaveLength(1);
  });

  it("a write refused for an expired token waits, and goes once signed in again", async () => {
    let valid = "tok-1";
    const server = new FakeServer()
      .on("GET", "/api/contacts", () => page([]))
      .on("GET", "/api/deals", () => page([]))
      .on("GET", "/api/tasks", () => page([{ id: "t1", title: "Call Ann back", status: "open", overdue: false, version: 1 }]))
      .on("POST", "/api/auth/login", () => {
        valid = "tok-2";
        return { body: { token: "tok-2", token_type: "Bearer", expires_at: "2030-01-01T00:00:00Z", user: ME } };
      })
      .on("POST", "/api/tasks/{id}/complete", (r) =>
        r.headers.authorization === `Bearer ${valid}` ? { body: {} } : problem(401, "unauthorized", "token expired"),
      );
    renderApp(server);
    fireEvent.press(await screen.findByRole("tab", { name: "Today" }));
    valid = "expired";
    fireEvent.press(await screen.findByRole("button", { name: "Complete Call Ann back" }));
    expect(await screen.findByText("Your session has expired. Please sign in again.")).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText("Email"), "sam@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "right passphrase");
    fireEvent.press(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(server.requests("POST", "/api/tasks/t1/complete")).toHaveLength(2));
    const [first, second] = server.requests("POST", "/api/tasks/t1/complete");
    expect(second.headers.authorization).toBe("Bearer tok-2");
    expect(second.headers["idempotency-key"]).toBe(first.headers["idempotency-key"]);
  });
});
