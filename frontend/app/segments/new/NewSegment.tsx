"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SegmentBuilder } from "@/components/SegmentBuilder";
import { TextField } from "@/components/TextField";
import { api, ApiError, call } from "@/lib/api";
import { segmentHref } from "@/lib/routes";
import { fromContactFilters, toFilter, type Group } from "@/lib/segments";
import { useDebounced } from "@/lib/usePagedList";
import { useIdempotencyKey } from "@/lib/useIdempotencyKey";

export function NewSegmentPage() {
  return (
    <AppShell>
      <NewSegment />
    </AppShell>
  );
}

/** The live count of a filter: previewed on the server, debounced while the filter changes. */
export function useLiveCount(filter: unknown) {
  const text = useDebounced(JSON.stringify(filter), 400);
  const [count, setCount] = useState<number | null>(null);
  const [withheld, setWithheld] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    call(api.POST("/api/segments/preview", { body: { filter: JSON.parse(text) } }))
      .then(({ data }) => {
        if (!live) return;
        setCount(data.count ?? null);
        setWithheld(data.count == null);
        setError(null);
      })
      .catch((e) => {
        if (!live) return;
        setCount(null);
        setWithheld(false);
        setError(e as ApiError);
      });
    return () => {
      live = false;
    };
  }, [text]);
  return { count, withheld, error };
}

/** What a live count says: how many contacts match, why there is no count yet, or that the
 * count is withheld (contacts private to the role: it would count contacts they may not see). */
export function LiveCount({ live }: { live: ReturnType<typeof useLiveCount> }) {
  let text: string;
  if (live.count !== null) text = `${live.count} ${live.count === 1 ? "contact matches" : "contacts match"}`;
  else if (live.error) text = "The filter is not complete yet.";
  else if (live.withheld) text = "Contacts are private: only admins see how many match.";
  else text = "Counting…";
  return (
    <p className="live-count" role="status" aria-live="polite" data-testid="live-count">
      {text}
    </p>
  );
}

function NewSegment() {
  const router = useRouter();
  const params = useSearchParams();
  const initial = useMemo(() => fromContactFilters(new URLSearchParams(params?.toString() ?? "")), [params]);
  const [root, setRoot] = useState<Group>(initial);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [key, settleKey] = useIdempotencyKey();
  const filter = toFilter(root);
  const live = useLiveCount(filter);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = { name: name.trim(), filter: filter as Record<string, unknown>, ...(description.trim() ? { description: description.trim() } : {}) };
      const { data } = await call(api.POST("/api/segments", { params: { header: { "Idempotency-Key": key } }, body }));
      router.push(segmentHref(data.id));
    } catch (e) {
      settleKey(e);
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="new-segment-title" noValidate>
      <div className="page-head">
        <h1 id="new-segment-title">New segment</h1>
      </div>
      <div className="panel">
        <div className="form-grid">
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.fieldMessage("name")} />
          <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
      </div>
      <SegmentBuilder root={root} onChange={setRoot} />
      <LiveCount live={live} />
      {live.error && live.error.fieldErrors.length > 0 ? (
        <ul className="field-error" aria-label="What the filter still needs">
          {live.error.fieldErrors.map((f) => (
            <li key={`${f.field}${f.message}`}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error && !error.fieldMessage("name") ? <ProblemMessage error={error} title="Not saved" /> : null}
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save segment"}
        </button>
      </div>
    </form>
  );
}
