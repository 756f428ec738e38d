"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { ChangeEvent } from "@/lib/api";
import { actorLabel, fieldLabel, formatDateTime, formatValue } from "@/lib/format";
import type { ApiError } from "@/lib/problem";
import { ProblemMessage } from "./ProblemMessage";

/** Every change of a record, newest first: who, when, and each field's value before and after;
 * `action` may offer something to do about an event (undo a merge). */
export function HistoryList({
  load,
  revision,
  me,
  action,
}: {
  load: () => Promise<ChangeEvent[]>;
  revision: number;
  me?: string;
  action?: (event: ChangeEvent) => ReactNode;
}) {
  const [events, setEvents] = useState<ChangeEvent[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    load()
      .then((all) => live && setEvents([...all].reverse()))
      .catch((e) => live && setError(e as ApiError));
    return () => {
      live = false;
    };
  }, [load, revision, attempt]);

  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">History</h2>
      {error ? <ProblemMessage error={error} title="Could not load the history" onRetry={() => setAttempt((a) => a + 1)} /> : null}
      {events === null && !error ? <p role="status">Loading…</p> : null}
      {events && events.length === 0 ? <p className="empty">No changes recorded.</p> : null}
      {events && events.length > 0 ? (
        <ol className="history" aria-label="Changes, newest first">
          {events.map((event) => (
            <li key={event.id}>
              <p className="history-head">
                <strong>Version {event.version}</strong> · {event.kind} by {actorLabel(event.actor, event.actor_name, me)} ·{" "}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.source && event.source !== "api" ? <span className="muted"> · via {event.source}</span> : null}
              </p>
              {action?.(event)}
              {Object.keys(event.changes ?? {}).length > 0 ? (
                <table className="changes-table">
                  <caption className="sr-only">Fields changed in version {event.version}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changeRows(event.changes).map(([field, change]) => (
                      <tr key={field}>
                        <th scope="row">{fieldLabel(field)}</th>
                        <td>{formatValue(change.old)}</td>
                        <td>{formatValue(change.new)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

type Change = { old?: unknown; new?: unknown };

/** The rows of a change: one per field, and one per custom field (`custom.<name>`) that changed. */
export function changeRows(changes: Record<string, Change>): [string, Change][] {
  const rows: [string, Change][] = [];
  for (const [field, change] of Object.entries(changes)) {
    const isMap = (v: unknown) => v === null || v === undefined || (typeof v === "object" && !Array.isArray(v));
    if (field !== "custom" || !isMap(change.old) || !isMap(change.new)) {
      rows.push([field, change]);
      continue;
    }
    const before = (change.old ?? {}) as Record<string, unknown>;
    const after = (change.new ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) rows.push([`custom.${key}`, { old: before[key] ?? null, new: after[key] ?? null }]);
    }
  }
  return rows;
}
