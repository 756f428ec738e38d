"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { DataTable, RowLink, type Column } from "@/components/DataTable";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { recordPlaceholder, RecordConflict, RecordHead, useRemove } from "@/components/RecordFrame";
import { SegmentBuilder } from "@/components/SegmentBuilder";
import { StatusBadge } from "@/components/StatusBadge";
import { api, call, type Contact, type Segment, type UpdateSegment } from "@/lib/api";
import { blankToNull, contactName } from "@/lib/format";
import { segmentsApi } from "@/lib/records";
import { fromFilter, toFilter, type Group } from "@/lib/segments";
import { contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";
import { useVersionedRecord } from "@/lib/useVersionedRecord";
import { LiveCount, useLiveCount } from "../new/NewSegment";

export function SegmentViewPage() {
  return (
    <AppShell>
      <SegmentView />
    </AppShell>
  );
}

function SegmentView() {
  const id = useSearchParams()?.get("id") ?? "";
  const router = useRouter();
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<Segment, UpdateSegment>(id, segmentsApi);
  const [editing, setEditing] = useState<Group | null>(null);
  const loadHistory = useCallback(() => segmentsApi.history(id), [id]);
  const deletion = useRemove(() => segmentsApi.remove(id, rec.version), `Delete the segment ${rec.record?.name ?? ""}? Its contacts stay.`, "/segments");
  const members = usePagedList<Contact>(`${id}#${rec.revision}`, async (cursor) => {
    const { data } = await call(
      api.GET("/api/segments/{id}/contacts", { params: { path: { id }, query: { limit: 50, ...(cursor ? { cursor } : { count: true }) } } }),
    );
    return data;
  });

  const placeholder = recordPlaceholder(id, rec, "segment", { href: "/segments", label: "Back to segments" });
  const segment = rec.record;
  if (placeholder || !segment) return placeholder;

  const columns: Column<Contact>[] = [
    { header: "Name", cell: (c) => <RowLink href={contactHref(c.id)}>{contactName(c)}</RowLink> },
    { header: "Email", cell: (c) => c.email, className: "hide-narrow" },
    { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
  ];

  return (
    <article aria-labelledby="segment-title" className="record">
      <RecordHead titleId="segment-title" list={{ href: "/segments", label: "Segments" }} title={segment.name} rec={rec} canDelete={writable} deletion={deletion} />
      <div className="record-grid">
        <section className="panel" aria-labelledby="segment-details-title">
          <h2 id="segment-details-title">Details</h2>
          <EditableField
            label="Name"
            name="name"
            value={segment.name}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.name}
            onCancel={() => rec.clearFieldError("name")}
            onSave={(v) => rec.save({ name: v.trim() })}
          />
          <EditableField
            label="Description"
            name="description"
            value={segment.description ?? ""}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.description}
            onCancel={() => rec.clearFieldError("description")}
            onSave={(v) => rec.save({ description: blankToNull(v) })}
          />
          <h3>Filter</h3>
          {editing ? (
            <FilterEditor
              initial={editing}
              onCancel={() => setEditing(null)}
              onSave={async (filter) => {
                await rec.save({ filter: filter as Record<string, unknown> });
                setEditing(null);
              }}
              error={rec.fieldErrors.filter}
            />
          ) : (
            <>
              <pre className="filter-json" aria-label="The segment's filter">
                {JSON.stringify(segment.filter, null, 2)}
              </pre>
              {writable && fromFilter(segment.filter) ? (
                <button type="button" className="secondary" onClick={() => setEditing(fromFilter(segment.filter))}>
                  Edit filter
                </button>
              ) : null}
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="members-title">
          <h2 id="members-title">Contacts now</h2>
          <DataTable
            caption={`Contacts in ${segment.name}`}
            columns={columns}
            rows={members.items}
            rowKey={(c) => c.id}
            onOpen={(c) => router.push(contactHref(c.id))}
            loading={members.loading}
            error={members.error}
            hasMore={members.hasMore}
            onLoadMore={members.loadMore}
            onRetry={members.reload}
            empty={<p>No contact matches now.</p>}
          />
        </section>
        <HistoryList load={loadHistory} revision={rec.revision} me={me} />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}

/** The saved filter in the builder, with its live count; saving PATCHes it with If-Match. */
function FilterEditor({
  initial,
  onCancel,
  onSave,
  error,
}: {
  initial: Group;
  onCancel: () => void;
  onSave: (filter: unknown) => Promise<void>;
  error?: string;
}) {
  const [root, setRoot] = useState(initial);
  const filter = toFilter(root);
  const live = useLiveCount(filter);
  return (
    <div>
      <SegmentBuilder root={root} onChange={setRoot} />
      <LiveCount live={live} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={() => void onSave(filter).catch(() => undefined)}>
          Save filter
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
