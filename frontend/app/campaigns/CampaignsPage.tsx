"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { CheckboxGroup } from "@/components/CheckboxGroup";
import { useAuth } from "@/components/AuthProvider";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SegmentSelect } from "@/components/SegmentSelect";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, CHANNELS, type Campaign, type Channel } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { campaignHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

export function CampaignsPage() {
  return (
    <AppShell>
      <Campaigns />
    </AppShell>
  );
}

function Campaigns() {
  const router = useRouter();
  const { session } = useAuth();
  const list = usePagedList<Campaign>("campaigns", async (cursor) => {
    const { data } = await call(api.GET("/api/campaigns", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));
    return data;
  });
  const columns: Column<Campaign>[] = [
    { header: "Name", cell: (c) => <RowLink href={campaignHref(c.id)}>{c.name}</RowLink> },
    { header: "Status", cell: (c) => <span className="status">{c.status}</span> },
    { header: "Channels", cell: (c) => c.channels.join(", "), className: "hide-narrow" },
    { header: "Updated", cell: (c) => formatDateTime(c.updated_at), className: "hide-narrow" },
  ];
  return (
    <section aria-labelledby="campaigns-title">
      <div className="page-head">
        <h1 id="campaigns-title">Campaigns</h1>
      </div>
      <p className="muted">A campaign starts from a brief: its email, posts and landing page are drafted from it, edited and approved, then scheduled.</p>
      {canWrite(session?.user.role) ? <NewCampaign onCreated={(id) => router.push(campaignHref(id))} /> : null}
      <DataTable
        caption="Campaigns"
        columns={columns}
        rows={list.items}
        rowKey={(c) => c.id}
        onOpen={(c) => router.push(campaignHref(c.id))}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={<p>No campaigns yet.</p>}
      />
    </section>
  );
}

function NewCampaign({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState("");
  const [brief, setBrief] = useState("");
  const [goal, setGoal] = useState("");
  const [channels, setChannels] = useState<Channel[]>(["email"]);
  const [segmentId, setSegmentId] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [key, settleKey] = useIdempotencyKey();
  const fieldError = (field: string) => error?.fieldErrors.find((f) => f.field === field || f.field.startsWith(`${field}[`))?.message;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: name.trim(),
        brief: brief.trim(),
        channels,
        ...(goal.trim() ? { goal: goal.trim() } : {}),
        ...(segmentId ? { segment_id: segmentId } : {}),
      };
      const { data } = await call(api.POST("/api/campaigns", { params: { header: { "Idempotency-Key": key } }, body }));
      onCreated(data.id);
    } catch (e) {
      settleKey(e);
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={save} aria-labelledby="new-campaign-title" noValidate>
      <h2 id="new-campaign-title">New campaign</h2>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError("name")} required />
      <div className={`form-field${fieldError("brief") ? " has-error" : ""}`}>
        <label htmlFor="campaign-brief">Brief</label>
        <textarea
          id="campaign-brief"
          rows={4}
          value={brief}
          onChange={(e) => setBrief(e.target.value)}
          aria-invalid={fieldError("brief") ? true : undefined}
          aria-describedby="campaign-brief-hint"
          required
        />
        <p className="muted" id="campaign-brief-hint">
          What the campaign is about, in your words: the drafts are written from it.
        </p>
        {fieldError("brief") ? (
          <p className="field-error" role="alert">
            {fieldError("brief")}
          </p>
        ) : null}
      </div>
      <TextField label="Goal (optional)" value={goal} onChange={(e) => setGoal(e.target.value)} placeholder="registrations, meetings, …" />
      <CheckboxGroup legend="Channels" options={CHANNELS} chosen={channels} onChange={setChannels} error={fieldError("channels")} />
      <SegmentSelect id="campaign-segment" label="Audience (segment)" none="No segment yet" value={segmentId} onChange={setSegmentId} />
      {error && error.fieldErrors.length === 0 ? <ProblemMessage error={error} title="Not created" /> : null}
      <button type="submit" disabled={saving}>
        Create campaign
      </button>
    </form>
  );
}
