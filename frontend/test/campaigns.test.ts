import { describe, expect, it } from "vitest";
import type { ChangeEvent, Contact } from "@/lib/api";
import { expandContent, parseSse, previewDocument } from "@/lib/campaigns";

describe("campaign helpers", () => {
  it("reads Server-Sent Events across chunk boundaries", () => {
    const first = parseSse('event: partial\ndata: {"kind":"email","text":"Hi"}\n\nevent: res');
    expect(first.events).toEqual([{ event: "partial", data: { kind: "email", text: "Hi" } }]);
    const second = parseSse(`${first.rest}ult\r\ndata: {"data":[]}\r\n\r\n: keep-alive\n\n`);
    expect(second.events).toEqual([{ event: "result", data: { data: [] } }]);
    expect(second.rest).toBe("");
  });

  it("shows an asset's content change field by field", () => {
    const event = {
      id: "e",
      version: 2,
      kind: "updated",
      changes: { content: { old: { subject: "A", text: "same" }, new: { subject: "B", text: "same" } } },
    } as unknown as ChangeEvent;
    expect(expandContent(event).changes).toEqual({ "content.subject": { old: "A", new: "B" } });
  });

  it("fills merge fields for a contact, escaped", () => {
    const contact = { first_name: "<b>Ada</b>", last_name: "L", email: "ada@example.com" } as Contact;
    const doc = previewDocument("<p>Hi {{first_name}} {{ last_name }}, {{unknown}}</p>", contact);
    expect(doc).toContain("<p>Hi &lt;b&gt;Ada&lt;/b&gt; L, </p>");
  });
});
