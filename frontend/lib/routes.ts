// The dashboard's record pages (static export: the id is a query parameter).
export const contactHref = (id: string) => `/contacts/view?id=${encodeURIComponent(id)}`;
export const companyHref = (id: string) => `/companies/view?id=${encodeURIComponent(id)}`;
export const dealHref = (id: string) => `/deals/view?id=${encodeURIComponent(id)}`;
export const caseHref = (id: string) => `/cases/view?id=${encodeURIComponent(id)}`;
export const segmentHref = (id: string) => `/segments/view?id=${encodeURIComponent(id)}`;
export const campaignHref = (id: string) => `/campaigns/view?id=${encodeURIComponent(id)}`;
export const eventHref = (id: string) => `/events/view?id=${encodeURIComponent(id)}`;
export const checkInHref = (id: string) => `/events/check-in?id=${encodeURIComponent(id)}`;
export const landingPageHref = (id: string) => `/landing-pages/view?id=${encodeURIComponent(id)}`;
export const objectListHref = (object: string) => `/objects/list?object=${encodeURIComponent(object)}`;
export const objectRecordHref = (object: string, id: string) => `/objects/view?object=${encodeURIComponent(object)}&id=${encodeURIComponent(id)}`;

/** The dashboard page of record `id` of `object` (a built-in object or a custom one). */
export function recordHref(object: string, id: string): string {
  const builtIn: Record<string, (id: string) => string> = { contact: contactHref, company: companyHref, deal: dealHref, case: caseHref, event: eventHref };
  return (builtIn[object] ?? ((i: string) => objectRecordHref(object, i)))(id);
}
