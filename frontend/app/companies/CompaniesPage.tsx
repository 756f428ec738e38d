"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useCustomColumns } from "@/components/CustomFields";
import { useCustomInputs } from "@/components/CustomInputs";
import { useAuth } from "@/components/AuthProvider";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { SavedViews } from "@/components/SavedViews";
import { CreateActions } from "@/components/CreateActions";
import { ListHead } from "@/components/ListHead";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, type Company } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { companyHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useUrlTextFilter } from "@/lib/useUrlTextFilter";
import { ExportButtons } from "@/components/ExportButtons";
import { toQuery } from "@/lib/transfer";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

export function CompaniesPage() {
  return (
    <AppShell>
      <CompaniesView />
    </AppShell>
  );
}

export function sizeLabel(size: Company["size"]): string {
  return size === null || size === undefined ? "" : String(size);
}

/** A size as typed: a head count when it is a whole number, else a band such as "51-200". */
export function parseSize(value: string): number | string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function CompaniesView() {
  const router = useRouter();
  const params = useSearchParams();
  const { session } = useAuth();
  const q = params?.get("q") ?? "";
  const [search, onSearch] = useUrlTextFilter(
    q,
    (value) => router.replace(value ? `/companies?q=${encodeURIComponent(value)}` : "/companies", { scroll: false }),
    300,
  );
  const [creating, setCreating] = useState(false);

  const list = usePagedList<Company>(q, async (cursor) => {
    const { data } = await call(
      api.GET("/api/companies", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}), ...(q ? { q } : { sort: "name" }) } } }),
    );
    return data;
  });

  const customColumns = useCustomColumns<Company>("company");
  const columns: Column<Company>[] = [
    {
      header: "Name",
      cell: (c) => (
<RowLink href={companyHref(c.id)}>{c.name}</RowLink>
      ),
    },
    { header: "Domain", cell: (c) => c.domain ?? "" },
    { header: "Industry", cell: (c) => c.industry ?? "", className: "hide-narrow" },
    { header: "Size", cell: (c) => sizeLabel(c.size), className: "hide-narrow" },
    ...customColumns,
    { header: "Created", cell: (c) => formatDateTime(c.created_at), className: "hide-narrow" },
  ];

  return (
    <section aria-labelledby="companies-title">
      <ListHead
        id="companies-title"
        title="Companies"
        createLabel="New company"
        canCreate={canWrite(session?.user.role)}
        creating={creating}
        onToggle={() => setCreating((v) => !v)}
      />
      {creating ? (
        <CreateCompanyForm onCancel={() => setCreating(false)} onCreated={(c) => router.push(companyHref(c.id))} />
      ) : null}
      <form className="filters" role="search" aria-label="Search companies" onSubmit={(e) => e.preventDefault()}>
        <div className="form-field grow">
          <label htmlFor="company-search">Search</label>
          <input id="company-search" type="search" placeholder="Name or domain" value={search} maxLength={200} onChange={(e) => onSearch(e.target.value)} />
        </div>
      </form>
      <ExportButtons what="companies" path="/api/companies/export" query={toQuery(q ? { q } : { sort: "name" })} />
      <SavedViews object="company" filter={null}>
        <DataTable
          caption="Companies"
          columns={columns}
          rows={list.items}
          rowKey={(c) => c.id}
          onOpen={(c) => router.push(companyHref(c.id))}
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          empty={q ? <p>No companies match “{q}”.</p> : <p>No companies yet.</p>}
        />
      </SavedViews>
    </section>
  );
}

function CreateCompanyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (c: Company) => void }) {
  const [form, setForm] = useState({ name: "", domain: "", industry: "", size: "", website: "" });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const custom = useCustomInputs("company");
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: form.name.trim(),
        domain: form.domain.trim() || null,
        industry: form.industry.trim() || null,
        size: parseSize(form.size),
        website: form.website.trim() || null,
        custom: custom.body(),
      };
      const { data } = await call(api.POST("/api/companies", { params: { header: { "Idempotency-Key": idempotencyKey } }, body }));
      onCreated(data);
    } catch (e) {
      settleKey(e);
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };
  const fe = (name: string) => error?.fieldMessage(name);

  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="create-company-title" noValidate>
      <h2 id="create-company-title">New company</h2>
      <div className="form-grid">
        <TextField label="Name" required value={form.name} onChange={set("name")} error={fe("name")} autoFocus />
        <TextField label="Domain" value={form.domain} onChange={set("domain")} error={fe("domain")} placeholder="acme.com" />
        <TextField label="Industry" value={form.industry} onChange={set("industry")} error={fe("industry")} />
        <TextField label="Size" value={form.size} onChange={set("size")} error={fe("size")} placeholder="120 or 51-200" />
        <TextField label="Website" value={form.website} onChange={set("website")} error={fe("website")} placeholder="https://acme.com" />
        {custom.inputs(fe)}
      </div>
      <CreateActions error={error} saving={saving} label="Create company" onCancel={onCancel} />
    </form>
  );
}
