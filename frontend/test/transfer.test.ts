import { describe, expect, it } from "vitest";
import { errorsCsv, importContentType, previewRows, splitCsvLine, toQuery } from "@/lib/transfer";

describe("import previews", () => {
  it("split CSV lines on the detected delimiter, honouring quotes", () => {
    expect(splitCsvLine('a,"b, c","d ""e"""', ",")).toEqual(["a", "b, c", 'd "e"']);
    const preview = previewRows("\uFEFFemail;name\r\nada@example.com;\"Ada; L\"\r\n\r\nbob@example.com;Bob\r\n", false);
    expect(preview).toEqual({ headers: ["email", "name"], rows: [["ada@example.com", "Ada; L"], ["bob@example.com", "Bob"]] });
  });

  it("read NDJSON objects' keys as columns and skip lines that are not objects", () => {
    const preview = previewRows('{"email":"a@x.io","tags":["vip","eu"]}\n[1]\n{"email":"b@x.io"}\n', true);
    expect(preview).toEqual({ headers: ["email", "tags"], rows: [["a@x.io", "vip;eu"], ["b@x.io", ""]] });
    expect(importContentType("people.JSONL")).toBe("application/x-ndjson");
    expect(importContentType("people.csv")).toBe("text/csv");
  });

  it("write error reports and queries", () => {
    expect(errorsCsv([{ row: 3, field: "email", message: 'is not valid, "x"' }])).toBe('row,field,message\r\n3,email,"is not valid, ""x"""\r\n');
    expect(toQuery({ q: "ada", status: "", open: false, tag: undefined })).toBe("q=ada&open=false");
  });
});
