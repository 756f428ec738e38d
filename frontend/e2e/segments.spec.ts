import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, createContactViaApi, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("build a segment, watch the live count, save it, and see a contact leave it", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = unique("seg").toLowerCase();
  const lead = await createContactViaApi(request, { email: `${unique("lead")}@example.com`, first_name: "Lena", last_name: "Lead", status: "lead", tags: [tag] });
  await createContactViaApi(request, { email: `${unique("cust")}@example.com`, first_name: "Carl", status: "customer", tags: [tag] });

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Segments" }).click();
  await expect(page.getByRole("heading", { name: "Segments", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New segment" }).click();
  await expect(page.getByRole("heading", { name: "New segment", level: 1 })).toBeVisible();

  // Condition 1 starts as "Status is lead"; add "Tags contains <tag>".
  await page.getByRole("button", { name: "Add condition" }).click();
  const second = page.getByRole("group", { name: "Condition 2" });
  await second.getByLabel("Field of condition 2").selectOption("tags");
  await expect(second.getByLabel("Operator of condition 2")).toHaveValue("contains");
  await second.getByLabel("Value of condition 2").fill(tag);
  await expect(page.getByTestId("live-count")).toHaveText("1 contact matches");
  await expectAccessible(page);

  const name = unique("Leads tagged");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const members = page.getByRole("table", { name: `Contacts in ${name}` });
  await expect(members.getByRole("row", { name: /Lena Lead/ })).toBeVisible();
  await expectAccessible(page);

  // The contact becomes a customer: on the next request it is no longer in the segment.
  const token = await apiToken(request);
  const res = await request.patch(`/api/contacts/${lead.id}`, { data: { status: "customer" }, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("No contact matches now.")).toBeVisible();

  // The saved filter opens in the builder; customers instead of leads: both tagged contacts.
  await page.getByRole("button", { name: "Edit filter" }).click();
  await page.getByRole("group", { name: "Condition 1" }).getByLabel("Value of condition 1").selectOption("customer");
  await expect(page.getByTestId("live-count")).toHaveText("2 contacts match");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save filter" }).click();
  await expect(page.getByTestId("record-version")).toHaveText("version 2");
  await expect(members.getByRole("row", { name: /Lena Lead/ })).toBeVisible();
  await expect(members.getByRole("row", { name: /Carl/ })).toBeVisible();

  // The contact page shows the engagement score with its explanation.
  await members.getByRole("link", { name: "Lena Lead" }).click();
  await expect(page.getByRole("heading", { name: "Lena Lead", level: 1 })).toBeVisible();
  await expect(page.getByTestId("engagement-score")).toHaveText("0.00");
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/14-segment.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test("the overview charts the funnel, pipeline, new contacts and activity for a range in the URL", async ({ page, request }) => {
  const problems = watchConsole(page);
  const contact = await createContactViaApi(request, { email: `${unique("ov")}@example.com`, first_name: "Olga", status: "mql" });
  const token = await apiToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const deal = await request.post("/api/deals", { data: { name: unique("Overview deal"), contact_ids: [contact.id] }, headers });
  expect(deal.status()).toBe(201);
  const won = await request.patch(`/api/deals/${(await deal.json()).id}`, { data: { stage: "won" }, headers });
  expect(won.status()).toBe(200);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  for (const title of ["Funnel: contacts entering each stage", "Pipeline: deals created, by stage", "New contacts per day", "Activity by kind"]) {
    await expect(page.getByRole("figure", { name: title })).toBeVisible();
  }
  await expect(page.getByTestId("chart")).toHaveCount(4);
  // The numbers behind the pictures, as tables.
  const pipeline = page.getByRole("table", { name: "Pipeline: deals created, by stage" });
  const wonRow = pipeline.getByRole("row", { name: /^won/ });
  await expect(wonRow).toHaveCount(1);
  expect(Number((await wonRow.getByRole("cell").textContent())?.replace(/\D/g, ""))).toBeGreaterThan(0);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/20-overview.png`, fullPage: true });

  // A range in the past holds nothing; the range lives in the URL.
  await page.getByLabel("From").fill("2020-01-01");
  await page.getByLabel("To").fill("2020-01-31");
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(page).toHaveURL(/to=2020-01-31/);
  await expect(page.getByRole("table", { name: "Activity by kind" })).toHaveCount(0);
  await expect(page.getByText("No data in this range.").first()).toBeVisible();
  expect(problems).toEqual([]);
});
