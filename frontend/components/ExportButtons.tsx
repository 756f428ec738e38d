"use client";

import { useState } from "react";
import { ProblemMessage } from "@/components/ProblemMessage";
import { ApiError, downloadExport } from "@/lib/transfer";

/** "Export CSV" and "Export NDJSON" of a list as it is filtered now (`query` without `?`). */
export function ExportButtons({ what, path, query }: { what: string; path: string; query: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (format: "csv" | "ndjson") => {
    setBusy(format);
    setError(null);
    try {
      const params = new URLSearchParams(query);
      params.set("format", format);
      await downloadExport(`${path}?${params.toString()}`, `${what}.${format}`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons">
      <button type="button" className="secondary" onClick={() => run("csv")} disabled={busy !== null}>
        Export CSV
      </button>
      <button type="button" className="secondary" onClick={() => run("ndjson")} disabled={busy !== null}>
        Export NDJSON
      </button>
      <span role="status">{busy ? `Exporting ${what}…` : ""}</span>
      {error ? <ProblemMessage error={error} title="Export failed" /> : null}
    </div>
  );
}
