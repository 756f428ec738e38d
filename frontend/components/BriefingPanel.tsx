"use client";

import { useState } from "react";
import { api, call, type Briefing } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import type { ApiError } from "@/lib/problem";
import { ProblemMessage } from "./ProblemMessage";

/** A briefing on the contact before a call: written on demand, reused until their data changes. */
export function BriefingPanel({ contactId }: { contactId: string }) {
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (refresh: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await call(
        api.GET("/api/contacts/{id}/briefing", { params: { path: { id: contactId }, query: refresh ? { refresh: true } : {} } }),
      );
      setBriefing(data);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel briefing" aria-labelledby="briefing-title">
      <h2 id="briefing-title">Briefing</h2>
      {!briefing ? (
        <>
          <p className="muted">A summary, next steps and talking points from their recent timeline, deals and cases.</p>
          <button type="button" onClick={() => void load(false)} disabled={busy}>
            {busy ? "Writing…" : "Write a briefing"}
          </button>
        </>
      ) : (
        <div data-testid="briefing">
          <p>{briefing.summary}</p>
          <p>
            Sentiment: <strong className={`sentiment-${briefing.sentiment}`}>{briefing.sentiment}</strong>
          </p>
          <h3>Next steps</h3>
          <ul>
            {briefing.next_steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ul>
          {briefing.talking_points.length > 0 ? (
            <>
              <h3>Talking points</h3>
              <ul>
                {briefing.talking_points.map((point, i) => (
                  <li key={i}>{point}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="muted" data-testid="briefing-provider">
            Written by {briefing.provider === "offline" ? "the built-in offline writer" : `${briefing.model} (${briefing.provider})`} ·{" "}
            {formatDateTime(briefing.generated_at)}
            {briefing.cached ? " · unchanged since" : ""}
          </p>
          <button type="button" onClick={() => void load(true)} disabled={busy}>
            {busy ? "Writing…" : "Write it again"}
          </button>
        </div>
      )}
      {error ? <ProblemMessage error={error} title="No briefing" onRetry={() => void load(false)} /> : null}
    </section>
  );
}
