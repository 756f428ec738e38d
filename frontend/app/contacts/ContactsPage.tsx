"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useCustomColumns } from "@/components/CustomFields";
import { useCustomInputs } from "@/components/CustomInputs";
import { useAuth } from "@/components/AuthProvider";
import { CompanyPicker } from "@/components/CompanyPicker";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { andOf, SavedViews } from "@/components/SavedViews";
import { ListHead } from "@/components/ListHead";
import { ProblemMessage } from "@/components/ProblemMessage";
import { StatusBadge } from "@/components/StatusBadge";
import { SelectField } from "@/components/SelectField";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, CONTACT_STATUSES, type Contact, type ContactStatus } from "@/lib/api";
import { contactName, formatDateTime } from "@/lib/format";
import { contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useUrlTextFilter } from "@/lib/useUrlTextFilter";
import { ExportButtons } from "@/components/ExportButtons";
import { toQuery } from "@/lib/transfer";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

const PAGE_SIZE = 50;
const SORTS = [
  { value: "", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-updated_at", label: "Recently updated" },
  { value: "email", label: "Email" },
];

/** The filters of the view, as kept in the URL (`?q=&status=&tag=&company=&sort=`). */
export interface ContactFilters {
  q: string;
  status: string;
  tag: string;
  company: string;
  sort: string;
}

/** The table's filters (not the search text) in the segment grammar, for a saved view. */
export function viewFilter(filters: ContactFilters): Record<string, unknown> | null {
  return andOf([
    filters.status ? { field: "status", op: "eq", value: filters.status } : null,
    filters.tag ? { field: "tags", op: "contains", value: filters.tag } : null,
    filters.company ? { field: "company_id", op: "eq", value: filters.company } : null,
  ]);
}

export function filtersFromParams(params: URLSearchParams): ContactFilters {
  return {
    q: params.get("q") ?? "",
    status: params.get("status") ?? "",
    tag: params.get("tag") ?? "",
    company: params.get("company") ?? "",
    sort: params.get("sort") ?? "",
  };
}

export function filtersToQuery(filters: ContactFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value.trim()) params.set(key, value.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function ContactsPage() {
  return (
    <AppShell>
      <ContactsView />
    </AppShell>
  );
}

function ContactsView() {
  const router = useRouter();
  const params = useSearchParams();
  const { session } = useAuth();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(params?.toString() ?? "")), [params]);
  const [creating, setCreating] = useState(false);

  const setFilters = useCallback(
    (change: Partial<ContactFilters>) => {
      const next = { ...filtersFromParams(new URLSearchParams(window.location.search)), ...change };
      router.replace(`/contacts${filtersToQuery(next)}`, { scroll: false });
    },
    [router],
  );
  const [search, onSearch] = useUrlTextFilter(filters.q, (q) => setFilters({ q }), 300);
  const [tagDraft, onTag] = useUrlTextFilter(filters.tag, (tag) => setFilters({ tag }), 400);

  const key = filtersToQuery(filters);
  const filterQuery = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status as ContactStatus } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.company ? { company_id: filters.company } : {}),
    ...(filters.sort ? { sort: filters.sort } : {}),
  };
  const list = usePagedList<Contact>(key, async (cursor) => {
    const query = { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...filterQuery };
    const { data } = await call(api.GET("/api/contacts", { params: { query } }));
    return data;
  });

  const filtered = Boolean(filters.q || filters.status || filters.tag || filters.company);
  const customColumns = useCustomColumns<Contact>("contact");
  const columns: Column<Contact>[] = [
    {
      header: "Name",
      cell: (c) => (
<RowLink href={contactHref(c.id)}>{contactName(c)}</RowLink>
      ),
    },
    { header: "Email", cell: (c) => c.email, className: "hide-narrow" },
    { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
    { header: "Title", cell: (c) => c.title ?? "", className: "hide-narrow" },
    { header: "Tags", cell: (c) => (c.tags ?? []).join(", "), className: "hide-narrow" },
    ...customColumns,
    { header: "Created", cell: (c) => formatDateTime(c.created_at), className: "hide-narrow" },
  ];

  return (
    <section aria-labelledby="contacts-title">
      <ListHead
        id="contacts-title"
        title="Contacts"
        createLabel="New contact"
        canCreate={canWrite(session?.user.role)}
        creating={creating}
        onToggle={() => setCreating((v) => !v)}
      />
      {canWrite(session?.user.role) && (filters.status || filters.tag || filters.company) ? (
        <p>
          <Link href={`/segments/new${filtersToQuery({ ...filters, q: "", sort: "" })}`}>Save these filters as a segment</Link>
        </p>
      ) : null}
      {creating ? (
        <CreateContactForm
          onCancel={() => setCreating(false)}
          onCreated={(contact) => router.push(contactHref(contact.id))}
        />
      ) : null}
      <form className="filters" role="search" aria-label="Filter contacts" onSubmit={(e) => e.preventDefault()}>
        <div className="form-field grow">
          <label htmlFor="contact-search">Search</label>
          <input
            id="contact-search"
            type="search"
            placeholder="Name or email"
            value={search}
            maxLength={200}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
        <SelectField label="Status" value={filters.status} options={CONTACT_STATUSES} empty="Any status" onChange={(status) => setFilters({ status })} />
        <div className="form-field">
          <label htmlFor="contact-tag">Tag</label>
          <input id="contact-tag" value={tagDraft} onChange={(e) => onTag(e.target.value)} placeholder="e.g. vip" />
        </div>
        <div className="form-field">
          <CompanyPicker label="Company" noneLabel="Any company" value={filters.company} onChange={(company) => setFilters({ company })} />
        </div>
        <div className="form-field">
          <label htmlFor="contact-sort">Sort</label>
          <select id="contact-sort" value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value })}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ExportButtons what="contacts" path="/api/contacts/export" query={toQuery(filterQuery)} />
      <SavedViews object="contact" filter={viewFilter(filters)}>
        <DataTable
          caption="Contacts"
          columns={columns}
          rows={list.items}
          rowKey={(c) => c.id}
          onOpen={(c) => router.push(contactHref(c.id))}
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          empty={filtered ? <p>No contacts match these filters.</p> : <p>No contacts yet. Create the first one with “New contact”.</p>}
        />
      </SavedViews>
    </section>
  );
}

function CreateContactForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (c: Contact) => void }) {
  const [form, setForm] = useState({ email: "", first_name: "", last_name: "", title: "", status: "lead", company_id: "" });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const custom = useCustomInputs("contact");
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        email: form.email.trim(),
        first_name: form.first_name.trim() || null,
        last_name: form.last_name.trim() || null,
        title: form.title.trim() || null,
        status: form.status as ContactStatus,
        company_id: form.company_id || null,
        custom: custom.body(),
      };
      const { data } = await call(
        api.POST("/api/contacts", { params: { header: { "Idempotency-Key": idempotencyKey } }, body }),
      );
      onCreated(data);
    } catch (e) {
      settleKey(e);
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (name: string) => error?.fieldMessage(name) ?? (error?.code === "email_taken" && name === "email" ? error.detail : undefined);

  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="create-contact-title" noValidate>
      <h2 id="create-contact-title">New contact</h2>
      <div className="form-grid">
        <TextField label="Email" type="email" required value={form.email} onChange={(e) => set("email")(e.target.value)} error={fieldError("email")} autoFocus />
        <TextField label="First name" value={form.first_name} onChange={(e) => set("first_name")(e.target.value)} error={fieldError("first_name")} />
        <TextField label="Last name" value={form.last_name} onChange={(e) => set("last_name")(e.target.value)} error={fieldError("last_name")} />
        <TextField label="Title" value={form.title} onChange={(e) => set("title")(e.target.value)} error={fieldError("title")} />
        <SelectField label="Status" value={form.status} options={CONTACT_STATUSES} onChange={set("status")} />
        <div className="form-field">
          <CompanyPicker label="Company" value={form.company_id} onChange={set("company_id")} error={fieldError("company_id")} />
          {fieldError("company_id") ? (
            <p className="field-error" role="alert">
              {fieldError("company_id")}
            </p>
          ) : null}
        </div>
        {custom.inputs(fieldError)}
      </div>
      {error && error.fieldErrors.length === 0 && !fieldError("email") ? <ProblemMessage error={error} title="Not created" /> : null}
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? "Creating…" : "Create contact"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
