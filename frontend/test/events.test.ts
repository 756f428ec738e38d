import { describe, expect, it } from "vitest";
import { looksLikeCode } from "@/app/events/check-in/CheckInPage";
import { localToIso, seatsLabel } from "@/app/events/EventsPage";

const counts = { invited: 5, confirmed: 3, waitlisted: 1, declined: 0, maybe: 1, attended: 0 };

describe("events", () => {
  it("tells a check-in code from a name or an email", () => {
    expect(looksLikeCode("K7QXM2PA")).toBe(true);
    expect(looksLikeCode(" k7qx-m2pa ")).toBe(true);
    expect(looksLikeCode("K7QX M2PA")).toBe(true);
    expect(looksLikeCode("Ann Smith")).toBe(false);
    expect(looksLikeCode("Anna Berg")).toBe(true); // a name can look like a code: then it is searched
    expect(looksLikeCode("O0I1LABC")).toBe(false);
    expect(looksLikeCode("ann@example.com")).toBe(false);
    expect(looksLikeCode("K7QXM2P")).toBe(false);
  });

  it("labels the seats with and without a limit", () => {
    expect(seatsLabel({ capacity: 40, counts })).toBe("3 of 40");
    expect(seatsLabel({ capacity: null, counts })).toBe("3 (no limit)");
  });

  it("reads a datetime-local value as an instant", () => {
    expect(localToIso("")).toBe("");
    const iso = localToIso("2026-03-12T09:30");
    expect(new Date(iso).getTime()).toBe(new Date(2026, 2, 12, 9, 30).getTime());
    expect(iso.endsWith("Z")).toBe(true);
  });
});
