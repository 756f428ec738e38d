"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { AppShell } from "@/components/AppShell";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call } from "@/lib/api";
import { formatDateTime } from "@/lib/format";

type Item = { id: string; kind: string; title: string; link: string; read_at?: string | null; created_at: string };

export function NotificationsPage() {
  return (
    <AppShell>
      <Notifications />
      <Preferences />
    </AppShell>
  );
}

const KINDS: [string, string][] = [
  ["task_assigned", "A task assigned to me"],
  ["task_due", "A task of mine falls due"],
  ["case_assigned", "A case assigned to me"],
  ["campaign_finished", "A campaign of mine finished"],
  ["campaign_failing", "A campaign of mine is failing"],
  ["import_finished", "An import of mine finished"],
];
const CHANNEL_NAMES: Record<string, string> = { in_app: "In the app", email: "Email", sms: "SMS", push: "Push" };

/** Which channels each kind goes through; a kind not chosen goes in-app. */
function Preferences() {
  const [kinds, setKinds] = useState<Record<string, string[]> | null>(null);
  const [available, setAvailable] = useState<string[]>(["in_app"]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call(api.GET("/api/notifications/preferences"))
      .then((res) => {
        setKinds(res.data.kinds);
        setAvailable(res.data.available ?? ["in_app"]);
      })
      .catch((e) => setError(e as ApiError));
  }, []);

  const chosen = (kind: string) => kinds?.[kind] ?? ["in_app"];
  const toggle = (kind: string, channel: string, on: boolean) => {
    const now = chosen(kind).filter((c) => c !== channel);
    setKinds({ ...(kinds ?? {}), [kind]: on ? [...now, channel] : now });
    setSaved(false);
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const res = await call(api.PUT("/api/notifications/preferences", { body: { kinds: kinds ?? {}, available: [] } }));
      setKinds(res.data.kinds);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">How to tell me</h2>
      {error ? <ProblemMessage error={error} title="Could not keep your choice" /> : null}
      {kinds === null && !error ? <p role="status">Loading…</p> : null}
      {kinds !== null ? (
        <form onSubmit={(e) => void save(e)}>
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                {available.map((c) => (
                  <th scope="col" key={c}>
                    {CHANNEL_NAMES[c] ?? c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {KINDS.map(([kind, label]) => (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  {available.map((c) => (
                    <td key={c}>
                      <input
                        type="checkbox"
                        aria-label={`${label}: ${CHANNEL_NAMES[c] ?? c}`}
                        checked={chosen(kind).includes(c)}
                        onChange={(e) => toggle(kind, c, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit">Save</button> {saved ? <span role="status">Saved</span> : null}
        </form>
      ) : null}
    </section>
  );
}

function Notifications() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      const res = await call(api.GET("/api/notifications", { params: { query: { limit: 100 } } }));
      setItems(res.data.data as Item[]);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async () => {
    window.dispatchEvent(new Event("crm:notifications"));
    await load();
  };
  const read = async (id: string) => {
    try {
      await call(api.POST("/api/notifications/{id}/read", { params: { path: { id } } }));
      await changed();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const readAll = async () => {
    try {
      await call(api.POST("/api/notifications/read-all"));
      await changed();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const unread = (items ?? []).filter((n) => !n.read_at).length;
  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      {error ? <ProblemMessage error={error} title="Could not load your notifications" onRetry={() => void load()} /> : null}
      {items === null && !error ? <p role="status">Loading…</p> : null}
      {items && items.length === 0 ? <p className="empty">Nothing yet. Tasks and cases assigned to you or falling due, your campaigns finishing or failing, and your imports finishing show up here.</p> : null}
      {unread > 0 ? (
        <button type="button" onClick={() => void readAll()}>
          Mark all read
        </button>
      ) : null}
      <ul className="notifications">
        {(items ?? []).map((n) => (
          <li key={n.id} className={n.read_at ? "read" : "unread"} data-testid="notification">
            <Link href={n.link}>{n.title}</Link> <span className="muted">{formatDateTime(n.created_at)}</span>{" "}
            {n.read_at ? (
              <span className="muted">read</span>
            ) : (
              <button type="button" className="secondary" onClick={() => void read(n.id)} aria-label={`Mark read: ${n.title}`}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
