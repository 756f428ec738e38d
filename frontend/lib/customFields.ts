import { api, call } from "@/lib/api";
import type { components } from "@/lib/api-schema";

export type FieldDef = components["schemas"]["FieldResponse"];
export type FieldType = components["schemas"]["FieldTypeDto"];
export type SchemaObject = components["schemas"]["ObjectDto"];
export type Rule = components["schemas"]["RuleResponse"];

export const OBJECTS: { value: SchemaObject; label: string }[] = [
  { value: "contact", label: "Contacts" },
  { value: "company", label: "Companies" },
  { value: "deal", label: "Deals" },
  { value: "case", label: "Cases" },
  { value: "event", label: "Events" },
];

export const FIELD_TYPES: { value: FieldType; label: string }[] = [
  { value: "text", label: "Text" },
  { value: "long_text", label: "Long text" },
  { value: "number", label: "Number" },
  { value: "decimal", label: "Decimal" },
  { value: "currency", label: "Currency" },
  { value: "date", label: "Date" },
  { value: "datetime", label: "Date and time" },
  { value: "boolean", label: "Yes / no" },
  { value: "select", label: "Select" },
  { value: "multi_select", label: "Multi-select" },
  { value: "url", label: "URL" },
  { value: "email", label: "Email" },
  { value: "phone", label: "Phone" },
  { value: "reference", label: "Reference" },
];

/** The custom fields of `object`, in form order. */
export async function fetchFields(object: SchemaObject): Promise<FieldDef[]> {
  const { data } = await call(api.GET("/api/schema/{object}/fields", { params: { path: { object } } }));
  return data.items;
}

/** A stored value as the text an input edits. */
export function valueToText(field: Pick<FieldDef, "type">, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (field.type === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** What an input's text stands for on the wire: `null` for blank (removes the value). */
export function textToValue(field: Pick<FieldDef, "type">, text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  switch (field.type) {
    case "number":
    case "decimal":
    case "currency": {
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    }
    case "boolean":
      return t === "yes";
    case "multi_select":
      return t
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return t;
  }
}
