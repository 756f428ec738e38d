// Campaign assets: generation streamed as Server-Sent Events, edits, approval, history with the
// content's fields as separate rows, and the email preview for one contact.
import { API_BASE, api, call, ifMatch, type Asset, type AssetKind, type ChangeEvent, type Contact } from "./api";
import { ApiError, toApiError } from "./problem";
import { readSession } from "./session";

/** One Server-Sent Event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** Splits an SSE text buffer into complete events and the unfinished rest. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const blocks = buffer.replaceAll("\r\n", "\n").split("\n\n");
  const rest = blocks.pop() ?? "";
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length === 0) continue;
    try {
      events.push({ event, data: JSON.parse(data.join("\n")) });
    } catch {
      events.push({ event, data: data.join("\n") });
    }
  }
  return { events, rest };
}

/** Generates assets of `kinds`, calling `onPiece(kind, text)` as each is written; the stored assets. */
export async function generateAssets(
  campaignId: string,
  kinds: AssetKind[],
  onPiece: (kind: AssetKind, text: string) => void,
): Promise<Asset[]> {
  const session = readSession();
  const response = await fetch(`${API_BASE}/api/campaigns/${encodeURIComponent(campaignId)}/assets?stream=true`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(session ? { Authorization: `Bearer ${session.token}` } : {}) },
    body: JSON.stringify({ kinds }),
  });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => undefined);
    throw toApiError(body, response.status);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseSse(buffer);
    buffer = parsed.rest;
    for (const { event, data } of parsed.events) {
      if (event === "partial") {
        const piece = data as { kind: AssetKind; text: string };
        onPiece(piece.kind, piece.text);
      } else if (event === "result") {
        return (data as { data: Asset[] }).data;
      } else if (event === "error") {
        throw toApiError(data, (data as { status?: number }).status ?? 500);
      }
    }
  }
  throw new ApiError(0, { detail: "the generation stream ended before its result" });
}

export async function listAssets(campaignId: string): Promise<Asset[]> {
  const { data } = await call(api.GET("/api/campaigns/{id}/assets", { params: { path: { id: campaignId } } }));
  return data.data;
}

export async function editAsset(asset: Asset, content: Record<string, unknown>): Promise<Asset> {
  const { data } = await call(
    api.PATCH("/api/campaigns/{id}/assets/{asset_id}", {
      params: { path: { id: asset.campaign_id, asset_id: asset.id }, header: { "If-Match": ifMatch(asset.version) } },
      // The schema says "an object"; its fields depend on the asset's kind.
      body: { content: content as Record<string, never> },
    }),
  );
  return data;
}

export async function approveAsset(asset: Asset): Promise<Asset> {
  const { data } = await call(
    api.POST("/api/campaigns/{id}/assets/{asset_id}/approve", {
      params: { path: { id: asset.campaign_id, asset_id: asset.id }, header: { "If-Match": ifMatch(asset.version) } },
    }),
  );
  return data;
}

/** An event's `content` change as one change per content field that differs. */
export function expandContent(event: ChangeEvent): ChangeEvent {
  const content = event.changes?.content;
  if (!content) return event;
  const oldV = (content.old ?? {}) as Record<string, unknown>;
  const newV = (content.new ?? {}) as Record<string, unknown>;
  const changes = { ...event.changes };
  delete changes.content;
  for (const key of new Set([...Object.keys(oldV), ...Object.keys(newV)])) {
    if (JSON.stringify(oldV[key]) !== JSON.stringify(newV[key])) {
      changes[`content.${key}`] = { old: oldV[key] ?? null, new: newV[key] ?? null } as (typeof changes)[string];
    }
  }
  return { ...event, changes };
}

export async function assetHistory(asset: Asset): Promise<ChangeEvent[]> {
  const { data } = await call(
    api.GET("/api/campaigns/{id}/assets/{asset_id}/history", {
      params: { path: { id: asset.campaign_id, asset_id: asset.id }, query: { limit: 500 } },
    }),
  );
  return data.data.map(expandContent);
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** The value of a merge field for `contact` (empty when unknown). */
export function mergeValue(field: string, contact: Contact | null, companyName?: string): string {
  if (!contact) return `{{${field}}}`;
  switch (field) {
    case "first_name":
      return contact.first_name ?? "";
    case "last_name":
      return contact.last_name ?? "";
    case "full_name":
      return [contact.first_name, contact.last_name].filter(Boolean).join(" ");
    case "email":
      return contact.email;
    case "title":
      return contact.title ?? "";
    case "company_name":
      return companyName ?? "";
    case "unsubscribe_url":
      return "#unsubscribe";
    default:
      return "";
  }
}

/** The email's HTML with its merge fields filled for `contact` (values escaped), as a document. */
export function previewDocument(html: string, contact: Contact | null, companyName?: string): string {
  const filled = html.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, field: string) => escapeHtml(mergeValue(field, contact, companyName)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Email preview</title></head><body style="font-family: sans-serif; margin: 16px">${filled}</body></html>`;
}
