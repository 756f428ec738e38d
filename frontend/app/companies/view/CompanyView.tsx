"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { AppShell } from "@/components/AppShell";
import { CustomFields } from "@/components/CustomFields";
import { AsOf } from "@/components/AsOf";
import { useAuth } from "@/components/AuthProvider";
import { DataTable, type Column } from "@/components/DataTable";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { SharingPanel } from "@/components/SharingPanel";
import { recordPlaceholder, RecordConflict, RecordHead, useRemove } from "@/components/RecordFrame";
import { RelatedCases, RelatedDeals, RelatedTasks } from "@/components/RelatedSales";
import { StatusBadge } from "@/components/StatusBadge";
import { api, call, type Company, type Contact, type UpdateCompany } from "@/lib/api";
import { blankToNull, contactName, formatDateTime } from "@/lib/format";
import { companiesApi } from "@/lib/records";
import { contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useVersionedRecord } from "@/lib/useVersionedRecord";
import { parseSize, sizeLabel } from "../CompaniesPage";

export function CompanyViewPage() {
  return (
    <AppShell>
      <CompanyView />
    </AppShell>
  );
}

function CompanyView() {
  const id = useSearchParams()?.get("id") ?? "";
  const router = useRouter();
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<Company, UpdateCompany>(id, companiesApi);
  const loadHistory = useCallback(() => companiesApi.history(id), [id]);
  const deletion = useRemove(
    () => companiesApi.remove(id, rec.version),
    `Delete ${rec.record?.name ?? "this company"}? The history stays readable.`,
    "/companies",
  );
  const contacts = usePagedList<Contact>(id, async (cursor) => {
    const { data } = await call(
      api.GET("/api/companies/{id}/contacts", { params: { path: { id }, query: { limit: 25, sort: "name", ...(cursor ? { cursor } : {}) } } }),
    );
    return data;
  });

  const placeholder = recordPlaceholder(id, rec, "company", { href: "/companies", label: "Back to companies" });
  const company = rec.record;
  if (placeholder || !company) return placeholder;

  const field = (name: "name" | "domain" | "industry" | "website", label: string) => (
    <EditableField
      label={label}
      name={name}
      value={company[name] ?? ""}
      type={name === "website" ? "url" : "text"}
      canEdit={writable}
      resetKey={rec.resets}
      onCancel={() => rec.clearFieldError(name)}
      error={rec.fieldErrors[name]}
      onSave={(value) => rec.save({ [name]: name === "name" ? value.trim() : blankToNull(value) } as UpdateCompany)}
    />
  );

  const columns: Column<Contact>[] = [
    { header: "Name", cell: (c) => contactName(c) },
    { header: "Email", cell: (c) => c.email, className: "hide-narrow" },
    { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
    { header: "Title", cell: (c) => c.title ?? "", className: "hide-narrow" },
  ];

  return (
    <article aria-labelledby="company-title" className="record">
      <RecordHead
        titleId="company-title"
        list={{ href: "/companies", label: "Companies" }}
        title={company.name}
        rec={rec}
        canDelete={writable}
        deletion={deletion}
      />
      <div className="record-grid">
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          {field("name", "Name")}
          {field("domain", "Domain")}
          {field("industry", "Industry")}
          <EditableField
            label="Size"
            name="size"
            value={sizeLabel(company.size)}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.size}
            onCancel={() => rec.clearFieldError("size")}
            hint="A head count (120) or a band (51-200)."
            onSave={(value) => rec.save({ size: parseSize(value) })}
          />
          {field("website", "Website")}
          <p className="muted">
            Created {formatDateTime(company.created_at)} · updated {formatDateTime(company.updated_at)}
          </p>
        </section>
        <CustomFields
          object="company"
          values={company.custom as Record<string, unknown> | undefined}
          canEdit={writable}
          fieldErrors={rec.fieldErrors}
          resetKey={rec.resets}
          onCancel={rec.clearFieldError}
          onSave={(custom) => rec.save({ custom } as UpdateCompany)}
        />
        <section className="panel" aria-labelledby="company-contacts-title">
          <h2 id="company-contacts-title">Contacts</h2>
          <DataTable
            caption={`Contacts of ${company.name}`}
            columns={columns}
            rows={contacts.items}
            rowKey={(c) => c.id}
            onOpen={(c) => router.push(contactHref(c.id))}
            loading={contacts.loading}
            error={contacts.error}
            hasMore={contacts.hasMore}
            onLoadMore={contacts.loadMore}
            onRetry={contacts.reload}
            empty={<p>No contacts at this company yet.</p>}
          />
        </section>
        <RelatedDeals filter={{ company_id: company.id }} />
        <RelatedCases filter={{ company_id: company.id }} />
        <RelatedTasks filter={{ company_id: company.id }} title="Tasks" canWrite={writable} link={{ company_id: company.id }} />
        <SharingPanel target={{ object: "company", collection: "companies" }} id={id} owner={company.owner_id ?? null} />
        <HistoryList load={loadHistory} revision={rec.revision} me={me} />
        <AsOf
          load={async (at) => (await companiesApi.get(company.id, at)).data}
          render={(past: Company, at) => (
            <dl className="asof-record" aria-label={`The company as of ${formatDateTime(at)}`}>
              <dt>Version</dt>
              <dd>{past.version}</dd>
              <dt>Name</dt>
              <dd>{past.name}</dd>
              <dt>Domain</dt>
              <dd>{past.domain ?? "—"}</dd>
              <dt>Industry</dt>
              <dd>{past.industry ?? "—"}</dd>
              <dt>Size</dt>
              <dd>{sizeLabel(past.size) || "—"}</dd>
            </dl>
          )}
        />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}
