import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, expectAccessible, signIn, watchConsole } from "./helpers";

test("an admin makes an object's records private and hides a field from viewers", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = Date.now().toString(36);
  const token = await apiToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  // An object of this journey's own, so the other journeys' records stay public.
  const name = `vault_${tag}`;
  const made = await request.post("/api/schema/objects", {
    headers,
    data: { name, label: "Vault", plural_label: "Vaults", fields: [{ name: "secret", type: "text" }] },
  });
  expect(made.status()).toBe(201);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sharing" }).click();
  await expect(page.getByRole("heading", { name: "Sharing and field permissions", level: 1 })).toBeVisible();
  await page.getByLabel("Records").selectOption(name);
  await expect(page.getByRole("row").filter({ hasText: "custom.secret" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Sharing", { exact: true }).selectOption("private");
  await page.getByLabel("custom.secret for viewers").selectOption("hidden");
  await page.getByLabel("custom.secret for members").selectOption("read_only");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/security-admin.png`, fullPage: true });

  const res = await request.get(`/api/schema/${name}/security`, { headers });
  const saved = await res.json();
  expect(saved.sharing).toBe("private");
  expect(saved.fields).toEqual(
    expect.arrayContaining([
      { field: "custom.secret", role: "viewer", access: "hidden" },
      { field: "custom.secret", role: "member", access: "read_only" },
    ]),
  );
  // Reloaded, the page shows what is stored.
  await page.reload();
  await page.getByLabel("Records").selectOption(name);
  await expect(page.getByLabel("custom.secret for viewers")).toHaveValue("hidden");
  await expect(page.getByLabel("Sharing", { exact: true })).toHaveValue("private");

  // A record of the private object is shared from its page.
  const email = `colleague-${tag}@example.com`;
  const user = await request.post("/api/users", { headers, data: { email, password: "a long enough passphrase", role: "member" } });
  expect(user.status()).toBe(201);
  const created = await request.post(`/api/objects/${name}`, { headers, data: { name: `Box ${tag}`, custom: { secret: "s" } } });
  expect(created.status()).toBe(201);
  const record = await created.json();
  await page.goto(`/objects/view?object=${name}&id=${record.id}`);
  const sharing = page.getByRole("region", { name: "Sharing" });
  await expect(sharing).toContainText("Shared with nobody");
  await expect(sharing.getByTestId("record-owner")).toHaveText("Owner: you");
  await sharing.getByLabel("User").selectOption({ label: email });
  await sharing.getByLabel("Access").selectOption("write");
  await sharing.getByRole("button", { name: "Share" }).click();
  await expect(sharing.getByRole("listitem").filter({ hasText: email })).toContainText("reads and changes");
  await expectAccessible(page);
  await sharing.getByRole("button", { name: `Stop sharing with ${email}` }).click();
  await expect(sharing).toContainText("Shared with nobody");
  expect(problems).toEqual([]);

  // Leave the shared server as it was.
  const path = `/api/objects/${name}/${record.id}`;
  expect((await request.delete(path, { headers })).status()).toBe(204);
  expect((await request.delete(`/api/schema/objects/${name}`, { headers })).status()).toBe(204);
});
