"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { CustomFields } from "@/components/CustomFields";
import { AsOf } from "@/components/AsOf";
import { useAuth } from "@/components/AuthProvider";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { SharingPanel } from "@/components/SharingPanel";
import { ProblemMessage } from "@/components/ProblemMessage";
import { recordPlaceholder, RecordConflict, RecordHead } from "@/components/RecordFrame";
import { RelatedTasks } from "@/components/RelatedSales";
import { api, ApiError, call, ifMatch, newIdempotencyKey, PRIORITIES, type Case, type Interaction, type Priority, type UpdateCase } from "@/lib/api";
import { actorLabel, blankToNull, formatDateTime } from "@/lib/format";
import { casesApi } from "@/lib/records";
import { companyHref, contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useVersionedRecord } from "@/lib/useVersionedRecord";

const KINDS = ["note", "call", "email", "meeting"] as const;

export function CaseViewPage() {
  return (
    <AppShell>
      <CaseView />
    </AppShell>
  );
}

function CaseView() {
  const id = useSearchParams()?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<Case, UpdateCase>(id, casesApi);
  const loadHistory = useCallback(() => casesApi.history(id), [id]);
  const [thread, setThread] = useState(0);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [resolution, setResolution] = useState("");
  const [acted, setActed] = useState(0);
  const interactions = usePagedList<Interaction>(`${id}#${thread}`, async (cursor) => {
    const { data } = await call(
      api.GET("/api/cases/{id}/interactions", { params: { path: { id }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
    );
    return data;
  });

  const placeholder = recordPlaceholder(id, rec, "case", { href: "/cases", label: "Back to cases" });
  const kase = rec.record;
  if (placeholder || !kase) return placeholder;
  const open = kase.status === "open";

  const act = async (action: "close" | "reopen") => {
    setActionError(null);
    try {
      const headers = { "If-Match": ifMatch(rec.version) };
      if (action === "close") {
        await call(
          api.POST("/api/cases/{id}/close", { params: { path: { id }, header: headers }, body: resolution.trim() ? { resolution: resolution.trim() } : {} }),
        );
        setResolution("");
      } else {
        await call(api.POST("/api/cases/{id}/reopen", { params: { path: { id }, header: headers } }));
      }
      await rec.reload();
      setActed((n) => n + 1);
    } catch (e) {
      setActionError(e as ApiError);
    }
  };

  return (
    <article aria-labelledby="case-title" className="record">
      <RecordHead
        titleId="case-title"
        list={{ href: "/cases", label: "Cases" }}
        title={kase.subject}
        badge={<span className="status" data-testid="case-status">{kase.status}</span>}
        rec={rec}
        canDelete={false}
        deletion={{ remove: async () => {}, error: null }}
      />
      {actionError ? <ProblemMessage error={actionError} title={open ? "Not closed" : "Not reopened"} /> : null}
      <div className="record-grid">
        <section className="panel" aria-labelledby="case-details-title">
          <h2 id="case-details-title">Details</h2>
          <EditableField
            label="Subject"
            name="subject"
            value={kase.subject}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.subject}
            onCancel={() => rec.clearFieldError("subject")}
            onSave={(v) => rec.save({ subject: v.trim() })}
          />
          <EditableField
            label="Priority"
            name="priority"
            value={kase.priority}
            options={PRIORITIES.map((p) => ({ value: p, label: p }))}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.priority}
            onCancel={() => rec.clearFieldError("priority")}
            onSave={(v) => rec.save({ priority: v as Priority })}
          />
          <EditableField
            label="Description"
            name="description"
            value={kase.description ?? ""}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.description}
            onCancel={() => rec.clearFieldError("description")}
            onSave={(v) => rec.save({ description: blankToNull(v) })}
          />
          <dl className="facts">
            <dt>Company</dt>
            <dd>
              <Link href={companyHref(kase.company_id)}>Open the company</Link>
            </dd>
            <dt>Contact</dt>
            <dd>{kase.contact_id ? <Link href={contactHref(kase.contact_id)}>Open the contact</Link> : "—"}</dd>
            <dt>Opened</dt>
            <dd>{formatDateTime(kase.created_at)}</dd>
            <dt>Closed</dt>
            <dd>{formatDateTime(kase.closed_at)}</dd>
            <dt>Resolution</dt>
            <dd>{kase.resolution ?? "—"}</dd>
          </dl>
          {writable ? (
            open ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void act("close");
                }}
                aria-label="Close the case"
              >
                <div className="form-field">
                  <label htmlFor="case-resolution">Resolution (optional)</label>
                  <input id="case-resolution" value={resolution} onChange={(e) => setResolution(e.target.value)} />
                </div>
                <button type="submit">Close case</button>
              </form>
            ) : (
              <button type="button" onClick={() => void act("reopen")}>
                Reopen case
              </button>
            )
          ) : null}
        </section>
        <CustomFields
          object="case"
          values={kase.custom as Record<string, unknown> | undefined}
          canEdit={writable}
          fieldErrors={rec.fieldErrors}
          resetKey={rec.resets}
          onCancel={rec.clearFieldError}
          onSave={(custom) => rec.save({ custom } as UpdateCase)}
        />
        <section className="panel" aria-labelledby="thread-title">
          <h2 id="thread-title">Interactions</h2>
          {interactions.error ? <ProblemMessage error={interactions.error} title="Could not load the interactions" onRetry={interactions.reload} /> : null}
          {!interactions.loading && interactions.items.length === 0 ? <p className="empty">No interactions yet.</p> : null}
          <ol className="thread" aria-label="Interactions, oldest first">
            {interactions.items.map((i) => (
              <li key={i.id}>
                <p>
                  <span className="kind">{i.kind}</span> · {actorLabel(i.actor, null, me)} · <time dateTime={i.created_at}>{formatDateTime(i.created_at)}</time>
                </p>
                <p className="entry-body">{i.body}</p>
              </li>
            ))}
          </ol>
          {interactions.hasMore ? (
            <button type="button" className="secondary" onClick={interactions.loadMore}>
              Older interactions
            </button>
          ) : null}
          {writable && open ? <AddInteraction caseId={kase.id} onAdded={() => setThread((t) => t + 1)} /> : null}
          {!open ? <p className="muted">The case is closed; reopen it to add to it.</p> : null}
        </section>
        <RelatedTasks filter={{ case_id: kase.id }} title="Tasks" canWrite={writable} link={{ case_id: kase.id, company_id: kase.company_id }} />
        <SharingPanel target={{ object: "case", collection: "cases" }} id={id} owner={kase.owner_id ?? null} />
        <HistoryList load={loadHistory} revision={rec.revision + acted} me={me} />
        <AsOf
          load={async (at) => (await casesApi.get(kase.id, at)).data}
          render={(past: Case, at) => (
            <dl className="asof-record" aria-label={`The case as of ${formatDateTime(at)}`}>
              <dt>Version</dt>
              <dd>{past.version}</dd>
              <dt>Subject</dt>
              <dd>{past.subject}</dd>
              <dt>Status</dt>
              <dd>{past.status}</dd>
              <dt>Priority</dt>
              <dd>{past.priority}</dd>
            </dl>
          )}
        />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}

function AddInteraction({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const [kind, setKind] = useState<(typeof KINDS)[number]>("note");
  const [body, setBody] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(api.POST("/api/cases/{id}/interactions", { params: { path: { id: caseId }, header: { "Idempotency-Key": key } }, body: { kind, body } }));
      setBody("");
      setKey(newIdempotencyKey());
      onAdded();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <form className="add-entry" onSubmit={submit} aria-label="Add an interaction" noValidate>
      <fieldset>
        <legend>Kind</legend>
        {KINDS.map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="interaction-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k}
          </label>
        ))}
      </fieldset>
      <label htmlFor="interaction-body">What happened</label>
      <textarea id="interaction-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      {error ? <ProblemMessage error={error} title="Not added" /> : null}
      <button type="submit">Add {kind}</button>
    </form>
  );
}
