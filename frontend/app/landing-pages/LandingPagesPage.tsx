"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { CheckboxGroup } from "@/components/CheckboxGroup";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, FORM_FIELDS, type LandingPageRecord } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { landingPageHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";

export function LandingPagesPage() {
  return (
    <AppShell>
      <LandingPages />
    </AppShell>
  );
}

function LandingPages() {
  const router = useRouter();
  const { session } = useAuth();
  const list = usePagedList<LandingPageRecord>("landing-pages", async (cursor) => {
    const { data } = await call(api.GET("/api/landing-pages", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));
    return data;
  });
  const columns: Column<LandingPageRecord>[] = [
    { header: "Title", cell: (p) => <RowLink href={landingPageHref(p.id)}>{p.title}</RowLink> },
    { header: "Status", cell: (p) => <span className="status">{p.status}</span> },
    { header: "Address", cell: (p) => p.url, className: "hide-narrow" },
    { header: "Updated", cell: (p) => formatDateTime(p.updated_at), className: "hide-narrow" },
  ];
  return (
    <section aria-labelledby="landing-pages-title">
      <div className="page-head">
        <h1 id="landing-pages-title">Landing pages</h1>
      </div>
      <p className="muted">A page is written from a brief, edited, then published; its form turns visitors into contacts with their consent.</p>
      {canWrite(session?.user.role) ? <NewLandingPage onCreated={(id) => router.push(landingPageHref(id))} /> : null}
      <DataTable
        caption="Landing pages"
        columns={columns}
        rows={list.items}
        rowKey={(p) => p.id}
        onOpen={(p) => router.push(landingPageHref(p.id))}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={<p>No landing pages yet.</p>}
      />
    </section>
  );
}

type FormField = (typeof FORM_FIELDS)[number];

function NewLandingPage({ onCreated }: { onCreated: (id: string) => void }) {
  const [title, setTitle] = useState("");
  const [brief, setBrief] = useState("");
  const [fields, setFields] = useState<FormField[]>(["first_name", "last_name"]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (field: string) => error?.fieldMessage(field);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = { brief: brief.trim(), fields, ...(title.trim() ? { title: title.trim() } : {}) };
      const { data } = await call(api.POST("/api/landing-pages/generate", { body }));
      onCreated(data.id);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={save} aria-labelledby="new-page-title" noValidate>
      <h2 id="new-page-title">New landing page</h2>
      <TextField label="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError("title")} />
      <div className={`form-field${fieldError("brief") ? " has-error" : ""}`}>
        <label htmlFor="page-brief">Brief</label>
        <textarea
          id="page-brief"
          rows={3}
          value={brief}
          onChange={(e) => setBrief(e.target.value)}
          aria-invalid={fieldError("brief") ? true : undefined}
          aria-describedby={fieldError("brief") ? "page-brief-error" : undefined}
        />
        {fieldError("brief") ? (
          <p className="field-error" id="page-brief-error" role="alert">
            {fieldError("brief")}
          </p>
        ) : null}
      </div>
      <CheckboxGroup legend="Form fields besides email" options={[...FORM_FIELDS]} chosen={fields} onChange={setFields} />
      {error && error.fieldErrors.length === 0 ? <ProblemMessage error={error} title="Not written" /> : null}
      <button type="submit" disabled={saving}>
        Write the page
      </button>
    </form>
  );
}
