"use client";

import { useCallback, useId, useState } from "react";
import { TextField } from "@/components/TextField";
import { fetchFields, textToValue, type FieldDef, type SchemaObject } from "@/lib/customFields";
import { useLoaded } from "@/lib/useLoaded";

const INPUT_TYPES: Partial<Record<FieldDef["type"], string>> = { email: "email", phone: "tel", url: "url", date: "date" };

function ChoiceField({ field, value, onChange, error }: { field: FieldDef; value: string; onChange: (v: string) => void; error?: string }) {
  const id = useId();
  const options = field.type === "boolean" ? [["yes", "Yes"], ["no", "No"]] : field.options.map((o) => [o, o]);
  return (
    <div className={`form-field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{field.required ? `${field.label} (required)` : field.label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">—</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The custom fields of `object` in a create form: `inputs` renders one input per field by its
 * type (422 messages of `custom.<name>` beside each), `body()` is the request's `custom`. */
export function useCustomInputs(object: SchemaObject) {
  const load = useCallback(() => fetchFields(object), [object]);
  const { data: fields } = useLoaded(load);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const body = (): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (const f of fields ?? []) {
      const text = texts[f.name] ?? "";
      if (text.trim()) out[f.name] = textToValue(f, text);
    }
    return Object.keys(out).length ? out : undefined;
  };
  const inputs = (fieldError: (path: string) => string | undefined) =>
    (fields ?? []).map((f) => {
      const value = texts[f.name] ?? "";
      const onChange = (v: string) => setTexts((t) => ({ ...t, [f.name]: v }));
      const error = fieldError(`custom.${f.name}`);
      if (f.type === "select" || f.type === "boolean") return <ChoiceField key={f.id} field={f} value={value} onChange={onChange} error={error} />;
      const hint = f.type === "multi_select" ? ` (${f.options.join(", ")}; comma-separated)` : "";
      return (
        <TextField
          key={f.id}
          label={`${f.label}${f.required ? " (required)" : ""}${hint}`}
          type={INPUT_TYPES[f.type] ?? "text"}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    });
  return { body, inputs };
}
