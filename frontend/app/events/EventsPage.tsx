"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useCustomColumns } from "@/components/CustomFields";
import { useCustomInputs } from "@/components/CustomInputs";
import { useAuth } from "@/components/AuthProvider";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, type EventRecord } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { eventHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";
import { usePagedList } from "@/lib/usePagedList";

export function EventsPage() {
  return (
    <AppShell>
      <Events />
    </AppShell>
  );
}

/** "12 of 40" seats, or the confirmed count alone without a limit. */
export function seatsLabel(e: Pick<EventRecord, "capacity" | "counts">): string {
  return e.capacity ? `${e.counts.confirmed} of ${e.capacity}` : `${e.counts.confirmed} (no limit)`;
}

function Events() {
  const router = useRouter();
  const params = useSearchParams();
  const all = params?.get("all") === "1";
  const { session } = useAuth();
  const list = usePagedList<EventRecord>(all ? "all" : "upcoming", async (cursor) => {
    const query = { limit: 50, ...(all ? {} : { upcoming: true }), ...(cursor ? { cursor } : {}) };
    const { data } = await call(api.GET("/api/events", { params: { query } }));
    return data;
  });
  const customColumns = useCustomColumns<EventRecord>("event");
  const columns: Column<EventRecord>[] = [
    { header: "Name", cell: (e) => <RowLink href={eventHref(e.id)}>{e.name}</RowLink> },
    { header: "Starts", cell: (e) => formatDateTime(e.starts_at) },
    { header: "Place", cell: (e) => e.location ?? (e.online_url ? "Online" : "—"), className: "hide-narrow" },
    { header: "Seats taken", cell: (e) => seatsLabel(e) },
    { header: "Waitlist", cell: (e) => String(e.counts.waitlisted), className: "hide-narrow" },
    ...customColumns,
  ];
  return (
    <section aria-labelledby="events-title">
      <div className="page-head">
        <h1 id="events-title">Events</h1>
      </div>
      <p className="muted">
        {all ? "Every event, by start." : "Events not over yet, the soonest first."}{" "}
        <a href={all ? "/events" : "/events?all=1"}>{all ? "Show upcoming only" : "Show past events too"}</a>
      </p>
      {canWrite(session?.user.role) ? <NewEvent onCreated={(id) => router.push(eventHref(id))} /> : null}
      <DataTable
        caption={all ? "All events" : "Upcoming events"}
        columns={columns}
        rows={list.items}
        rowKey={(e) => e.id}
        onOpen={(e) => router.push(eventHref(e.id))}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={<p>No events yet.</p>}
      />
    </section>
  );
}

/** A `datetime-local` value read in the browser's time zone, as RFC 3339 (empty stays empty). */
export function localToIso(value: string): string {
  if (!value) return "";
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
}

function NewEvent({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [timezone, setTimezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const [location, setLocation] = useState("");
  const [capacity, setCapacity] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [key, settleKey] = useIdempotencyKey();
  const custom = useCustomInputs("event");
  const fieldError = (field: string) => error?.fieldErrors.find((f) => f.field === field)?.message;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: name.trim(),
        starts_at: localToIso(startsAt),
        ends_at: localToIso(endsAt),
        timezone: timezone.trim(),
        ...(location.trim() ? { location: location.trim() } : {}),
        ...(capacity.trim() ? { capacity: Number(capacity) } : {}),
        custom: custom.body(),
      };
      const { data } = await call(api.POST("/api/events", { params: { header: { "Idempotency-Key": key } }, body }));
      onCreated(data.id);
    } catch (e) {
      settleKey(e);
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={save} aria-labelledby="new-event-title" noValidate>
      <h2 id="new-event-title">New event</h2>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError("name")} required />
      <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={fieldError("starts_at")} required />
      <TextField label="Ends" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={fieldError("ends_at")} required />
      <TextField label="Time zone" value={timezone} onChange={(e) => setTimezone(e.target.value)} error={fieldError("timezone")} />
      <TextField label="Place (optional)" value={location} onChange={(e) => setLocation(e.target.value)} error={fieldError("location")} />
      <TextField
        label="Seats (optional)"
        type="number"
        inputMode="numeric"
        min={1}
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        error={fieldError("capacity")}
      />
      {custom.inputs(fieldError)}
      {error && error.fieldErrors.length === 0 ? <ProblemMessage error={error} title="Not created" /> : null}
      <button type="submit" disabled={saving}>
        Create event
      </button>
    </form>
  );
}
