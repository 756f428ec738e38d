import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToQuery } from "@/app/contacts/ContactsPage";
import { safeNext } from "@/app/sign-in/SignIn";
import { api, call } from "@/lib/api";
import { ApiError } from "@/lib/problem";
import { readSession, saveSession, takeEndReason } from "@/lib/session";
import { fakeServer, json } from "./fakeServer";

const user = { id: "u1", email: "me@example.com", role: "viewer", version: 1, created_at: "", updated_at: "" };

describe("session", () => {
  it("ignores a stored token past its expiry", () => {
    saveSession({ token: "old", expiresAt: new Date(Date.now() - 1000).toISOString(), user });
    expect(readSession()).toBeNull();
    saveSession({ token: "new", expiresAt: new Date(Date.now() + 60_000).toISOString(), user });
    expect(readSession()?.token).toBe("new");
  });

  it("ends the session on a 401 and remembers that it expired", async () => {
    saveSession({ token: "revoked", expiresAt: new Date(Date.now() + 60_000).toISOString(), user });
    fakeServer({ "GET /api/contacts": () => json({ status: 401, code: "unauthorized", detail: "the credential is not valid", trace_id: "tr-9" }, 401) });
    const error = await call(api.GET("/api/contacts", {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).traceId).toBe("tr-9");
    expect(readSession()).toBeNull();
    expect(takeEndReason()).toBe("expired");
  });

  it("reports an unreachable server as a problem, not a crash", async () => {
    fakeServer({});
    globalThis.fetch = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    const error = (await call(api.GET("/api/contacts", {})).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.detail).toContain("could not be reached");
  });
});

describe("URL state", () => {
  it("round-trips the contact filters through the query string", () => {
    const filters = { q: "ada love", status: "mql", tag: "vip", company: "0193-abc", sort: "-name" };
    const query = filtersToQuery(filters);
    expect(filtersFromParams(new URLSearchParams(query.slice(1)))).toEqual(filters);
    expect(filtersToQuery({ q: " ", status: "", tag: "", company: "", sort: "" })).toBe("");
  });

  it("follows only same-site paths after sign-in", () => {
    expect(safeNext("/contacts/view?id=1")).toBe("/contacts/view?id=1");
    expect(safeNext("//evil.example/x")).toBe("/contacts");
    expect(safeNext("https://evil.example")).toBe("/contacts");
    expect(safeNext("/sign-in?next=/x")).toBe("/contacts");
    expect(safeNext(null)).toBe("/contacts");
  });
});
