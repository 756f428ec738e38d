"use client";

import { useCallback } from "react";
import type { Column } from "@/components/DataTable";
import { EditableField } from "@/components/EditableField";
import { cellText } from "@/components/SavedViews";
import { ProblemMessage } from "@/components/ProblemMessage";
import { fetchFields, textToValue, valueToText, type FieldDef, type SchemaObject } from "@/lib/customFields";
import { recordHref } from "@/lib/routes";
import { useLoaded } from "@/lib/useLoaded";

const INPUT_TYPES: Partial<Record<FieldDef["type"], "email" | "tel" | "url" | "date">> = {
  email: "email",
  phone: "tel",
  url: "url",
  date: "date",
};

const HINTS: Partial<Record<FieldDef["type"], string>> = {
  multi_select: "Comma-separated.",
  datetime: "RFC 3339, such as 2026-03-31T09:30:00Z.",
  currency: "At most 2 decimals.",
  decimal: "At most 6 decimals.",
  reference: "The id of the record.",
};

export interface CustomFieldsProps {
  object: SchemaObject;
  /** The record's `custom` values. */
  values: Record<string, unknown> | undefined;
  canEdit: boolean;
  /** 422 messages by field path (`custom.<name>`). */
  fieldErrors: Record<string, string>;
  resetKey: number;
  onCancel: (path: string) => void;
  /** Saves `{custom: {name: value}}` (null removes the value). */
  onSave: (custom: Record<string, unknown>) => Promise<void>;
}

/** Custom fields a standard table shows as columns: the first few in form order (admins order
 * them on the Fields page); the rest through a saved view. */
export const TABLE_CUSTOM_COLUMNS = 3;

/** The columns of `object`'s first custom fields for a standard table, each cell the record's value. */
export function useCustomColumns<T extends { custom?: Record<string, unknown> | null }>(object: SchemaObject): Column<T>[] {
  const load = useCallback(() => fetchFields(object), [object]);
  const { data: fields } = useLoaded(load);
  return (fields ?? []).slice(0, TABLE_CUSTOM_COLUMNS).map((f) => ({
    header: f.label,
    cell: (row: T) => (f.type === "boolean" ? valueToText(f, row.custom?.[f.name]) : cellText(row.custom?.[f.name])),
    className: "hide-narrow",
  }));
}

/** The custom fields an admin defined for this object, each edited in place by its type. */
export function CustomFields({ object, values, canEdit, fieldErrors, resetKey, onCancel, onSave }: CustomFieldsProps) {
  const load = useCallback(() => fetchFields(object), [object]);
  const { data: fields, error } = useLoaded(load);
  if (error) return <ProblemMessage error={error} title="Custom fields could not be loaded" />;
  if (!fields || fields.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`custom-${object}-title`} data-testid="custom-fields">
      <h2 id={`custom-${object}-title`}>More fields</h2>
      {fields.map((f) => {
        const path = `custom.${f.name}`;
        const options =
          f.type === "select"
            ? [{ value: "", label: "—" }, ...f.options.map((o) => ({ value: o, label: o }))]
            : f.type === "boolean"
              ? [
                  { value: "", label: "—" },
                  { value: "yes", label: "Yes" },
                  { value: "no", label: "No" },
                ]
              : undefined;
        const hint = [f.description, f.type === "multi_select" ? `Options: ${f.options.join(", ")}.` : null, HINTS[f.type]]
          .filter(Boolean)
          .join(" ");
        return (
          <EditableField
            key={f.id}
            label={f.required ? `${f.label} (required)` : f.label}
            name={path}
            type={INPUT_TYPES[f.type] ?? "text"}
            multiline={f.type === "long_text"}
            options={options}
            value={valueToText(f, values?.[f.name])}
            canEdit={canEdit}
            resetKey={resetKey}
            error={fieldErrors[path]}
            hint={hint || undefined}
            href={f.type === "reference" && f.reference && typeof values?.[f.name] === "string" ? recordHref(f.reference, values[f.name] as string) : undefined}
            onCancel={() => onCancel(path)}
            onSave={(text) => onSave({ [f.name]: textToValue(f, text) })}
          />
        );
      })}
    </section>
  );
}
