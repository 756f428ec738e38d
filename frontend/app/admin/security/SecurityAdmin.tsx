"use client";

import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { ObjectSettings } from "@/components/ObjectSettings";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call, ifMatch } from "@/lib/api";
import { fetchFields, type SchemaObject } from "@/lib/customFields";
import { useLoaded } from "@/lib/useLoaded";

type Sharing = "private" | "public_read" | "public_read_write";
type Access = "visible" | "read_only" | "hidden";
type Roles = "member" | "viewer";

const SHARING: { value: Sharing; label: string }[] = [
  { value: "public_read_write", label: "Public read and write: everyone reads and changes every record" },
  { value: "public_read", label: "Public read: everyone reads; owners, write shares and admins change" },
  { value: "private", label: "Private: members and viewers see their own records and those shared with them" },
];

const ACCESS: { value: Access; label: string }[] = [
  { value: "visible", label: "Visible" },
  { value: "read_only", label: "Read only" },
  { value: "hidden", label: "Hidden" },
];

/** Fields never restricted: they name the record. */
const FIXED = new Set(["id", "version"]);

export function SecurityAdminPage() {
  return (
    <ObjectSettings
      title="Sharing and field permissions"
      initial="deal"
      intro={
        <>
          Who sees which records, and which fields members and viewers may see or change. Admins always see and change everything. A private record&apos;s
          owner shares it with someone from the record&apos;s Sharing panel (or with <code>POST …/share</code>).
        </>
      }
    >
      {(object) => <Settings key={object} object={object} />}
    </ObjectSettings>
  );
}

type Loaded = { sharing: Sharing; version: number; fields: string[]; access: Record<string, Record<Roles, Access>> };

async function load(object: SchemaObject): Promise<Loaded> {
  const [{ data: security }, { data: schema }, custom] = await Promise.all([
    call(api.GET("/api/schema/{object}/security", { params: { path: { object } } })),
    call(api.GET("/api/schema/{object}", { params: { path: { object } } })),
    fetchFields(object),
  ]);
  const properties = ((schema as { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>;
  const builtIn = Object.keys(properties).filter((k) => k !== "custom" && !FIXED.has(k));
  const fields = [...builtIn, ...custom.map((f) => `custom.${f.name}`)];
  const access: Loaded["access"] = {};
  for (const f of fields) access[f] = { member: "visible", viewer: "visible" };
  for (const p of security.fields) {
    access[p.field] = { ...(access[p.field] ?? { member: "visible", viewer: "visible" }), [p.role as Roles]: p.access as Access };
  }
  return { sharing: security.sharing as Sharing, version: security.version, fields: Object.keys(access), access };
}

function Settings({ object }: { object: SchemaObject }) {
  const loader = useCallback(() => load(object), [object]);
  const { data, error, reload } = useLoaded(loader);
  const [sharing, setSharing] = useState<Sharing>("public_read_write");
  const [access, setAccess] = useState<Loaded["access"]>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const sharingId = useId();

  useEffect(() => {
    if (data) {
      setSharing(data.sharing);
      setAccess(data.access);
    }
  }, [data]);

  if (error) return <ProblemMessage error={error} title="Could not load the settings" />;
  if (!data) return <p role="status">Loading…</p>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    setSaved(false);
    const fields = Object.entries(access).flatMap(([field, roles]) =>
      (["member", "viewer"] as Roles[]).filter((r) => roles[r] !== "visible").map((role) => ({ field, role, access: roles[role] })),
    );
    try {
      await call(
        api.PUT("/api/schema/{object}/security", {
          params: { path: { object }, header: { "If-Match": ifMatch(data.version) } },
          body: { sharing, fields },
        }),
      );
      setSaved(true);
      await reload();
    } catch (e) {
      setSaveError(e as ApiError);
    }
  };

  return (
    <form className="panel" onSubmit={save} aria-label="Sharing and field permissions" noValidate>
      <div className="form-field">
        <label htmlFor={sharingId}>Sharing</label>
        <select id={sharingId} value={sharing} onChange={(e) => setSharing(e.target.value as Sharing)}>
          {SHARING.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <table className="data-table">
        <caption>Field permissions by role</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Members</th>
            <th scope="col">Viewers</th>
          </tr>
        </thead>
        <tbody>
          {data.fields.map((field) => (
            <tr key={field}>
              <th scope="row" className="mono">
                {field}
              </th>
              {(["member", "viewer"] as Roles[]).map((role) => (
                <td key={role}>
                  <select
                    aria-label={`${field} for ${role}s`}
                    value={access[field]?.[role] ?? "visible"}
                    onChange={(e) => setAccess({ ...access, [field]: { ...(access[field] ?? { member: "visible", viewer: "visible" }), [role]: e.target.value as Access } })}
                  >
                    {ACCESS.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {saveError ? <ProblemMessage error={saveError} title="Not saved" /> : null}
      {saved ? <p role="status">Saved.</p> : null}
      <button type="submit">
        Save
      </button>
    </form>
  );
}
