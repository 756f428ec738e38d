"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { CustomFields } from "@/components/CustomFields";
import { useAuth } from "@/components/AuthProvider";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { SharingPanel } from "@/components/SharingPanel";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SegmentSelect } from "@/components/SegmentSelect";
import { recordPlaceholder, RecordConflict, RecordHead } from "@/components/RecordFrame";
import {
  api,
  ApiError,
  call,
  INVITATION_STATUSES,
  type Contact,
  type EventRecord,
  type Invitation,
  type InvitationStatus,
  type InviteJob,
  type UpdateEvent,
} from "@/lib/api";
import { blankToNull, formatDateTime } from "@/lib/format";
import { eventsApi } from "@/lib/records";
import { checkInHref, contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useVersionedRecord } from "@/lib/useVersionedRecord";
import { seatsLabel } from "../EventsPage";

export function EventViewPage() {
  return (
    <AppShell>
      <EventView />
    </AppShell>
  );
}

function EventView() {
  const id = useSearchParams()?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<EventRecord, UpdateEvent>(id, eventsApi);
  const loadHistory = useCallback(() => eventsApi.history(id), [id]);
  // Bumped after every invite or answer: the guest list and the counts load again.
  const [changes, setChanges] = useState(0);
  const changed = async () => {
    await rec.reload();
    setChanges((n) => n + 1);
  };

  const placeholder = recordPlaceholder(id, rec, "event", { href: "/events", label: "Back to events" });
  const event = rec.record;
  if (placeholder || !event) return placeholder;

  return (
    <article aria-labelledby="event-title" className="record">
      <RecordHead
        titleId="event-title"
        list={{ href: "/events", label: "Events" }}
        title={event.name}
        rec={rec}
        canDelete={false}
        deletion={{ remove: async () => {}, error: null }}
      />
      <p>
        <Link className="button-link" href={checkInHref(event.id)}>
          Check-in mode
        </Link>
      </p>
      <div className="record-grid">
        <section className="panel" aria-labelledby="event-details-title">
          <h2 id="event-details-title">Details</h2>
          <EditableField
            label="Name"
            name="name"
            value={event.name}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.name}
            onCancel={() => rec.clearFieldError("name")}
            onSave={(v) => rec.save({ name: v.trim() })}
          />
          <EditableField
            label="Place"
            name="location"
            value={event.location ?? ""}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.location}
            onCancel={() => rec.clearFieldError("location")}
            onSave={(v) => rec.save({ location: blankToNull(v) })}
          />
          <EditableField
            label="Seats"
            name="capacity"
            value={event.capacity ? String(event.capacity) : ""}
            hint="Empty for no limit. More seats take the waitlist in order."
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.capacity}
            onCancel={() => rec.clearFieldError("capacity")}
            onSave={async (v) => {
              await rec.save({ capacity: v.trim() ? Number(v) : null });
              setChanges((n) => n + 1);
            }}
          />
          <EditableField
            label="Description"
            name="description"
            value={event.description ?? ""}
            multiline
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.description}
            onCancel={() => rec.clearFieldError("description")}
            onSave={(v) => rec.save({ description: blankToNull(v) })}
          />
          <dl className="facts">
            <dt>Starts</dt>
            <dd>{formatDateTime(event.starts_at)}</dd>
            <dt>Ends</dt>
            <dd>{formatDateTime(event.ends_at)}</dd>
            <dt>Time zone</dt>
            <dd>{event.timezone}</dd>
            <dt>Online</dt>
            <dd>{event.online_url ?? "—"}</dd>
          </dl>
        </section>
        <CustomFields
          object="event"
          values={event.custom as Record<string, unknown> | undefined}
          canEdit={writable}
          fieldErrors={rec.fieldErrors}
          resetKey={rec.resets}
          onCancel={rec.clearFieldError}
          onSave={(custom) => rec.save({ custom } as UpdateEvent)}
        />
        <Seats event={event} />
        {writable ? <Invite eventId={event.id} onInvited={() => void changed()} /> : null}
        <Guests eventId={event.id} revision={changes} canAnswer={writable} onAnswered={() => void changed()} />
        <SharingPanel target={{ object: "event", collection: "events" }} id={event.id} owner={event.owner_id ?? null} />
        <HistoryList load={loadHistory} revision={rec.revision} me={me} />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}

function Seats({ event }: { event: EventRecord }) {
  const c = event.counts;
  return (
    <section className="panel" aria-labelledby="seats-title">
      <h2 id="seats-title">Guests</h2>
      <p data-testid="seats-taken">Seats taken: {seatsLabel(event)}</p>
      {event.capacity ? (
        <meter className="capacity" min={0} max={event.capacity} value={c.confirmed} aria-label="Seats taken" />
      ) : null}
      <dl className="facts" data-testid="event-counts">
        <dt>Invited</dt>
        <dd>{c.invited}</dd>
        <dt>Confirmed</dt>
        <dd>{c.confirmed}</dd>
        <dt>Waitlisted</dt>
        <dd>{c.waitlisted}</dd>
        <dt>Maybe</dt>
        <dd>{c.maybe}</dd>
        <dt>Declined</dt>
        <dd>{c.declined}</dd>
        <dt>Checked in</dt>
        <dd>{c.attended}</dd>
      </dl>
    </section>
  );
}

function Invite({ eventId, onInvited }: { eventId: string; onInvited: () => void }) {
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Contact[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState("");
  const [segmentId, setSegmentId] = useState("");

  const inviteSegment = async () => {
    setError(null);
    try {
      const { data } = await call(api.POST("/api/events/{id}/invite", { params: { path: { id: eventId } }, body: { segment_id: segmentId } }));
      let job = data as InviteJob;
      while (job.status === "queued" || job.status === "running") {
        setDone(`Inviting the segment: ${job.invited} invited so far…`);
        await new Promise((resolve) => setTimeout(resolve, 400));
        job = (await call(api.GET("/api/events/{id}/invite-jobs/{job_id}", { params: { path: { id: eventId, job_id: job.id } } }))).data;
      }
      setDone(
        job.status === "completed"
          ? `Segment invited: ${job.invited} invited${job.already_invited ? `, ${job.already_invited} already were` : ""}.`
          : `The segment's invitations stopped: ${job.error ?? "unknown reason"}.`,
      );
      onInvited();
    } catch (err) {
      setError(err as ApiError);
    }
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone("");
    try {
      const { data } = await call(api.GET("/api/contacts", { params: { query: { q: q.trim(), limit: 10 } } }));
      setFound(data.data);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const invite = async (contacts: Contact[]) => {
    setError(null);
    try {
      const { data } = await call(
        api.POST("/api/events/{id}/invite", { params: { path: { id: eventId } }, body: { contact_ids: contacts.map((c) => c.id) } }),
      );
      setDone(`${data.invited} invited${data.already_invited ? `, ${data.already_invited} already were` : ""}.`);
      onInvited();
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite</h2>
      <form onSubmit={search} role="search" aria-label="Find contacts to invite">
        <div className="form-field">
          <label htmlFor="invite-q">Contacts (name or email)</label>
          <input id="invite-q" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          Find
        </button>
      </form>
      <SegmentSelect id="invite-segment" label="Or a segment" none="Choose a segment" value={segmentId} onChange={setSegmentId} />
      <button type="button" className="secondary" disabled={!segmentId} onClick={() => void inviteSegment()}>
        Invite the segment
      </button>
      {error ? <ProblemMessage error={error} title="Not invited" /> : null}
      {found && found.length === 0 ? <p className="empty">No contact matches.</p> : null}
      {found && found.length > 0 ? (
        <>
          <ul className="plain-list" aria-label="Contacts found">
            {found.map((c) => (
              <li key={c.id}>
                {[c.first_name, c.last_name].filter(Boolean).join(" ") || c.email} <span className="muted">{c.email}</span>{" "}
                <button type="button" className="secondary" onClick={() => void invite([c])} aria-label={`Invite ${c.email}`}>
                  Invite
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void invite(found)}>
            Invite all {found.length}
          </button>
        </>
      ) : null}
      <p role="status" className="muted">
        {done}
      </p>
    </section>
  );
}

const ANSWERS = [
  { response: "yes", label: "Yes" },
  { response: "no", label: "No" },
  { response: "maybe", label: "Maybe" },
] as const;

function Guests({
  eventId,
  revision,
  canAnswer,
  onAnswered,
}: {
  eventId: string;
  revision: number;
  canAnswer: boolean;
  onAnswered: () => void;
}) {
  const [status, setStatus] = useState<InvitationStatus | "">("");
  const [error, setError] = useState<ApiError | null>(null);
  const list = usePagedList<Invitation>(`${eventId}#${status}#${revision}`, async (cursor) => {
    const query = { limit: 100, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
    const { data } = await call(api.GET("/api/events/{id}/invitations", { params: { path: { id: eventId }, query } }));
    return data;
  });
  const answer = async (guest: Invitation, response: "yes" | "no" | "maybe") => {
    setError(null);
    try {
      await call(api.POST("/api/events/{id}/rsvp", { params: { path: { id: eventId } }, body: { contact_id: guest.contact_id, response } }));
      onAnswered();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const who = (g: Invitation) => g.guest?.email ?? g.contact_id;

  return (
    <section className="panel" aria-labelledby="guest-list-title">
      <h2 id="guest-list-title">Guest list</h2>
      <div className="form-field">
        <label htmlFor="guest-status">Show</label>
        <select id="guest-status" value={status} onChange={(e) => setStatus(e.target.value as InvitationStatus | "")}>
          <option value="">Everyone</option>
          {INVITATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "waitlisted" ? "waitlisted (in order)" : s}
            </option>
          ))}
        </select>
      </div>
      {error ? <ProblemMessage error={error} title="Answer not recorded" /> : null}
      {list.error ? <ProblemMessage error={list.error} title="Could not load the guests" onRetry={list.reload} /> : null}
      {!list.loading && list.items.length === 0 ? <p className="empty">Nobody here yet.</p> : null}
      <ol className="guest-list" aria-label="Guests">
        {list.items.map((g) => (
          <li key={g.id} data-testid="guest">
            <Link href={contactHref(g.contact_id)}>{g.guest?.name ?? "Contact"}</Link> <span className="muted">{g.guest?.email}</span>{" "}
            <span className="status" data-testid="guest-status">
              {g.status}
            </span>
            {g.checked_in_at ? <span className="muted"> · checked in {formatDateTime(g.checked_in_at)}</span> : null}{" "}
            <a href={g.rsvp_path} target="_blank" rel="noopener noreferrer" aria-label={`Personal RSVP page of ${who(g)}`}>
              RSVP page
            </a>
            {canAnswer ? (
              <span className="guest-actions">
                {ANSWERS.map((a) => (
                  <button
                    key={a.response}
                    type="button"
                    className="secondary"
                    aria-label={`${a.label} for ${who(g)}`}
                    onClick={() => void answer(g, a.response)}
                  >
                    {a.label}
                  </button>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {list.hasMore ? (
        <button type="button" className="secondary" onClick={list.loadMore}>
          More guests
        </button>
      ) : null}
    </section>
  );
}
