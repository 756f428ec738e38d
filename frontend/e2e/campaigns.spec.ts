import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, createContactViaApi, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("write a brief, generate assets, edit and approve them, and send the campaign", async ({ page, request }) => {
  const problems = watchConsole(page);
  const email = `${unique("reader")}@example.com`;
  const tag = unique("readers").toLowerCase();
  await createContactViaApi(request, { email, first_name: "Rita", last_name: "Reader", tags: [tag] });
  await createContactViaApi(request, { email: `${unique("quiet")}@example.com`, tags: [tag], do_not_contact: true });
  const token = await apiToken(request);
  const segmentName = unique("Readers");
  const segment = await request.post("/api/segments", {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: segmentName, filter: { field: "tags", op: "contains", value: tag } },
  });
  expect(segment.status()).toBe(201);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = unique("Spring Summit");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Brief").fill("Invite our customers to the spring summit in Lisbon. We will show the new reporting. Three clients share their stories.");
  await page.getByLabel("Goal (optional)").fill("registrations");
  await page.getByRole("checkbox", { name: "social" }).check();
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("campaign-status")).toHaveText("draft");
  await expect(page.getByTestId("llm-provider")).toHaveText("Built-in offline writer");
  await expect(page.getByTestId("schedule-blocker")).toContainText("email, social post");
  await expect(page.getByRole("button", { name: "Execute…" })).toBeDisabled();

  await page.getByRole("button", { name: "Generate" }).click();
  const emailCard = page.getByTestId("asset-email");
  const postCard = page.getByTestId("asset-social_post");
  await expect(emailCard).toBeVisible();
  await expect(postCard).toBeVisible();
  await expect(emailCard.getByTestId("asset-status")).toHaveText("draft");
  await expect(emailCard).toContainText("We would like to invite you to the spring summit in Lisbon.");
  await expectAccessible(page);

  // Edit the subject: a new version, checked by the server.
  await emailCard.getByRole("button", { name: "Edit Subject" }).click();
  await emailCard.getByRole("textbox", { name: "Subject", exact: true }).fill("Hi {{shoe_size}}");
  await emailCard.getByRole("button", { name: "Save" }).click();
  await expect(emailCard.getByRole("alert")).toContainText("shoe_size");
  await emailCard.getByRole("textbox", { name: "Subject", exact: true }).fill("See you in Lisbon, {{first_name}}");
  await emailCard.getByRole("button", { name: "Save" }).click();
  await expect(emailCard).toContainText("version 2");

  // Preview for a real contact, in a sandboxed frame.
  await emailCard.getByLabel("Preview for contact (name or email)").fill(email);
  await emailCard.getByRole("button", { name: "Show preview" }).click();
  const frame = emailCard.locator("iframe.email-preview");
  await expect(frame).toHaveAttribute("title", `Preview of the email for ${email}`);
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator("iframe.email-preview").getByText("Hi Rita,")).toBeVisible();

  // The version history shows the subject's change.
  await emailCard.getByRole("button", { name: "Show versions of the email" }).click();
  await expect(emailCard.getByRole("rowheader", { name: /content\.subject|subject/i }).first()).toBeVisible();
  await expectAccessible(page, ["iframe.email-preview"]);

  await emailCard.getByRole("button", { name: "Approve email" }).click();
  await expect(emailCard.getByTestId("asset-status")).toHaveText("approved");
  await expect(page.getByRole("button", { name: "Execute…" })).toBeDisabled();
  await postCard.getByRole("button", { name: "Approve social post" }).click();
  await expect(postCard.getByTestId("asset-status")).toHaveText("approved");
  await expect(page.getByTestId("schedule-blocker")).toHaveCount(0);
  await expect(page.getByText("Choose its audience first.")).toBeVisible();
  await page.getByLabel("Change the audience").selectOption({ label: segmentName });
  await expect(page.getByTestId("audience-count")).toHaveText("(2 contacts now)");

  // Execute: the confirmation counts who it reaches, then the progress shows it going out.
  await page.getByRole("button", { name: "Execute…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this campaign?" });
  await expect(dialog.getByTestId("execute-audience")).toContainText("It goes to 1 of 2 contacts in its segment (left out: 1 marked do not contact)");
  await expectAccessible(page, ["iframe.email-preview"]);
  await dialog.getByRole("button", { name: "Send to 1 contact" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("completed", { timeout: 15_000 });
  await expect(page.getByTestId("progress-sent")).toHaveText("1");
  await expect(page.getByTestId("campaign-analytics")).toBeVisible();
  await expect(page.getByTestId("campaign-analytics")).toContainText("Deals won after it (conversions): 0.");
  await expect(page.getByRole("button", { name: "Generate" })).toHaveCount(0);
  await expectAccessible(page, ["iframe.email-preview"]);
  await page.screenshot({ path: `${ARTIFACTS}/17-campaign.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test("open a contact's briefing and record their consent", async ({ page, request }) => {
  const problems = watchConsole(page);
  const contact = await createContactViaApi(request, { email: `${unique("brief")}@example.com`, first_name: "Bea", last_name: "Briefed", title: "CFO" });
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/contacts/view?id=${contact.id}`);
  await expect(page.getByRole("heading", { name: "Bea Briefed", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Write a briefing" }).click();
  const briefing = page.getByTestId("briefing");
  await expect(briefing).toContainText("Bea Briefed (CFO)");
  await expect(briefing).toContainText("Next steps");
  await expect(page.getByTestId("briefing-provider")).toContainText("the built-in offline writer");
  await expectAccessible(page);

  // Record consent to the newsletter, then its withdrawal: the state shows the latest.
  const form = page.getByRole("form", { name: "Record consent" });
  await form.getByLabel("Consent purpose").fill("newsletter");
  await form.getByLabel("Consent wording (required when granted)").fill("Yes, send me the monthly newsletter.");
  await form.getByRole("button", { name: "Record consent" }).click();
  const state = page.getByTestId("consent-state");
  await expect(state.getByRole("row", { name: /email newsletter granted/ })).toBeVisible();
  await form.getByLabel("Consent status").selectOption("withdrawn");
  await form.getByRole("button", { name: "Record consent" }).click();
  await expect(state.getByRole("row", { name: /email newsletter withdrawn/ })).toBeVisible();
  await expect(state.getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
