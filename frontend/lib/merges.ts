// Duplicate pairs and merges: which fields differ, and the merge request for the choices made.
import { api, call, type Contact } from "./api";
import type { components } from "./api-schema";

export type DuplicatePair = components["schemas"]["DuplicatePairResponse"];
export type ScanProgress = components["schemas"]["ScanResponse"];

/** The fields a merge chooses between, with their labels. */
export const MERGE_FIELDS: { field: keyof Contact & string; label: string }[] = [
  { field: "email", label: "Email" },
  { field: "first_name", label: "First name" },
  { field: "last_name", label: "Last name" },
  { field: "phone", label: "Phone" },
  { field: "title", label: "Title" },
  { field: "status", label: "Status" },
  { field: "source", label: "Source" },
  { field: "company_id", label: "Company" },
];

export const REASONS: Record<string, string> = {
  same_email: "Same email",
  same_phone: "Same phone",
  same_name_same_company: "Same name, same company",
  similar_name_same_company: "Similar name, same company",
};

/** A field's value as shown, blank for none. */
export function shown(contact: Contact, field: keyof Contact): string {
  const value = contact[field];
  return value === null || value === undefined ? "" : String(value);
}

/** The fields whose values differ between the two contacts. */
export function differing(a: Contact, b: Contact): typeof MERGE_FIELDS {
  return MERGE_FIELDS.filter(({ field }) => shown(a, field) !== shown(b, field));
}

/** The merge body: `theirs` for each field taken from the contact that goes. */
export function mergeBody(otherId: string, takeFromOther: string[]): { other_id: string; fields: Record<string, "theirs"> } {
  return { other_id: otherId, fields: Object.fromEntries(takeFromOther.map((f) => [f, "theirs" as const])) };
}

export async function merge(keepId: string, otherId: string, takeFromOther: string[]) {
  const { data } = await call(api.POST("/api/contacts/{id}/merge", { params: { path: { id: keepId } }, body: mergeBody(otherId, takeFromOther) }));
  return data;
}

export async function unmerge(keepId: string, mergeId: string) {
  const { data } = await call(api.POST("/api/contacts/{id}/unmerge", { params: { path: { id: keepId } }, body: { merge_id: mergeId } }));
  return data;
}
