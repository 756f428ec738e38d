"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call, type Contact, type EventRecord, type Invitation } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { eventHref } from "@/lib/routes";
import { useLoaded } from "@/lib/useLoaded";

export function CheckInPage() {
  return (
    <AppShell>
      <CheckIn />
    </AppShell>
  );
}

type Outcome = { kind: "ok"; guest: Invitation } | { kind: "again"; at: string } | { kind: "error"; error: ApiError };

/**
 * A code as a door scanner or a person types it: 8 of the code's letters and digits (no I, L, O,
 * 0 or 1), any case, maybe with spaces or a dash. A name can look like one too ("Anna Berg"): an
 * unknown code is then looked up as a name.
 */
export function looksLikeCode(text: string): boolean {
  return /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/.test(text.replace(/[\s-]/g, "").toUpperCase());
}

function CheckIn() {
  const id = useSearchParams()?.get("id") ?? "";
  const loadEvent = useCallback(async () => (await call(api.GET("/api/events/{id}", { params: { path: { id } } }))).data, [id]);
  const event = useLoaded<EventRecord>(loadEvent);
  const [entry, setEntry] = useState("");
  const [found, setFound] = useState<Contact[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [walkIn, setWalkIn] = useState({ email: "", first_name: "", last_name: "" });

  /** Checks in; true when it got an answer other than "no such code". */
  const checkIn = async (body: { code: string } | { contact_id: string } | { walk_in: typeof walkIn }): Promise<boolean> => {
    setOutcome(null);
    try {
      const { data } = await call(api.POST("/api/events/{id}/check-in", { params: { path: { id } }, body }));
      setOutcome({ kind: "ok", guest: data });
      setEntry("");
      if ("walk_in" in body) setWalkIn({ email: "", first_name: "", last_name: "" });
      setFound(null);
      void event.reload();
      return true;
    } catch (e) {
      const error = e as ApiError;
      if ("code" in body && error.status === 404) return false;
      if (error.status === 409 && error.code === "already_checked_in") {
        setOutcome({ kind: "again", at: error.checkedInAt ?? "" });
      } else {
        setOutcome({ kind: "error", error });
      }
      return true;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = entry.trim();
    if (!text) return;
    if (looksLikeCode(text) && (await checkIn({ code: text }))) return;
    try {
      const { data } = await call(api.GET("/api/contacts", { params: { query: { q: text, limit: 10 } } }));
      setFound(data.data);
      if (data.data.length === 0 && looksLikeCode(text)) {
        setOutcome({ kind: "error", error: new ApiError(404, { detail: "No guest has this code, and no contact this name." }) });
      }
    } catch (err) {
      setOutcome({ kind: "error", error: err as ApiError });
    }
  };

  const e = event.data;
  return (
    <section className="check-in" aria-labelledby="check-in-title">
      <h1 id="check-in-title">Check-in{e ? `: ${e.name}` : ""}</h1>
      {e ? (
        <p data-testid="attendance">
          {e.counts.attended} checked in of {e.counts.confirmed} confirmed · <Link href={eventHref(e.id)}>Back to the event</Link>
        </p>
      ) : null}
      {event.error ? <ProblemMessage error={event.error} title="Could not load the event" /> : null}
      <form onSubmit={submit} aria-label="Find a guest">
        <label htmlFor="check-in-entry">Code, name or email</label>
        <input
          id="check-in-entry"
          value={entry}
          onChange={(ev) => setEntry(ev.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          enterKeyHint="go"
          autoFocus
        />
        <button type="submit">Check in</button>
      </form>
      <div aria-live="polite">
        {outcome?.kind === "ok" ? (
          <p className="result ok" data-testid="check-in-result">
            Checked in: {outcome.guest.guest?.name ?? "guest"}
            {outcome.guest.walk_in ? " (walk-in)" : ""}
          </p>
        ) : null}
        {outcome?.kind === "again" ? (
          <p className="result warn" data-testid="check-in-result">
            Already checked in at {formatDateTime(outcome.at)}
          </p>
        ) : null}
        {outcome?.kind === "error" ? <ProblemMessage error={outcome.error} title="Not checked in" /> : null}
      </div>
      {found ? (
        found.length === 0 ? (
          <p className="empty">Nobody matches; add them as a walk-in below.</p>
        ) : (
          <ul className="plain-list" aria-label="Matching contacts">
            {found.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => void checkIn({ contact_id: c.id })}>
                  Check in {[c.first_name, c.last_name].filter(Boolean).join(" ") || c.email}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          void checkIn({ walk_in: walkIn });
        }}
        aria-labelledby="walk-in-title"
      >
        <h2 id="walk-in-title">Walk-in</h2>
        {(["email", "first_name", "last_name"] as const).map((field) => (
          <div className="form-field" key={field}>
            <label htmlFor={`walk-in-${field}`}>{field === "email" ? "Email" : field === "first_name" ? "First name" : "Last name"}</label>
            <input
              id={`walk-in-${field}`}
              type={field === "email" ? "email" : "text"}
              value={walkIn[field]}
              onChange={(ev) => setWalkIn({ ...walkIn, [field]: ev.target.value })}
            />
          </div>
        ))}
        <button type="submit" className="secondary">
          Add walk-in and check in
        </button>
      </form>
    </section>
  );
}
