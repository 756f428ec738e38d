"use client";

import { useCallback, useId, useState, type FormEvent } from "react";
import { DataTable } from "@/components/DataTable";
import { ObjectSettings } from "@/components/ObjectSettings";
import { ProblemMessage } from "@/components/ProblemMessage";
import { SwitchAndRemove } from "@/components/SwitchAndRemove";
import { TextField } from "@/components/TextField";
import { api, ApiError, call } from "@/lib/api";
import { fetchFields, FIELD_TYPES, useObjectChoices, textToValue, type FieldDef, type FieldType, type Rule, type SchemaObject } from "@/lib/customFields";
import { useAction } from "@/lib/useAction";
import { useLoaded } from "@/lib/useLoaded";

export function FieldsAdminPage() {
  return (
    <ObjectSettings
      title="Fields and rules"
      initial="contact"
      intro="Fields of your own on each kind of record, and rules that keep the data clean. Every record form shows the fields; every write is checked by the rules."
    >
      {(object) => (
        <>
          <Fields key={`fields-${object}`} object={object} />
          <Rules key={`rules-${object}`} object={object} />
        </>
      )}
    </ObjectSettings>
  );
}

const BLANK = { name: "", label: "", type: "text" as FieldType, options: "", reference: "company", default: "", required: false, unique: false, indexed: false };

function Fields({ object }: { object: SchemaObject }) {
  const load = useCallback(() => fetchFields(object), [object]);
  const { data: fields, error, reload } = useLoaded(load);
  const [form, setForm] = useState(BLANK);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const typeId = useId();
  const refId = useId();
  const choices = useObjectChoices();
  const label = choices.find((o) => o.value === object)?.label ?? object;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const choice = form.type === "select" || form.type === "multi_select";
    const body = {
      name: form.name.trim(),
      label: form.label.trim() || undefined,
      type: form.type,
      required: form.required,
      unique: form.unique,
      indexed: form.indexed,
      options: choice ? form.options.split(",").map((o) => o.trim()).filter(Boolean) : undefined,
      reference: form.type === "reference" ? (form.reference as SchemaObject) : undefined,
      default: form.default.trim() ? (textToValue({ type: form.type }, form.default) as Record<string, never>) : undefined,
    };
    try {
      await call(api.POST("/api/schema/{object}/fields", { params: { path: { object } }, body }));
      setForm(BLANK);
      await reload();
    } catch (e) {
      setFormError(e as ApiError);
    }
  };

  const { act, error: actionError } = useAction(reload);
  const remove = (f: FieldDef) => {
    if (!window.confirm(`Remove the field ${f.label}? Values already stored stay in the records' history.`)) return;
    void act(() => call(api.DELETE("/api/schema/{object}/fields/{id}", { params: { path: { object, id: f.id } } })));
  };
  const move = (f: FieldDef, by: -1 | 1) => {
    const list = fields ?? [];
    const i = list.findIndex((x) => x.id === f.id);
    const other = list[i + by];
    if (!other) return;
    void act(async () => {
      await call(api.PATCH("/api/schema/{object}/fields/{id}", { params: { path: { object, id: f.id } }, body: { position: other.position } }));
      await call(api.PATCH("/api/schema/{object}/fields/{id}", { params: { path: { object, id: other.id } }, body: { position: f.position } }));
    });
  };
  const choice = form.type === "select" || form.type === "multi_select";

  return (
    <>
      <DataTable
        caption={`Fields of ${label.toLowerCase()}, in form order`}
        columns={[
          { header: "Label", cell: (f) => f.label },
          { header: "Name", cell: (f) => `custom.${f.name}`, className: "mono" },
          { header: "Type", cell: (f) => FIELD_TYPES.find((t) => t.value === f.type)?.label ?? f.type },
          {
            header: "Rules",
            cell: (f) =>
              [f.required ? "required" : null, f.unique ? "unique" : null, f.indexed ? "indexed" : null, f.index ? `index ${f.index.status}` : null]
                .filter(Boolean)
                .join(", ") || "—",
          },
          { header: "Options", cell: (f) => (f.options.length ? f.options.join(", ") : f.reference ? `→ ${f.reference}` : "—"), className: "hide-narrow" },
          {
            header: "Actions",
            cell: (f) => (
              <>
                <button type="button" className="link" onClick={() => move(f, -1)} aria-label={`Move ${f.label} up`}>
                  Up
                </button>{" "}
                <button type="button" className="link" onClick={() => move(f, 1)} aria-label={`Move ${f.label} down`}>
                  Down
                </button>{" "}
                <button type="button" className="link danger" onClick={() => remove(f)} aria-label={`Remove the field ${f.label}`}>
                  Remove
                </button>
              </>
            ),
          },
        ]}
        rows={fields ?? []}
        rowKey={(f) => f.id}
        loading={fields === null && !error}
        error={error}
        onRetry={() => void reload()}
        empty={<p>No fields of your own yet.</p>}
      />
      {actionError ? <ProblemMessage error={actionError} title="Not done" /> : null}
      <form className="panel create-form" onSubmit={create} aria-labelledby="new-field-title" noValidate>
        <h2 id="new-field-title">Add a field</h2>
        <div className="form-grid">
          <TextField label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="industry_code" error={formError?.fieldMessage("name")} />
          <TextField label="Label" value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} placeholder="Industry code" error={formError?.fieldMessage("label")} />
          <div className="form-field">
            <label htmlFor={typeId}>Type</label>
            <select id={typeId} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as FieldType })}>
              {FIELD_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {choice ? (
            <TextField label="Options (comma-separated)" value={form.options} onChange={(e) => setForm({ ...form, options: e.target.value })} error={formError?.fieldMessage("options")} />
          ) : null}
          {form.type === "reference" ? (
            <div className="form-field">
              <label htmlFor={refId}>Points to</label>
              <select id={refId} value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })}>
                {choices.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <TextField label="Default" value={form.default} onChange={(e) => setForm({ ...form, default: e.target.value })} error={formError?.fieldMessage("default")} />
        </div>
        <fieldset className="checks">
          <legend>Rules of the field</legend>
          {(["required", "unique", "indexed"] as const).map((k) => (
            <label key={k}>
              <input type="checkbox" checked={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.checked })} /> {k === "indexed" ? "indexed (fast filters and sorts)" : k}
            </label>
          ))}
        </fieldset>
        {formError ? <ProblemMessage error={formError} title="Not added" /> : null}
        <button type="submit">Add field</button>
      </form>
    </>
  );
}

function Rules({ object }: { object: SchemaObject }) {
  const load = useCallback(async () => (await call(api.GET("/api/schema/{object}/rules", { params: { path: { object } } }))).data.items as Rule[], [object]);
  const { data: rules, error, reload } = useLoaded(load);
  const [form, setForm] = useState({ name: "", condition: "", message: "", field: "" });
  const [record, setRecord] = useState("{}");
  const [trial, setTrial] = useState<string | null>(null);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const conditionId = useId();
  const recordId = useId();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      await call(api.POST("/api/schema/{object}/rules", { params: { path: { object } }, body: { ...form, field: form.field.trim() || undefined } }));
      setForm({ name: "", condition: "", message: "", field: "" });
      setTrial(null);
      await reload();
    } catch (e) {
      setFormError(e as ApiError);
    }
  };
  const test = async () => {
    setFormError(null);
    setTrial(null);
    let parsed: Record<string, never>;
    try {
      parsed = JSON.parse(record);
    } catch {
      setTrial("The record is not valid JSON.");
      return;
    }
    try {
      const { data } = await call(api.POST("/api/schema/{object}/rules/test", { params: { path: { object } }, body: { condition: form.condition, record: parsed } }));
      setTrial(data.result === true ? "True: this record would be refused." : data.result === false ? "False: this record would be accepted." : `Undecided: ${data.error ?? ""}`);
    } catch (e) {
      setFormError(e as ApiError);
    }
  };
  const { act, error: actionError } = useAction(reload);

  return (
    <>
      <DataTable
        caption={`Validation rules of ${object} records`}
        columns={[
          { header: "Name", cell: (r) => r.name },
          { header: "Refuses when", cell: (r) => r.condition, className: "mono" },
          { header: "Message", cell: (r) => `${r.field || object}: ${r.message}` },
          { header: "Active", cell: (r) => (r.active ? "yes" : "no") },
          {
            header: "Actions",
            cell: (r) => (
              <SwitchAndRemove
                kind="rule"
                name={r.name}
                active={r.active}
                onSwitch={() => void act(() => call(api.PATCH("/api/schema/{object}/rules/{id}", { params: { path: { object, id: r.id } }, body: { active: !r.active } })))}
                onRemove={() => void act(() => call(api.DELETE("/api/schema/{object}/rules/{id}", { params: { path: { object, id: r.id } } })))}
              />
            ),
          },
        ]}
        rows={rules ?? []}
        rowKey={(r) => r.id}
        loading={rules === null && !error}
        error={error}
        onRetry={() => void reload()}
        empty={<p>No rules yet.</p>}
      />
      {actionError ? <ProblemMessage error={actionError} title="Not done" /> : null}
      <form className="panel create-form" onSubmit={create} aria-labelledby="new-rule-title" noValidate>
        <h2 id="new-rule-title">Add a rule</h2>
        <p className="muted">
          A CEL condition over the record, named <code>{object}</code>, and its previous version, <code>old_{object}</code> (null on create). When it is true the write is refused with the message.
        </p>
        <div className="form-grid">
          <TextField label="Rule name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={formError?.fieldMessage("name")} />
          <TextField label="Message" value={form.message} onChange={(e) => setForm({ ...form, message: e.target.value })} error={formError?.fieldMessage("message")} />
          <TextField label="Field it names" value={form.field} onChange={(e) => setForm({ ...form, field: e.target.value })} placeholder="custom.industry_code" error={formError?.fieldMessage("field")} />
        </div>
        <div className={`form-field${formError?.fieldMessage("condition") ? " has-error" : ""}`}>
          <label htmlFor={conditionId}>Condition</label>
          <textarea id={conditionId} className="mono" rows={3} value={form.condition} onChange={(e) => setForm({ ...form, condition: e.target.value })} placeholder={`${object}.custom.tier == 'gold' && ${object}.custom.budget == null`} aria-invalid={formError?.fieldMessage("condition") ? true : undefined} />
          {formError?.fieldMessage("condition") ? (
            <p className="field-error" role="alert">
              {formError.fieldMessage("condition")}
            </p>
          ) : null}
        </div>
        <div className="form-field">
          <label htmlFor={recordId}>Try it on a record (JSON)</label>
          <textarea id={recordId} className="mono" rows={3} value={record} onChange={(e) => setRecord(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void test()}>
            Test the condition
          </button>
          <button type="submit">Add rule</button>
        </div>
        {trial ? (
          <p role="status" data-testid="rule-trial">
            {trial}
          </p>
        ) : null}
        {formError && formError.fieldErrors.length === 0 ? <ProblemMessage error={formError} title="Not added" /> : null}
      </form>
    </>
  );
}
