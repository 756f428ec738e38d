// A fake crm at the edge of the process: `fetch` answered by handlers per "METHOD /path", which
// record every request (method, path, query, headers, body) for the tests to check.
import type { KeyValue } from "../src/storage";

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status?: number; body?: unknown } | "offline";
type Handler = (req: Seen) => Answer | Promise<Answer>;

export const SERVER = "http://crm.test";

export class FakeServer {
  seen: Seen[] = [];
  private routes: [string, RegExp, Handler][] = [];
  offline = false;

  on(method: string, pattern: string, handler: Handler) {
    const re = new RegExp(`^${pattern.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    this.routes.unshift([method, re, handler]);
    return this;
  }

  requests(method: string, path: string) {
    return this.seen.filter((s) => s.method === method && s.path === path);
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    const text = request.body ? await request.text() : typeof init?.body === "string" ? init.body : "";
    const seen: Seen = { method: request.method, path: url.pathname, query: url.searchParams, headers, body: text ? JSON.parse(text) : undefined };
    this.seen.push(seen);
    if (this.offline) throw new TypeError("Network request failed");
    const route = this.routes.find(([m, re]) => m === request.method && re.test(url.pathname));
    const answer: Answer = route ? await route[2](seen) : { status: 404, body: { title: "Not Found", status: 404, detail: `no route ${request.method} ${url.pathname}` } };
    if (answer === "offline") throw new TypeError("Network request failed");
    const status = answer.status ?? 200;
    const problem = status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { "Content-Type": problem ? "application/problem+json" : "application/json" },
    });
  };
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValue & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    async get<T>(key: string) {
      return (key in data ? JSON.parse(JSON.stringify(data[key])) : null) as T | null;
    },
    async set<T>(key: string, value: T) {
      data[key] = JSON.parse(JSON.stringify(value));
    },
    async remove(key: string) {
      delete data[key];
    },
  };
}

export function memoryTokens(token: string | null = null) {
  let current = token;
  return {
    async get() {
      return current;
    },
    async set(t: string | null) {
      current = t;
    },
  };
}

export const ME = { id: "u-1", email: "sam@example.com", name: "Sam", role: "admin", kind: "user" };

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return { status, body: { type: "about:blank", title: code, status, detail, code, trace_id: "t", ...extra } };
}

export function contact(id: string, first: string, last: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    first_name: first,
    last_name: last,
    email: `${first.toLowerCase()}@example.com`,
    phone: null,
    title: null,
    company_id: null,
    status: "lead",
    tags: [],
    score: 12.5,
    source: null,
    do_not_contact: false,
    version: 1,
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
    ...extra,
  };
}
