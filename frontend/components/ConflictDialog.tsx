"use client";

import type { ChangeEvent } from "@/lib/api";
import { actorLabel, fieldLabel, formatDateTime, formatValue } from "@/lib/format";
import { Dialog } from "./Dialog";

export interface ConflictDialogProps {
  /** What this user tried to save. */
  attempted: Record<string, unknown>;
  /** The changes made by others since this user's version, oldest first. */
  events: ChangeEvent[];
  me?: string;
  busy?: boolean;
  onReload: () => void;
  onReapply: () => void;
}

/** A 412: someone else changed the record first. Shows who changed what; reload or reapply. */
export function ConflictDialog({ attempted, events, me, busy, onReload, onReapply }: ConflictDialogProps) {
  const overlapping = new Set(events.flatMap((e) => Object.keys(e.changes ?? {})));
  return (
    <Dialog title="Someone else changed this record" onClose={onReload}>
      <p>Your change was not saved because the record changed after you opened it.</p>
      {events.length === 0 ? (
        <p>The other change is not in the history yet; reload to see the latest version.</p>
      ) : (
        <ul className="conflict-events" aria-label="Changes made since you opened the record">
          {events.map((event) => (
            <li key={event.id}>
              <p>
                <strong>{actorLabel(event.actor, event.actor_name, me)}</strong> {event.kind === "deleted" ? "deleted the record" : "changed"}{" "}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> (version {event.version})
              </p>
              <dl className="changes">
                {Object.entries(event.changes ?? {}).map(([field, change]) => (
                  <div key={field}>
                    <dt>{fieldLabel(field)}</dt>
                    <dd>
                      <del>{formatValue(change.old)}</del> → <ins>{formatValue(change.new)}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <div className="your-change">
        <p>Your change:</p>
        <dl className="changes">
          {Object.entries(attempted).map(([field, value]) => (
            <div key={field}>
              <dt>
                {fieldLabel(field)}
                {overlapping.has(field) ? <span className="badge warn"> also changed by them</span> : null}
              </dt>
              <dd>{formatValue(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onReload} disabled={busy}>
          Reload latest
        </button>
        <button type="button" className="secondary" onClick={onReapply} disabled={busy || events.some((e) => e.kind === "deleted")}>
          Apply my change on top
        </button>
      </div>
    </Dialog>
  );
}
