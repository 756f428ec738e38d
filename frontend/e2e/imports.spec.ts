import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("import a CSV with one bad row, download its error report, and export what came in", async ({ page }) => {
  const problems = watchConsole(page);
  const tag = unique("imp").toLowerCase();
  const good = `${unique("ada")}@example.com`;
  const csv = `E-mail;Given name;Tags;Shoe size\n${good};Ada;${tag};38\nnot-an-email;Bob;${tag};41\n`;

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Import contacts", level: 1 })).toBeVisible();
  await page.getByLabel("CSV or NDJSON file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByRole("table", { name: "First rows and the field each column goes to" });
  await expect(preview.getByRole("cell", { name: good })).toBeVisible();
  await preview.getByLabel("Field for column Shoe size").selectOption("ignore");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Import completed", { timeout: 20_000 });
  await expect(page.getByTestId("import-imported")).toHaveText("1");
  await expect(page.getByTestId("import-errors")).toHaveText("1");
  const errors = page.getByRole("table", { name: "Rows not imported" });
  await expect(errors.getByRole("row", { name: /3 email/ })).toBeVisible();
  await expectAccessible(page);
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the errors (CSV)" }).click()]);
  expect(report.suggestedFilename()).toBe("import-errors.csv");
  const text = await readFile((await report.path()) as string, "utf8");
  expect(text).toContain("row,field,message");
  expect(text).toContain("3,email,");
  await page.screenshot({ path: `${ARTIFACTS}/import.png`, fullPage: true });

  // The imported contact, exported from the contacts list filtered by its tag.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
  await page.getByLabel("Tag", { exact: true }).fill(tag);
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByRole("table", { name: "Contacts" }).getByRole("row", { name: good })).toBeVisible();
  await expect(page.getByRole("table", { name: "Contacts" }).getByRole("row")).toHaveCount(2);
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(exported.suggestedFilename()).toBe("contacts.csv");
  const rows = (await readFile((await exported.path()) as string, "utf8")).trim().split("\r\n");
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(good);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
