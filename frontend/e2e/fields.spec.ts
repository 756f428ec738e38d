import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, createContactViaApi, expectAccessible, signIn, watchConsole } from "./helpers";

test("an admin adds a field and a rule; the contact page edits the field and the rule refuses a bad write", async ({ page, request }) => {
  const problems = watchConsole(page);
  const name = `tier_${Date.now().toString(36)}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fields" }).click();
  await expect(page.getByRole("heading", { name: "Fields and rules", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // A built-in name is refused in place.
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("email");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByText("`email` is a built-in field of contacts")).toBeVisible();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Label", exact: true }).fill("Service tier");
  await page.getByLabel("Type").selectOption("select");
  await page.getByRole("textbox", { name: "Options (comma-separated)" }).fill("gold, silver");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByRole("row").filter({ hasText: `custom.${name}` })).toContainText("gold, silver");

  // A rule, tried on a record before it is saved.
  await page.getByRole("textbox", { name: "Rule name" }).fill(`${name}_title`);
  await page.getByRole("textbox", { name: "Message" }).fill("A gold contact needs a title");
  await page.getByRole("textbox", { name: "Field it names" }).fill("title");
  await page.getByLabel("Condition").fill(`contact.custom.${name} == 'gold' && contact.title == null`);
  await page.getByLabel("Try it on a record (JSON)").fill(JSON.stringify({ custom: { [name]: "gold" } }));
  await page.getByRole("button", { name: "Test the condition" }).click();
  await expect(page.getByTestId("rule-trial")).toHaveText("True: this record would be refused.");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("row").filter({ hasText: `${name}_title` })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/fields-admin.png`, fullPage: true });

  // The create form offers the field by its type.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await page.getByRole("button", { name: "New contact" }).click();
  await page.getByRole("textbox", { name: "Email" }).fill(`form-${name}@example.com`);
  await page.getByLabel("Service tier", { exact: true }).selectOption("silver");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByTestId("custom-fields").locator(`[data-field="custom.${name}"] .field-value`)).toHaveText("silver");

  // The contact page shows the field by its type and saves it; the rule refuses gold without a title.
  const contact = await createContactViaApi(request, { email: `${name}@example.com` });
  await page.goto(`/contacts/view?id=${contact.id}`);
  const panel = page.getByTestId("custom-fields");
  await expect(panel.getByText("Service tier")).toBeVisible();
  await panel.getByRole("button", { name: "Edit Service tier" }).click();
  await panel.getByLabel("Service tier", { exact: true }).selectOption("silver");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.locator('[data-field="custom.' + name + '"] .field-value')).toHaveText("silver");
  await panel.getByRole("button", { name: "Edit Service tier" }).click();
  await panel.getByLabel("Service tier", { exact: true }).selectOption("gold");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("A gold contact needs a title")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/contact-custom-fields.png`, fullPage: true });
  expect(problems).toEqual([]);

  // Leave the shared server's contacts as they were for the other journeys.
  const token = await apiToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const rules = await (await request.get("/api/schema/contact/rules", { headers })).json();
  for (const r of rules.items.filter((r: { name: string }) => r.name === `${name}_title`)) {
    expect((await request.delete(`/api/schema/contact/rules/${r.id}`, { headers })).status()).toBe(204);
  }
});
