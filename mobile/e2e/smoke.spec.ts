import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, API } from "../playwright.config";

const ARTIFACTS = "e2e/artifacts";

async function token(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${API}/api/auth/login`, { data: ADMIN });
  expect(res.status()).toBe(200);
  return (await res.json()).token;
}

async function post(request: APIRequestContext, auth: string, path: string, data: unknown) {
  const res = await request.post(`${API}${path}`, { data, headers: { Authorization: `Bearer ${auth}` } });
  expect(res.ok(), `${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

async function get(request: APIRequestContext, auth: string, path: string) {
  const res = await request.get(`${API}${path}`, { headers: { Authorization: `Bearer ${auth}` } });
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the screen as it is now. */
async function expectAccessible(page: Page) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("sign in, search a contact, log a call, complete a task, check a guest in by code", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 390, height: 844 });

  // What the day holds, made through the API.
  const auth = await token(request);
  const me = await get(request, auth, "/api/auth/me");
  const suffix = Date.now().toString(36);
  const ann = await post(request, auth, "/api/contacts", { first_name: "Ann", last_name: `Field${suffix}`, email: `ann.${suffix}@example.com`, phone: "+33 1 23 45 67 89" });
  const due = new Date(Date.now() + 3600_000).toISOString();
  const task = await post(request, auth, "/api/tasks", { title: `Send Ann the proposal ${suffix}`, due_at: due, assignee_id: me.id, contact_id: ann.id });
  const start = new Date(Date.now() + 1800_000);
  const event = await post(request, auth, "/api/events", {
    name: `Breakfast ${suffix}`,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 7200_000).toISOString(),
    timezone: "Europe/Paris",
    capacity: 10,
  });
  await post(request, auth, `/api/events/${event.id}/invite`, { contact_ids: [ann.id] });
  const invitation = await post(request, auth, `/api/events/${event.id}/rsvp`, { contact_id: ann.id, response: "yes" });
  expect(invitation.status).toBe("confirmed");

  // Sign in.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Server").fill(API);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/01-contacts.png` });

  // Search a contact, open it, log a call in two taps.
  await page.getByLabel("Search contacts").fill(`Field${suffix}`);
  await page.getByRole("button", { name: new RegExp(`Ann Field${suffix}`) }).click();
  await expect(page.getByRole("heading", { name: `Ann Field${suffix}` })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Send Ann the proposal ${suffix} · due`))).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Log call" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Call with Ann Field${suffix}`).first()).toBeVisible();
  await expect
    .poll(async () => (await get(request, auth, `/api/contacts/${ann.id}/timeline?kind=call`)).data.length)
    .toBe(1);
  await page.screenshot({ path: `${ARTIFACTS}/02-contact-call-logged.png`, fullPage: true });

  // Today: complete the task in one tap.
  await page.getByRole("tab", { name: "Today" }).click();
  await expect(page.getByText(`Send Ann the proposal ${suffix}`, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Complete Send Ann the proposal ${suffix}` }).click();
  await expect.poll(async () => (await get(request, auth, `/api/tasks/${task.id}`)).status).toBe("done");
  await page.screenshot({ path: `${ARTIFACTS}/03-today-task-done.png`, fullPage: true });

  // Events: check the guest in by typing the code loosely; a second time is reported.
  await page.getByRole("tab", { name: "Events" }).click();
  await page.getByRole("button", { name: `Check in guests of Breakfast ${suffix}` }).click();
  await expect(page.getByText("0 / 1 checked in")).toBeVisible();
  await expectAccessible(page);
  const loose = invitation.checkin_code.toLowerCase().replace(/(.{4})/, "$1-");
  await page.getByLabel("Check-in code").fill(loose);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByText(/^Checked in at/)).toBeVisible();
  await expect(page.getByText("1 / 1 checked in")).toBeVisible();
  await page.getByLabel("Check-in code").fill(invitation.checkin_code);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByText(/^Already checked in at/)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/04-check-in.png`, fullPage: true });
  const after = await get(request, auth, `/api/events/${event.id}`);
  expect(after.counts.attended).toBe(1);
  expect(errors).toEqual([]);
});
