import { expect, test } from "@playwright/test";
import { ADMIN, apiToken, ARTIFACTS, expectAccessible, signIn, watchConsole } from "./helpers";

test("an admin defines an object with a relationship and people keep its records like any other", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = Date.now().toString(36);
  const key = `contract_${tag}`;
  const plural = `Contracts ${tag}`;
  const token = await apiToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const company = await (await request.post("/api/companies", { data: { name: `Acme ${tag}` }, headers: auth })).json();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Objects" }).click();
  await expect(page.getByRole("heading", { name: "Objects", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Define an object" });
  await form.getByRole("textbox", { name: "Key (snake_case, never changes)" }).fill("Deals!");
  await form.getByRole("button", { name: "Define object" }).click();
  await expect(form.getByText("must be snake_case")).toBeVisible();
  await form.getByRole("textbox", { name: "Key (snake_case, never changes)" }).fill(key);
  await form.getByRole("textbox", { name: "Label", exact: true }).fill("Contract");
  await form.getByRole("textbox", { name: "Plural label" }).fill(plural);
  await form.getByRole("button", { name: "Add a relationship" }).click();
  await form.getByRole("checkbox", { name: "Required" }).check();
  await expectAccessible(page);
  await form.getByRole("button", { name: "Define object" }).click();
  await expect(form.getByRole("status")).toHaveText(`${plural} defined.`);
  await expect(page.getByRole("table", { name: "Custom objects" }).getByRole("row").filter({ hasText: key })).toContainText("Company id");

  // A field of its own, added where every object's fields are.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fields" }).click();
  await page.getByLabel("Records", { exact: true }).selectOption({ label: plural });
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("value");
  await page.getByLabel("Type").selectOption("currency");
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByRole("row").filter({ hasText: "custom.value" })).toBeVisible();

  // Its records: list, create (checked like any record), record page, history.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "More records" }).click();
  await page.getByRole("link", { name: plural }).click();
  await expect(page.getByRole("heading", { name: plural, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "New contract" }).click();
  const create = page.getByRole("form", { name: "New contract" });
  await create.getByRole("textbox", { name: "Name" }).fill(`Support ${tag}`);
  await create.getByRole("textbox", { name: "Value" }).fill("1200");
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByText("is required")).toBeVisible();
  await create.getByRole("textbox", { name: "Company id (required)" }).fill(company.id);
  await create.getByRole("button", { name: "Create" }).click();

  await expect(page.getByRole("heading", { name: `Support ${tag}`, level: 1 })).toBeVisible();
  const more = page.getByTestId("custom-fields");
  await expect(more.getByRole("link", { name: company.id })).toHaveAttribute("href", `/companies/view?id=${company.id}`);
  await more.getByRole("button", { name: "Edit Value" }).click();
  await more.getByRole("textbox", { name: "Value" }).fill("1500");
  await more.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("record-version")).toHaveText("version 2");
  await expect(page.getByRole("list", { name: "Changes, newest first" }).locator(":scope > li")).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/custom-object-record.png`, fullPage: true });

  await page.getByRole("link", { name: `All ${plural.toLowerCase()}` }).click();
  await expect(page.getByRole("table", { name: plural }).getByRole("row").filter({ hasText: `Support ${tag}` })).toContainText("1500");
  expect(problems).toEqual([]);
});
