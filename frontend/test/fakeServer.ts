// A stand-in for the network at the edge of the page: answers fetch() from a route table.
import { vi } from "vitest";

export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "Content-Type": type, ...headers } });
}

export function fakeServer(routes: Record<string, Handler>) {
  const calls: { method: string; url: URL; headers: Headers; body: string }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(String(input));
    const url = new URL(request.url, "http://localhost");
    const body = request.method === "GET" ? "" : await request.clone().text();
    calls.push({ method: request.method, url, headers: request.headers, body });
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) return json({ status: 404, code: "not_found", detail: `no route ${request.method} ${url.pathname}` }, 404);
    return handler(request, url);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}
