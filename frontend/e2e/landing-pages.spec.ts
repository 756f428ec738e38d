import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("write a landing page, edit and publish it, and a visitor's sign-up becomes a contact with consent", async ({ page, request }) => {
  const problems = watchConsole(page);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Landing pages" }).click();
  await expect(page.getByRole("heading", { name: "Landing pages", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const title = unique("Cloud cost workshop");
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByLabel("Brief").fill("Invite finance leads to our cloud cost workshop. Three clients share what they saved.");
  await page.getByRole("checkbox", { name: "company" }).check();
  await page.getByRole("button", { name: "Write the page" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByTestId("page-status")).toHaveText("draft");

  // Edit the first heading: the sandboxed preview shows it.
  await page.getByRole("button", { name: "Edit Heading 1" }).click();
  await page.getByRole("textbox", { name: "Heading 1", exact: true }).fill("Cut your cloud bill");
  await page.getByRole("button", { name: "Save" }).click();
  const preview = page.locator("iframe.page-preview");
  await expect(preview).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator("iframe.page-preview").getByRole("heading", { name: "Cut your cloud bill" })).toBeVisible();
  await expectAccessible(page, ["iframe.page-preview"]);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("page-status")).toHaveText("published");
  const url = (await page.getByRole("link", { name: /^\/lp\// }).getAttribute("href")) ?? "";

  // A visitor, on a phone, from a newsletter.
  const visitor = await page.context().newPage();
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.goto(`${url}?utm_source=newsletter`);
  await expect(visitor.getByRole("heading", { name: "Cut your cloud bill" })).toBeVisible();
  await expectAccessible(visitor);
  const email = `${unique("visitor")}@example.com`.toLowerCase();
  await visitor.getByLabel("Email (required)").fill(email);
  await visitor.getByLabel("First name").fill("Vera");
  await visitor.getByLabel("Company").fill("Acme");
  await visitor.getByRole("checkbox").check();
  // People take a few seconds to fill a form; the server refuses faster ones as bots.
  await visitor.waitForTimeout(3200);
  await visitor.getByRole("button").last().click();
  await expect(visitor.getByRole("heading", { name: "Thank you, Vera!" })).toBeVisible();
  await visitor.screenshot({ path: `${ARTIFACTS}/22-landing-page-thanks.png`, fullPage: true });
  await visitor.close();

  // The contact, with the consent wording the page showed.
  const token = await apiToken(request);
  const found = await request.get(`/api/contacts?q=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${token}` } });
  const contact = (await found.json()).data[0];
  expect(contact.email).toBe(email);
  const ledger = await request.get(`/api/contacts/${contact.id}/consents`, { headers: { Authorization: `Bearer ${token}` } });
  const entry = (await ledger.json()).data[0];
  expect(entry.status).toBe("granted");
  expect(entry.text).toContain("you may email me");
  await page.reload();
  await expect(page.getByTestId("page-analytics")).toContainText("Sign-ups1");

  // Double opt-in from now on: the choice is saved with the page.
  const optIn = page.getByRole("checkbox", { name: /Double opt-in/ });
  await expect(optIn).not.toBeChecked();
  await optIn.click();
  await expect(optIn).toBeChecked();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Double opt-in/ })).toBeChecked();
  expect(problems).toEqual([]);
});
