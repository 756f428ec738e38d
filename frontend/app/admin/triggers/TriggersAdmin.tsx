"use client";

import { useCallback, useId, useState, type FormEvent } from "react";
import { ObjectSettings } from "@/components/ObjectSettings";
import { DataTable } from "@/components/DataTable";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SwitchAndRemove } from "@/components/SwitchAndRemove";
import { TextField } from "@/components/TextField";
import { api, ApiError, call } from "@/lib/api";
import { describeAction, useObjectChoices, parseAssignments, TRIGGER_ACTIONS, type SchemaObject, type Trigger, type TriggerAction, type TriggerRun } from "@/lib/customFields";
import { useAction } from "@/lib/useAction";
import { useLoaded } from "@/lib/useLoaded";

export function TriggersAdminPage() {
  return (
    <ObjectSettings
      title="Triggers"
      initial="deal"
      intro={
        <>
          Automation when a record is created or changed. <strong>Before</strong> triggers run inside the write: they derive fields or refuse it. <strong>After</strong> triggers run once the write is saved: a task, a timeline note, a related record, a notification or a webhook. Every change a trigger makes is in the history, naming it.
        </>
      }
    >
      {(object) => <Triggers key={object} object={object} />}
    </ObjectSettings>
  );
}

const BLANK = { name: "", timing: "after" as "before" | "after", condition: "", type: "create_task" as TriggerAction["type"], text: "", field: "", via: "company_id", values: "", days: "", user: "" };

/** The action the form describes; a message when it is not one yet. */
function actionOf(form: typeof BLANK): TriggerAction | string {
  const values = () => {
    const { values, bad } = parseAssignments(form.values);
    return bad.length ? `Not of the form custom.name = expression: ${bad.join(", ")}` : values;
  };
  switch (form.type) {
    case "set": {
      const v = values();
      return typeof v === "string" ? v : { type: "set", values: v };
    }
    case "reject":
      return { type: "reject", message: form.text, field: form.field.trim() || undefined };
    case "create_task":
      return { type: "create_task", title: form.text, due_in_days: form.days.trim() ? Number(form.days) : undefined };
    case "add_timeline_entry":
      return { type: "add_timeline_entry", summary: form.text };
    case "update_related": {
      const v = values();
      return typeof v === "string" ? v : { type: "update_related", via: form.via.trim(), values: v };
    }
    case "notify":
      return { type: "notify", message: form.text, user_id: form.user.trim() || undefined };
    case "webhook":
      return { type: "webhook", event: form.text.trim() };
  }
}

const TEXT_LABEL: Partial<Record<TriggerAction["type"], string>> = {
  reject: "Message",
  create_task: "Task title",
  add_timeline_entry: "Note",
  notify: "Message",
  webhook: "Event name",
};

function Triggers({ object }: { object: SchemaObject }) {
  const load = useCallback(async () => (await call(api.GET("/api/schema/{object}/triggers", { params: { path: { object } } }))).data.items as Trigger[], [object]);
  const { data: triggers, error, reload } = useLoaded(load);
  const [form, setForm] = useState(BLANK);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [shown, setShown] = useState<Trigger | null>(null);
  const timingId = useId();
  const typeId = useId();
  const conditionId = useId();
  const valuesId = useId();
  const label = useObjectChoices().find((o) => o.value === object)?.label ?? object;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setLocalError(null);
    const action = actionOf(form);
    if (typeof action === "string") {
      setLocalError(action);
      return;
    }
    try {
      await call(api.POST("/api/schema/{object}/triggers", { params: { path: { object } }, body: { name: form.name, timing: form.timing, condition: form.condition, action } }));
      setForm(BLANK);
      await reload();
    } catch (e) {
      setFormError(e as ApiError);
    }
  };
  const { act, error: actionError } = useAction(reload);
  const choices = TRIGGER_ACTIONS.filter((a) => a.timing === form.timing);
  const fieldError = (name: string) => formError?.fieldMessage(name) ?? undefined;
  const valuesError = Object.keys(parseAssignments(form.values).values)
    .map((f) => fieldError(`action.values.${f}`))
    .find(Boolean) ?? fieldError("action.values") ?? localError ?? undefined;

  return (
    <>
      <DataTable
        caption={`Triggers of ${label.toLowerCase()}, in the order they run`}
        columns={[
          { header: "Name", cell: (t) => t.name },
          { header: "When", cell: (t) => t.timing },
          { header: "Condition", cell: (t) => t.condition || "always", className: "mono" },
          { header: "Action", cell: (t) => describeAction(t.action) },
          { header: "Active", cell: (t) => (t.active ? "yes" : "no") },
          {
            header: "Actions",
            cell: (t) => (
              <>
                {t.timing === "after" ? (
                  <>
                    <button type="button" className="link" onClick={() => setShown(t)} aria-label={`Recent runs of ${t.name}`}>
                      Runs
                    </button>{" "}
                  </>
                ) : null}
                <SwitchAndRemove
                  kind="trigger"
                  name={t.name}
                  active={t.active}
                  onSwitch={() => void act(() => call(api.PATCH("/api/schema/{object}/triggers/{id}", { params: { path: { object, id: t.id } }, body: { active: !t.active } })))}
                  onRemove={() => void act(() => call(api.DELETE("/api/schema/{object}/triggers/{id}", { params: { path: { object, id: t.id } } })))}
                />
              </>
            ),
          },
        ]}
        rows={triggers ?? []}
        rowKey={(t) => t.id}
        loading={triggers === null && !error}
        error={error}
        onRetry={() => void reload()}
        empty={<p>No triggers yet.</p>}
      />
      {actionError ? <ProblemMessage error={actionError} title="Not done" /> : null}
      {shown ? <Runs key={shown.id} object={object} trigger={shown} onClose={() => setShown(null)} /> : null}

      <form className="panel create-form" onSubmit={create} aria-labelledby="new-trigger-title" noValidate>
        <h2 id="new-trigger-title">Add a trigger</h2>
        <p className="muted">
          The condition is CEL over the record, <code>{object}</code>, and its previous version, <code>old_{object}</code> (null on create); leave it empty to fire on every create and update. Texts may name values: <code>{`{{${object}.name}}`}</code>.
        </p>
        <div className="form-grid">
          <TextField label="Trigger name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError("name")} />
          <div className="form-field">
            <label htmlFor={timingId}>When</label>
            <select
              id={timingId}
              value={form.timing}
              onChange={(e) => {
                const timing = e.target.value as "before" | "after";
                setForm({ ...form, timing, type: TRIGGER_ACTIONS.find((a) => a.timing === timing)!.value });
              }}
            >
              <option value="before">Before the write</option>
              <option value="after">After the write</option>
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={typeId}>Action</label>
            <select id={typeId} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as TriggerAction["type"] })}>
              {choices.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className={`form-field${fieldError("condition") ? " has-error" : ""}`}>
          <label htmlFor={conditionId}>Condition</label>
          <textarea id={conditionId} className="mono" rows={2} value={form.condition} onChange={(e) => setForm({ ...form, condition: e.target.value })} placeholder={`${object}.custom.tier == 'gold' && old_${object} != null`} aria-invalid={fieldError("condition") ? true : undefined} />
          {fieldError("condition") ? (
            <p className="field-error" role="alert">
              {fieldError("condition")}
            </p>
          ) : null}
        </div>
        <div className="form-grid">
          {TEXT_LABEL[form.type] ? (
            <TextField
              label={TEXT_LABEL[form.type]!}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
              error={fieldError(`action.${{ reject: "message", create_task: "title", add_timeline_entry: "summary", notify: "message", webhook: "event" }[form.type as string] ?? ""}`)}
            />
          ) : null}
          {form.type === "reject" ? <TextField label="Field it names" value={form.field} onChange={(e) => setForm({ ...form, field: e.target.value })} placeholder="custom.tier" error={fieldError("action.field")} /> : null}
          {form.type === "create_task" ? <TextField label="Due in days" inputMode="numeric" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} error={fieldError("action.due_in_days")} /> : null}
          {form.type === "notify" ? <TextField label="User id (empty: the owner)" value={form.user} onChange={(e) => setForm({ ...form, user: e.target.value })} /> : null}
          {form.type === "update_related" ? <TextField label="Reference field" value={form.via} onChange={(e) => setForm({ ...form, via: e.target.value })} placeholder="company_id" error={fieldError("action.via")} /> : null}
        </div>
        {form.type === "set" || form.type === "update_related" ? (
          <div className={`form-field${valuesError ? " has-error" : ""}`}>
            <label htmlFor={valuesId}>Values (one per line: custom.name = CEL expression)</label>
            <textarea id={valuesId} className="mono" rows={3} value={form.values} onChange={(e) => setForm({ ...form, values: e.target.value })} placeholder={`custom.size = ${object}.amount >= 1000.0 ? 'large' : 'small'`} aria-invalid={valuesError ? true : undefined} />
            {valuesError ? (
              <p className="field-error" role="alert">
                {valuesError}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit">Add trigger</button>
        </div>
        {formError && formError.fieldErrors.length === 0 ? <ProblemMessage error={formError} title="Not added" /> : null}
        {formError && formError.fieldErrors.some((f) => f.field === "timing" || f.field === "action" || f.field === "action.type") ? <ProblemMessage error={formError} title="Not added" /> : null}
      </form>
    </>
  );
}

function Runs({ object, trigger, onClose }: { object: SchemaObject; trigger: Trigger; onClose: () => void }) {
  const load = useCallback(async () => (await call(api.GET("/api/schema/{object}/triggers/{id}/runs", { params: { path: { object, id: trigger.id } } }))).data.data as TriggerRun[], [object, trigger.id]);
  const { data: runs, error, reload } = useLoaded(load);
  return (
    <section className="panel" aria-labelledby="runs-title">
      <h2 id="runs-title">Recent runs of {trigger.name}</h2>
      <DataTable
        caption={`Recent runs of ${trigger.name}, newest first`}
        columns={[
          { header: "Queued", cell: (r) => new Date(r.created_at).toLocaleString() },
          { header: "Record", cell: (r) => r.record_id, className: "mono" },
          { header: "Status", cell: (r) => r.status },
          { header: "Result", cell: (r) => (r.status === "failed" ? `${r.error_code ?? ""}: ${r.error ?? ""}` : (r.outcome ?? "")) },
        ]}
        rows={runs ?? []}
        rowKey={(r) => r.id}
        loading={runs === null && !error}
        error={error}
        onRetry={() => void reload()}
        empty={<p>It has not fired yet.</p>}
      />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void reload()}>
          Refresh
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
