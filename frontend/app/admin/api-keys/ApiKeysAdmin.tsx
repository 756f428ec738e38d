"use client";

import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { DataTable } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SelectField } from "@/components/SelectField";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, type ApiKey, type CreatedApiKey } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { ROLES } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";
import { AdminOnly } from "../users/UsersAdmin";

export function ApiKeysAdminPage() {
  return (
    <AppShell>
      <AdminOnly>
        <ApiKeysAdmin />
      </AdminOnly>
    </AppShell>
  );
}

function ApiKeysAdmin() {
  const [name, setName] = useState("");
  const [role, setRole] = useState("member");
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const { data: keys, error, reload: load } = useLoaded(fetchKeys);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setCopied("");
    try {
      const { data } = await call(api.POST("/api/api-keys", { body: { name: name.trim(), role } }));
      setCreated(data);
      setName("");
      await load();
    } catch (e) {
      setFormError(e as ApiError);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  const revoke = async (key: ApiKey) => {
    if (!window.confirm(`Revoke “${key.name}”? Integrations using it stop working at once.`)) return;
    setActionError(null);
    try {
      await call(api.DELETE("/api/api-keys/{id}", { params: { path: { id: key.id } } }));
      await load();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <form className="panel create-form" onSubmit={create} aria-labelledby="new-key-title" noValidate>
        <h2 id="new-key-title">Create a key</h2>
        <div className="form-grid">
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} placeholder="website forms" error={formError?.fieldMessage("name")} />
          <SelectField label="Role" value={role} options={ROLES} onChange={setRole} />
        </div>
        {formError && formError.fieldErrors.length === 0 ? <ProblemMessage error={formError} title="Not created" /> : null}
        <button type="submit">Create key</button>
      </form>
      {created ? (
        <div className="panel secret" role="region" aria-labelledby="secret-title">
          <h2 id="secret-title">Key “{created.name}” created</h2>
          <p>Copy it now: it is shown only once and cannot be recovered.</p>
          <label htmlFor="secret-value">Secret</label>
          <input id="secret-value" readOnly value={created.key} onFocus={(e) => e.target.select()} className="mono" />
          <div className="form-actions">
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" className="secondary" onClick={() => setCreated(null)}>
              Done, hide it
            </button>
            <span aria-live="polite">{copied === "copied" ? "Copied." : copied === "failed" ? "Copy failed; select the text and copy it." : ""}</span>
          </div>
        </div>
      ) : null}
      {actionError ? <ProblemMessage error={actionError} title="Not revoked" /> : null}
      <DataTable
        caption="API keys"
        columns={[
          { header: "Name", cell: (k) => k.name },
          { header: "Role", cell: (k) => k.role },
          { header: "Prefix", cell: (k) => `${k.prefix}…`, className: "mono" },
          { header: "Last used", cell: (k) => formatDateTime(k.last_used_at), className: "hide-narrow" },
          {
            header: "State",
            cell: (k) =>
              k.revoked_at ? (
                <span className="muted">revoked {formatDateTime(k.revoked_at)}</span>
              ) : (
                <button type="button" className="link danger" onClick={() => void revoke(k)} aria-label={`Revoke ${k.name}`}>
                  Revoke
                </button>
              ),
          },
        ]}
        rows={keys ?? []}
        rowKey={(k) => k.id}
        loading={keys === null && !error}
        error={error}
        onRetry={() => void load()}
        empty={<p>No API keys yet.</p>}
      />
    </section>
  );
}

async function fetchKeys(): Promise<ApiKey[]> {
  return (await call(api.GET("/api/api-keys"))).data.data;
}
