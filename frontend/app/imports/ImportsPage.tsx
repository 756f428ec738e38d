"use client";

import { useEffect, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call } from "@/lib/api";
import type { components } from "@/lib/api-schema";
import { formatDateTime } from "@/lib/format";
import { canWrite } from "@/lib/session";
import { errorsCsv, IMPORT_FIELDS, importContentType, previewRows, saveBlob, toQuery, uploadFile } from "@/lib/transfer";

type ImportJob = components["schemas"]["ImportResponse"];

const ENDED = ["completed", "failed", "cancelled"];

export function ImportsPage() {
  return (
    <AppShell>
      <ImportsView />
    </AppShell>
  );
}

function ImportsView() {
  const { session } = useAuth();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  const loadJobs = async () => {
    try {
      const { data } = await call(api.GET("/api/imports", { params: { query: { limit: 20 } } }));
      setJobs(data.data);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  useEffect(() => {
    void loadJobs();
  }, []);

  // Follows the current job until it ends.
  useEffect(() => {
    if (!job || ENDED.includes(job.status)) return;
    const timer = setTimeout(async () => {
      try {
        const { data } = await call(api.GET("/api/imports/{id}", { params: { path: { id: job.id } } }));
        setJob(data);
        if (ENDED.includes(data.status)) void loadJobs();
      } catch (e) {
        setError(e as ApiError);
      }
    }, 500);
    return () => clearTimeout(timer);
  }, [job]);

  return (
    <section aria-labelledby="imports-title">
      <div className="page-head">
        <h1 id="imports-title">Import contacts</h1>
      </div>
      {canWrite(session?.user.role) ? <UploadForm onStarted={setJob} /> : <p>Importing needs the member or admin role.</p>}
      {error ? <ProblemMessage error={error} /> : null}
      {job ? <JobProgress job={job} /> : null}
      <h2>Recent imports</h2>
      {jobs.length === 0 ? (
        <p>No imports yet.</p>
      ) : (
        <table>
          <caption>Recent imports</caption>
          <thead>
            <tr>
              <th scope="col">Uploaded</th>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
              <th scope="col">Imported</th>
              <th scope="col">Updated</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td>{formatDateTime(j.created_at)}</td>
                <td>{j.dry_run ? `${j.status} (dry run)` : j.status}</td>
                <td>{j.processed}</td>
                <td>{j.imported}</td>
                <td>{j.updated}</td>
                <td>{j.error_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UploadForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ headers: string[]; rows: string[][] } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mode, setMode] = useState("upsert");
  const [dryRun, setDryRun] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setMapping({});
    setPreview(chosen ? previewRows(await chosen.slice(0, 64 * 1024).text(), importContentType(chosen.name) !== "text/csv") : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setSending(true);
    setError(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ""));
      const query = toQuery({ mode, dry_run: dryRun ? "true" : undefined, mapping: Object.keys(chosen).length ? JSON.stringify(chosen) : undefined });
      onStarted(await uploadFile<ImportJob>(`/api/imports/contacts?${query}`, file, importContentType(file.name)));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-label="Upload a file">
      <div className="form-field">
        <label htmlFor="import-file">CSV or NDJSON file</label>
        <input id="import-file" type="file" accept=".csv,.ndjson,.jsonl,text/csv" onChange={(e) => void choose(e.target.files?.[0] ?? null)} />
      </div>
      {preview && preview.headers.length > 0 ? (
        <table>
          <caption>First rows and the field each column goes to</caption>
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th scope="col" key={i}>
                  <span>{h}</span>
                  <select
                    aria-label={`Field for column ${h}`}
                    value={mapping[h] ?? ""}
                    onChange={(e) => setMapping((m) => ({ ...m, [h]: e.target.value }))}
                  >
                    <option value="">by its name</option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                    <option value="ignore">do not import</option>
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_, c) => (
                  <td key={c}>{row[c] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="form-field">
        <label htmlFor="import-mode">Contacts that already exist (same email)</label>
        <select id="import-mode" value={mode} onChange={(e) => setMode(e.target.value)}>
          <option value="upsert">Update them with the file's values</option>
          <option value="create_only">Leave them as they are</option>
        </select>
      </div>
      <div className="form-field">
        <label>
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> Dry run (check and count, write nothing)
        </label>
      </div>
      {error ? <ProblemMessage error={error} title="The file was not accepted" /> : null}
      <button type="submit" disabled={!file || sending}>
        {sending ? "Uploading…" : "Import"}
      </button>
    </form>
  );
}

function JobProgress({ job }: { job: ImportJob }) {
  const ended = ENDED.includes(job.status);
  return (
    <section aria-labelledby="job-title" className="card">
      <h2 id="job-title">{job.dry_run ? "Dry run" : "Import"}</h2>
      <p role="status" data-testid="import-status">
        {ended ? `Import ${job.status}` : `Import ${job.status}: ${job.processed} rows so far`}
      </p>
      {job.total ? (
        <progress max={job.total} value={job.processed} aria-label="Rows processed">
          {job.processed} of {job.total}
        </progress>
      ) : !ended ? (
        <progress aria-label="Rows processed" />
      ) : null}
      <dl className="counts">
        <dt>Rows</dt>
        <dd>{job.processed}</dd>
        <dt>Imported</dt>
        <dd data-testid="import-imported">{job.imported}</dd>
        <dt>Updated</dt>
        <dd>{job.updated}</dd>
        <dt>Unchanged</dt>
        <dd>{job.unchanged}</dd>
        <dt>With errors</dt>
        <dd data-testid="import-errors">{job.error_count}</dd>
      </dl>
      {job.unmapped_columns.length ? <p>Columns not imported: {job.unmapped_columns.join(", ")}</p> : null}
      {job.failure ? <p role="alert">The import failed: {job.failure}</p> : null}
      {job.errors.length ? (
        <>
          <table>
            <caption>Rows not imported</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.field}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={() => saveBlob(new Blob([errorsCsv(job.errors)], { type: "text/csv" }), "import-errors.csv")}>
            Download the errors (CSV)
          </button>
        </>
      ) : null}
    </section>
  );
}
