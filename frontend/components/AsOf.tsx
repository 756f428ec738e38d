"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { localInputToIso } from "@/lib/format";
import type { ApiError } from "@/lib/problem";
import { ProblemMessage } from "./ProblemMessage";

/** Shows a record as it was at a chosen moment (`?as_of=`), read-only. */
export function AsOf<T>({ load, render }: { load: (asOf: string) => Promise<T>; render: (record: T, at: string) => ReactNode }) {
  const [value, setValue] = useState("");
  const [state, setState] = useState<{ record: T; at: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = localInputToIso(value);
    if (!at) return;
    setLoading(true);
    setError(null);
    try {
      setState({ record: await load(at), at });
    } catch (e) {
      setState(null);
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section aria-labelledby="asof-title" className="panel">
      <h2 id="asof-title">As of a past moment</h2>
      <form onSubmit={submit} className="asof-form">
        <label htmlFor="asof-input">Show the record as it was at</label>
        <input id="asof-input" type="datetime-local" step={1} value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" disabled={!value || loading}>
          {loading ? "Loading…" : "Show"}
        </button>
        {state ? (
          <button type="button" className="secondary" onClick={() => setState(null)}>
            Clear
          </button>
        ) : null}
      </form>
      {error ? <ProblemMessage error={error} title={error.status === 404 ? "Nothing at that moment" : "Could not load"} /> : null}
      {state ? <div aria-live="polite">{render(state.record, state.at)}</div> : null}
    </section>
  );
}
