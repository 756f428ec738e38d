"use client";

import { useCallback, useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { components } from "@/lib/api-schema";
import { api, ApiError, call } from "@/lib/api";
import { fetchFields, type SchemaObject } from "@/lib/customFields";
import { recordHref } from "@/lib/routes";
import { useAction } from "@/lib/useAction";
import { useLoaded } from "@/lib/useLoaded";
import { useAuth } from "./AuthProvider";
import { DataTable, RowLink } from "./DataTable";
import { ProblemMessage } from "./ProblemMessage";
import { TextField } from "./TextField";

export type SavedView = components["schemas"]["ViewResponse"];
type Row = Record<string, unknown>;

/** The built-in columns a view of each object may show, the first few checked by default. */
export const VIEW_COLUMNS: Record<SchemaObject, { columns: string[]; checked: number }> = {
  contact: { columns: ["first_name", "last_name", "email", "status", "title", "phone", "source", "tags", "score", "company.name", "created_at"], checked: 4 },
  company: { columns: ["name", "domain", "industry", "size", "website", "created_at"], checked: 4 },
  deal: { columns: ["name", "stage", "amount", "currency", "probability", "expected_close", "company.name", "created_at"], checked: 4 },
  case: { columns: ["subject", "status", "priority", "company.name", "created_at"], checked: 4 },
  event: { columns: ["name", "starts_at", "ends_at", "location", "created_at"], checked: 3 },
};

/** The built-in columns of `object` (a custom object's records have a name and times). */
const columnsOf = (object: SchemaObject) => VIEW_COLUMNS[object] ?? { columns: ["name", "created_at", "updated_at"], checked: 1 };
/** The record page of a row of `object`. */
const hrefOf = (object: SchemaObject) => (id: string) => recordHref(object, id);

/** Equality conditions of a table's filters (the unset ones `null`) as one segment-grammar filter. */
export function andOf(leaves: ({ field: string; op: string; value: string } | null)[]): Record<string, unknown> | null {
  const set = leaves.filter((l) => l !== null);
  return set.length === 0 ? null : set.length === 1 ? set[0] : { and: set };
}

/** A cell's text: lists joined, nothing for null. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The saved views of an object's table: pick one (its columns and filter, through `POST /api/query`)
 * or the standard table (`children`); save the table's current filter as a view of your own or for
 * everyone; share or remove your own.
 */
export function SavedViews({ object, filter, children }: { object: SchemaObject; filter: Record<string, unknown> | null; children: ReactNode }) {
  const load = useCallback(async () => (await call(api.GET("/api/views", { params: { query: { object } } }))).data.items, [object]);
  const { data: views, reload } = useLoaded(load);
  const [chosen, setChosen] = useState("");
  const [saving, setSaving] = useState(false);
  const pickerId = useId();
  const view = views?.find((v) => v.id === chosen) ?? null;

  const { act, error: actionError } = useAction(reload);

  return (
    <>
      <div className="filters" role="group" aria-label="Saved views">
        <div className="form-field">
          <label htmlFor={pickerId}>View</label>
          <select id={pickerId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Standard table</option>
            {(views ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.shared ? " (shared)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => setSaving((s) => !s)} aria-expanded={saving}>
            Save as view
          </button>
          {view?.mine ? (
            <>
              <button type="button" className="secondary" onClick={() => void act(() => call(api.PATCH("/api/views/{id}", { params: { path: { id: view.id } }, body: { shared: !view.shared } })))}>
                {view.shared ? "Stop sharing" : "Share with everyone"}
              </button>
              <button type="button" className="secondary danger" onClick={() => window.confirm(`Remove the view ${view.name}?`) && void act(() => call(api.DELETE("/api/views/{id}", { params: { path: { id: view.id } } })), () => setChosen(""))}>
                Remove view
              </button>
            </>
          ) : null}
        </div>
      </div>
      {actionError ? <ProblemMessage error={actionError} title="Not done" /> : null}
      {saving ? (
        <SaveViewForm
          object={object}
          filter={filter}
          onCancel={() => setSaving(false)}
          onSaved={(id) => {
            setSaving(false);
            void reload().then(() => setChosen(id));
          }}
        />
      ) : null}
      {view ? <ViewTable key={`${view.id}-${view.version}`} view={view} /> : children}
    </>
  );
}

function SaveViewForm({ object, filter, onCancel, onSaved }: { object: SchemaObject; filter: Record<string, unknown> | null; onCancel: () => void; onSaved: (id: string) => void }) {
  const builtin = columnsOf(object);
  const [custom, setCustom] = useState<{ path: string; label: string }[]>([]);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [columns, setColumns] = useState<string[]>(builtin.columns.slice(0, builtin.checked));
  const [error, setError] = useState<ApiError | null>(null);
  const sharedId = useId();
  useEffect(() => {
    let live = true;
    fetchFields(object)
      .then((fields) => live && setCustom(fields.map((f) => ({ path: `custom.${f.name}`, label: f.label }))))
      .catch(() => undefined); // the built-in columns still work
    return () => {
      live = false;
    };
  }, [object]);
  const toggle = (path: string) => setColumns((cs) => (cs.includes(path) ? cs.filter((c) => c !== path) : [...cs, path]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const body = { object, name, columns, shared, ...(filter ? { filter: filter as Record<string, never> } : {}) };
      const { data } = await call(api.POST("/api/views", { body }));
      onSaved(data.id);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const choices = [...builtin.columns.map((c) => ({ path: c, label: c })), ...custom];
  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="save-view-title" noValidate>
      <h2 id="save-view-title">Save as view</h2>
      <p className="muted">{filter ? "The view keeps the table's current filters (not the search text)." : "The view shows every record; filter the table first to keep its filters."}</p>
      <TextField label="View name" value={name} onChange={(e) => setName(e.target.value)} error={error?.fieldMessage("name") ?? undefined} />
      <fieldset className="checks">
        <legend>Columns</legend>
        {choices.map((c) => (
          <label key={c.path}>
            <input type="checkbox" checked={columns.includes(c.path)} onChange={() => toggle(c.path)} /> {c.label}
          </label>
        ))}
      </fieldset>
      {error?.fieldMessage("columns") ? (
        <p className="field-error" role="alert">
          {error.fieldMessage("columns")}
        </p>
      ) : null}
      <div className="form-field">
        <label htmlFor={sharedId} className="inline">
          <input id={sharedId} type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with everyone
        </label>
      </div>
      <div className="form-actions">
        <button type="submit">Save view</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && !error.fieldMessage("name") && !error.fieldMessage("columns") ? <ProblemMessage error={error} title="Not saved" /> : null}
    </form>
  );
}

/** The fields hidden from `role` by an object's field permissions. */
export function hiddenFrom(fields: { field: string; role: string; access: string }[], role: string | undefined): string[] {
  return fields.filter((f) => f.role === role && f.access === "hidden").map((f) => f.field);
}

/**
 * The columns of a view the signed-in user's role may see: a view shared by someone else may show
 * a field hidden from this role (asking for it would be refused). `null` while loading.
 */
function useShownColumns(object: SchemaObject, columns: string[]): string[] | null {
  const { session } = useAuth();
  const role = session?.user.role;
  const [hidden, setHidden] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    call(api.GET("/api/schema/{object}/security", { params: { path: { object } } }))
      .then(({ data }) => live && setHidden(hiddenFrom(data.fields, role)))
      .catch(() => live && setHidden([]));
    return () => {
      live = false;
    };
  }, [object, role]);
  return useMemo(() => (hidden === null ? null : columns.filter((c) => !hidden.includes(c))), [hidden, columns]);
}

/** The records a saved view shows, in its columns, keyset-paged through `POST /api/query`. */
export function ViewTable({ view }: { view: SavedView }) {
  const router = useRouter();
  const object = view.object as SchemaObject;
  const columns = useShownColumns(object, view.columns);
  const [rows, setRows] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!columns) return;
      setLoading(true);
      setError(null);
      try {
        const body = { object, fields: columns, limit: 50, ...(view.filter ? { filter: view.filter as Record<string, never> } : {}), ...(after ? { cursor: after } : {}) };
        const { data } = await call(api.POST("/api/query", { body }));
        setRows((r) => (after ? [...r, ...(data.data as Row[])] : (data.data as Row[])));
        setCursor(data.next_cursor ?? null);
      } catch (e) {
        setError(e as ApiError);
      } finally {
        setLoading(false);
      }
    },
    [object, columns, view.filter],
  );
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);
  const href = hrefOf(object);
  return (
    <DataTable
      caption={`${view.name}: saved view`}
      columns={(columns ?? []).map((c, i) => ({
        header: c,
        cell: (row: Row) => (i === 0 ? <RowLink href={href(String(row.id))}>{cellText(row[c]) || "(none)"}</RowLink> : cellText(row[c])),
      }))}
      rows={rows}
      rowKey={(r) => String(r.id)}
      onOpen={(r) => router.push(href(String(r.id)))}
      loading={loading}
      error={error}
      hasMore={cursor !== null}
      onLoadMore={() => void fetchPage(cursor)}
      onRetry={() => void fetchPage(null)}
      empty={<p>No records match this view.</p>}
    />
  );
}
