import { expect, test } from "@playwright/test";
import { ADMIN, ARTIFACTS, apiToken, createContactViaApi, expectAccessible, signIn, unique, watchConsole } from "./helpers";

test("create an event, invite guests, take RSVPs with a waitlist, and check a guest in at phone width", async ({ page, request }) => {
  const problems = watchConsole(page);
  const tag = unique("guest").toLowerCase();
  const first = `${tag}-ann@example.com`;
  const second = `${tag}-bob@example.com`;
  await createContactViaApi(request, { email: first, first_name: "Ann", last_name: "Early", tags: [tag] });
  await createContactViaApi(request, { email: second, first_name: "Bob", last_name: "Late", tags: [tag] });
  const segmentName = unique("Breakfast guests");
  const segment = await request.post("/api/segments", {
    headers: { Authorization: `Bearer ${await apiToken(request)}` },
    data: { name: segmentName, filter: { field: "tags", op: "contains", value: tag } },
  });
  expect(segment.status()).toBe(201);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = unique("FinOps breakfast");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Starts").fill("2031-03-12T09:00");
  await page.getByLabel("Ends").fill("2031-03-12T08:00");
  await page.getByLabel("Time zone").fill("Europe/Paris");
  await page.getByLabel("Seats (optional)").fill("1");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText(/must be after starts_at/)).toBeVisible();
  await page.getByLabel("Ends").fill("2031-03-12T11:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("seats-taken")).toHaveText("Seats taken: 0 of 1");

  // Ann found by a search, then the whole segment (Ann is not invited twice).
  await page.getByLabel("Contacts (name or email)").fill(first);
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("button", { name: `Invite ${first}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 invited." })).toBeVisible();
  await page.getByLabel("Or a segment").selectOption({ label: segmentName });
  await page.getByRole("button", { name: "Invite the segment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Segment invited: 1 invited, 1 already were." })).toBeVisible();
  await expect(page.getByTestId("guest")).toHaveCount(2);
  await expectAccessible(page);

  // Ann says yes through her personal link (the one her email carries): the seat is hers.
  const annPage = await page.getByRole("link", { name: `Personal RSVP page of ${first}` }).getAttribute("href");
  const guestPage = await page.context().newPage();
  await guestPage.goto(`${annPage}?response=yes`);
  await expect(guestPage.getByText("You are coming: a seat is yours.")).toBeVisible();
  await expect(guestPage.getByRole("img", { name: "QR code of the check-in code" })).toBeVisible();
  await expectAccessible(guestPage);
  await guestPage.close();
  await page.reload();
  await expect(page.getByTestId("seats-taken")).toHaveText("Seats taken: 1 of 1");
  // Bob says yes too: one seat, so he waits.
  await page.getByRole("button", { name: `Yes for ${second}` }).click();
  await expect(page.getByTestId("event-counts")).toContainText("Waitlisted1");
  await page.getByLabel("Show").selectOption("waitlisted");
  await expect(page.getByTestId("guest")).toHaveCount(1);
  await expect(page.getByTestId("guest")).toContainText("Bob Late");
  // Ann declines: Bob takes the seat.
  await page.getByLabel("Show").selectOption("");
  await page.getByRole("button", { name: `No for ${first}` }).click();
  await expect(page.getByTestId("event-counts")).toContainText("Waitlisted0");
  await page.getByLabel("Show").selectOption("confirmed");
  await expect(page.getByTestId("guest")).toContainText("Bob Late");

  // The door, on a phone: Bob's code, then again.
  const eventId = new URL(page.url()).searchParams.get("id") ?? "";
  const token = await apiToken(request);
  const guests = await request.get(`/api/events/${eventId}/invitations?status=confirmed`, { headers: { Authorization: `Bearer ${token}` } });
  const code = (await guests.json()).data[0].checkin_code as string;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Check-in mode" }).click();
  await expect(page.getByRole("heading", { name: `Check-in: ${name}`, level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Code, name or email").fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByTestId("check-in-result")).toHaveText("Checked in: Bob Late");
  await expect(page.getByTestId("attendance")).toContainText("1 checked in of 1 confirmed");
  await page.getByLabel("Code, name or email").fill(code);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByTestId("check-in-result")).toContainText("Already checked in at");
  // A walk-in.
  await page.getByLabel("Email", { exact: true }).fill(`${tag}-walk@example.com`);
  await page.getByLabel("First name").fill("Wanda");
  await page.getByRole("button", { name: "Add walk-in and check in" }).click();
  await expect(page.getByTestId("check-in-result")).toHaveText("Checked in: Wanda (walk-in)");
  await expect(page.getByTestId("attendance")).toContainText("2 checked in of 2 confirmed");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/21-check-in-phone.png`, fullPage: true });
  expect(problems).toEqual([]);
});
