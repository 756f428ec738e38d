import { expect, test } from "@playwright/test";
import { ADMIN, createContactViaApi, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("an admin subscribes a URL, sees the secret once and the deliveries of an event", async ({ page, request }) => {
  const problems = watchConsole(page);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const host = `${unique("hooks")}.invalid`.toLowerCase();
  await page.getByRole("textbox", { name: "URL" }).fill(`ftp://${host}`);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText("must be an http or https URL")).toBeVisible();
  await page.getByRole("textbox", { name: "URL" }).fill(`https://${host}/crm`);
  await page.getByRole("textbox", { name: "Events" }).fill("contact.created");
  await page.getByRole("button", { name: "Subscribe" }).click();
  const secret = page.getByLabel("Signing secret");
  await expect(secret).toHaveValue(/^whsec_[0-9a-f]{48}$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Done, hide it" }).click();
  await expect(secret).toHaveCount(0);

  await createContactViaApi(request, { email: `${unique("hooked")}@example.com` });
  const row = page.getByRole("row").filter({ hasText: `https://${host}/crm` });
  await row.getByRole("button", { name: "Deliveries" }).click();
  const deliveries = page.getByTestId("webhook-deliveries");
  await expect(async () => {
    await deliveries.getByRole("button", { name: "Refresh" }).click();
    await expect(deliveries.getByRole("cell", { name: "contact.created" }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
