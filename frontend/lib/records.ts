// The versioned records the dashboard edits (contacts, companies): read, PATCH with If-Match,
// and the history that explains a 412.
import { api, call, ifMatch, versionOf, type ChangeEvent, type Company, type Contact, type UpdateCompany, type UpdateContact } from "./api";

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

export const contactsApi: RecordApi<Contact, UpdateContact> = {
  async get(id, asOf) {
    const { data, response } = await call(
      api.GET("/api/contacts/{id}", { params: { path: { id }, query: asOf ? { as_of: asOf } : {} } }),
    );
    return { data, version: versionOf(response, data.version) };
  },
  async patch(id, version, body) {
    const { data, response } = await call(
      api.PATCH("/api/contacts/{id}", { params: { path: { id }, header: { "If-Match": ifMatch(version) } }, body }),
    );
    return { data, version: versionOf(response, data.version) };
  },
  async remove(id, version) {
    await call(api.DELETE("/api/contacts/{id}", { params: { path: { id }, header: { "If-Match": ifMatch(version) } } }));
  },
  history: (id) =>
    allHistory(async (cursor) => {
      const { data } = await call(
        api.GET("/api/contacts/{id}/history", { params: { path: { id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } } }),
      );
      return data;
    }),
};

export const companiesApi: RecordApi<Company, UpdateCompany> = {
  async get(id, asOf) {
    const { data, response } = await call(
      api.GET("/api/companies/{id}", { params: { path: { id }, query: asOf ? { as_of: asOf } : {} } }),
    );
    return { data, version: versionOf(response, data.version) };
  },
  async patch(id, version, body) {
    const { data, response } = await call(
      api.PATCH("/api/companies/{id}", { params: { path: { id }, header: { "If-Match": ifMatch(version) } }, body }),
    );
    return { data, version: versionOf(response, data.version) };
  },
  async remove(id, version) {
    await call(api.DELETE("/api/companies/{id}", { params: { path: { id }, header: { "If-Match": ifMatch(version) } } }));
  },
  history: (id) =>
    allHistory(async (cursor) => {
      const { data } = await call(
        api.GET("/api/companies/{id}/history", { params: { path: { id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } } }),
      );
      return data;
    }),
};
