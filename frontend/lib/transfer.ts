// Files in and out: downloads of exports (fetched with the session's token, saved from a blob),
// uploads of imports, and what the import page previews of a file before sending it.
import { API_BASE } from "./api";
import { ApiError, networkError, toApiError } from "./problem";
import { readSession } from "./session";

async function authorized(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const session = readSession();
  if (session) headers.set("Authorization", `Bearer ${session.token}`);
  let response: Response;
  try {
    response = await globalThis.fetch(`${API_BASE}${path}`, { ...init, headers });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) {
    let problem: unknown = undefined;
    try {
      problem = await response.json();
    } catch {
      // not a problem document
    }
    throw toApiError(problem, response.status);
  }
  return response;
}

/** Saves `blob` as a file named `name` (a link clicked and dropped again). */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads an export (`/api/contacts/export?...`) and saves it as `name`. */
export async function downloadExport(path: string, name: string): Promise<void> {
  const response = await authorized(path);
  saveBlob(await response.blob(), name);
}

/** Uploads a file to `path` as `contentType`; the JSON answer. */
export async function uploadFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const response = await authorized(path, { method: "POST", body: file, headers: { "Content-Type": contentType } });
  return (await response.json()) as T;
}

/** The content type a file is sent as, from its name. */
export function importContentType(name: string): string {
  return /\.(ndjson|jsonl)$/i.test(name) ? "application/x-ndjson" : "text/csv";
}

/** The fields a column can be imported into (the API's names). */
export const IMPORT_FIELDS = ["email", "first_name", "last_name", "phone", "title", "status", "source", "tags", "company_id", "company", "owner_id"];

/** One CSV line split into fields (quotes honoured; a field with a line break ends the preview). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/** The header and first rows of a file's beginning, as the server will read them. */
export function previewRows(text: string, ndjson: boolean, rows = 5): { headers: string[]; rows: string[][] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  if (ndjson) {
    const objects = lines.slice(0, rows).flatMap((l) => {
      try {
        const v = JSON.parse(l);
        return v && typeof v === "object" && !Array.isArray(v) ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
    const headers = objects.length ? Object.keys(objects[0]) : [];
    const cell = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join(";") : String(v));
    return { headers, rows: objects.map((o) => headers.map((h) => cell(o[h]))) };
  }
  const first = lines[0] ?? "";
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  return { headers: splitCsvLine(first, delimiter), rows: lines.slice(1, rows + 1).map((l) => splitCsvLine(l, delimiter)) };
}

/** Row errors as a CSV file (line, field, message). */
export function errorsCsv(errors: { row: number; field: string; message: string }[]): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ["row,field,message", ...errors.map((e) => [String(e.row), e.field, e.message].map(quote).join(","))].join("\r\n") + "\r\n";
}

export { ApiError };

/** A query string of a list's filters (`undefined` and empty values left out). */
export function toQuery(filters: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}
