"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { CheckboxGroup } from "@/components/CheckboxGroup";
import { useAuth } from "@/components/AuthProvider";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SegmentSelect } from "@/components/SegmentSelect";
import { recordPlaceholder, RecordConflict, RecordHead, useRemove } from "@/components/RecordFrame";
import {
  api,
  ApiError,
  ASSET_KINDS,
  call,
  type Asset,
  type AssetKind,
  type Campaign,
  type CampaignStatus,
  type Contact,
  type EmailDraft,
  type LandingPage,
  type SocialPost,
  type UpdateCampaign,
} from "@/lib/api";
import { approveAsset, assetHistory, editAsset, generateAssets, listAssets, previewDocument } from "@/lib/campaigns";
import { blankToNull, formatDateTime } from "@/lib/format";
import { campaignsApi } from "@/lib/records";
import { contactHref, segmentHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";
import { useVersionedRecord } from "@/lib/useVersionedRecord";
import { Delivery } from "./Delivery";

const KIND_LABELS: Record<AssetKind, string> = { email: "Email", social_post: "Social post", landing_page: "Landing page" };
const ACTION_LABELS: Record<CampaignStatus, string> = {
  draft: "Back to draft",
  scheduled: "Schedule",
  running: "Start",
  paused: "Pause",
  completed: "Complete",
  cancelled: "Cancel campaign",
};

export function CampaignViewPage() {
  return (
    <AppShell>
      <CampaignView />
    </AppShell>
  );
}

function CampaignView() {
  const id = useSearchParams()?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<Campaign, UpdateCampaign>(id, campaignsApi);
  const loadHistory = useCallback(() => campaignsApi.history(id), [id]);
  const deletion = useRemove(() => campaignsApi.remove(id, rec.version), "Delete this campaign?", "/campaigns");
  const [assets, setAssets] = useState<Asset[] | null>(null);
  const [assetsError, setAssetsError] = useState<ApiError | null>(null);
  const [moveError, setMoveError] = useState<ApiError | null>(null);
  const loadProvider = useCallback(async () => (await call(api.GET("/api/llm-tools"))).data.provider, []);
  const provider = useLoaded(loadProvider);

  const reloadAssets = useCallback(async () => {
    try {
      setAssets(await listAssets(id));
      setAssetsError(null);
    } catch (e) {
      setAssetsError(e as ApiError);
    }
  }, [id]);
  useEffect(() => {
    if (id) void reloadAssets();
  }, [id, reloadAssets]);

  const placeholder = recordPlaceholder(id, rec, "campaign", { href: "/campaigns", label: "Back to campaigns" });
  const campaign = rec.record;
  if (placeholder || !campaign) return placeholder;
  const draft = campaign.status === "draft";
  const needed: AssetKind[] = campaign.channels.flatMap((c) => (c === "email" ? ["email" as const] : c === "social" ? ["social_post" as const] : []));
  const missing = needed.filter((kind) => !(assets ?? []).some((a) => a.kind === kind && a.status === "approved"));

  // Email campaigns are sent through Execute; the others move by hand.
  const sends = campaign.channels.includes("email");
  const move = async (status: CampaignStatus) => {
    setMoveError(null);
    try {
      await rec.save({ status });
    } catch (e) {
      if (!rec.conflict) setMoveError(e as ApiError);
    }
  };

  return (
    <article aria-labelledby="campaign-title" className="record">
      <RecordHead
        titleId="campaign-title"
        list={{ href: "/campaigns", label: "Campaigns" }}
        title={campaign.name}
        badge={
          <span className="status" data-testid="campaign-status">
            {campaign.status}
          </span>
        }
        rec={rec}
        canDelete={writable && ["draft", "completed", "cancelled"].includes(campaign.status)}
        deletion={deletion}
      />
      <div className="record-grid">
        <section className="panel" aria-labelledby="campaign-details-title">
          <h2 id="campaign-details-title">Brief</h2>
          <EditableField
            label="Name"
            name="name"
            value={campaign.name}
            canEdit={writable && draft}
            resetKey={rec.resets}
            error={rec.fieldErrors.name}
            onCancel={() => rec.clearFieldError("name")}
            onSave={(v) => rec.save({ name: v.trim() })}
          />
          <EditableField
            label="Brief"
            name="brief"
            value={campaign.brief}
            multiline
            canEdit={writable && draft}
            resetKey={rec.resets}
            error={rec.fieldErrors.brief}
            onCancel={() => rec.clearFieldError("brief")}
            onSave={(v) => rec.save({ brief: v.trim() })}
          />
          <EditableField
            label="Goal"
            name="goal"
            value={campaign.goal ?? ""}
            canEdit={writable && draft}
            resetKey={rec.resets}
            error={rec.fieldErrors.goal}
            onCancel={() => rec.clearFieldError("goal")}
            onSave={(v) => rec.save({ goal: blankToNull(v) })}
          />
          <dl className="facts">
            <dt>Channels</dt>
            <dd>{campaign.channels.join(", ")}</dd>
            <dt>Audience</dt>
            <dd>
              <Audience segmentId={campaign.segment_id ?? null} />
            </dd>
            <dt>Scheduled for</dt>
            <dd>{campaign.scheduled_at ? formatDateTime(campaign.scheduled_at) : "As soon as it is scheduled"}</dd>
            <dt>Writer</dt>
            <dd data-testid="llm-provider">
              {provider.data ? (provider.data.name === "offline" ? "Built-in offline writer" : `${provider.data.model} (${provider.data.name})`) : "…"}
            </dd>
          </dl>
          {draft && writable ? <AudiencePicker campaign={campaign} save={(segment_id) => rec.save({ segment_id })} /> : null}
        </section>
        <section className="panel" aria-labelledby="campaign-status-title">
          <h2 id="campaign-status-title">Status</h2>
          <p>
            This campaign is <strong>{campaign.status}</strong>.
            {draft && missing.length > 0 ? (
              <span data-testid="schedule-blocker">
                {" "}
                Before it can be scheduled, approve: {missing.map((k) => KIND_LABELS[k].toLowerCase()).join(", ")}.
              </span>
            ) : null}
          </p>
          {sends ? (
            <Delivery
              campaign={campaign}
              writable={writable}
              blocked={missing.length > 0 ? "Approve its assets first." : campaign.segment_id ? null : "Choose its audience first."}
              onChanged={rec.reload}
            />
          ) : null}
          {writable ? (
            <div className="actions">
              {campaign.next_statuses.filter((status) => !sends || status === "cancelled" && !["running", "paused"].includes(campaign.status)).map((status) => (
                <button
                  key={status}
                  type="button"
                  className={status === "cancelled" ? "danger" : undefined}
                  disabled={rec.busy || (status === "scheduled" && missing.length > 0)}
                  onClick={() => void move(status)}
                >
                  {ACTION_LABELS[status]}
                </button>
              ))}
            </div>
          ) : null}
          {moveError ? <ProblemMessage error={moveError} title="Status not changed" /> : null}
        </section>
      </div>
      <section className="panel" aria-labelledby="assets-title">
        <h2 id="assets-title">Assets</h2>
        {draft && writable ? <Generate campaignId={campaign.id} onDone={reloadAssets} /> : null}
        {assetsError ? <ProblemMessage error={assetsError} title="Could not load the assets" onRetry={() => void reloadAssets()} /> : null}
        {assets === null && !assetsError ? <p role="status">Loading…</p> : null}
        {assets && assets.length === 0 ? <p className="empty">No assets yet. Generate drafts from the brief.</p> : null}
        <div className="asset-list">
          {(assets ?? []).map((asset) => (
            <AssetCard
              key={asset.id}
              asset={asset}
              editable={writable && draft}
              me={me}
              onChanged={(next) => setAssets((all) => (all ?? []).map((a) => (a.id === next.id ? next : a)))}
            />
          ))}
        </div>
      </section>
      <HistoryList load={loadHistory} revision={rec.revision} me={me} />
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}

/** The segment's name and how many contacts it holds now. */
function Audience({ segmentId }: { segmentId: string | null }) {
  const load = useCallback(async () => {
    if (!segmentId) return null;
    const [segment, members] = await Promise.all([
      call(api.GET("/api/segments/{id}", { params: { path: { id: segmentId } } })),
      call(api.GET("/api/segments/{id}/contacts", { params: { path: { id: segmentId }, query: { limit: 1, count: true } } })),
    ]);
    // No total when contacts are private to the caller's role: it would count contacts they may not see.
    return { name: segment.data.name, count: members.data.total ?? null };
  }, [segmentId]);
  const audience = useLoaded(load);
  if (!segmentId) return <>No segment chosen</>;
  if (audience.error) return <>Could not count the segment</>;
  if (!audience.data) return <>…</>;
  return (
    <>
      <Link href={segmentHref(segmentId)}>{audience.data.name}</Link>{" "}
      {audience.data.count === null ? null : (
        <span data-testid="audience-count">
          ({audience.data.count} {audience.data.count === 1 ? "contact" : "contacts"} now)
        </span>
      )}
    </>
  );
}

function AudiencePicker({ campaign, save }: { campaign: Campaign; save: (segmentId: string | null) => Promise<void> }) {
  return (
    <SegmentSelect
      id="campaign-audience"
      label="Change the audience"
      none="No segment"
      value={campaign.segment_id ?? ""}
      onChange={(id) => void save(id || null).catch(() => undefined)}
    />
  );
}

/** Choose kinds, generate, and watch the drafts being written. */
function Generate({ campaignId, onDone }: { campaignId: string; onDone: () => Promise<void> }) {
  const [kinds, setKinds] = useState<AssetKind[]>(["email", "social_post"]);
  const [live, setLive] = useState<Partial<Record<AssetKind, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setLive({});
    try {
      await generateAssets(campaignId, kinds, (kind, text) => setLive((now) => ({ ...now, [kind]: (now[kind] ?? "") + text })));
      await onDone();
      setLive({});
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={run} aria-label="Generate drafts">
      <CheckboxGroup legend="Drafts to write" options={ASSET_KINDS} chosen={kinds} label={(k) => KIND_LABELS[k]} onChange={setKinds} />
      <button type="submit" disabled={busy || kinds.length === 0}>
        {busy ? "Writing…" : "Generate"}
      </button>
      {error ? <ProblemMessage error={error} title="Not generated" /> : null}
      {Object.keys(live).length > 0 ? (
        <div aria-live="polite" data-testid="live-drafts">
          {Object.entries(live).map(([kind, text]) => (
            <div key={kind} className="live-draft">
              <h3>Writing the {KIND_LABELS[kind as AssetKind].toLowerCase()}…</h3>
              <pre>{text}</pre>
            </div>
          ))}
        </div>
      ) : null}
    </form>
  );
}

function AssetCard({ asset, editable, me, onChanged }: { asset: Asset; editable: boolean; me?: string; onChanged: (a: Asset) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  const [showHistory, setShowHistory] = useState(false);
  const loadHistory = useCallback(() => assetHistory(asset), [asset]);
  const titleId = `asset-${asset.id}`;
  const fieldError = (key: string) => error?.fieldErrors.find((f) => f.field === `content.${key}`)?.message;
  const label = KIND_LABELS[asset.kind];

  const save = async (content: Record<string, unknown>) => {
    setError(null);
    try {
      onChanged(await editAsset(asset, content));
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
      throw e;
    }
  };
  const approve = async () => {
    setError(null);
    try {
      onChanged(await approveAsset(asset));
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section className="asset-card" aria-labelledby={titleId} data-testid={`asset-${asset.kind}`}>
      <div className="page-head">
        <h3 id={titleId}>{label}</h3>
        <span className="status" data-testid="asset-status">
          {asset.status}
        </span>
        <span className="muted">
          version {asset.version} · written by {asset.provider === "offline" ? "the offline writer" : asset.model}
        </span>
      </div>
      {error && error.fieldErrors.length === 0 ? <ProblemMessage error={error} title="Not saved" /> : null}
      {asset.kind === "email" ? (
        <EmailEditor asset={asset} draft={asset.content as EmailDraft} editable={editable} save={save} fieldError={fieldError} />
      ) : null}
      {asset.kind === "social_post" ? (
        <PostEditor asset={asset} draft={asset.content as SocialPost} editable={editable} save={save} label={label} fieldError={fieldError} />
      ) : null}
      {asset.kind === "landing_page" ? <PageOutline page={asset.content as LandingPage} /> : null}
      <div className="actions">
        {editable && asset.status === "draft" ? (
          <button type="button" onClick={() => void approve()}>
            Approve {label.toLowerCase()}
          </button>
        ) : null}
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
          {showHistory ? "Hide" : "Show"} versions of the {label.toLowerCase()}
        </button>
      </div>
      {showHistory ? <HistoryList load={loadHistory} revision={revision} me={me} /> : null}
    </section>
  );
}

function EmailEditor({
  asset,
  draft,
  editable,
  save,
  fieldError,
}: {
  asset: Asset;
  draft: EmailDraft;
  editable: boolean;
  save: (content: Record<string, unknown>) => Promise<void>;
  fieldError: (key: string) => string | undefined;
}) {
  const [previewFor, setPreviewFor] = useState<Contact | null>(null);
  const fields: { key: keyof EmailDraft; label: string; multiline?: boolean }[] = [
    { key: "subject", label: "Subject" },
    { key: "preheader", label: "Preheader" },
    { key: "html", label: "HTML body", multiline: true },
    { key: "text", label: "Plain-text body", multiline: true },
  ];
  return (
    <div className="email-editor">
      {fields.map((f) => (
        <EditableField
          key={f.key}
          label={f.label}
          name={`email-${f.key}-${asset.id}`}
          value={draft[f.key]}
          multiline={f.multiline}
          canEdit={editable}
          resetKey={asset.version}
          error={fieldError(f.key)}
          onSave={(v) => save({ [f.key]: v })}
        />
      ))}
      <PreviewPicker onPick={setPreviewFor} />
      {previewFor ? (
        // Sandboxed without scripts or same-origin rights: the email is shown, never run.
        <iframe
          title={`Preview of the email for ${previewFor.email}`}
          className="email-preview"
          sandbox=""
          srcDoc={previewDocument(draft.html, previewFor)}
        />
      ) : null}
    </div>
  );
}

/** Picks the contact an email preview is rendered for. */
function PreviewPicker({ onPick }: { onPick: (contact: Contact | null) => void }) {
  const [query, setQuery] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [picked, setPicked] = useState<Contact | null>(null);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await call(api.GET("/api/contacts", { params: { query: { q: query.trim(), limit: 1 } } }));
      const contact = data.data[0] ?? null;
      setPicked(contact);
      onPick(contact);
      if (!contact) setError(new ApiError(404, { detail: "No contact matches." }));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <form onSubmit={find} className="inline-form" aria-label="Preview for a contact">
      <div className="form-field">
        <label htmlFor="preview-contact">Preview for contact (name or email)</label>
        <input id="preview-contact" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <button type="submit">Show preview</button>
      {picked ? (
        <p className="muted">
          Previewing for <Link href={contactHref(picked.id)}>{[picked.first_name, picked.last_name].filter(Boolean).join(" ") || picked.email}</Link>
        </p>
      ) : null}
      {error ? <ProblemMessage error={error} title="No preview contact" /> : null}
    </form>
  );
}

function PostEditor({
  asset,
  draft,
  editable,
  save,
  label,
  fieldError,
}: {
  asset: Asset;
  draft: SocialPost;
  editable: boolean;
  save: (content: Record<string, unknown>) => Promise<void>;
  label: string;
  fieldError: (key: string) => string | undefined;
}) {
  return (
    <>
      <p className="muted">For {draft.network}</p>
      <EditableField
        label={`${label} text`}
        name={`post-text-${asset.id}`}
        value={draft.text}
        multiline
        canEdit={editable}
        resetKey={asset.version}
        error={fieldError("text")}
        onSave={(v) => save({ text: v })}
      />
    </>
  );
}

function PageOutline({ page }: { page: LandingPage }) {
  return (
    <div>
      <p>
        <strong>{page.title}</strong>
      </p>
      <ol className="page-outline">
        {page.sections.map((s, i) => (
          <li key={i}>
            <strong>{s.heading}</strong> <span className="muted">({s.kind})</span>
            {s.body ? <p>{s.body}</p> : null}
            {s.items && s.items.length > 0 ? (
              <ul>
                {s.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
