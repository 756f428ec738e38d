import { render } from "@testing-library/react-native";
import React from "react";
import { Shell } from "../App";
import { AppProvider } from "../src/state";
import { FakeServer, ME, SERVER, memoryStore, memoryTokens } from "./fakeServer";

/** The whole app over a fake server; signed in unless `signedIn` is false. */
export function renderApp(server: FakeServer, { signedIn = true, store = memoryStore() } = {}) {
  global.fetch = server.fetch as typeof fetch;
  if (signedIn) {
    store.data["crm.server"] = SERVER;
    store.data["crm.me"] = ME;
    server.on("GET", "/api/auth/me", () => ({ body: ME }));
  }
  server.on("GET", "/api/notifications/unread-count", () => ({ body: { unread: 0 } }));
  const tokens = memoryTokens(signedIn ? "tok-1" : null);
  const utils = render(
    <AppProvider store={store} tokens={tokens}>
      <Shell />
    </AppProvider>,
  );
  return { ...utils, store, tokens };
}

export function page<T>(data: T[], next: string | null = null) {
  return { body: { data, next_cursor: next } };
}
