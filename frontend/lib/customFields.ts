import { api, call } from "@/lib/api";
import type { components } from "@/lib/api-schema";
import { useLoaded } from "@/lib/useLoaded";

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

export type CustomObject = components["schemas"]["ObjectResponse"];

/** The custom objects admins defined, by name. */
export async function fetchObjects(): Promise<CustomObject[]> {
  const { data } = await call(api.GET("/api/schema/objects"));
  return data.items;
}

/** The objects a picker offers: the built-in ones, then the custom ones. */
export async function fetchObjectChoices(): Promise<{ value: SchemaObject; label: string }[]> {
  const custom = await fetchObjects();
  return [...OBJECTS, ...custom.map((o) => ({ value: o.name, label: o.plural_label }))];
}

/** The objects a picker offers, built-in ones at once and the custom ones once loaded. */
export function useObjectChoices(): { value: SchemaObject; label: string }[] {
  const { data } = useLoaded(fetchObjectChoices);
  return data ?? OBJECTS;
}

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

export type Trigger = components["schemas"]["TriggerResponse"];
export type TriggerRun = components["schemas"]["TriggerRunResponse"];
export type TriggerAction = components["schemas"]["TriggerActionDto"];

/** What each action does, and whether it runs before or after the write. */
export const TRIGGER_ACTIONS: { value: TriggerAction["type"]; label: string; timing: "before" | "after" }[] = [
  { value: "set", label: "Set fields", timing: "before" },
  { value: "reject", label: "Refuse the write", timing: "before" },
  { value: "create_task", label: "Create a task", timing: "after" },
  { value: "add_timeline_entry", label: "Add a timeline note", timing: "after" },
  { value: "update_related", label: "Update a related record", timing: "after" },
  { value: "notify", label: "Notify a user", timing: "after" },
  { value: "webhook", label: "Send a webhook event", timing: "after" },
];

/** `custom.a = expr` lines as an action's values; the lines that are not of that form. */
export function parseAssignments(text: string): { values: Record<string, string>; bad: string[] } {
  const values: Record<string, string> = {};
  const bad: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf("=");
    const field = at > 0 ? line.slice(0, at).trim() : "";
    const expr = at > 0 ? line.slice(at + 1).trim() : "";
    if (!field || !expr || line[at + 1] === "=") bad.push(line);
    else values[field] = expr;
  }
  return { values, bad };
}

/** One line saying what an action does. */
export function describeAction(action: TriggerAction): string {
  switch (action.type) {
    case "set":
      return `set ${Object.entries(action.values).map(([f, e]) => `${f} = ${e}`).join("; ")}`;
    case "reject":
      return `refuse: ${action.field ? `${action.field}: ` : ""}${action.message}`;
    case "create_task":
      return `task "${action.title}"${action.due_in_days != null ? ` due in ${action.due_in_days} d` : ""}`;
    case "add_timeline_entry":
      return `timeline note "${action.summary}"`;
    case "update_related":
      return `on ${action.via}: ${Object.entries(action.values).map(([f, e]) => `${f} = ${e}`).join("; ")}`;
    case "notify":
      return `notify ${action.user_id ?? "the owner"}: "${action.message}"`;
    case "webhook":
      return `webhook custom.${action.event}`;
  }
}
