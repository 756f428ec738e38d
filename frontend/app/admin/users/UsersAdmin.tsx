"use client";

import { useState, type FormEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { DataTable } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SelectField } from "@/components/SelectField";
import { TextField } from "@/components/TextField";
import { api, ApiError, call, type UserRecord } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { ROLES } from "@/lib/session";
import { useLoaded } from "@/lib/useLoaded";
import { isAdmin } from "@/lib/session";

export function UsersAdminPage() {
  return (
    <AppShell>
      <AdminOnly>
        <UsersAdmin />
      </AdminOnly>
    </AppShell>
  );
}

export function AdminOnly({ children }: { children: React.ReactNode }) {
  const { session } = useAuth();
  if (!isAdmin(session?.user.role)) {
    return (
      <p role="alert" className="problem">
        Only admins can see this page.
      </p>
    );
  }
  return <>{children}</>;
}

function UsersAdmin() {
  const { session } = useAuth();
  const [form, setForm] = useState({ email: "", password: "", role: "member" });
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const { data: users, error, reload: load } = useLoaded(fetchUsers);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      await call(api.POST("/api/users", { body: { email: form.email.trim(), password: form.password, role: form.role } }));
      setForm({ email: "", password: "", role: "member" });
      await load();
    } catch (e) {
      setFormError(e as ApiError);
    }
  };

  const remove = async (user: UserRecord) => {
    if (!window.confirm(`Remove ${user.email}? Their sign-ins end now.`)) return;
    setActionError(null);
    try {
      await call(api.DELETE("/api/users/{id}", { params: { path: { id: user.id } } }));
      await load();
    } catch (e) {
      setActionError(e as ApiError);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <form className="panel create-form" onSubmit={create} aria-labelledby="new-user-title" noValidate>
        <h2 id="new-user-title">Add a user</h2>
        <div className="form-grid">
          <TextField label="Email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={formError?.fieldMessage("email") ?? (formError?.code === "email_taken" ? formError.detail : undefined)} />
          <TextField label="Password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} error={formError?.fieldMessage("password")} />
          <SelectField label="Role" value={form.role} options={ROLES} onChange={(role) => setForm({ ...form, role })} />
        </div>
        {formError && formError.fieldErrors.length === 0 && formError.code !== "email_taken" ? <ProblemMessage error={formError} title="Not added" /> : null}
        <button type="submit">Add user</button>
      </form>
      {actionError ? <ProblemMessage error={actionError} title="Not removed" /> : null}
      <DataTable
        caption="Users"
        columns={[
          { header: "Email", cell: (u) => u.email },
          { header: "Role", cell: (u) => u.role },
          { header: "Created", cell: (u) => formatDateTime(u.created_at), className: "hide-narrow" },
          {
            header: "Actions",
            cell: (u) =>
              u.id !== session?.user.id ? (
                <button type="button" className="link danger" onClick={() => void remove(u)} aria-label={`Remove ${u.email}`}>
                  Remove
                </button>
              ) : (
                <span className="muted">you</span>
              ),
          },
        ]}
        rows={users ?? []}
        rowKey={(u) => u.id}
        loading={users === null && !error}
        error={error}
        onRetry={() => void load()}
        empty={<p>No users.</p>}
      />
    </section>
  );
}

async function fetchUsers(): Promise<UserRecord[]> {
  return (await call(api.GET("/api/users"))).data.data;
}
