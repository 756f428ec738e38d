import type { ApiError } from "@/lib/problem";

/** An API error as the user sees it: the problem's detail and the trace id for support. */
export function ProblemMessage({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }) {
  return (
    <div className="problem" role="alert">
      {title ? <strong>{title}: </strong> : null}
      <span>{error.detail}</span>
      {error.traceId ? (
        <span className="trace">
          {" "}
          Trace id for support: <code>{error.traceId}</code>
        </span>
      ) : null}
      {onRetry ? (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
