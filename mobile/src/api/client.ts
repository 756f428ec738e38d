// The typed API client: openapi-fetch over the types generated from the server's OpenAPI
// document (src/api/schema.ts), with the server URL and token of the session.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Contact = Schemas["ContactResponse"];
export type TimelineEntry = Schemas["TimelineEntryResponse"];
export type Task = Schemas["TaskResponse"];
export type Deal = Schemas["DealResponse"];
export type Stage = Schemas["StageDto"];
export type CrmEvent = Schemas["EventResponse"];
export type Invitation = Schemas["InvitationResponse"];
export type Notification = Schemas["NotificationResponse"];

/** An RFC 9457 problem, as the server answers every error. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  [key: string]: unknown;
}

/** A refusal by the server (4xx, 5xx), with its problem. */
export class ApiError extends Error {
  constructor(public problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

/** The server could not be reached (no network, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("The server cannot be reached. Check the connection.");
    this.cause = cause;
  }
}

export function problemOf(status: number, body: unknown): Problem {
  if (body && typeof body === "object" && "title" in body) return { ...(body as Problem), status };
  return { status, title: `The server answered ${status}` };
}

/** What a screen shows of an error: the problem's `detail` when there is one. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  if (error instanceof Error) return error.message;
  return String(error);
}

export type Api = ReturnType<typeof createApi>;

/**
 * A client for `baseUrl` sending `token`; `onExpired` is called when the server answers 401 to a
 * signed-in request (the token expired or was revoked).
 */
export function createApi(baseUrl: string, token: string | null, onExpired: () => void) {
  const client = createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, "") });
  const auth: Middleware = {
    onRequest({ request }) {
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && token) onExpired();
      return response;
    },
  };
  client.use(auth);
  return client;
}

/** Unwraps an openapi-fetch answer: its data, or an ApiError / NetworkError. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!result.response.ok) throw new ApiError(problemOf(result.response.status, result.error));
  return result.data as T;
}
