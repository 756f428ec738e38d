"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call, type Contact } from "@/lib/api";
import { contactName } from "@/lib/format";
import { differing, merge, REASONS, shown, unmerge, type DuplicatePair, type ScanProgress } from "@/lib/merges";
import { contactHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";

export function DuplicatesPage() {
  return (
    <AppShell>
      <DuplicatesView />
    </AppShell>
  );
}

function DuplicatesView() {
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, scan] = await Promise.all([
        call(api.GET("/api/contacts/duplicates", { params: { query: { limit: 50 } } })),
        call(api.GET("/api/contacts/duplicates/scan")),
      ]);
      setPairs(list.data.data);
      setProgress(scan.data);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="duplicates-title">
      <div className="page-head">
        <h1 id="duplicates-title">Duplicates</h1>
        <button type="button" className="secondary" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {progress ? (
        <p className="muted" data-testid="scan-progress">
          {progress.status === "current"
            ? "Every contact has been checked; new changes are checked within a second."
            : `Checking contacts: ${progress.processed} of ${progress.total} changes read.`}
        </p>
      ) : null}
      {error ? <ProblemMessage error={error} onRetry={() => void load()} /> : null}
      {pairs === null && !error ? <p role="status">Loading…</p> : null}
      {pairs && pairs.length === 0 ? <p className="empty">No duplicates found.</p> : null}
      {pairs?.map((pair) => <PairCard key={pair.id} pair={pair} canMerge={writable} />)}
    </section>
  );
}

/** Two contacts side by side: which one stays, which value each differing field keeps, merge, undo. */
function PairCard({ pair, canMerge }: { pair: DuplicatePair; canMerge: boolean }) {
  const [a, b] = pair.contacts as [Contact, Contact];
  const [keep, setKeep] = useState<"a" | "b">("a");
  const [picks, setPicks] = useState<Record<string, "a" | "b">>({});
  const [merged, setMerged] = useState<{ keep: Contact; mergeId: string } | null>(null);
  const [undone, setUndone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fields = differing(a, b);
  const title = `${contactName(a)} and ${contactName(b)}`;
  const headingId = `pair-${pair.id}`;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const doMerge = () =>
    run(async () => {
      const [stay, go] = keep === "a" ? [a, b] : [b, a];
      const other = keep === "a" ? "b" : "a";
      const fromOther = fields.filter(({ field }) => (picks[field] ?? keep) === other).map(({ field }) => field);
      const result = await merge(stay.id, go.id, fromOther);
      setMerged({ keep: result.contact, mergeId: result.merge_id });
    });
  const doUndo = () =>
    run(async () => {
      if (!merged) return;
      await unmerge(merged.keep.id, merged.mergeId);
      setMerged(null);
      setUndone(true);
    });

  return (
    <article className="panel pair" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="badge">{REASONS[pair.reason] ?? pair.reason}</span>
      </h2>
      {merged ? (
        <div role="status">
          <p>
            Merged into <Link href={contactHref(merged.keep.id)}>{contactName(merged.keep)}</Link>.
          </p>
          <button type="button" onClick={() => void doUndo()} disabled={busy}>
            Undo merge
          </button>
        </div>
      ) : (
        <>
          {undone ? <p role="status">Merge undone: both contacts are back.</p> : null}
          <table className="pair-table">
            <caption>Fields of {title}; choose the value to keep where they differ</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">{contactName(a)}</th>
                <th scope="col">{contactName(b)}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Keep this contact</th>
                {(["a", "b"] as const).map((side) => (
                  <td key={side}>
                    <label>
                      <input type="radio" name={`${pair.id}-keep`} checked={keep === side} onChange={() => setKeep(side)} disabled={!canMerge} />{" "}
                      Keep {contactName(side === "a" ? a : b)}
                    </label>
                  </td>
                ))}
              </tr>
              {fields.map(({ field, label }) => (
                <tr key={field}>
                  <th scope="row">{label}</th>
                  {(["a", "b"] as const).map((side) => {
                    const contact = side === "a" ? a : b;
                    const value = shown(contact, field) || "—";
                    return (
                      <td key={side}>
                        <label>
                          <input
                            type="radio"
                            name={`${pair.id}-${field}`}
                            checked={(picks[field] ?? keep) === side}
                            onChange={() => setPicks({ ...picks, [field]: side })}
                            disabled={!canMerge}
                            aria-label={`${label}: ${value} (from ${contactName(contact)})`}
                          />{" "}
                          {value}
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">Tags</th>
                <td colSpan={2}>Both kept: {[...new Set([...(a.tags ?? []), ...(b.tags ?? [])])].join(", ") || "—"}</td>
              </tr>
            </tbody>
          </table>
          {canMerge ? (
            <button type="button" onClick={() => void doMerge()} disabled={busy}>
              Merge
            </button>
          ) : (
            <p>Merging needs the member or admin role.</p>
          )}
        </>
      )}
      {error ? <ProblemMessage error={error} /> : null}
    </article>
  );
}
