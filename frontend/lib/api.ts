// The typed API client: openapi-fetch over the generated schema, the session's bearer token on
// every request, and a 401 anywhere (but sign-in) ending the session.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./api-schema";
import { ApiError, networkError, toApiError } from "./problem";
import { clearSession, readSession } from "./session";

export type Contact = components["schemas"]["ContactResponse"];
export type ContactStatus = components["schemas"]["ContactStatus"];
export type Company = components["schemas"]["CompanyResponse"];
export type ChangeEvent = components["schemas"]["ChangeEventResponse"];
export type TimelineEntry = components["schemas"]["TimelineEntryResponse"];
export type ApiKey = components["schemas"]["ApiKeyResponse"];
export type CreatedApiKey = components["schemas"]["CreatedApiKeyResponse"];
export type UserRecord = components["schemas"]["UserResponse"];
export type UpdateContact = components["schemas"]["UpdateContactRequest"];
export type UpdateCompany = components["schemas"]["UpdateCompanyRequest"];
export type Deal = components["schemas"]["DealResponse"];
export type Stage = components["schemas"]["StageDto"];
export type UpdateDeal = components["schemas"]["UpdateDealRequest"];
export type Pipeline = components["schemas"]["PipelineResponse"];
export type Case = components["schemas"]["CaseResponse"];
export type Priority = components["schemas"]["PriorityDto"];
export type UpdateCase = components["schemas"]["UpdateCaseRequest"];
export type Interaction = components["schemas"]["InteractionResponse"];
export type Task = components["schemas"]["TaskResponse"];
export type UpdateTask = components["schemas"]["UpdateTaskRequest"];
export type Segment = components["schemas"]["SegmentResponse"];
export type UpdateSegment = components["schemas"]["UpdateSegmentRequest"];
export type Campaign = components["schemas"]["CampaignResponse"];
export type UpdateCampaign = components["schemas"]["UpdateCampaignRequest"];
export type CampaignStatus = components["schemas"]["CampaignStatusDto"];
export type Channel = components["schemas"]["ChannelDto"];
export type Asset = components["schemas"]["AssetResponse"];
export type AssetKind = components["schemas"]["AssetKindDto"];
export type EmailDraft = components["schemas"]["EmailDraft"];
export type SocialPost = components["schemas"]["SocialPost"];
export type LandingPage = components["schemas"]["LandingPage"];
export type Briefing = components["schemas"]["BriefingResponse"];
export type ConsentLedger = components["schemas"]["ConsentLedger"];
export type EventRecord = components["schemas"]["EventResponse"];
export type UpdateEvent = components["schemas"]["UpdateEventRequest"];
export type Invitation = components["schemas"]["InvitationResponse"];
export type InvitationStatus = components["schemas"]["InvitationStatusDto"];
export type InviteJob = components["schemas"]["InviteJobResponse"];
export type LandingPageRecord = components["schemas"]["LandingPageResponse"];
export type UpdateLandingPage = components["schemas"]["UpdateLandingPageRequest"];
export type LandingPageAnalytics = components["schemas"]["LandingPageAnalytics"];

export const CONTACT_STATUSES: ContactStatus[] = ["lead", "mql", "sql", "opportunity", "customer", "churned"];
export const STAGES: Stage[] = ["qualification", "proposal", "negotiation", "won", "lost"];
export const PRIORITIES: Priority[] = ["low", "normal", "high", "urgent"];
export const CHANNELS: Channel[] = ["email", "social", "webhook"];
export const ASSET_KINDS: AssetKind[] = ["email", "social_post", "landing_page"];
export const FORM_FIELDS = ["first_name", "last_name", "company", "phone", "title"] as const;
export const INVITATION_STATUSES: InvitationStatus[] = ["invited", "confirmed", "waitlisted", "declined", "maybe"];

export const API_BASE = (process.env.NEXT_PUBLIC_API_URL ?? "").replace(/\/$/, "");

const auth: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${session.token}`);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith("/api/auth/login") && readSession()) {
      clearSession("expired");
    }
    return response;
  },
};

// `fetch` is looked up per request (not captured once), so tests can stand in for the network.
export const api = createClient<paths>({ baseUrl: API_BASE, fetch: (request) => globalThis.fetch(request) });
api.use(auth);

/** Unwraps an openapi-fetch result: the data, or an ApiError with the problem's detail and trace id. */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (cause) {
    throw networkError(cause);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.error, result.response.status);
  }
  return { data: result.data as T, response: result.response };
}

/** `If-Match` for a record at `version`. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** The version an `ETag` names, e.g. `"4"` -> 4. */
export function versionOf(response: Response, fallback: number): number {
  const tag = response.headers.get("ETag");
  const parsed = tag ? Number.parseInt(tag.replace(/^W\//, "").replaceAll('"', ""), 10) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : fallback;
}

export function newIdempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export { ApiError };
