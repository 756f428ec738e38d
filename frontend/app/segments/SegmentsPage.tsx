"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { api, call, type Segment } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { segmentHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";

export function SegmentsPage() {
  return (
    <AppShell>
      <Segments />
    </AppShell>
  );
}

function Segments() {
  const router = useRouter();
  const { session } = useAuth();
  const list = usePagedList<Segment>("segments", async (cursor) => {
    const { data } = await call(api.GET("/api/segments", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));
    return data;
  });
  const columns: Column<Segment>[] = [
    { header: "Name", cell: (s) => <RowLink href={segmentHref(s.id)}>{s.name}</RowLink> },
    { header: "Description", cell: (s) => s.description ?? "", className: "hide-narrow" },
    { header: "Updated", cell: (s) => formatDateTime(s.updated_at), className: "hide-narrow" },
  ];
  return (
    <section aria-labelledby="segments-title">
      <div className="page-head">
        <h1 id="segments-title">Segments</h1>
        {canWrite(session?.user.role) ? <Link href="/segments/new">New segment</Link> : null}
      </div>
      <p className="muted">A segment is a saved filter over contacts; its members are always as the contacts are now.</p>
      <DataTable
        caption="Segments"
        columns={columns}
        rows={list.items}
        rowKey={(s) => s.id}
        onOpen={(s) => router.push(segmentHref(s.id))}
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        empty={<p>No segments yet.</p>}
      />
    </section>
  );
}
