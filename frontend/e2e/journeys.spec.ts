import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, createContactViaApi, ensureUser, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("sign in, create a contact, edit it, see the change in history, add a note", async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, ADMIN.email, ADMIN.password);

  const email = `${unique("ada")}@example.com`;
  await page.getByRole("button", { name: "New contact" }).click();
  const form = page.getByRole("form", { name: "New contact" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First name").fill("Ada");
  await form.getByLabel("Last name").fill("Lovelace");
  await form.getByRole("button", { name: "Create contact" }).click();

  await expect(page.getByRole("heading", { name: "Ada Lovelace", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/contacts\/view\?id=/);
  await expect(page.getByTestId("record-version")).toHaveText("version 1");
  // A moment between version 1 and the edit below, for the "as of" picker (second precision).
  await page.waitForTimeout(1100);
  const between = await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  });
  await page.waitForTimeout(1100);

  // Inline edit, sent with If-Match.
  await page.getByRole("button", { name: "Edit Title" }).click();
  await page.getByRole("form", { name: "Edit Title" }).getByLabel("Title").fill("Analyst");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("record-version")).toHaveText("version 2");
  await expect(page.locator('[data-field="title"] .field-value')).toHaveText("Analyst");

  // The change in the history, with before/after and who made it.
  const history = page.getByRole("region", { name: "History" });
  const v2 = history.getByRole("listitem").filter({ hasText: "Version 2" });
  await expect(v2).toContainText(`updated by you`);
  await expect(v2.getByRole("row", { name: /Title/ })).toContainText("Analyst");

  // The record as it was before the edit.
  const asOf = page.getByRole("region", { name: "As of a past moment" });
  await asOf.getByLabel("Show the record as it was at").fill(between);
  await asOf.getByRole("button", { name: "Show" }).click();
  const past = asOf.getByRole("definition");
  await expect(past.first()).toHaveText("1");
  await expect(asOf).not.toContainText("Analyst");

  // A note on the timeline, newest first.
  const timeline = page.getByRole("region", { name: "Timeline" });
  await timeline.getByLabel("What happened").fill("Called about the Q3 proposal.");
  await timeline.getByRole("button", { name: "Add note" }).click();
  await expect(timeline.getByRole("listitem").first()).toContainText("Called about the Q3 proposal.");
  await expect(timeline.getByLabel("What happened")).toHaveValue("");

  // The list finds it by a word prefix, and the filter is in the URL.
  await page.getByRole("link", { name: "Contacts", exact: true }).first().click();
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("lovel");
  await expect(page).toHaveURL(/q=lovel/);
  await expect(page.getByRole("row", { name: /Ada Lovelace/ })).toBeVisible();
  // Keyboard: the row takes focus, Enter opens it.
  await page.getByRole("row", { name: /Ada Lovelace/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Ada Lovelace", level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/q=lovel/);
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue("lovel");
  // The "Contacts" link goes to the unfiltered list: the search box follows the URL.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue("");
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("lovel");
  await expect(page).toHaveURL(/q=lovel/);

  await page.screenshot({ path: `${ARTIFACTS}/01-create-edit-history-note.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test("a conflicting edit from a second session shows who changed what, and can be reapplied", async ({ browser, request }) => {
  const memberEmail = `${unique("sam")}@example.com`;
  await ensureUser(request, memberEmail, "member", "member passphrase 1");
  const contact = await createContactViaApi(request, { email: `${unique("grace")}@example.com`, first_name: "Grace", last_name: "Hopper" });

  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  const problems = [...watchConsole(a), ...watchConsole(b)];
  await signIn(a, ADMIN.email, ADMIN.password);
  await signIn(b, memberEmail, "member passphrase 1");
  await a.goto(`/contacts/view?id=${contact.id}`);
  await b.goto(`/contacts/view?id=${contact.id}`);
  await expect(a.getByTestId("record-version")).toHaveText("version 1");
  await expect(b.getByTestId("record-version")).toHaveText("version 1");

  // A saves first.
  await a.getByRole("button", { name: "Edit Title" }).click();
  await a.getByRole("form", { name: "Edit Title" }).getByLabel("Title").fill("Rear Admiral");
  await a.getByRole("button", { name: "Save" }).click();
  await expect(a.getByTestId("record-version")).toHaveText("version 2");

  // B still holds version 1: the save is refused with 412 and the dialog says who changed what.
  await b.getByRole("button", { name: "Edit Title" }).click();
  await b.getByRole("form", { name: "Edit Title" }).getByLabel("Title").fill("Commodore");
  await b.getByRole("button", { name: "Save" }).click();
  const dialog = b.getByRole("dialog", { name: "Someone else changed this record" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(ADMIN.email);
  await expect(dialog).toContainText("Rear Admiral");
  await expect(dialog).toContainText("also changed by them");
  await b.screenshot({ path: `${ARTIFACTS}/02-conflict-dialog.png`, fullPage: true });

  await dialog.getByRole("button", { name: "Apply my change on top" }).click();
  await expect(dialog).toBeHidden();
  await expect(b.getByTestId("record-version")).toHaveText("version 3");
  await expect(b.locator('[data-field="title"] .field-value')).toHaveText("Commodore");

  // "Reload latest" instead: A (still at version 2) edits, sees the dialog, reloads B's value.
  await a.getByRole("button", { name: "Edit Title" }).click();
  await a.getByRole("form", { name: "Edit Title" }).getByLabel("Title").fill("Admiral");
  await a.getByRole("button", { name: "Save" }).click();
  const dialogA = a.getByRole("dialog", { name: "Someone else changed this record" });
  await expect(dialogA).toContainText(memberEmail);
  await dialogA.getByRole("button", { name: "Reload latest" }).click();
  await expect(a.getByTestId("record-version")).toHaveText("version 3");
  await expect(a.locator('[data-field="title"] .field-value')).toHaveText("Commodore");
  await a.screenshot({ path: `${ARTIFACTS}/03-conflict-reloaded.png`, fullPage: true });
  expect(problems).toEqual([]);
  await first.close();
  await second.close();
});

test("field errors appear next to the field and nothing is saved", async ({ page, request }) => {
  const contact = await createContactViaApi(request, { email: `${unique("err")}@example.com`, first_name: "Edsger" });
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/contacts/view?id=${contact.id}`);
  await page.getByRole("button", { name: "Edit Email" }).click();
  await page.getByRole("form", { name: "Edit Email" }).getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Save" }).click();
  const field = page.locator('[data-field="email"]');
  await expect(field.getByRole("alert")).toContainText("email");
  await expect(field.getByRole("textbox", { name: "Email" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("record-version")).toHaveText("version 1");
  // Fixing the value in place saves it and clears the error.
  await field.getByRole("textbox", { name: "Email" }).fill(`${unique("fixed")}@example.com`);
  await page.screenshot({ path: `${ARTIFACTS}/04-field-error.png`, fullPage: true });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("record-version")).toHaveText("version 2");
  await expect(field.getByRole("alert")).toHaveCount(0);
});

test("an admin adds a viewer, signs out; the viewer sees no write controls", async ({ page, request }) => {
  const contact = await createContactViaApi(request, { email: `${unique("view")}@example.com`, first_name: "Viewed" });
  const viewer = `${unique("viewer")}@example.com`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Users" }).click();
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(viewer);
  await form.getByLabel("Password").fill("short");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("alert")).toContainText("12");
  await form.getByLabel("Password").fill("viewer passphrase 1");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("row", { name: new RegExp(viewer) })).toContainText("viewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/contacts");
  await expect(page).toHaveURL(/\/sign-in\?next=/);

  await signIn(page, viewer, "viewer passphrase 1");
  await expect(page.getByRole("button", { name: "New contact" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto(`/contacts/view?id=${contact.id}`);
  await expect(page.getByRole("heading", { name: "Viewed", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(page.getByLabel("What happened")).toHaveCount(0);
  await page.goto("/admin/api-keys");
  await expect(page.getByText("Only admins can see this page.")).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/05-viewer.png`, fullPage: true });
});

test("an expired session sends the user back to sign-in with a message", async ({ page, request }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  // End the token on the server, as expiry would.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("crm.session") ?? "{}").token as string);
  const res = await request.post("/api/auth/logout", { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(204);
  await page.getByRole("link", { name: "Companies" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
  await expect(page.getByText("Your session has expired. Please sign in again.")).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/06-expired.png`, fullPage: true });
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Companies", level: 1 })).toBeVisible();
});

test("an admin creates an API key, sees it once, and revokes it", async ({ page, request }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "API keys" }).click();
  const name = unique("forms");
  await page.getByRole("form", { name: "Create a key" }).getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = await page.getByLabel("Secret").inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const works = await request.get("/api/contacts?limit=1", { headers: { Authorization: `Bearer ${secret}` } });
  expect(works.status()).toBe(200);
  await page.getByRole("button", { name: "Done, hide it" }).click();
  await expect(page.getByLabel("Secret")).toHaveCount(0);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
  const refused = await request.get("/api/contacts?limit=1", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/07-api-keys.png`, fullPage: true });
});

test("companies: create, edit, see its contacts; works at phone width", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Companies" }).click();
  await page.getByRole("button", { name: "New company" }).click();
  const name = unique("Acme");
  const form = page.getByRole("form", { name: "New company" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Size").fill("51-200");
  await form.getByRole("button", { name: "Create company" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const companyId = new URL(page.url()).searchParams.get("id");
  await page.getByRole("button", { name: "Edit Industry" }).click();
  await page.getByRole("form", { name: "Edit Industry" }).getByLabel("Industry").fill("Consulting");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("record-version")).toHaveText("version 2");

  const token = await apiToken(request);
  const res = await request.post("/api/contacts", {
    data: { email: `${unique("emp")}@example.com`, first_name: "Employee", company_id: companyId },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(201);
  await page.reload();
  await expect(page.getByRole("region", { name: "Contacts" }).getByRole("row", { name: /Employee/ })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${ARTIFACTS}/08-company-phone.png`, fullPage: true });
});

test("deleting a contact removes it from the list; its history stays", async ({ page, request }) => {
  const email = `${unique("gone")}@example.com`;
  const contact = await createContactViaApi(request, { email, first_name: "Leaving" });
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/contacts/view?id=${contact.id}`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill(email);
  await expect(page.getByText("No contacts match these filters.")).toBeVisible();
  const token = await apiToken(request);
  const history = await request.get(`/api/contacts/${contact.id}/history`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await history.json()).data.map((e: { kind: string }) => e.kind)).toEqual(["created", "deleted"]);
  await page.screenshot({ path: `${ARTIFACTS}/09-deleted.png`, fullPage: true });
});

test("an admin checks readiness and downloads a backup", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "System" }).click();
  await expect(page.getByTestId("ready-status")).toHaveText("ready");
  await expect(page.getByText("all done")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download backup" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^crm-backup-.*\.surql$/);
  await expect(page.getByRole("status").filter({ hasText: "Saved crm-backup-" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/10-system.png`, fullPage: true });
});
