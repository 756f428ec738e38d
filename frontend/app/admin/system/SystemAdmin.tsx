"use client";

import { useCallback, useState } from "react";
import { AppShell } from "@/components/AppShell";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call } from "@/lib/api";
import type { components } from "@/lib/api-schema";
import { networkError } from "@/lib/problem";
import { useLoaded } from "@/lib/useLoaded";
import { AdminOnly } from "../users/UsersAdmin";

type Ready = components["schemas"]["ReadyResponse"];

export function SystemAdminPage() {
  return (
    <AppShell>
      <AdminOnly>
        <SystemAdmin />
      </AdminOnly>
    </AppShell>
  );
}

/** `/health/ready` answers 503 with the same report while migrating: both are a report here. */
async function fetchReadiness(): Promise<Ready> {
  try {
    const result = await api.GET("/health/ready");
    const report = (result.data ?? result.error) as Ready | undefined;
    if (report) return report;
  } catch (cause) {
    throw networkError(cause);
  }
  throw new ApiError(0, { detail: "the server gave no readiness report" });
}

function SystemAdmin() {
  const load = useCallback(fetchReadiness, []);
  const { data: ready, error, reload } = useLoaded(load);
  const [downloading, setDownloading] = useState(false);
  const [backupError, setBackupError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState("");

  const download = async () => {
    setDownloading(true);
    setBackupError(null);
    setSaved("");
    try {
      const { data, response } = await call(api.GET("/api/admin/backup", { parseAs: "blob" }));
      const disposition = response.headers.get("content-disposition") ?? "";
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "crm-backup.surql";
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      setSaved(`Saved ${name} (${Math.ceil((data as Blob).size / 1024)} KiB).`);
    } catch (e) {
      setBackupError(e as ApiError);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section aria-labelledby="system-title">
      <h1 id="system-title">System</h1>
      <section className="panel" aria-labelledby="ready-title">
        <h2 id="ready-title">Readiness</h2>
        {error ? <ProblemMessage error={error} title="Could not check" onRetry={() => void reload()} /> : null}
        {ready ? (
          <dl className="facts">
            <dt>Status</dt>
            <dd data-testid="ready-status">{ready.status}</dd>
            <dt>Database</dt>
            <dd>{ready.database}</dd>
            <dt>Data migrations</dt>
            <dd>
              {ready.migrations.pending.length === 0
                ? "all done"
                : `${ready.migrations.pending.length} pending${ready.migrations.running ? `, ${ready.migrations.running} running (${ready.migrations.rows_done} rows done)` : ""}`}
            </dd>
          </dl>
        ) : null}
        <button type="button" onClick={() => void reload()}>
          Check again
        </button>
      </section>
      <section className="panel" aria-labelledby="backup-title">
        <h2 id="backup-title">Backup</h2>
        <p>
          A consistent export of the whole database, history included, taken while the server keeps serving. Load it into an
          empty database with <code>crm restore FILE</code>.
        </p>
        <button type="button" onClick={() => void download()} disabled={downloading}>
          {downloading ? "Preparing…" : "Download backup"}
        </button>
        <p role="status">{saved}</p>
        {backupError ? <ProblemMessage error={backupError} title="Backup failed" /> : null}
      </section>
    </section>
  );
}
