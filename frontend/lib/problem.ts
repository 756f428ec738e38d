// Errors from the API are RFC 9457 problem+json; this turns any failure into one shape.
import type { components } from "./api-schema";

export type Problem = components["schemas"]["Problem"];
export type FieldError = components["schemas"]["FieldError"];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly traceId?: string;
  readonly fieldErrors: FieldError[];
  /** For 409 `already_checked_in`: when the guest was checked in. */
  readonly checkedInAt?: string;

  constructor(status: number, problem: Partial<Problem>) {
    const detail = problem.detail || problem.title || `request failed (${status})`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code ?? "error";
    this.detail = detail;
    this.traceId = problem.trace_id;
    this.fieldErrors = problem.errors ?? [];
    this.checkedInAt = problem.checked_in_at ?? undefined;
  }

  /** The message for one field, matching `tags[2]` to `tags` too. */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`))
      ?.message;
  }
}

export function toApiError(error: unknown, status: number): ApiError {
  if (error instanceof ApiError) return error;
  if (error && typeof error === "object") return new ApiError(status, error as Partial<Problem>);
  return new ApiError(status, { detail: typeof error === "string" && error ? error : undefined });
}

export function networkError(cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, { code: "network_error", detail: `The server could not be reached (${message}).` });
}
