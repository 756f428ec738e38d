"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { CustomFields } from "@/components/CustomFields";
import { AsOf } from "@/components/AsOf";
import { useAuth } from "@/components/AuthProvider";
import { CompanyPicker } from "@/components/CompanyPicker";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { SharingPanel } from "@/components/SharingPanel";
import { recordPlaceholder, RecordConflict, RecordHead, useRemove } from "@/components/RecordFrame";
import { StatusBadge } from "@/components/StatusBadge";
import { BriefingPanel } from "@/components/BriefingPanel";
import { ConsentPanel } from "@/components/ConsentPanel";
import { EngagementScore } from "@/components/EngagementScore";
import { RelatedCases, RelatedDeals, RelatedTasks } from "@/components/RelatedSales";
import { Timeline } from "@/components/Timeline";
import { ProblemMessage } from "@/components/ProblemMessage";
import { CONTACT_STATUSES, type ApiError, type Contact, type ContactStatus, type UpdateContact } from "@/lib/api";
import { unmerge } from "@/lib/merges";
import { blankToNull, contactName, formatDateTime } from "@/lib/format";
import { companiesApi, contactsApi } from "@/lib/records";
import { companyHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { useVersionedRecord } from "@/lib/useVersionedRecord";

export function ContactViewPage() {
  return (
    <AppShell>
      <ContactView />
    </AppShell>
  );
}

function ContactView() {
  const id = useSearchParams()?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<Contact, UpdateContact>(id, contactsApi);
  const loadHistory = useCallback(() => contactsApi.history(id), [id]);
  const deletion = useRemove(
    () => contactsApi.remove(id, rec.version),
    `Delete ${rec.record ? contactName(rec.record) : "this contact"}? The history stays readable.`,
    "/contacts",
  );

  const placeholder = recordPlaceholder(id, rec, "contact", { href: "/contacts", label: "Back to contacts" });
  const contact = rec.record;
  if (placeholder || !contact) return placeholder;

  const field = (name: keyof UpdateContact & keyof Contact, label: string, type: "text" | "email" | "tel" = "text") => (
    <EditableField
      label={label}
      name={name}
      type={type}
      value={(contact[name] as string | null | undefined) ?? ""}
      canEdit={writable}
      resetKey={rec.resets}
      onCancel={() => rec.clearFieldError(name)}
      error={rec.fieldErrors[name]}
      onSave={(value) => rec.save({ [name]: name === "email" ? value.trim() : blankToNull(value) } as UpdateContact)}
    />
  );

  return (
    <article aria-labelledby="contact-title" className="record">
      <RecordHead
        titleId="contact-title"
        list={{ href: "/contacts", label: "Contacts" }}
        title={contactName(contact)}
        badge={<StatusBadge status={contact.status} />}
        rec={rec}
        canDelete={writable}
        deletion={deletion}
      />
      <div className="record-grid">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          {field("email", "Email", "email")}
          {field("first_name", "First name")}
          {field("last_name", "Last name")}
          {field("title", "Title")}
          {field("phone", "Phone", "tel")}
          <EditableField
            label="Status"
            name="status"
            value={contact.status}
            options={CONTACT_STATUSES.map((s) => ({ value: s, label: s }))}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.status}
            onCancel={() => rec.clearFieldError("status")}
            hint="lead → mql → sql → opportunity → customer; a customer may churn."
            onSave={(value) => rec.save({ status: value as ContactStatus })}
          />
          <EditableField
            label="Tags"
            name="tags"
            value={(contact.tags ?? []).join(", ")}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.tags}
            onCancel={() => rec.clearFieldError("tags")}
            hint="Comma-separated."
            onSave={(value) =>
              rec.save({
                tags: value
                  .split(",")
                  .map((t) => t.trim())
                  .filter(Boolean),
              })
            }
          />
          {field("source", "Source")}
          <EditableField
            label="Campaigns"
            name="do_not_contact"
            value={contact.do_not_contact ? "yes" : "no"}
            options={[
              { value: "no", label: "May be sent campaigns" },
              { value: "yes", label: "Do not contact" },
            ]}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.do_not_contact}
            onCancel={() => rec.clearFieldError("do_not_contact")}
            hint="Unsubscribes and bounces show in the consent ledger."
            onSave={(value) => rec.save({ do_not_contact: value === "yes" })}
          />
          <CompanyField
            contact={contact}
            canEdit={writable}
            error={rec.fieldErrors.company_id}
            onCancel={() => rec.clearFieldError("company_id")}
            onSave={(company_id) => rec.save({ company_id })}
          />
          <p className="muted">
            Created {formatDateTime(contact.created_at)} · updated {formatDateTime(contact.updated_at)}
          </p>
        </section>
        <CustomFields
          object="contact"
          values={contact.custom as Record<string, unknown> | undefined}
          canEdit={writable}
          fieldErrors={rec.fieldErrors}
          resetKey={rec.resets}
          onCancel={rec.clearFieldError}
          onSave={(custom) => rec.save({ custom } as UpdateContact)}
        />
        <BriefingPanel contactId={contact.id} />
        <ConsentPanel contactId={contact.id} canWrite={writable} />
        <Timeline contactId={contact.id} canWrite={writable} revision={rec.revision} me={me} />
        <EngagementScore contactId={contact.id} revision={rec.revision} />
        <RelatedDeals filter={{ contact_id: contact.id }} />
        <RelatedCases filter={{ contact_id: contact.id }} />
        <RelatedTasks filter={{ contact_id: contact.id }} title="Tasks" canWrite={writable} link={{ contact_id: contact.id }} />
        <SharingPanel target={{ object: "contact", collection: "contacts" }} id={id} owner={contact.owner_id ?? null} />
        <HistoryList
          load={loadHistory}
          revision={rec.revision}
          me={me}
          action={(event) =>
            writable && event.kind === "merged" && event.version === contact.version ? (
              <UndoMerge contactId={contact.id} mergeId={event.trace_id} onDone={rec.reload} />
            ) : null
          }
        />
        <AsOf
          load={async (at) => (await contactsApi.get(contact.id, at)).data}
          render={(past: Contact, at) => (
            <dl className="asof-record" aria-label={`The contact as of ${formatDateTime(at)}`}>
              <dt>Version</dt>
              <dd>{past.version}</dd>
              <dt>Name</dt>
              <dd>{contactName(past)}</dd>
              <dt>Email</dt>
              <dd>{past.email}</dd>
              <dt>Status</dt>
              <dd>{past.status}</dd>
              <dt>Title</dt>
              <dd>{past.title ?? "—"}</dd>
              <dt>Phone</dt>
              <dd>{past.phone ?? "—"}</dd>
              <dt>Tags</dt>
              <dd>{(past.tags ?? []).join(", ") || "—"}</dd>
            </dl>
          )}
        />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}

/** Undoes the merge that made the contact's current version. */
function UndoMerge({ contactId, mergeId, onDone }: { contactId: string; mergeId: string; onDone: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await unmerge(contactId, mergeId);
      await onDone();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void undo()} disabled={busy}>
        Undo this merge
      </button>
      {error ? <ProblemMessage error={error} title="Could not undo the merge" /> : null}
    </>
  );
}

function CompanyField({
  contact,
  canEdit,
  error,
  onCancel,
  onSave,
}: {
  contact: Contact;
  canEdit: boolean;
  error?: string;
  onCancel: () => void;
  onSave: (companyId: string | null) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(contact.company_id ?? "");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSave(draft || null);
      setEditing(false);
    } catch {
      // shown by the page
    }
  };
  return (
    <div className={`field${error ? " has-error" : ""}`} data-field="company_id">
      {editing || error ? (
        <form onSubmit={submit} className="field-edit" aria-label="Edit company">
          <CompanyPicker label="Company" value={draft} onChange={setDraft} error={error} errorId="company-error" />
          <div className="field-actions">
            <button type="submit">Save</button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setEditing(false);
                setDraft(contact.company_id ?? "");
                onCancel();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="field-view">
          <span className="field-label">Company</span>
          <span className="field-value">
            {contact.company_id ? <CompanyLink id={contact.company_id} /> : "—"}
          </span>
          {canEdit ? (
            <button type="button" className="link" aria-label="Edit Company" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
        </div>
      )}
      {error ? (
        <p className="field-error" id="company-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CompanyLink({ id }: { id: string }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    companiesApi
      .get(id)
      .then(({ data }) => live && setName(data.name))
      .catch(() => live && setName(null));
    return () => {
      live = false;
    };
  }, [id]);
  return <Link href={companyHref(id)}>{name ?? "Open company"}</Link>;
}
