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
    </AppShell>
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
      {items && items.length === 0 ? <p className="empty">Nothing yet. Tasks and cases assigned to you, and your campaigns finishing, show up here.</p> : null}
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
