"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { AppShell } from "@/components/AppShell";
import { CustomFields } from "@/components/CustomFields";
import { AsOf } from "@/components/AsOf";
import { useAuth } from "@/components/AuthProvider";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { SharingPanel } from "@/components/SharingPanel";
import { recordPlaceholder, RecordConflict, RecordHead, useRemove } from "@/components/RecordFrame";
import { RelatedTasks } from "@/components/RelatedSales";
import { STAGES, type Deal, type Stage, type UpdateDeal } from "@/lib/api";
import { blankToNull, formatDateTime } from "@/lib/format";
import { formatAmount, STAGE_LABELS } from "@/lib/pipeline";
import { dealsApi } from "@/lib/records";
import { companyHref, contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";
import { useVersionedRecord } from "@/lib/useVersionedRecord";

export function DealViewPage() {
  return (
    <AppShell>
      <DealView />
    </AppShell>
  );
}

function DealView() {
  const id = useSearchParams()?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<Deal, UpdateDeal>(id, dealsApi);
  const loadHistory = useCallback(() => dealsApi.history(id), [id]);
  const deletion = useRemove(() => dealsApi.remove(id, rec.version), `Delete ${rec.record?.name ?? "this deal"}? The history stays readable.`, "/deals");

  const placeholder = recordPlaceholder(id, rec, "deal", { href: "/deals", label: "Back to deals" });
  const deal = rec.record;
  if (placeholder || !deal) return placeholder;

  const edit = (name: keyof UpdateDeal, label: string, value: string, toPatch: (v: string) => UpdateDeal, hint?: string) => (
    <EditableField
      label={label}
      name={name}
      value={value}
      hint={hint}
      canEdit={writable}
      resetKey={rec.resets}
      onCancel={() => rec.clearFieldError(name)}
      error={rec.fieldErrors[name]}
      onSave={(v) => rec.save(toPatch(v))}
    />
  );

  return (
    <article aria-labelledby="deal-title" className="record">
      <RecordHead
        titleId="deal-title"
        list={{ href: "/deals", label: "Deals" }}
        title={deal.name}
        badge={<span className={`status stage-${deal.stage}`}>{STAGE_LABELS[deal.stage as Stage]}</span>}
        rec={rec}
        canDelete={writable}
        deletion={deletion}
      />
      <div className="record-grid">
        <section className="panel" aria-labelledby="deal-details-title">
          <h2 id="deal-details-title">Details</h2>
          {edit("name", "Name", deal.name, (v) => ({ name: v.trim() }))}
          <EditableField
            label="Stage"
            name="stage"
            value={deal.stage}
            options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            canEdit={writable}
            resetKey={rec.resets}
            onCancel={() => rec.clearFieldError("stage")}
            error={rec.fieldErrors.stage ?? (rec.fieldErrors.lost_reason && !deal.lost_reason ? rec.fieldErrors.lost_reason : undefined)}
            hint="Moving to lost needs a lost reason: set it below first, or use the pipeline board."
            onSave={(v) => rec.save({ stage: v as Stage })}
          />
          {edit("amount", "Amount", deal.amount ?? "", (v) => ({ amount: blankToNull(v) }), "A decimal with at most 2 decimals, such as 48000.00.")}
          {edit("currency", "Currency", deal.currency, (v) => ({ currency: v.trim() }))}
          {edit("probability", "Probability (%)", String(deal.probability), (v) => ({ probability: Number.parseInt(v, 10) }))}
          {edit("expected_close", "Expected close", deal.expected_close ?? "", (v) => ({ expected_close: blankToNull(v) }), "A date such as 2026-03-31.")}
          {edit("lost_reason", "Lost reason", deal.lost_reason ?? "", (v) =>
            deal.stage === "lost" || !v.trim() ? { lost_reason: blankToNull(v) } : { stage: "lost", lost_reason: v.trim() },
          )}
          <dl className="facts">
            <dt>Company</dt>
            <dd>{deal.company_id ? <Link href={companyHref(deal.company_id)}>Open the company</Link> : "—"}</dd>
            <dt>Contacts</dt>
            <dd>
              {deal.contact_ids.length === 0
                ? "—"
                : deal.contact_ids.map((c, i) => (
                    <span key={c}>
                      {i > 0 ? ", " : ""}
                      <Link href={contactHref(c)}>Contact {i + 1}</Link>
                    </span>
                  ))}
            </dd>
            <dt>Closed</dt>
            <dd>{formatDateTime(deal.closed_at)}</dd>
          </dl>
          <p className="muted">
            Created {formatDateTime(deal.created_at)} · updated {formatDateTime(deal.updated_at)}
          </p>
        </section>
        <CustomFields
          object="deal"
          values={deal.custom as Record<string, unknown> | undefined}
          canEdit={writable}
          fieldErrors={rec.fieldErrors}
          resetKey={rec.resets}
          onCancel={rec.clearFieldError}
          onSave={(custom) => rec.save({ custom } as UpdateDeal)}
        />
        <RelatedTasks filter={{ deal_id: deal.id }} title="Tasks" canWrite={writable} link={{ deal_id: deal.id }} />
        <SharingPanel target={{ object: "deal", collection: "deals" }} id={id} owner={deal.owner_id ?? null} />
        <HistoryList load={loadHistory} revision={rec.revision} me={me} />
        <AsOf
          load={async (at) => (await dealsApi.get(deal.id, at)).data}
          render={(past: Deal, at) => (
            <dl className="asof-record" aria-label={`The deal as of ${formatDateTime(at)}`}>
              <dt>Version</dt>
              <dd>{past.version}</dd>
              <dt>Name</dt>
              <dd>{past.name}</dd>
              <dt>Stage</dt>
              <dd>{STAGE_LABELS[past.stage as Stage]}</dd>
              <dt>Amount</dt>
              <dd>{past.amount ? `${formatAmount(past.amount)} ${past.currency}` : "—"}</dd>
              <dt>Probability</dt>
              <dd>{past.probability}%</dd>
            </dl>
          )}
        />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}
