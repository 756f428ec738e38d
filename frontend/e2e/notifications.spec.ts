import { expect, test } from "@playwright/test";
import { ADMIN, apiToken, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("a task assigned to me rings the bell; I read it", async ({ page, request }) => {
  const problems = watchConsole(page);
  const token = await apiToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const me = await (await request.get("/api/auth/me", { headers })).json();
  const title = unique("Call back");
  const task = await request.post("/api/tasks", { headers, data: { title, assignee_id: me.id } });
  expect(task.status()).toBe(201);

  await signIn(page, ADMIN.email, ADMIN.password);
  const bell = page.getByTestId("notification-bell");
  await expect(async () => {
    await page.reload();
    await expect(bell).toHaveAccessibleName(/Notifications\s*[1-9]\d* unread/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const item = page.getByTestId("notification").filter({ hasText: title });
  await expect(item.getByRole("link", { name: `Task assigned to you: ${title}` })).toBeVisible();
  await expectAccessible(page);
  await item.getByRole("button", { name: `Mark read: Task assigned to you: ${title}` }).click();
  await expect(item).toContainText("read");
  await expect(item.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);

  // Tasks falling due: by email as well as in the app; the choice is kept.
  const dueByEmail = page.getByRole("checkbox", { name: "A task of mine falls due: Email" });
  await expect(page.getByRole("checkbox", { name: "A task of mine falls due: In the app" })).toBeChecked();
  await expect(dueByEmail).not.toBeChecked();
  await dueByEmail.check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "A task of mine falls due: Email" })).toBeChecked();
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
