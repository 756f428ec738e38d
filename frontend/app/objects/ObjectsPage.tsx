"use client";

import Link from "next/link";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { ProblemMessage } from "@/components/ProblemMessage";
import { fetchObjects } from "@/lib/customFields";
import { objectListHref } from "@/lib/routes";
import { isAdmin } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";

export function ObjectsPage() {
  return (
    <AppShell>
      <ObjectsIndex />
    </AppShell>
  );
}

/** The kinds of records admins defined, each a link to its list. */
function ObjectsIndex() {
  const { session } = useAuth();
  const { data: objects, error, reload } = useLoaded(fetchObjects);
  return (
    <section aria-labelledby="objects-title">
      <h1 id="objects-title">More records</h1>
      <p className="muted">Kinds of records your admins defined beside contacts, companies and deals.</p>
      {error ? <ProblemMessage error={error} title="Could not load the objects" onRetry={() => void reload()} /> : null}
      {objects === null && !error ? <p role="status">Loading…</p> : null}
      {objects?.length === 0 ? (
        <p className="empty">
          No custom objects yet.{" "}
          {isAdmin(session?.user.role) ? <Link href="/admin/objects">Define one</Link> : "An admin can define them."}
        </p>
      ) : null}
      <ul className="object-list">
        {(objects ?? []).map((o) => (
          <li key={o.id}>
            <Link href={objectListHref(o.name)}>{o.plural_label}</Link>
            {o.description ? <span className="muted"> · {o.description}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
