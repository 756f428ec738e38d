"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { useCustomInputs } from "@/components/CustomInputs";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { ExportButtons } from "@/components/ExportButtons";
import { CreateActions } from "@/components/CreateActions";
import { ListHead } from "@/components/ListHead";
import { ProblemMessage } from "@/components/ProblemMessage";
import { cellText, SavedViews } from "@/components/SavedViews";
import { TextField } from "@/components/TextField";
import { api, ApiError, call } from "@/lib/api";
import { type CustomObject } from "@/lib/customFields";
import { formatDateTime } from "@/lib/format";
import type { ObjectRecord } from "@/lib/records";
import { objectRecordHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";
import { useLoaded } from "@/lib/useLoaded";
import { usePagedList } from "@/lib/usePagedList";
import Link from "next/link";

/** Custom fields shown as columns beside the name (the rest are on the record page). */
const SHOWN_FIELDS = 4;

export function ObjectListPage() {
  return (
    <AppShell>
      <ObjectList />
    </AppShell>
  );
}

function ObjectList() {
  const name = useSearchParams()?.get("object") ?? "";
  const load = useCallback(async () => (await call(api.GET("/api/schema/objects/{name}", { params: { path: { name } } }))).data, [name]);
  const { data: object, error, reload } = useLoaded(load);
  if (!name) {
    return (
      <p role="alert">
        No object chosen. <Link href="/objects">All objects</Link>
      </p>
    );
  }
  if (error) {
    return (
      <div>
        <ProblemMessage error={error} title={error.status === 404 ? "Object not found" : "Could not load the object"} onRetry={() => void reload()} />
        <p>
          <Link href="/objects">All objects</Link>
        </p>
      </div>
    );
  }
  if (!object) return <p role="status">Loading…</p>;
  return <Records key={object.name} object={object} />;
}

/** A custom object's records: newest first, its first fields as columns, a create form, exports and saved views. */
function Records({ object }: { object: CustomObject }) {
  const router = useRouter();
  const { session } = useAuth();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<ObjectRecord>(object.name, async (cursor) => {
    const query = { limit: 50, ...(cursor ? { cursor } : {}) };
    return (await call(api.GET("/api/objects/{object}", { params: { path: { object: object.name }, query } }))).data;
  });
  const href = (r: ObjectRecord) => objectRecordHref(object.name, r.id);
  const columns: Column<ObjectRecord>[] = [
    { header: "Name", cell: (r) => <RowLink href={href(r)}>{r.name}</RowLink> },
    ...object.fields.slice(0, SHOWN_FIELDS).map((f) => ({ header: f.label, cell: (r: ObjectRecord) => cellText(r.custom[f.name]) })),
    { header: "Created", cell: (r) => formatDateTime(r.created_at), className: "hide-narrow" },
  ];
  return (
    <section aria-labelledby="records-title">
      <ListHead id="records-title" title={object.plural_label} createLabel={`New ${object.label.toLowerCase()}`} canCreate={canWrite(session?.user.role)} creating={creating} onToggle={() => setCreating((v) => !v)} />
      {object.description ? <p className="muted">{object.description}</p> : null}
      {creating ? <CreateRecord object={object} onCancel={() => setCreating(false)} onCreated={(r) => router.push(href(r))} /> : null}
      <ExportButtons what={object.name} path={`/api/objects/${encodeURIComponent(object.name)}/export`} query="" />
      <SavedViews object={object.name} filter={null}>
        <DataTable
          caption={object.plural_label}
          columns={columns}
          rows={list.items}
          rowKey={(r) => r.id}
          onOpen={(r) => router.push(href(r))}
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          onLoadMore={list.loadMore}
          onRetry={list.reload}
          empty={<p>No {object.plural_label.toLowerCase()} yet.</p>}
        />
      </SavedViews>
    </section>
  );
}

function CreateRecord({ object, onCancel, onCreated }: { object: CustomObject; onCancel: () => void; onCreated: (r: ObjectRecord) => void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const custom = useCustomInputs(object.name);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const { data } = await call(
        api.POST("/api/objects/{object}", {
          params: { path: { object: object.name }, header: { "Idempotency-Key": idempotencyKey } },
          body: { name: name.trim(), custom: custom.body() },
        }),
      );
      onCreated(data);
    } catch (e) {
      settleKey(e);
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };
  const fe = (path: string) => error?.fieldMessage(path);
  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="create-record-title" noValidate>
      <h2 id="create-record-title">New {object.label.toLowerCase()}</h2>
      <div className="form-grid">
        <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={fe("name")} />
        {custom.inputs(fe)}
      </div>
      <CreateActions error={error} saving={saving} label="Create" onCancel={onCancel} />
    </form>
  );
}
