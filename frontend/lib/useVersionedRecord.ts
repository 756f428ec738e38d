"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChangeEvent } from "./api";
import { ApiError } from "./problem";
import type { RecordApi } from "./records";

export interface Conflict<P> {
  attempted: P;
  /** Changes by others since the version this user edited, oldest first. */
  events: ChangeEvent[];
}

export interface VersionedRecord<T, P> {
  record: T | null;
  version: number;
  loading: boolean;
  /** Loading the record failed (404, network, ...). */
  error: ApiError | null;
  /** A save failed for a reason other than a field error or a conflict. */
  saveError: ApiError | null;
  /** 422 messages by field. */
  fieldErrors: Record<string, string>;
  conflict: Conflict<P> | null;
  busy: boolean;
  /** PATCHes with If-Match; throws on failure so an inline editor stays open. */
  save: (patch: P) => Promise<void>;
  reload: () => Promise<void>;
  /** Conflict: take the latest version and drop this user's change. */
  resolveByReload: () => Promise<void>;
  /** Conflict: apply this user's change on top of the latest version. */
  resolveByReapply: () => Promise<void>;
  /** Bumped whenever the record changed through this page (history and timeline refresh on it). */
  revision: number;
  /** Bumped when a conflict is resolved: open inline editors close. */
  resets: number;
  /** Forgets a field's error (its editor was cancelled). */
  clearFieldError: (field: string) => void;
}

/** A record edited with optimistic concurrency: ETag version, If-Match, 412 explained by history. */
export function useVersionedRecord<T extends { version: number }, P extends object>(
  id: string,
  recordApi: RecordApi<T, P>,
): VersionedRecord<T, P> {
  const [record, setRecord] = useState<T | null>(null);
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict<P> | null>(null);
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  const [resets, setResets] = useState(0);
  const versionRef = useRef(0);

  const apply = useCallback((data: T, v: number) => {
    setRecord(data);
    setVersion(v);
    versionRef.current = v;
  }, []);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const { data, version: v } = await recordApi.get(id);
      apply(data, v);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }, [id, recordApi, apply]);

  useEffect(() => {
    if (id) void reload();
  }, [id, reload]);

  const attempt = useCallback(
    async (patch: P, atVersion: number) => {
      setSaveError(null);
      setBusy(true);
      try {
        const { data, version: v } = await recordApi.patch(id, atVersion, patch);
        apply(data, v);
        setFieldErrors({});
        setConflict(null);
        setRevision((r) => r + 1);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, { detail: String(e) });
        if (err.status === 412) {
          let events: ChangeEvent[] = [];
          try {
            events = (await recordApi.history(id)).filter((ev) => ev.version > atVersion);
          } catch {
            // The dialog still explains the conflict and offers a reload.
          }
          setConflict({ attempted: patch, events });
        } else if (err.status === 422 && err.fieldErrors.length > 0) {
          const byField: Record<string, string> = {};
          for (const f of err.fieldErrors) {
            const name = f.field.replace(/[[.].*$/, "");
            byField[name] = byField[name] ? `${byField[name]}; ${f.message}` : f.message;
          }
          setFieldErrors(byField);
        } else {
          setSaveError(err);
        }
        throw err;
      } finally {
        setBusy(false);
      }
    },
    [id, recordApi, apply],
  );

  const save = useCallback(
    async (patch: P) => {
      setFieldErrors((current) => {
        const next = { ...current };
        for (const key of Object.keys(patch)) delete next[key];
        return next;
      });
      await attempt(patch, versionRef.current);
    },
    [attempt],
  );

  const resolveByReload = useCallback(async () => {
    setConflict(null);
    await reload();
    setRevision((r) => r + 1);
    setResets((r) => r + 1);
  }, [reload]);

  const resolveByReapply = useCallback(async () => {
    if (!conflict) return;
    const attempted = conflict.attempted;
    try {
      const latest = await recordApi.get(id);
      apply(latest.data, latest.version);
      setConflict(null);
      await attempt(attempted, latest.version);
      setResets((r) => r + 1);
    } catch {
      // attempt() has shown the outcome (another conflict, a field error or a problem).
    }
  }, [conflict, id, recordApi, apply, attempt]);

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  return { clearFieldError, record, version, loading, error, saveError, fieldErrors, conflict, busy, save, reload, resolveByReload, resolveByReapply, revision, resets };
}
