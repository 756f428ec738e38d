"use client";

import Link from "next/link";
import { useCallback, useId, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { DataTable } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { TextField } from "@/components/TextField";
import { api, ApiError, call } from "@/lib/api";
import { fetchObjectChoices, fetchObjects, type CustomObject } from "@/lib/customFields";
import { objectListHref } from "@/lib/routes";
import { useAction } from "@/lib/useAction";
import { useLoaded } from "@/lib/useLoaded";
import { AdminOnly } from "../users/UsersAdmin";

export function ObjectsAdminPage() {
  return (
    <AppShell>
      <AdminOnly>
        <ObjectsAdmin />
      </AdminOnly>
    </AppShell>
  );
}

function ObjectsAdmin() {
  const { data: objects, error, reload } = useLoaded(fetchObjects);
  const { act, error: actionError } = useAction(reload);
  return (
    <section aria-labelledby="objects-admin-title">
      <h1 id="objects-admin-title">Objects</h1>
      <p className="muted">
        Kinds of records of your own (contracts, projects, assets). Each gets a list and record pages, history, exports and imports; add its fields,
        rules and triggers on the <Link href="/admin/fields">Fields</Link> and <Link href="/admin/triggers">Triggers</Link> pages.
      </p>
      {error ? <ProblemMessage error={error} title="Could not load the objects" onRetry={() => void reload()} /> : null}
      {actionError ? <ProblemMessage error={actionError} title="Not removed" /> : null}
      <DataTable
        caption="Custom objects"
        columns={[
          { header: "Name", cell: (o: CustomObject) => <Link href={objectListHref(o.name)}>{o.plural_label}</Link> },
          { header: "Key", cell: (o: CustomObject) => <code>{o.name}</code> },
          { header: "Fields", cell: (o: CustomObject) => o.fields.map((f) => f.label).join(", ") || "—" },
          {
            header: "Actions",
            cell: (o: CustomObject) => (
              <button
                type="button"
                className="link danger"
                aria-label={`Remove the object ${o.label}`}
                onClick={() => {
                  if (window.confirm(`Remove ${o.plural_label}? Only an object without records can go; its history stays.`)) {
                    void act(() => call(api.DELETE("/api/schema/objects/{name}", { params: { path: { name: o.name } } })));
                  }
                }}
              >
                Remove
              </button>
            ),
          },
        ]}
        rows={objects ?? []}
        rowKey={(o) => o.id}
        loading={objects === null && !error}
        error={null}
        hasMore={false}
        onLoadMore={() => undefined}
        onRetry={() => void reload()}
        empty={<p>No custom objects yet.</p>}
      />
      <DefineObject onDefined={() => void reload()} />
    </section>
  );
}

interface Relationship {
  name: string;
  object: string;
  required: boolean;
}

function DefineObject({ onDefined }: { onDefined: () => void }) {
  const [form, setForm] = useState({ name: "", label: "", plural_label: "", description: "" });
  const [relationships, setRelationships] = useState<Relationship[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState("");
  const loadChoices = useCallback(fetchObjectChoices, []);
  const { data: choices } = useLoaded(loadChoices);
  const baseId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone("");
    try {
      const body = {
        name: form.name.trim(),
        ...(form.label.trim() ? { label: form.label.trim() } : {}),
        ...(form.plural_label.trim() ? { plural_label: form.plural_label.trim() } : {}),
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
        relationships: relationships.map((r) => ({ name: r.name.trim(), object: r.object, required: r.required })),
      };
      const { data } = await call(api.POST("/api/schema/objects", { body }));
      setDone(`${data.plural_label} defined.`);
      setForm({ name: "", label: "", plural_label: "", description: "" });
      setRelationships([]);
      onDefined();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const fe = (path: string) => error?.fieldMessage(path) ?? undefined;
  const setRelationship = (i: number, change: Partial<Relationship>) => setRelationships((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const targets = [...(choices ?? []), ...(form.name.trim() ? [{ value: form.name.trim(), label: `${form.name.trim()} (itself)` }] : [])];
  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="define-object-title" noValidate>
      <h2 id="define-object-title">Define an object</h2>
      <div className="form-grid">
        <TextField label="Key (snake_case, never changes)" value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} error={fe("name")} />
        <TextField label="Label" value={form.label} onChange={(e) => setForm((f) => ({ ...f, label: e.target.value }))} error={fe("label")} />
        <TextField label="Plural label" value={form.plural_label} onChange={(e) => setForm((f) => ({ ...f, plural_label: e.target.value }))} error={fe("plural_label")} />
        <TextField label="Description" value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} error={fe("description")} />
      </div>
      <fieldset>
        <legend>Relationships</legend>
        {relationships.length === 0 ? <p className="muted">None: add one to point its records at companies, deals or other records.</p> : null}
        {relationships.map((r, i) => (
          <div key={i} className="relationship-row">
            <TextField label={`Relationship ${i + 1} field`} value={r.name} onChange={(e) => setRelationship(i, { name: e.target.value })} error={fe(`relationships[${i}].name`)} />
            <div className="form-field">
              <label htmlFor={`${baseId}-target-${i}`}>Relationship {i + 1} points to</label>
              <select id={`${baseId}-target-${i}`} value={r.object} onChange={(e) => setRelationship(i, { object: e.target.value })}>
                {targets.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
              {fe(`relationships[${i}].object`) ? (
                <p className="field-error" role="alert">
                  {fe(`relationships[${i}].object`)}
                </p>
              ) : null}
            </div>
            <label className="inline">
              <input type="checkbox" checked={r.required} onChange={(e) => setRelationship(i, { required: e.target.checked })} /> Required
            </label>
            <button type="button" className="link danger" onClick={() => setRelationships((rs) => rs.filter((_, j) => j !== i))} aria-label={`Remove relationship ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setRelationships((rs) => [...rs, { name: "company_id", object: "company", required: false }])}>
          Add a relationship
        </button>
      </fieldset>
      {error && error.fieldErrors.length === 0 ? <ProblemMessage error={error} title="Not defined" /> : null}
      <div className="form-actions">
        <button type="submit">Define object</button>
        <span role="status">{done}</span>
      </div>
    </form>
  );
}
