import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("create a deal, move it across the board by keyboard, win it", async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deals" }).click();
  await expect(page.getByRole("heading", { name: "Deals", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = unique("Relaunch");
  await page.getByRole("button", { name: "New deal" }).click();
  const form = page.getByRole("form", { name: "New deal" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Amount").fill("48000.50");
  await form.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("record-version")).toHaveText("version 1");
  await expect(page.locator('[data-field="amount"] .field-value')).toHaveText("48000.50");
  await expectAccessible(page);

  // The board: the card starts in Qualification and moves right with the arrow key.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pipeline" }).click();
  await expect(page.getByRole("heading", { name: "Pipeline", level: 1 })).toBeVisible();
  const card = (stage: string) => page.getByRole("list", { name: `${stage} deals` }).getByRole("listitem", { name: new RegExp(name) });
  await expect(card("Qualification")).toBeVisible();
  await expectAccessible(page);
  await card("Qualification").focus();
  await page.keyboard.press("ArrowRight");
  await expect(card("Proposal")).toBeVisible();
  await expect(card("Proposal")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(card("Negotiation")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(card("Won")).toBeFocused();
  await expect(page.getByTestId("sum-won")).toContainText("48,000.50 EUR");
  await page.screenshot({ path: `${ARTIFACTS}/11-pipeline-board.png`, fullPage: true });

  // The deal page says it is won, at version 4, and its history has every move.
  await card("Won").getByRole("link", { name }).click();
  await expect(page.getByTestId("record-version")).toHaveText("version 4");
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem").filter({ hasText: "Version 4" })).toContainText("won");
  await page.screenshot({ path: `${ARTIFACTS}/11-deal-won-page.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test("open a case, add a call, close it; the API then refuses more interactions with 409", async ({ page, request }) => {
  const token = await apiToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const companyName = unique("Casey Co");
  const company = await (await request.post("/api/companies", { data: { name: companyName }, headers: auth })).json();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New case" }).click();
  const form = page.getByRole("form", { name: "New case" });
  await form.getByLabel("Search companies for company").fill(companyName);
  const picker = form.getByLabel("Company", { exact: true });
  await expect(picker.locator("option", { hasText: companyName })).toHaveCount(1);
  await picker.selectOption({ label: companyName });
  const subject = unique("Invoice wrong");
  await form.getByLabel("Subject").fill(subject);
  await form.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
  await expectAccessible(page);

  const add = page.getByRole("form", { name: "Add an interaction" });
  await add.getByLabel("call").check();
  await add.getByLabel("What happened").fill("Rang them back; credit note on its way.");
  await add.getByRole("button", { name: "Add call" }).click();
  const thread = page.getByRole("list", { name: "Interactions, oldest first" });
  await expect(thread.getByRole("listitem").first()).toContainText("credit note on its way");

  await page.getByLabel("Resolution (optional)").fill("Credit note sent.");
  await page.getByRole("button", { name: "Close case" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("closed");
  await expect(page.getByRole("button", { name: "Reopen case" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add an interaction" })).toHaveCount(0);

  const caseId = new URL(page.url()).searchParams.get("id");
  const refused = await request.post(`/api/cases/${caseId}/interactions`, { data: { kind: "call", body: "too late" }, headers: auth });
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).code).toBe("case_closed");
  expect(company.id).toBeTruthy();
  await page.screenshot({ path: `${ARTIFACTS}/12-case-closed.png`, fullPage: true });
});

test("complete a task due today from My tasks", async ({ page, request }) => {
  const token = await apiToken(request);
  const due = new Date(Date.now() + 5 * 60_000);
  if (due.getDate() !== new Date().getDate()) due.setTime(Date.now() - 60_000); // near midnight: due a minute ago
  const title = unique("Send proposal");
  const created = await request.post("/api/tasks", { data: { title, due_at: due.toISOString() }, headers: { Authorization: `Bearer ${token}` } });
  expect(created.status()).toBe(201);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
  await expect(page.getByRole("heading", { name: "My tasks", level: 1 })).toBeVisible();
  const group = page.getByRole("region", { name: /^(Today|Overdue)/ }).filter({ hasText: title });
  await expect(group).toBeVisible();
  await expectAccessible(page);
  await group.getByRole("button", { name: `Complete ${title}` }).click();
  const doneGroup = page.getByRole("region", { name: "Completed just now" });
  await expect(doneGroup).toContainText(title);
  await expect(page.getByRole("region", { name: /^(Today|Overdue)/ }).filter({ hasText: title })).toHaveCount(0);
  const task = await (await request.get(`/api/tasks/${(await created.json()).id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(task.status).toBe("done");
  await page.screenshot({ path: `${ARTIFACTS}/13-task-done.png`, fullPage: true });
});
