import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN } from "../playwright.config";

export { ADMIN };

export const ARTIFACTS = "e2e/artifacts";

/** Signs in through the form and waits for the contacts page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
}

/** A bearer token for API set-up (not what the journeys test). */
export async function apiToken(request: APIRequestContext, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const res = await request.post("/api/auth/login", { data: { email, password } });
  expect(res.status()).toBe(200);
  return (await res.json()).token as string;
}

export async function ensureUser(request: APIRequestContext, email: string, role: "admin" | "member" | "viewer", password: string) {
  const token = await apiToken(request);
  const res = await request.post("/api/users", {
    data: { email, password, role },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect([201, 409]).toContain(res.status());
}

export async function createContactViaApi(request: APIRequestContext, body: Record<string, unknown>): Promise<{ id: string }> {
  const token = await apiToken(request);
  const res = await request.post("/api/contacts", { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(201);
  return res.json();
}

/** Fails the test on any Content-Security-Policy violation or uncaught error in the page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(String(err)));
  return problems;
}

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the page as it is now; `exclude` leaves
 * out elements such as a script-less sandboxed frame of user content (axe cannot run inside it). */
export async function expectAccessible(page: Page, exclude: string[] = []) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  if (found.length > 0) throw new Error(`accessibility violations:\n${found.join("\n")}`);
}
