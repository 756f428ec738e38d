"use client";

import { useState, type FormEvent } from "react";
import { api, ApiError, call, newIdempotencyKey, type TimelineEntry } from "@/lib/api";
import { actorLabel, formatDateTime } from "@/lib/format";
import { usePagedList } from "@/lib/usePagedList";
import { ProblemMessage } from "./ProblemMessage";

const KINDS = [
  { value: "note", label: "Note" },
  { value: "call", label: "Call" },
  { value: "meeting", label: "Meeting" },
] as const;

/** A contact's timeline, newest first, with a form to log a note, call or meeting. */
export function Timeline({ contactId, canWrite, revision, me }: { contactId: string; canWrite: boolean; revision: number; me?: string }) {
  const list = usePagedList<TimelineEntry>(`${contactId}:${revision}`, async (cursor) => {
    const { data } = await call(
      api.GET("/api/contacts/{id}/timeline", { params: { path: { id: contactId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } }),
    );
    return data;
  });

  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">Timeline</h2>
      {canWrite ? <AddEntry contactId={contactId} onAdded={list.reload} /> : null}
      {list.error ? <ProblemMessage error={list.error} title="Could not load the timeline" onRetry={list.reload} /> : null}
      <ol className="timeline" aria-label="Timeline entries, newest first" aria-busy={list.loading}>
        {list.items.map((entry) => (
          <li key={entry.id} className={`entry entry-${entry.kind}`}>
            <div className="entry-head">
              <span className="kind">{entry.kind === "change" ? entry.change_kind ?? "change" : entry.kind}</span>{" "}
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span className="actor"> · {actorLabel(entry.actor, null, me)}</span>
            </div>
            <p className="entry-body">{entry.body}</p>
          </li>
        ))}
      </ol>
      {!list.loading && !list.error && list.items.length === 0 ? <p className="empty">Nothing on the timeline yet.</p> : null}
      <div className="table-footer" aria-live="polite">
        {list.loading ? (
          <span role="status">Loading…</span>
        ) : list.hasMore ? (
          <button type="button" onClick={list.loadMore}>
            Load older entries
          </button>
        ) : null}
      </div>
    </section>
  );
}

function AddEntry({ contactId, onAdded }: { contactId: string; onAdded: () => void }) {
  const [kind, setKind] = useState<"note" | "call" | "meeting">("note");
  const [body, setBody] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await call(
        api.POST("/api/contacts/{id}/timeline", {
          params: { path: { id: contactId }, header: { "Idempotency-Key": idempotencyKey } },
          body: { kind, body },
        }),
      );
      setBody("");
      setIdempotencyKey(newIdempotencyKey());
      onAdded();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };
  const bodyError = error?.fieldMessage("body");

  return (
    <form onSubmit={submit} className="add-entry" aria-label="Log an activity">
      <fieldset>
        <legend>Log</legend>
        {KINDS.map((k) => (
          <label key={k.value} className="radio">
            <input type="radio" name="entry-kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} /> {k.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor="entry-body">What happened</label>
      <textarea
        id="entry-body"
        rows={3}
        value={body}
        maxLength={20000}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={bodyError ? "entry-body-error" : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      {bodyError ? (
        <p className="field-error" id="entry-body-error" role="alert">
          {bodyError}
        </p>
      ) : null}
      {error && !bodyError ? <ProblemMessage error={error} title="Not saved" /> : null}
      <button type="submit" disabled={saving || !body.trim()}>
        {saving ? "Saving…" : `Add ${kind}`}
      </button>
    </form>
  );
}
