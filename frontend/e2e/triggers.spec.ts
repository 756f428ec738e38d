import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, expectAccessible, signIn, watchConsole } from "./helpers";

test("an admin adds a before and an after trigger; a deal is derived and the run log shows the task", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = Date.now().toString(36);
  const token = await apiToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const field = `band_${tag}`;
  const made = await request.post("/api/schema/deal/fields", { headers, data: { name: field, label: "Band", type: "text" } });
  expect(made.status()).toBe(201);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Triggers" }).click();
  await expect(page.getByRole("heading", { name: "Triggers", level: 1 })).toBeVisible();
  await page.getByLabel("Records").selectOption("deal");
  await expectAccessible(page);

  // Before: derive the band from the amount, only for this journey's deals.
  const mine = `deal.name.startsWith('T${tag}')`;
  await page.getByRole("textbox", { name: "Trigger name" }).fill(`band_${tag}`);
  await page.getByLabel("When").selectOption("before");
  await page.getByLabel("Action").selectOption("set");
  await page.getByLabel("Condition").fill(`${mine} && deal.amount != null`);
  await page.getByLabel("Values (one per line: custom.name = CEL expression)").fill(`custom.nope = 'x'`);
  await page.getByRole("button", { name: "Add trigger" }).click();
  await expect(page.getByText("must be a custom field (custom.<name>) of the record it sets")).toBeVisible();
  await page.getByLabel("Values (one per line: custom.name = CEL expression)").fill(`custom.${field} = deal.amount >= 1000.0 ? 'large' : 'small'`);
  await page.getByRole("button", { name: "Add trigger" }).click();
  await expect(page.getByRole("row").filter({ hasText: `band_${tag}` })).toContainText(`set custom.${field}`);

  // After: a task when such a deal is won.
  await page.getByRole("textbox", { name: "Trigger name" }).fill(`kickoff_${tag}`);
  await page.getByLabel("When").selectOption("after");
  await page.getByLabel("Action").selectOption("create_task");
  await page.getByLabel("Condition").fill(`${mine} && deal.stage == 'won'`);
  await page.getByRole("textbox", { name: "Task title" }).fill("Kick off {{deal.name}}");
  await page.getByRole("textbox", { name: "Due in days" }).fill("3");
  await page.getByRole("button", { name: "Add trigger" }).click();
  const kickoff = page.getByRole("row").filter({ hasText: `kickoff_${tag}` });
  await expect(kickoff).toContainText('task "Kick off {{deal.name}}" due in 3 d');
  await expectAccessible(page);

  // A deal written through the API is derived at once and fires the task.
  const res = await request.post("/api/deals", { headers, data: { name: `T${tag} audit`, amount: "2500", stage: "won" } });
  expect(res.status()).toBe(201);
  const deal = await res.json();
  expect(deal.custom[field]).toBe("large");
  await kickoff.getByRole("button", { name: `Recent runs of kickoff_${tag}` }).click();
  const runs = page.getByRole("region", { name: `Recent runs of kickoff_${tag}` });
  await expect(async () => {
    await runs.getByRole("button", { name: "Refresh" }).click();
    await expect(runs.getByRole("row").filter({ hasText: deal.id })).toContainText("done", { timeout: 1000 });
  }).toPass({ timeout: 15000 });
  await expect(runs.getByRole("row").filter({ hasText: deal.id })).toContainText("task ");
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/triggers-admin.png`, fullPage: true });
  expect(problems).toEqual([]);

  // Leave the shared server as it was.
  const list = await (await request.get("/api/schema/deal/triggers", { headers })).json();
  for (const t of list.items.filter((t: { name: string }) => t.name.endsWith(tag))) {
    expect((await request.delete(`/api/schema/deal/triggers/${t.id}`, { headers })).status()).toBe(204);
  }
  const fields = await (await request.get("/api/schema/deal/fields", { headers })).json();
  for (const f of fields.items.filter((f: { name: string }) => f.name === field)) {
    expect((await request.delete(`/api/schema/deal/fields/${f.id}`, { headers })).status()).toBe(204);
  }
});
