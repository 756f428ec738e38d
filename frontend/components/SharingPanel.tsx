"use client";

import { useCallback, useId, useState, type FormEvent } from "react";
import { useAuth } from "@/components/AuthProvider";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call, type UserRecord } from "@/lib/api";
import { isAdmin } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";

type Share = { user_id: string; access: string; updated_at: string };
type Result = Promise<{ data?: unknown; error?: unknown; response: Response }>;
type Params = { params: { path: Record<string, string> }; body?: unknown };
/** The typed client seen through a record's share paths (built-in and custom objects alike). */
interface SharePaths {
  GET: (path: string, init: Params) => Result;
  POST: (path: string, init: Params) => Result;
  DELETE: (path: string, init: Params) => Result;
}

/** Where a record's shares live: a built-in collection (`deals`) or a custom object (`contract`). */
export type ShareTarget = { object: string; collection?: string };

function paths(target: ShareTarget, id: string): { base: string; path: Record<string, string> } {
  return target.collection
    ? { base: "/api/{collection}/{id}", path: { collection: target.collection, id } }
    : { base: "/api/objects/{object}/{id}", path: { object: target.object, id } };
}

/**
 * Who a record is shared with, for objects whose records are not public to read and write: the
 * owner (or an admin) shares it with a user for reading or writing, and ends a share.
 */
export function SharingPanel({ target, id, owner }: { target: ShareTarget; id: string; owner?: string | null }) {
  const { session } = useAuth();
  const admin = isAdmin(session?.user.role);
  const client = api as unknown as SharePaths;
  const { base, path } = paths(target, id);
  const load = useCallback(async () => {
    const { data: security } = await call(api.GET("/api/schema/{object}/security", { params: { path: { object: target.object } } }));
    if (security.sharing === "public_read_write") return null;
    const { data } = await call(client.GET(`${base}/shares`, { params: { path } }));
    const users = admin ? (await call(api.GET("/api/users"))).data.data : [];
    return { shares: (data as { items: Share[] }).items, users: users as UserRecord[], sharing: security.sharing };
  }, [target.object, target.collection, id, admin]);
  const { data, error, reload } = useLoaded(load);
  const [user, setUser] = useState("");
  const [access, setAccess] = useState("read");
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const userId = useId();
  const accessId = useId();
  const titleId = useId();
  if (error) return <ProblemMessage error={error} title="Could not load who this is shared with" />;
  if (!data) return null;
  const name = (uid: string) => data.users.find((u) => u.id === uid)?.email ?? uid;

  const share = async (event: FormEvent) => {
    event.preventDefault();
    setActionError(null);
    try {
      await call(client.POST(`${base}/share`, { params: { path }, body: { user_id: user.trim(), access } }));
      setUser("");
      await reload();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };
  const unshare = async (uid: string) => {
    setActionError(null);
    try {
      await call(client.DELETE(`${base}/shares/{user_id}`, { params: { path: { ...path, user_id: uid } } }));
      await reload();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Sharing</h2>
      {owner === undefined ? null : (
        <p data-testid="record-owner">Owner: {owner ? (owner === session?.user.id ? "you" : name(owner)) : "nobody"}</p>
      )}
      {data.shares.length ? (
        <ul className="plain-list">
          {data.shares.map((s) => (
            <li key={s.user_id}>
              {name(s.user_id)}: {s.access === "write" ? "reads and changes" : "reads"}{" "}
              <button type="button" className="link danger" onClick={() => void unshare(s.user_id)} aria-label={`Stop sharing with ${name(s.user_id)}`}>
                Stop sharing
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          Shared with nobody{data.sharing === "private" ? "; its owner and admins see it" : "; everyone reads it, its owner and admins change it"}.
        </p>
      )}
      <form className="form-grid" onSubmit={share} aria-label="Share this record" noValidate>
        <div className="form-field">
          <label htmlFor={userId}>{admin ? "User" : "User id"}</label>
          {admin ? (
            <select id={userId} value={user} onChange={(e) => setUser(e.target.value)}>
              <option value="">Choose…</option>
              {data.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.email}
                </option>
              ))}
            </select>
          ) : (
            <input id={userId} value={user} onChange={(e) => setUser(e.target.value)} />
          )}
        </div>
        <div className="form-field">
          <label htmlFor={accessId}>Access</label>
          <select id={accessId} value={access} onChange={(e) => setAccess(e.target.value)}>
            <option value="read">Read</option>
            <option value="write">Read and change</option>
          </select>
        </div>
        <button type="submit">Share</button>
      </form>
      {actionError ? <ProblemMessage error={actionError} title="Not shared" /> : null}
    </section>
  );
}
