"use client";

import { useCallback, useState, type FormEvent } from "react";
import { api, call, type ConsentLedger } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import type { ApiError } from "@/lib/problem";
import { useLoaded } from "@/lib/useLoaded";
import { ProblemMessage } from "./ProblemMessage";

const CHANNELS = ["email", "sms", "phone", "push", "post", "whatsapp"] as const;

/** The contact's consent now (the latest entry per channel and purpose) and a form to record more. */
export function ConsentPanel({ contactId, canWrite }: { contactId: string; canWrite: boolean }) {
  const load = useCallback(async (): Promise<ConsentLedger> => {
    const { data } = await call(api.GET("/api/contacts/{id}/consents", { params: { path: { id: contactId }, query: { limit: 20 } } }));
    return data;
  }, [contactId]);
  const ledger = useLoaded(load);
  const [channel, setChannel] = useState<string>("email");
  const [purpose, setPurpose] = useState("marketing");
  const [status, setStatus] = useState<"granted" | "withdrawn">("granted");
  const [text, setText] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const record = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(
        api.POST("/api/contacts/{id}/consents", {
          params: { path: { id: contactId } },
          body: { channel, purpose: purpose.trim() || undefined, status, ...(text.trim() ? { text: text.trim() } : {}) },
        }),
      );
      setText("");
      await ledger.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">Consent</h2>
      {ledger.error ? <ProblemMessage error={ledger.error} title="Could not load the consent" onRetry={() => void ledger.reload()} /> : null}
      {ledger.data && ledger.data.state.length === 0 ? <p className="empty">No consent recorded.</p> : null}
      {ledger.data && ledger.data.state.length > 0 ? (
        <table className="changes-table" data-testid="consent-state">
          <caption className="sr-only">Consent now, per channel and purpose</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Purpose</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {ledger.data.state.map((c) => (
              <tr key={c.id}>
                <td>{c.channel}</td>
                <td>{c.purpose}</td>
                <td>{c.status}</td>
                <td>
                  {formatDateTime(c.at)} <span className="muted">via {c.source}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canWrite ? (
        <form onSubmit={record} aria-label="Record consent" className="inline-form">
          <div className="form-field">
            <label htmlFor="consent-channel">Consent channel</label>
            <select id="consent-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="consent-purpose">Consent purpose</label>
            <input id="consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} />
          </div>
          <div className="form-field">
            <label htmlFor="consent-status">Consent status</label>
            <select id="consent-status" value={status} onChange={(e) => setStatus(e.target.value as "granted" | "withdrawn")}>
              <option value="granted">granted</option>
              <option value="withdrawn">withdrawn</option>
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="consent-text">Consent wording (required when granted)</label>
            <input id="consent-text" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" disabled={busy}>
            Record consent
          </button>
        </form>
      ) : null}
      {error ? <ProblemMessage error={error} title="Not recorded" /> : null}
    </section>
  );
}
