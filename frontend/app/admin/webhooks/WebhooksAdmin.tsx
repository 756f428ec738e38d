"use client";

import { useCallback, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { DataTable } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { TextField } from "@/components/TextField";
import { api, ApiError, call } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { useLoaded } from "@/lib/useLoaded";
import { AdminOnly } from "../users/UsersAdmin";

type Hook = { id: string; url: string; events: string[]; secret?: string | null; created_at: string };
type Delivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  response_status?: number | null;
  error?: string | null;
  created_at: string;
};

export function WebhooksAdminPage() {
  return (
    <AppShell>
      <AdminOnly>
        <WebhooksAdmin />
      </AdminOnly>
    </AppShell>
  );
}

async function fetchHooks(): Promise<Hook[]> {
  return (await call(api.GET("/api/webhooks"))).data.data as Hook[];
}

function WebhooksAdmin() {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState("contact.created, deal.*");
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<Hook | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { data: hooks, error, reload } = useLoaded(fetchHooks);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      const list = events.split(",").map((e) => e.trim()).filter(Boolean);
      const { data } = await call(api.POST("/api/webhooks", { body: { url: url.trim(), events: list } }));
      setCreated(data as Hook);
      setUrl("");
      await reload();
    } catch (e) {
      setFormError(e as ApiError);
    }
  };

  const remove = async (hook: Hook) => {
    if (!window.confirm(`Stop sending events to ${hook.url}?`)) return;
    setActionError(null);
    try {
      await call(api.DELETE("/api/webhooks/{id}", { params: { path: { id: hook.id } } }));
      await reload();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <form className="panel create-form" onSubmit={create} aria-labelledby="new-hook-title" noValidate>
        <h2 id="new-hook-title">Subscribe a URL</h2>
        <div className="form-grid">
          <TextField label="URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/crm" error={formError?.fieldMessage("url")} />
          <TextField
            label="Events"
            value={events}
            onChange={(e) => setEvents(e.target.value)}
            error={formError?.fieldMessage("events")}
          />
        </div>
        <p className="muted">Events, comma-separated: contact.created, deal.*, case.updated, or * for all changes; campaign.message for one call per recipient of a campaign with the webhook channel.</p>
        {formError && formError.fieldErrors.length === 0 ? <ProblemMessage error={formError} title="Not subscribed" /> : null}
        <button type="submit">Subscribe</button>
      </form>
      {created?.secret ? (
        <div className="panel secret" role="region" aria-labelledby="hook-secret-title">
          <h2 id="hook-secret-title">Subscribed {created.url}</h2>
          <p>Deliveries are signed with this secret; copy it now, it is shown only once.</p>
          <label htmlFor="hook-secret">Signing secret</label>
          <input id="hook-secret" readOnly value={created.secret} onFocus={(e) => e.target.select()} className="mono" />
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setCreated(null)}>
              Done, hide it
            </button>
          </div>
        </div>
      ) : null}
      {actionError ? <ProblemMessage error={actionError} title="Not done" /> : null}
      <DataTable
        caption="Subscriptions"
        columns={[
          { header: "URL", cell: (h) => h.url, className: "mono" },
          { header: "Events", cell: (h) => h.events.join(", ") },
          { header: "Since", cell: (h) => formatDateTime(h.created_at), className: "hide-narrow" },
          {
            header: "Actions",
            cell: (h) => (
              <>
                <button type="button" className="link" aria-expanded={open === h.id} onClick={() => setOpen(open === h.id ? null : h.id)}>
                  {open === h.id ? "Hide deliveries" : "Deliveries"}
                </button>{" "}
                <button type="button" className="link danger" onClick={() => void remove(h)} aria-label={`Delete the subscription of ${h.url}`}>
                  Delete
                </button>
              </>
            ),
          },
        ]}
        rows={hooks ?? []}
        rowKey={(h) => h.id}
        loading={hooks === null && !error}
        error={error}
        onRetry={() => void reload()}
        empty={<p>No subscriptions yet.</p>}
      />
      {open ? <Deliveries hookId={open} url={(hooks ?? []).find((h) => h.id === open)?.url ?? ""} /> : null}
    </section>
  );
}

function Deliveries({ hookId, url }: { hookId: string; url: string }) {
  const load = useCallback(
    async () => (await call(api.GET("/api/webhooks/{id}/deliveries", { params: { path: { id: hookId }, query: { limit: 50 } } }))).data.data as Delivery[],
    [hookId],
  );
  const { data, error, reload } = useLoaded(load);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const redeliver = async (d: Delivery) => {
    setActionError(null);
    try {
      await call(api.POST("/api/webhooks/{id}/deliveries/{delivery_id}/redeliver", { params: { path: { id: hookId, delivery_id: d.id } } }));
      await reload();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };
  return (
    <div className="panel" data-testid="webhook-deliveries">
      <h2>Deliveries to {url}</h2>
      <button type="button" className="secondary" onClick={() => void reload()}>
        Refresh
      </button>
      {actionError ? <ProblemMessage error={actionError} title="Not redelivered" /> : null}
      <DataTable
        caption={`Deliveries to ${url}, newest first`}
        columns={[
          { header: "Event", cell: (d) => d.event },
          { header: "Status", cell: (d) => d.status },
          { header: "Attempts", cell: (d) => String(d.attempts) },
          { header: "Answer", cell: (d) => (d.response_status ? String(d.response_status) : d.error ?? "—") },
          { header: "Queued", cell: (d) => formatDateTime(d.created_at), className: "hide-narrow" },
          {
            header: "Again",
            cell: (d) =>
              d.status === "sending" ? null : (
                <button type="button" className="link" onClick={() => void redeliver(d)} aria-label={`Redeliver ${d.event} (${d.id})`}>
                  Redeliver
                </button>
              ),
          },
        ]}
        rows={data ?? []}
        rowKey={(d) => d.id}
        loading={data === null && !error}
        error={error}
        onRetry={() => void reload()}
        empty={<p>No deliveries yet.</p>}
      />
    </div>
  );
}
