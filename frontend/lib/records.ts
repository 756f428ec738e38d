// The versioned records the dashboard edits (contacts, companies, deals, cases, tasks): read,
// PATCH with If-Match, delete, and the history that explains a 412. One factory for all of them.
import {
  api,
  call,
  ifMatch,
  versionOf,
  type Campaign,
  type Case,
  type ChangeEvent,
  type Company,
  type Contact,
  type Deal,
  type EventRecord,
  type LandingPageRecord,
  type Segment,
  type Task,
  type UpdateCampaign,
  type UpdateCase,
  type UpdateCompany,
  type UpdateContact,
  type UpdateDeal,
  type UpdateEvent,
  type UpdateLandingPage,
  type UpdateSegment,
  type UpdateTask,
} from "./api";
import type { components } from "./api-schema";

export interface Versioned<T> {
  data: T;
  version: number;
}

export interface RecordApi<T, P> {
  get: (id: string, asOf?: string) => Promise<Versioned<T>>;
  patch: (id: string, version: number, body: P) => Promise<Versioned<T>>;
  remove: (id: string, version: number) => Promise<void>;
  history: (id: string) => Promise<ChangeEvent[]>;
}

/** Every event of a record, oldest first (pages of 500, following `next_cursor`; at most 5,000). */
async function allHistory(fetchPage: (cursor?: string) => Promise<{ data: ChangeEvent[]; next_cursor?: string | null }>) {
  const events: ChangeEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await fetchPage(cursor);
    events.push(...result.data);
    if (!result.next_cursor) break;
    cursor = result.next_cursor;
  }
  return events;
}

type Collection =
  | "/api/contacts"
  | "/api/companies"
  | "/api/deals"
  | "/api/cases"
  | "/api/tasks"
  | "/api/segments"
  | "/api/campaigns"
  | "/api/events"
  | "/api/landing-pages"
  | "/api/objects/{object}";
type Result = Promise<{ data?: unknown; error?: unknown; response: Response }>;
/** The typed client seen through one record path (`${base}/{id}`): every collection has the same shape. */
type PathParams = Record<string, string>;
interface RecordPaths {
  GET: (path: string, init: { params: { path: PathParams; query?: Record<string, unknown> } }) => Result;
  PATCH: (path: string, init: { params: { path: PathParams; header: { "If-Match": string } }; body: unknown }) => Result;
  DELETE: (path: string, init: { params: { path: PathParams; header: { "If-Match": string } } }) => Result;
}

/** The record API of one collection; `within` fills the collection's own path parameters
 * (a custom object's `{object}`). */
export function recordApi<T extends { version: number }, P>(base: Collection, within: PathParams = {}): RecordApi<T, P> {
  const client = api as unknown as RecordPaths;
  const one = `${base}/{id}`;
  const path = (id: string) => ({ ...within, id });
  return {
    async get(id, asOf) {
      const { data, response } = await call(client.GET(one, { params: { path: path(id), query: asOf ? { as_of: asOf } : {} } }));
      const record = data as T;
      return { data: record, version: versionOf(response, record.version) };
    },
    async patch(id, version, body) {
      const { data, response } = await call(client.PATCH(one, { params: { path: path(id), header: { "If-Match": ifMatch(version) } }, body }));
      const record = data as T;
      return { data: record, version: versionOf(response, record.version) };
    },
    async remove(id, version) {
      await call(client.DELETE(one, { params: { path: path(id), header: { "If-Match": ifMatch(version) } } }));
    },
    history: (id) =>
      allHistory(async (cursor) => {
        const { data } = await call(
          client.GET(`${one}/history`, { params: { path: path(id), query: { limit: 500, ...(cursor ? { cursor } : {}) } } }),
        );
        return data as { data: ChangeEvent[]; next_cursor?: string | null };
      }),
  };
}

export const contactsApi = recordApi<Contact, UpdateContact>("/api/contacts");
export const companiesApi = recordApi<Company, UpdateCompany>("/api/companies");
export const dealsApi = recordApi<Deal, UpdateDeal>("/api/deals");
export const casesApi = recordApi<Case, UpdateCase>("/api/cases");
export const tasksApi = recordApi<Task, UpdateTask>("/api/tasks");
export const segmentsApi = recordApi<Segment, UpdateSegment>("/api/segments");
export const campaignsApi = recordApi<Campaign, UpdateCampaign>("/api/campaigns");
export const eventsApi = recordApi<EventRecord, UpdateEvent>("/api/events");
export const landingPagesApi = recordApi<LandingPageRecord, UpdateLandingPage>("/api/landing-pages");

export type ObjectRecord = components["schemas"]["ObjectRecordResponse"];
export type UpdateObjectRecord = components["schemas"]["UpdateRecordRequest"];

/** The record API of a custom object's records (`/api/objects/{object}/{id}`). */
export function objectRecordApi(object: string): RecordApi<ObjectRecord, UpdateObjectRecord> {
  return recordApi<ObjectRecord, UpdateObjectRecord>("/api/objects/{object}", { object });
}

/** Every segment (the first 500), for audience pickers (campaigns, event invitations). */
export async function loadSegments(): Promise<Segment[]> {
  const { data } = await call(api.GET("/api/segments", { params: { query: { limit: 500 } } }));
  return data.data;
}
