"use client";

import { useState } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { ProblemMessage } from "@/components/ProblemMessage";
import { AddTask, TaskRow } from "@/components/RelatedSales";
import { api, call, type Task } from "@/lib/api";
import { canWrite } from "@/lib/session";
import { usePagedList } from "@/lib/usePagedList";

export function TasksPage() {
  return (
    <AppShell>
      <MyTasks />
    </AppShell>
  );
}

/** Which group a task belongs to: overdue, due today, upcoming, or undated (local time). */
export function taskGroup(task: Pick<Task, "due_at" | "overdue">, now: Date = new Date()): "overdue" | "today" | "upcoming" | "undated" {
  if (!task.due_at) return "undated";
  if (task.overdue) return "overdue";
  const due = new Date(task.due_at);
  const sameDay = due.getFullYear() === now.getFullYear() && due.getMonth() === now.getMonth() && due.getDate() === now.getDate();
  return sameDay ? "today" : "upcoming";
}

const GROUPS = [
  { key: "overdue", title: "Overdue" },
  { key: "today", title: "Today" },
  { key: "upcoming", title: "Upcoming" },
  { key: "undated", title: "No due date" },
] as const;

function MyTasks() {
  const { session } = useAuth();
  const writable = canWrite(session?.user.role);
  const [revision, setRevision] = useState(0);
  const [done, setDone] = useState<Task[]>([]);
  const list = usePagedList<Task>(`mine#${revision}`, async (cursor) => {
    const { data } = await call(
      api.GET("/api/tasks", { params: { query: { assignee_id: "me", status: "open", limit: 200, ...(cursor ? { cursor } : {}) } } }),
    );
    return data;
  });
  const open = list.items.filter((t) => !done.some((d) => d.id === t.id));

  return (
    <section aria-labelledby="tasks-title" className="task-groups">
      <div className="page-head">
        <h1 id="tasks-title">My tasks</h1>
      </div>
      {writable ? (
        <div className="panel">
          <AddTask link={{}} onAdded={() => setRevision((r) => r + 1)} />
        </div>
      ) : null}
      {list.error ? <ProblemMessage error={list.error} title="Could not load your tasks" onRetry={list.reload} /> : null}
      {list.loading && list.items.length === 0 ? <p role="status">Loading your tasks…</p> : null}
      {GROUPS.map((group) => {
        const tasks = open.filter((t) => taskGroup(t) === group.key);
        return (
          <section key={group.key} aria-labelledby={`tasks-${group.key}`} className="panel">
            <h2 id={`tasks-${group.key}`}>
              {group.title} <span className="muted">({tasks.length})</span>
            </h2>
            {tasks.length === 0 ? <p className="empty">Nothing here.</p> : null}
            <ul className="task-list">
              {tasks.map((t) => (
                <TaskRow key={t.id} task={t} canWrite={writable} onChanged={(changed) => setDone((d) => [...d, changed])} />
              ))}
            </ul>
          </section>
        );
      })}
      {list.hasMore ? (
        <button type="button" className="secondary" onClick={list.loadMore}>
          More tasks
        </button>
      ) : null}
      {done.length > 0 ? (
        <section aria-labelledby="tasks-done" className="panel">
          <h2 id="tasks-done">Completed just now</h2>
          <ul className="task-list">
            {done.map((t) => (
              <TaskRow key={t.id} task={t} canWrite={false} onChanged={() => {}} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
