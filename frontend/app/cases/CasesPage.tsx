"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useCustomColumns } from "@/components/CustomFields";
import { useCustomInputs } from "@/components/CustomInputs";
import { useAuth } from "@/components/AuthProvider";
import { CompanyPicker } from "@/components/CompanyPicker";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { CreateActions } from "@/components/CreateActions";
import { ListHead } from "@/components/ListHead";
import { SelectField } from "@/components/SelectField";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, PRIORITIES, type Case, type Priority } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { caseHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useUrlFilters } from "@/lib/urlFilters";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

const FILTERS = ["status", "priority"] as const;

export function CasesPage() {
  return (
    <AppShell>
      <CasesView />
    </AppShell>
  );
}

function CasesView() {
  const router = useRouter();
  const { session } = useAuth();
  const { filters, setFilters, key } = useUrlFilters("/cases", FILTERS);
  const [creating, setCreating] = useState(false);
  // The default view is the queue: open cases, oldest first.
  const queue = !filters.status && !filters.priority;

  const list = usePagedList<Case>(key, async (cursor) => {
    if (queue) {
      const { data } = await call(api.GET("/api/cases/open", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));
      return data;
    }
    const query = {
      limit: 50,
      ...(cursor ? { cursor } : {}),
      ...(filters.status && filters.status !== "all" ? { status: filters.status as "open" | "closed" } : {}),
      ...(filters.priority ? { priority: filters.priority as Priority } : {}),
    };
    const { data } = await call(api.GET("/api/cases", { params: { query } }));
    return data;
  });

  const customColumns = useCustomColumns<Case>("case");
  const columns: Column<Case>[] = [
    { header: "Subject", cell: (c) => <RowLink href={caseHref(c.id)}>{c.subject}</RowLink> },
    { header: "Priority", cell: (c) => <span className={`status priority-${c.priority}`}>{c.priority}</span> },
    { header: "Status", cell: (c) => c.status },
    ...customColumns,
    { header: "Opened", cell: (c) => formatDateTime(c.created_at), className: "hide-narrow" },
  ];

  return (
    <section aria-labelledby="cases-title">
      <ListHead id="cases-title" title="Cases" createLabel="New case" canCreate={canWrite(session?.user.role)} creating={creating} onToggle={() => setCreating((v) => !v)} />
      {creating ? <OpenCaseForm onCancel={() => setCreating(false)} onCreated={(c) => router.push(caseHref(c.id))} /> : null}
      <form className="filters" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Status" value={filters.status} options={["open", "closed", "all"]} empty="Open queue (oldest first)" onChange={(status) => setFilters({ status })} />
        <SelectField label="Priority" value={filters.priority} options={PRIORITIES} empty="Any priority" onChange={(priority) => setFilters({ priority })} />
      </form>
      <DataTable
        caption={queue ? "Open cases, oldest first" : "Cases"}
        columns={columns}
        rows={list.items}
        rowKey={(c) => c.id}
        onOpen={(c) => router.push(caseHref(c.id))}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={queue ? <p>No open cases. Well done.</p> : <p>No cases match these filters.</p>}
      />
    </section>
  );
}

function OpenCaseForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (c: Case) => void }) {
  const [form, setForm] = useState({ company_id: "", subject: "", description: "", priority: "normal" });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const custom = useCustomInputs("case");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        company_id: form.company_id,
        subject: form.subject.trim(),
        priority: form.priority as Priority,
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
        custom: custom.body(),
      };
      const { data } = await call(api.POST("/api/cases", { params: { header: { "Idempotency-Key": idempotencyKey } }, body }));
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
    <form className="panel create-form" onSubmit={submit} aria-labelledby="open-case-title" noValidate>
      <h2 id="open-case-title">New case</h2>
      <div className="form-grid">
        <div>
          <CompanyPicker label="Company" value={form.company_id} onChange={(company_id) => setForm((f) => ({ ...f, company_id }))} error={fe("company_id")} errorId="case-company-error" />
          {fe("company_id") ? (
            <p className="field-error" id="case-company-error" role="alert">
              {fe("company_id")}
            </p>
          ) : null}
        </div>
        <TextField label="Subject" required value={form.subject} onChange={(e) => setForm((f) => ({ ...f, subject: e.target.value }))} error={fe("subject")} />
        <SelectField label="Priority" value={form.priority} options={PRIORITIES} onChange={(priority) => setForm((f) => ({ ...f, priority }))} />
        {custom.inputs(fe)}
      </div>
      <div className="form-field">
        <label htmlFor="case-description">Description</label>
        <textarea id="case-description" rows={3} value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} />
      </div>
      <CreateActions error={error} saving={saving} label="Open case" busyLabel="Opening…" failure="Not opened" onCancel={onCancel} />
    </form>
  );
}
