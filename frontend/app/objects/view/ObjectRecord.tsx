"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { AppShell } from "@/components/AppShell";
import { AsOf } from "@/components/AsOf";
import { useAuth } from "@/components/AuthProvider";
import { CustomFields } from "@/components/CustomFields";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { SharingPanel } from "@/components/SharingPanel";
import { recordPlaceholder, RecordConflict, RecordHead, useRemove } from "@/components/RecordFrame";
import { cellText } from "@/components/SavedViews";
import { api, call } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { objectRecordApi, type ObjectRecord, type UpdateObjectRecord } from "@/lib/records";
import { objectListHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";
import { useVersionedRecord } from "@/lib/useVersionedRecord";

export function ObjectRecordPage() {
  return (
    <AppShell>
      <ObjectRecordView />
    </AppShell>
  );
}

/** A record of a custom object: its name, its fields by type, history and how it was at a moment. */
function ObjectRecordView() {
  const params = useSearchParams();
  const object = params?.get("object") ?? "";
  const id = params?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const recordApi = useMemo(() => objectRecordApi(object), [object]);
  const loadDef = useCallback(async () => (await call(api.GET("/api/schema/objects/{name}", { params: { path: { name: object } } }))).data, [object]);
  const { data: def } = useLoaded(loadDef);
  const rec = useVersionedRecord<ObjectRecord, UpdateObjectRecord>(id, recordApi);
  const loadHistory = useCallback(() => recordApi.history(id), [recordApi, id]);
  const list = { href: objectListHref(object), label: def?.plural_label ?? object };
  const noun = def?.label.toLowerCase() ?? "record";
  const deletion = useRemove(() => recordApi.remove(id, rec.version), `Delete ${rec.record?.name ?? `this ${noun}`}? The history stays readable.`, list.href);

  const placeholder = recordPlaceholder(id, rec, noun, { href: list.href, label: `Back to ${list.label}` });
  const record = rec.record;
  if (placeholder || !record) return placeholder;

  return (
    <article aria-labelledby="record-title" className="record">
      <RecordHead titleId="record-title" list={list} title={record.name} rec={rec} canDelete={writable} deletion={deletion} />
      <div className="record-grid">
        <section className="panel" aria-labelledby="record-details-title">
          <h2 id="record-details-title">Details</h2>
          <EditableField
            label="Name"
            name="name"
            value={record.name}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.name}
            onCancel={() => rec.clearFieldError("name")}
            onSave={(v) => rec.save({ name: v.trim() })}
          />
          <dl className="facts">
            <dt>Owner</dt>
            <dd>{record.owner_id ? (record.owner_id === me ? "You" : record.owner_id) : "—"}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(record.created_at)}</dd>
            <dt>Changed</dt>
            <dd>{formatDateTime(record.updated_at)}</dd>
          </dl>
        </section>
        <CustomFields
          object={object}
          values={record.custom as Record<string, unknown>}
          canEdit={writable}
          fieldErrors={rec.fieldErrors}
          resetKey={rec.resets}
          onCancel={rec.clearFieldError}
          onSave={(custom) => rec.save({ custom } as UpdateObjectRecord)}
        />
        <SharingPanel target={{ object }} id={id} owner={record.owner_id ?? null} />
        <HistoryList load={loadHistory} revision={rec.revision} me={me} />
        <AsOf
          load={async (at) => (await recordApi.get(record.id, at)).data}
          render={(past: ObjectRecord, at) => (
            <dl className="asof-record" aria-label={`The ${noun} as of ${formatDateTime(at)}`}>
              <dt>Version</dt>
              <dd>{past.version}</dd>
              <dt>Name</dt>
              <dd>{past.name}</dd>
              {(def?.fields ?? []).map((f) => (
                <div key={f.id} className="asof-pair">
                  <dt>{f.label}</dt>
                  <dd>{cellText(past.custom[f.name]) || "—"}</dd>
                </div>
              ))}
            </dl>
          )}
        />
      </div>
      <p>
        <Link href={list.href}>All {list.label.toLowerCase()}</Link>
      </p>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}
