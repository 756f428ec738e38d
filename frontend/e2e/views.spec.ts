import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, createContactViaApi, expectAccessible, signIn, watchConsole } from "./helpers";

test("a user saves the filtered contacts table as a shared view, switches between views and removes it", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = `v${Date.now().toString(36)}`;
  await createContactViaApi(request, { email: `${tag}-a@example.com`, first_name: "Vera", tags: [tag], status: "customer" });
  await createContactViaApi(request, { email: `${tag}-b@example.com`, first_name: "Vic", tags: [tag] });
  await createContactViaApi(request, { email: `${tag}-c@example.com`, first_name: "Other" });

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/contacts?tag=${tag}`);
  await expect(page.getByRole("table", { name: "Contacts" }).getByRole("row").filter({ hasText: `${tag}-` })).toHaveCount(2);

  await page.getByRole("button", { name: "Save as view" }).click();
  const form = page.getByRole("form", { name: "Save as view" });
  await expect(form.getByText("The view keeps the table's current filters")).toBeVisible();
  await form.getByRole("button", { name: "Save view" }).click();
  await expect(form.getByText("must be 1 to 100 characters").or(form.getByText("is required"))).toBeVisible();
  await form.getByRole("textbox", { name: "View name" }).fill(`Tagged ${tag}`);
  await form.getByRole("checkbox", { name: "first_name" }).uncheck();
  await form.getByRole("checkbox", { name: "last_name" }).uncheck();
  await form.getByRole("checkbox", { name: "company.name" }).check();
  await form.getByRole("checkbox", { name: "Share with everyone" }).check();
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save view" }).click();

  // The view is chosen: its columns, its filter, through the query endpoint.
  const table = page.getByRole("table", { name: `Tagged ${tag}: saved view` });
  await expect(table.getByRole("columnheader")).toHaveText(["email", "status", "company.name"]);
  await expect(table.getByRole("row").filter({ hasText: `${tag}-` })).toHaveCount(2);
  await expect(table.getByRole("row").filter({ hasText: `${tag}-a@example.com` })).toContainText("customer");
  await expect(page.getByLabel("View", { exact: true })).toContainText(`Tagged ${tag} (shared)`);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/saved-view.png`, fullPage: true });

  // Back to the standard table, and the view again from the list.
  await page.getByLabel("View", { exact: true }).selectOption({ label: "Standard table" });
  await expect(page.getByRole("table", { name: "Contacts" })).toBeVisible();
  await page.getByLabel("View", { exact: true }).selectOption({ label: `Tagged ${tag} (shared)` });
  await expect(table).toBeVisible();
  await page.getByRole("button", { name: "Stop sharing" }).click();
  await expect(page.getByLabel("View", { exact: true })).not.toContainText(`Tagged ${tag} (shared)`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Remove view" }).click();
  await expect(page.getByRole("table", { name: "Contacts" })).toBeVisible();
  await expect(page.getByLabel("View", { exact: true })).not.toContainText(`Tagged ${tag}`);
  expect(problems).toEqual([]);
});
