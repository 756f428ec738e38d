"use client";

import { useCallback, useEffect, useState } from "react";
import { BarChart } from "@/components/BarChart";
import { Dialog } from "@/components/Dialog";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call, type Campaign } from "@/lib/api";

type Progress = {
  status: string;
  queued_all: boolean;
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  dead: number;
  skipped: { unsubscribed: number; no_consent: number; bounced: number; do_not_contact: number };
};
type Audience = { members: number; recipients: number; skipped: Progress["skipped"] };
type Figures = {
  sent: number;
  delivered: number;
  failed: number;
  opened: number;
  unique_opens: number;
  clicked: number;
  unique_clicks: number;
  unsubscribed: number;
  bounced: number;
  conversions: number;
  webhooks_sent: number;
  webhooks_failed: number;
  rates: { delivery: number; open: number; click: number; click_to_open: number; unsubscribe: number; bounce: number };
};

const SKIP_LABELS: [keyof Progress["skipped"], string][] = [
  ["unsubscribed", "unsubscribed"],
  ["bounced", "bounced"],
  ["do_not_contact", "marked do not contact"],
  ["no_consent", "without consent"],
];

function skippedText(skipped: Progress["skipped"]): string {
  const parts = SKIP_LABELS.filter(([k]) => skipped[k] > 0).map(([k, label]) => `${skipped[k].toLocaleString()} ${label}`);
  return parts.length === 0 ? "nobody left out" : `left out: ${parts.join(", ")}`;
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Sending a campaign: execute after a confirmation that shows who it reaches, then a live
 * progress bar with pause, resume and cancel, and what the messages did.
 */
export function Delivery({ campaign, writable, blocked, onChanged }: {
  campaign: Campaign;
  writable: boolean;
  blocked: string | null;
  onChanged: () => Promise<void>;
}) {
  const id = campaign.id;
  const started = !["draft", "scheduled"].includes(campaign.status);
  const [audience, setAudience] = useState<Audience | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [p, f] = await Promise.all([
      call(api.GET("/api/campaigns/{id}/progress", { params: { path: { id } } })),
      call(api.GET("/api/analytics/campaign/{id}", { params: { path: { id } } })),
    ]);
    setProgress(p.data as Progress);
    setFigures(f.data as Figures);
    return p.data as Progress;
  }, [id]);

  useEffect(() => {
    if (!started) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const p = await refresh();
        if (p.status !== campaign.status) await onChanged();
        if (!stop && ["running", "paused"].includes(p.status)) timer = setTimeout(() => void tick(), 1500);
      } catch (e) {
        setError(e as ApiError);
      }
    };
    void tick();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [started, refresh, campaign.status, onChanged]);

  const askToExecute = async () => {
    setError(null);
    setBusy(true);
    try {
      setAudience((await call(api.GET("/api/campaigns/{id}/audience", { params: { path: { id } } }))).data as Audience);
      setConfirming(true);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: "execute" | "pause" | "resume" | "cancel") => {
    setError(null);
    setBusy(true);
    try {
      const path = `/api/campaigns/{id}/${action}` as "/api/campaigns/{id}/pause";
      await call(api.POST(path, { params: { path: { id } } }));
      setConfirming(false);
      await onChanged();
      if (started) await refresh();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const done = progress ? progress.sent + progress.failed + progress.dead : 0;
  return (
    <div className="delivery">
      {!started && writable ? (
        <>
          <button type="button" disabled={busy || blocked !== null} onClick={() => void askToExecute()}>
            {campaign.status === "scheduled" ? "Send now…" : "Execute…"}
          </button>
          {blocked ? <p className="muted">{blocked}</p> : null}
        </>
      ) : null}
      {confirming && audience ? (
        <Dialog title="Send this campaign?" onClose={() => setConfirming(false)}>
          <p data-testid="execute-audience">
            It goes to <strong>{audience.recipients.toLocaleString()}</strong> of {audience.members.toLocaleString()} contacts in its
            segment ({skippedText(audience.skipped)}).
          </p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void act("execute")}>
              Send to {audience.recipients.toLocaleString()} {audience.recipients === 1 ? "contact" : "contacts"}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Back
            </button>
          </div>
        </Dialog>
      ) : null}
      {started && progress ? (
        <div data-testid="delivery-progress">
          <label htmlFor={`progress-${id}`}>
            {progress.queued_all ? `${done.toLocaleString()} of ${progress.total.toLocaleString()} messages` : `Queueing… ${progress.total.toLocaleString()} so far`}
          </label>
          <progress id={`progress-${id}`} max={Math.max(1, progress.total)} value={done} />
          <dl className="facts">
            <dt>Sent</dt>
            <dd data-testid="progress-sent">{progress.sent.toLocaleString()}</dd>
            <dt>Waiting</dt>
            <dd>{(progress.queued + progress.sending).toLocaleString()}</dd>
            <dt>Failed</dt>
            <dd>{(progress.failed + progress.dead).toLocaleString()}</dd>
            <dt>Left out</dt>
            <dd>{skippedText(progress.skipped)}</dd>
          </dl>
          {writable ? (
            <div className="actions">
              {progress.status === "running" ? (
                <button type="button" disabled={busy} onClick={() => void act("pause")}>
                  Pause
                </button>
              ) : null}
              {progress.status === "paused" ? (
                <button type="button" disabled={busy} onClick={() => void act("resume")}>
                  Resume
                </button>
              ) : null}
              {["running", "paused"].includes(progress.status) ? (
                <button type="button" className="danger" disabled={busy} onClick={() => void act("cancel")}>
                  Cancel sending
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {started && figures ? (
        <div data-testid="campaign-analytics">
          <p>
            Opened by {percent(figures.rates.open)} of those who got it, clicked by {percent(figures.rates.click)}; {figures.unsubscribed.toLocaleString()} unsubscribed,{" "}
            {figures.bounced.toLocaleString()} bounced. Deals won after it (conversions): {figures.conversions.toLocaleString()}.
            {figures.webhooks_sent + figures.webhooks_failed > 0
              ? ` Webhook posts: ${figures.webhooks_sent.toLocaleString()} accepted, ${figures.webhooks_failed.toLocaleString()} failed.`
              : null}
          </p>
          <BarChart
            title="What the messages did"
            data={[
              { label: "Sent", value: figures.sent },
              { label: "Delivered", value: figures.delivered },
              { label: "Opened", value: figures.unique_opens },
              { label: "Clicked", value: figures.unique_clicks },
              { label: "Unsubscribed", value: figures.unsubscribed },
              { label: "Bounced", value: figures.bounced },
            ]}
            valueLabel="Messages"
          />
        </div>
      ) : null}
      {error ? <ProblemMessage error={error} title="Could not do that" /> : null}
    </div>
  );
}
