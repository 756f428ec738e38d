"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { EditableField } from "@/components/EditableField";
import { HistoryList } from "@/components/HistoryList";
import { ProblemMessage } from "@/components/ProblemMessage";
import { recordPlaceholder, RecordConflict, RecordHead } from "@/components/RecordFrame";
import { api, ApiError, call, type LandingPageAnalytics, type LandingPageRecord, type UpdateLandingPage } from "@/lib/api";
import { blankToNull } from "@/lib/format";
import { landingPagesApi } from "@/lib/records";
import { canWrite } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";
import { useVersionedRecord } from "@/lib/useVersionedRecord";

export function LandingPageViewPage() {
  return (
    <AppShell>
      <LandingPageView />
    </AppShell>
  );
}

function LandingPageView() {
  const id = useSearchParams()?.get("id") ?? "";
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const me = session?.user.id;
  const rec = useVersionedRecord<LandingPageRecord, UpdateLandingPage>(id, landingPagesApi);
  const loadHistory = useCallback(() => landingPagesApi.history(id), [id]);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const placeholder = recordPlaceholder(id, rec, "landing page", { href: "/landing-pages", label: "Back to landing pages" });
  const page = rec.record;
  if (placeholder || !page) return placeholder;
  const published = page.status === "published";

  const setStatus = async (publish: boolean) => {
    setActionError(null);
    try {
      if (publish) await call(api.POST("/api/landing-pages/{id}/publish", { params: { path: { id } } }));
      else await call(api.POST("/api/landing-pages/{id}/unpublish", { params: { path: { id } } }));
      await rec.reload();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };
  const saveSection = (index: number, field: "heading" | "body", value: string) =>
    rec.save({ sections: page.sections.map((s, i) => (i === index ? { ...s, [field]: value } : s)) });

  return (
    <article aria-labelledby="page-title" className="record">
      <RecordHead
        titleId="page-title"
        list={{ href: "/landing-pages", label: "Landing pages" }}
        title={page.title}
        badge={
          <span className="status" data-testid="page-status">
            {page.status}
          </span>
        }
        rec={rec}
        canDelete={false}
        deletion={{ remove: async () => {}, error: null }}
      />
      <p>
        {published ? (
          <>
            Live at{" "}
            <a href={page.url} target="_blank" rel="noopener noreferrer">
              {page.url}
            </a>{" "}
          </>
        ) : (
          <span className="muted">A draft: not served yet. </span>
        )}
        {writable ? (
          <button type="button" className={published ? "secondary" : undefined} onClick={() => void setStatus(!published)}>
            {published ? "Unpublish" : "Publish"}
          </button>
        ) : null}
      </p>
      {actionError ? <ProblemMessage error={actionError} title="Not changed" /> : null}
      <div className="record-grid">
        <section className="panel" aria-labelledby="page-details-title">
          <h2 id="page-details-title">Page</h2>
          <EditableField
            label="Title"
            name="title"
            value={page.title}
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.title}
            onCancel={() => rec.clearFieldError("title")}
            onSave={(v) => rec.save({ title: v.trim() })}
          />
          <EditableField
            label="Address"
            name="slug"
            value={page.slug}
            hint="Lower-case words joined by hyphens: /lp/<address>"
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.slug}
            onCancel={() => rec.clearFieldError("slug")}
            onSave={(v) => rec.save({ slug: v.trim() })}
          />
          <EditableField
            label="Consent wording"
            name="consent_text"
            value={page.consent_text}
            multiline
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.consent_text}
            onCancel={() => rec.clearFieldError("consent_text")}
            onSave={(v) => rec.save({ consent_text: v.trim() })}
          />
          <EditableField
            label="After submitting, go to"
            name="redirect_url"
            value={page.redirect_url ?? ""}
            hint="A path of this site such as /thanks; empty shows a thank-you page"
            canEdit={writable}
            resetKey={rec.resets}
            error={rec.fieldErrors.redirect_url}
            onCancel={() => rec.clearFieldError("redirect_url")}
            onSave={(v) => rec.save({ redirect_url: blankToNull(v) })}
          />
          <div className="form-field">
            <label>
              <input
                type="checkbox"
                name="double_opt_in"
                checked={page.double_opt_in}
                disabled={!writable}
                onChange={(e) => void rec.save({ double_opt_in: e.target.checked })}
              />{" "}
              Double opt-in: record consent only when the visitor confirms by email
            </label>
          </div>
          <p className="muted">Form fields: {page.fields.join(", ")}</p>
        </section>
        <section className="panel" aria-labelledby="sections-title">
          <h2 id="sections-title">Sections</h2>
          {page.sections.map((s, i) => (
            <div key={i} className="page-section">
              <h3>
                {i + 1}. {s.kind}
              </h3>
              <EditableField
                label={`Heading ${i + 1}`}
                name={`heading-${i}`}
                value={s.heading}
                canEdit={writable}
                resetKey={rec.resets}
                onSave={(v) => saveSection(i, "heading", v)}
              />
              <EditableField
                label={`Text ${i + 1}`}
                name={`body-${i}`}
                value={s.body ?? ""}
                multiline
                canEdit={writable}
                resetKey={rec.resets}
                onSave={(v) => saveSection(i, "body", v)}
              />
            </div>
          ))}
        </section>
        <Preview id={page.id} version={rec.version} />
        <Analytics id={page.id} />
        <HistoryList load={loadHistory} revision={rec.revision} me={me} />
      </div>
      <RecordConflict rec={rec} me={me} />
    </article>
  );
}

/** The page as it will be served, in a sandboxed frame (no script can run in it). */
function Preview({ id, version }: { id: string; version: number }) {
  const load = useCallback(
    async () => (await call(api.GET("/api/landing-pages/{id}/preview", { params: { path: { id } } }))).data.html,
    // The version makes every saved edit load the preview again.
    [id, version],
  );
  const preview = useLoaded<string>(load);
  return (
    <section className="panel" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      {preview.error ? <ProblemMessage error={preview.error} title="No preview" /> : null}
      {preview.data ? (
        <iframe className="page-preview" title="Preview of the landing page" sandbox="" srcDoc={preview.data} />
      ) : null}
    </section>
  );
}

function Analytics({ id }: { id: string }) {
  const load = useCallback(async () => (await call(api.GET("/api/landing-pages/{id}/analytics", { params: { path: { id } } }))).data, [id]);
  const stats = useLoaded<LandingPageAnalytics>(load);
  const s = stats.data;
  return (
    <section className="panel" aria-labelledby="page-analytics-title">
      <h2 id="page-analytics-title">The last 30 days</h2>
      {stats.error ? <ProblemMessage error={stats.error} title="No figures" /> : null}
      {s ? (
        <>
          <dl className="facts" data-testid="page-analytics">
            <dt>Views</dt>
            <dd>{s.views}</dd>
            <dt>Visitors</dt>
            <dd>{s.unique_visitors}</dd>
            <dt>Sign-ups</dt>
            <dd>{s.submissions}</dd>
            <dt>Conversion</dt>
            <dd>{(s.conversion_rate * 100).toFixed(1)}%</dd>
          </dl>
          {s.by_source.length ? (
            <table>
              <caption>By source</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Views</th>
                  <th scope="col">Sign-ups</th>
                </tr>
              </thead>
              <tbody>
                {s.by_source.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.key || "(direct)"}</th>
                    <td>{row.views}</td>
                    <td>{row.submissions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
