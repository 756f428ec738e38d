// Display helpers shared by the pages.
import type { Contact } from "./api";

export function contactName(contact: Pick<Contact, "first_name" | "last_name" | "email">): string {
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(" ").trim();
  return name || contact.email;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Any JSON value of a history change, readable. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function actorLabel(actor: string, actorName: string | null | undefined, me?: string): string {
  if (me && actor === `user:${me}`) return "you";
  if (actorName) return actorName;
  if (actor.startsWith("api_key:")) return "an API key";
  if (actor === "system" || actor.startsWith("system")) return "the system";
  return actor;
}

/** A `<input type="datetime-local">` value (local time) as RFC 3339 UTC. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function isoToLocalInput(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const FIELD_LABELS: Record<string, string> = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  title: "Title",
  status: "Status",
  tags: "Tags",
  source: "Source",
  company_id: "Company",
  owner_id: "Owner",
  do_not_contact: "Do not contact",
  name: "Name",
  domain: "Domain",
  industry: "Industry",
  size: "Size",
  website: "Website",
};

/** A record field's name as the forms show it. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replaceAll("_", " ");
}

/** Text from an input as a PATCH value: blank clears the field. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
