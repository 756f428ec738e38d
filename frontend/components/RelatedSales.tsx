"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { api, ApiError, call, newIdempotencyKey, type Case, type Deal, type Stage, type Task } from "@/lib/api";
import { formatDateTime, localInputToIso } from "@/lib/format";
import { formatAmount, STAGE_LABELS } from "@/lib/pipeline";
import { caseHref, dealHref } from "@/lib/routes";
import { usePagedList } from "@/lib/usePagedList";
import { ProblemMessage } from "./ProblemMessage";

type Ref = { contact_id?: string; company_id?: string; deal_id?: string; case_id?: string };

function refKey(filter: Ref): string {
  return Object.entries(filter)
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** The deals naming a contact or of a company, newest first. */
export function RelatedDeals({ filter }: { filter: Pick<Ref, "contact_id" | "company_id"> }) {
  const list = usePagedList<Deal>(`deals?${refKey(filter)}`, async (cursor) => {
    const { data } = await call(api.GET("/api/deals", { params: { query: { limit: 20, ...filter, ...(cursor ? { cursor } : {}) } } }));
    return data;
  });
  return (
    <section className="panel" aria-labelledby="related-deals-title">
      <h2 id="related-deals-title">Deals</h2>
      {list.error ? <ProblemMessage error={list.error} title="Could not load the deals" onRetry={list.reload} /> : null}
      {!list.loading && list.items.length === 0 ? <p className="empty">No deals.</p> : null}
      <ul className="task-list">
        {list.items.map((d) => (
          <li key={d.id}>
            <Link href={dealHref(d.id)}>{d.name}</Link>
            <span className={`status stage-${d.stage}`}>{STAGE_LABELS[d.stage as Stage]}</span>
            <span className="muted">{d.amount ? `${formatAmount(d.amount)} ${d.currency}` : ""}</span>
          </li>
        ))}
      </ul>
      {list.hasMore ? (
        <button type="button" className="secondary" onClick={list.loadMore}>
          More deals
        </button>
      ) : null}
    </section>
  );
}

/** The cases raised by a contact or of a company, newest first. */
export function RelatedCases({ filter }: { filter: Pick<Ref, "contact_id" | "company_id"> }) {
  const list = usePagedList<Case>(`cases?${refKey(filter)}`, async (cursor) => {
    const { data } = await call(api.GET("/api/cases", { params: { query: { limit: 20, ...filter, ...(cursor ? { cursor } : {}) } } }));
    return data;
  });
  return (
    <section className="panel" aria-labelledby="related-cases-title">
      <h2 id="related-cases-title">Cases</h2>
      {list.error ? <ProblemMessage error={list.error} title="Could not load the cases" onRetry={list.reload} /> : null}
      {!list.loading && list.items.length === 0 ? <p className="empty">No cases.</p> : null}
      <ul className="task-list">
        {list.items.map((c) => (
          <li key={c.id}>
            <Link href={caseHref(c.id)}>{c.subject}</Link>
            <span className="status">{c.status}</span>
            <span className="muted">{c.priority}</span>
          </li>
        ))}
      </ul>
      {list.hasMore ? (
        <button type="button" className="secondary" onClick={list.loadMore}>
          More cases
        </button>
      ) : null}
    </section>
  );
}

/** One task: title, due, and a one-click Complete for those who may write. */
export function TaskRow({ task, canWrite, onChanged }: { task: Task; canWrite: boolean; onChanged: (t: Task) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await call(
        api.POST("/api/tasks/{id}/complete", { params: { path: { id: task.id }, header: { "If-Match": `"${task.version}"` } } }),
      );
      onChanged(data);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-task={task.id}>
      <span className={task.overdue ? "overdue" : undefined}>{task.title}</span>
      <span className="muted">
        {task.due_at ? `due ${formatDateTime(task.due_at)}` : "no due date"}
        {task.overdue ? " (overdue)" : ""}
      </span>
      {task.status === "done" ? (
        <span className="status status-customer">done</span>
      ) : canWrite ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void complete()} aria-label={`Complete ${task.title}`}>
          Complete
        </button>
      ) : null}
      {error ? <ProblemMessage error={error} title="Not completed" /> : null}
    </li>
  );
}

/** A small form that adds a task linked to a record (`link`). */
export function AddTask({ link, onAdded }: { link: Ref; onAdded: (t: Task) => void }) {
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const body = { title: title.trim(), ...link, ...(due ? { due_at: localInputToIso(due) } : {}) };
      const { data } = await call(api.POST("/api/tasks", { params: { header: { "Idempotency-Key": key } }, body }));
      setTitle("");
      setDue("");
      setKey(newIdempotencyKey());
      onAdded(data);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <form onSubmit={submit} className="add-task" aria-label="Add a task" noValidate>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor={`${id}-title`}>Task</label>
          <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-due`}>Due</label>
          <input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
      </div>
      {error ? <ProblemMessage error={error} title="Task not added" /> : null}
      <button type="submit">Add task</button>
    </form>
  );
}

/** Open tasks about a record, soonest due first, with Complete and an Add task form. */
export function RelatedTasks({ filter, title, canWrite, link }: { filter: Ref; title: string; canWrite: boolean; link: Ref }) {
  const [revision, setRevision] = useState(0);
  const list = usePagedList<Task>(`tasks?${refKey(filter)}&${revision}`, async (cursor) => {
    const { data } = await call(
      api.GET("/api/tasks", { params: { query: { limit: 20, status: "open", ...filter, ...(cursor ? { cursor } : {}) } } }),
    );
    return data;
  });
  return (
    <section className="panel" aria-labelledby="related-tasks-title">
      <h2 id="related-tasks-title">{title}</h2>
      {list.error ? <ProblemMessage error={list.error} title="Could not load the tasks" onRetry={list.reload} /> : null}
      {!list.loading && list.items.length === 0 ? <p className="empty">No open tasks.</p> : null}
      <ul className="task-list">
        {list.items.map((t) => (
          <TaskRow key={t.id} task={t} canWrite={canWrite} onChanged={() => setRevision((r) => r + 1)} />
        ))}
      </ul>
      {canWrite ? <AddTask link={link} onAdded={() => setRevision((r) => r + 1)} /> : null}
    </section>
  );
}

