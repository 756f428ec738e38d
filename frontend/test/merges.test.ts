import { describe, expect, it } from "vitest";
import type { Contact } from "@/lib/api";
import { differing, mergeBody, shown } from "@/lib/merges";

const contact = (fields: Partial<Contact>): Contact =>
  ({ id: "c", email: "a@example.com", status: "lead", tags: [], version: 1, created_at: "", updated_at: "", ...fields }) as Contact;

describe("merging two contacts", () => {
  it("offers only the fields whose values differ, a missing value counting as blank", () => {
    const a = contact({ first_name: "Ada", phone: null, title: "CTO" });
    const b = contact({ first_name: "Ada", phone: "+44 20 7946 0958", email: "b@example.com" });
    expect(differing(a, b).map((f) => f.field)).toEqual(["email", "phone", "title"]);
    expect(shown(a, "phone")).toBe("");
  });

  it("asks for `theirs` exactly for the fields taken from the contact that goes", () => {
    expect(mergeBody("other", ["phone", "title"])).toEqual({ other_id: "other", fields: { phone: "theirs", title: "theirs" } });
    expect(mergeBody("other", [])).toEqual({ other_id: "other", fields: {} });
  });
});
