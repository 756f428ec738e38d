import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, createContactViaApi, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("merge two duplicates side by side, then undo the merge from the contact's history", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = unique("dup").replace(/[^a-z0-9]/g, "");
  const first = await createContactViaApi(request, {
    email: `${tag.slice(0, 3)}.${tag.slice(3)}+crm@gmail.com`,
    first_name: "Lin",
    last_name: `Keep${tag}`,
    title: "CTO",
  });
  const second = await createContactViaApi(request, {
    email: `${tag}@gmail.com`,
    first_name: "Lin",
    last_name: `Gone${tag}`,
    phone: "+44 20 7946 0958",
  });

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Duplicates" }).click();
  await expect(page.getByRole("heading", { name: "Duplicates", level: 1 })).toBeVisible();
  const card = page.getByRole("article", { name: new RegExp(`Keep${tag}.*Gone${tag}|Gone${tag}.*Keep${tag}`) });
  // The scan finds the pair within a second or so of the second contact.
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(card).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(card.getByText("Same email")).toBeVisible();
  await expectAccessible(page);

  // Keep the first, take the second's phone.
  await card.getByRole("radio", { name: `Keep Lin Keep${tag}` }).check();
  await card.getByRole("radio", { name: /^Phone: \+44 20 7946 0958/ }).check();
  await card.getByRole("button", { name: "Merge" }).click();
  await expect(card.getByRole("status")).toContainText(`Merged into Lin Keep${tag}`);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/duplicates.png`, fullPage: true });

  // The survivor has the phone and offers to undo the merge from its history.
  await card.getByRole("link", { name: `Lin Keep${tag}` }).click();
  await expect(page.getByRole("heading", { name: `Lin Keep${tag}`, level: 1 })).toBeVisible();
  await expect(page.locator('[data-field="phone"]')).toContainText("+44 20 7946 0958");
  await page.getByRole("button", { name: "Undo this merge" }).click();
  await expect(page.getByRole("button", { name: "Undo this merge" })).toHaveCount(0);
  await expectAccessible(page);

  // Both contacts are back as they were.
  await page.goto(`/contacts/view?id=${second.id}`);
  await expect(page.getByRole("heading", { name: `Lin Gone${tag}`, level: 1 })).toBeVisible();
  await page.goto(`/contacts/view?id=${first.id}`);
  await expect(page.getByRole("heading", { name: `Lin Keep${tag}`, level: 1 })).toBeVisible();
  await expect(page.locator('[data-field="phone"]')).not.toContainText("+44 20 7946 0958");
  await expect(page.locator('[data-field="title"]')).toContainText("CTO");
  expect(problems).toEqual([]);
});
