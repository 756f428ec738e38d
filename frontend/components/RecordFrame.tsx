"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { ApiError } from "@/lib/problem";
import type { VersionedRecord } from "@/lib/useVersionedRecord";
import { ConflictDialog } from "./ConflictDialog";
import { ProblemMessage } from "./ProblemMessage";

/** What a record page shows before its record is there: no id, loading, or why it failed. */
export function recordPlaceholder<T, P>(
  id: string,
  rec: VersionedRecord<T, P>,
  noun: string,
  back: { href: string; label: string },
): ReactNode | null {
  const backLink = <Link href={back.href}>{back.label}</Link>;
  if (!id) {
    return (
      <p role="alert">
        No {noun} chosen. {backLink}
      </p>
    );
  }
  if (rec.loading && !rec.record) return <p role="status">Loading {noun}…</p>;
  if (rec.error && !rec.record) {
    const title = rec.error.status === 404 ? `${noun[0].toUpperCase()}${noun.slice(1)} not found` : `Could not load the ${noun}`;
    return (
      <div>
        <ProblemMessage error={rec.error} title={title} onRetry={() => void rec.reload()} />
        <p>{backLink}</p>
      </div>
    );
  }
  return null;
}

/** The 412 dialog of a record page, when there is a conflict. */
export function RecordConflict<T, P>({ rec, me }: { rec: VersionedRecord<T, P>; me?: string }) {
  if (!rec.conflict) return null;
  return (
    <ConflictDialog
      attempted={rec.conflict.attempted as Record<string, unknown>}
      events={rec.conflict.events}
      me={me}
      busy={rec.busy}
      onReload={() => void rec.resolveByReload()}
      onReapply={() => void rec.resolveByReapply()}
    />
  );
}

/** Delete after a confirmation, then go to `after`; the error (409, 412, ...) is kept for display. */
export function useRemove(remove: () => Promise<void>, question: string, after: string) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    if (!window.confirm(question)) return;
    setError(null);
    try {
      await remove();
      router.push(after);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return { remove: run, error };
}

/** A record page's breadcrumb, title, version and Delete, with the last delete or save failure. */
export function RecordHead<T, P>({
  titleId,
  list,
  title,
  badge,
  rec,
  canDelete,
  deletion,
}: {
  titleId: string;
  list: { href: string; label: string };
  title: string;
  badge?: ReactNode;
  rec: VersionedRecord<T, P>;
  canDelete: boolean;
  deletion: { remove: () => Promise<void>; error: ApiError | null };
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={list.href}>{list.label}</Link> / <span aria-current="page">{title}</span>
      </nav>
      <div className="page-head">
        <h1 id={titleId}>{title}</h1>
        {badge}
        <span className="muted" data-testid="record-version">
          version {rec.version}
        </span>
        {canDelete ? (
          <button type="button" className="danger" onClick={() => void deletion.remove()}>
            Delete
          </button>
        ) : null}
      </div>
      {deletion.error ? <ProblemMessage error={deletion.error} title="Not deleted" /> : null}
      {rec.saveError ? <ProblemMessage error={rec.saveError} title="Not saved" /> : null}
    </>
  );
}
