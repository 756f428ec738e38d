"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { api, call } from "@/lib/api";

/** A link to the notifications page with the unread count, refreshed every 30 seconds. */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let stop = false;
    const load = async () => {
      try {
        const res = await call(api.GET("/api/notifications/unread-count"));
        if (!stop) setUnread(res.data.unread);
      } catch {
        if (!stop) setUnread(null);
      }
    };
    void load();
    const timer = setInterval(() => void load(), 30_000);
    window.addEventListener("crm:notifications", load);
    return () => {
      stop = true;
      clearInterval(timer);
      window.removeEventListener("crm:notifications", load);
    };
  }, []);
  return (
    <Link href="/notifications" className="bell" data-testid="notification-bell">
      Notifications
      {unread ? (
        <span className="badge">
          {unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
