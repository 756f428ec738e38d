"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { isAdmin, takeEndReason } from "@/lib/session";
import { useAuth } from "./AuthProvider";
import { NotificationBell } from "./NotificationBell";

/** The signed-in frame: navigation, who is signed in, sign-out. Sends anonymous users to sign-in. */
export function AppShell({ children }: { children: ReactNode }) {
  const { session, ready, signOut } = useAuth();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (ready && !session) {
      // Signed out, expired, or never signed in: to sign-in, saying why, and back here after.
      const reason = takeEndReason();
      const next = window.location.pathname + window.location.search;
      const query = reason === "signed-out" ? "reason=signed-out" : `${reason ? `reason=${reason}&` : ""}next=${encodeURIComponent(next)}`;
      router.replace(`/sign-in?${query}`);
    }
  }, [ready, session, router]);

  if (!ready || !session) {
    return (
      <p className="page-status" role="status">
        Loading…
      </p>
    );
  }

  const nav = [
    { href: "/", label: "Overview" },
    { href: "/contacts", label: "Contacts" },
    { href: "/companies", label: "Companies" },
    { href: "/deals", label: "Deals" },
    { href: "/pipeline", label: "Pipeline" },
    { href: "/cases", label: "Cases" },
    { href: "/tasks", label: "My tasks" },
    { href: "/segments", label: "Segments" },
    { href: "/campaigns", label: "Campaigns" },
    { href: "/events", label: "Events" },
    { href: "/objects", label: "More records" },
    { href: "/landing-pages", label: "Landing pages" },
    { href: "/imports", label: "Imports" },
    { href: "/duplicates", label: "Duplicates" },
    ...(isAdmin(session.user.role)
      ? [
          { href: "/admin/users", label: "Users" },
          { href: "/admin/api-keys", label: "API keys" },
          { href: "/admin/webhooks", label: "Webhooks" },
          { href: "/admin/objects", label: "Objects" },
          { href: "/admin/fields", label: "Fields" },
          { href: "/admin/triggers", label: "Triggers" },
          { href: "/admin/security", label: "Sharing" },
          { href: "/admin/system", label: "System" },
        ]
      : []),
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/contacts" className="brand">
          CRM
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={(item.href === "/" ? pathname === "/" : pathname?.startsWith(item.href)) ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          {session.user ? <NotificationBell /> : null}{" "}
          <span title={session.user.email}>{session.user.email}</span>{" "}
          <span className="role" aria-label={`role ${session.user.role}`}>
            {session.user.role}
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
