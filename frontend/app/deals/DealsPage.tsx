"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useCustomColumns } from "@/components/CustomFields";
import { useCustomInputs } from "@/components/CustomInputs";
import { useAuth } from "@/components/AuthProvider";
import { CompanyPicker } from "@/components/CompanyPicker";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { andOf, SavedViews } from "@/components/SavedViews";
import { CreateActions } from "@/components/CreateActions";
import { ListHead } from "@/components/ListHead";
import { SelectField } from "@/components/SelectField";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, STAGES, type Deal, type Stage } from "@/lib/api";
import { formatAmount, STAGE_LABELS } from "@/lib/pipeline";
import { dealHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useUrlFilters } from "@/lib/urlFilters";
import { useUrlTextFilter } from "@/lib/useUrlTextFilter";
import { ExportButtons } from "@/components/ExportButtons";
import { toQuery } from "@/lib/transfer";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

const FILTERS = ["q", "stage", "open", "owner", "company", "sort", "expected_close_after", "expected_close_before"] as const;
const SORTS = ["-created_at", "name", "-amount", "amount", "expected_close"] as const;

export function DealsPage() {
  return (
    <AppShell>
      <DealsView />
    </AppShell>
  );
}

/** The columns every list of deals shows. */
export function dealColumns(): Column<Deal>[] {
  return [
    { header: "Name", cell: (d) => <RowLink href={dealHref(d.id)}>{d.name}</RowLink> },
    { header: "Stage", cell: (d) => <span className={`status stage-${d.stage}`}>{STAGE_LABELS[d.stage as Stage]}</span> },
    { header: "Amount", cell: (d) => (d.amount ? `${formatAmount(d.amount)} ${d.currency}` : "—") },
    { header: "Probability", cell: (d) => `${d.probability}%`, className: "hide-narrow" },
    { header: "Expected close", cell: (d) => d.expected_close ?? "—", className: "hide-narrow" },
  ];
}

function DealsView() {
  const router = useRouter();
  const customColumns = useCustomColumns<Deal>("deal");
  const { session } = useAuth();
  const { filters, setFilters, key } = useUrlFilters("/deals", FILTERS);
  const [search, onSearch] = useUrlTextFilter(filters.q, (q) => setFilters({ q }), 300);
  const [creating, setCreating] = useState(false);

  const filterQuery = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.stage ? { stage: filters.stage as Stage } : {}),
    ...(filters.open ? { open: filters.open === "true" } : {}),
    ...(filters.sort ? { sort: filters.sort } : {}),
    ...(filters.owner === "me" && session ? { owner_id: session.user.id } : {}),
    ...(filters.company ? { company_id: filters.company } : {}),
    ...(filters.expected_close_after ? { expected_close_after: filters.expected_close_after } : {}),
    ...(filters.expected_close_before ? { expected_close_before: filters.expected_close_before } : {}),
  };
  const list = usePagedList<Deal>(key, async (cursor) => {
    const query = { limit: 50, ...(cursor ? { cursor } : {}), ...filterQuery };
    const { data } = await call(api.GET("/api/deals", { params: { query } }));
    return data;
  });

  return (
    <section aria-labelledby="deals-title">
      <ListHead
        id="deals-title"
        title="Deals"
        createLabel="New deal"
        canCreate={canWrite(session?.user.role)}
        creating={creating}
        onToggle={() => setCreating((v) => !v)}
      />
      <p>
        <Link href="/pipeline">Pipeline board</Link>
      </p>
      {creating ? <CreateDealForm onCancel={() => setCreating(false)} onCreated={(d) => router.push(dealHref(d.id))} /> : null}
      <form className="filters" role="search" aria-label="Filter deals" onSubmit={(e) => e.preventDefault()}>
        <div className="form-field grow">
          <label htmlFor="deal-search">Search</label>
          <input id="deal-search" type="search" placeholder="Deal name" value={search} maxLength={200} onChange={(e) => onSearch(e.target.value)} />
        </div>
        <SelectField label="Stage" value={filters.stage} options={STAGES} empty="Any stage" onChange={(stage) => setFilters({ stage })} />
        <SelectField label="Open or closed" value={filters.open} options={["true", "false"]} empty="Open and closed" onChange={(open) => setFilters({ open })} />
        <SelectField label="Owner" value={filters.owner} options={["me"]} empty="Anyone" onChange={(owner) => setFilters({ owner })} />
        <CompanyPicker label="Company" value={filters.company} noneLabel="Any company" onChange={(company) => setFilters({ company })} />
        <SelectField label="Sort" value={filters.sort} options={SORTS} empty="Newest first" onChange={(sort) => setFilters({ sort })} />
        <div className="form-field">
          <label htmlFor="deal-close-after">Closing from</label>
          <input id="deal-close-after" type="date" value={filters.expected_close_after} onChange={(e) => setFilters({ expected_close_after: e.target.value })} />
        </div>
        <div className="form-field">
          <label htmlFor="deal-close-before">Closing before</label>
          <input id="deal-close-before" type="date" value={filters.expected_close_before} onChange={(e) => setFilters({ expected_close_before: e.target.value })} />
        </div>
      </form>
      <ExportButtons what="deals" path="/api/deals/export" query={toQuery(filterQuery)} />
      <SavedViews object="deal" filter={andOf([
          filters.stage ? { field: "stage", op: "eq", value: filters.stage } : null,
          filters.company ? { field: "company_id", op: "eq", value: filters.company } : null,
        ])}>
        <DataTable
          caption="Deals"
          columns={[...dealColumns(), ...customColumns]}
          rows={list.items}
          rowKey={(d) => d.id}
          onOpen={(d) => router.push(dealHref(d.id))}
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          empty={key ? <p>No deals match these filters.</p> : <p>No deals yet.</p>}
        />
      </SavedViews>
    </section>
  );
}

function CreateDealForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (d: Deal) => void }) {
  const [form, setForm] = useState({ name: "", amount: "", currency: "", stage: "qualification", expected_close: "", company_id: "" });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const custom = useCustomInputs("deal");
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: form.name.trim(),
        stage: form.stage as Stage,
        ...(form.amount.trim() ? { amount: form.amount.trim() } : {}),
        ...(form.currency.trim() ? { currency: form.currency.trim() } : {}),
        ...(form.expected_close ? { expected_close: form.expected_close } : {}),
        ...(form.company_id ? { company_id: form.company_id } : {}),
        custom: custom.body(),
      };
      const { data } = await call(api.POST("/api/deals", { params: { header: { "Idempotency-Key": idempotencyKey } }, body }));
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
    <form className="panel create-form" onSubmit={submit} aria-labelledby="create-deal-title" noValidate>
      <h2 id="create-deal-title">New deal</h2>
      <div className="form-grid">
        <TextField label="Name" required value={form.name} onChange={set("name")} error={fe("name")} autoFocus />
        <TextField label="Amount" inputMode="decimal" value={form.amount} onChange={set("amount")} error={fe("amount")} placeholder="48000.00" />
        <TextField label="Currency" value={form.currency} onChange={set("currency")} error={fe("currency")} placeholder="EUR" maxLength={3} />
        <SelectField label="Stage" value={form.stage} options={STAGES.filter((s) => s !== "lost")} onChange={(stage) => setForm((f) => ({ ...f, stage }))} />
        <TextField label="Expected close" type="date" value={form.expected_close} onChange={set("expected_close")} error={fe("expected_close")} />
        <div>
          <CompanyPicker label="Company" value={form.company_id} onChange={(company_id) => setForm((f) => ({ ...f, company_id }))} error={fe("company_id")} errorId="deal-company-error" />
          {fe("company_id") ? (
            <p className="field-error" id="deal-company-error" role="alert">
              {fe("company_id")}
            </p>
          ) : null}
        </div>
        {custom.inputs(fe)}
      </div>
      <CreateActions error={error} saving={saving} label="Create deal" onCancel={onCancel} />
    </form>
  );
}
