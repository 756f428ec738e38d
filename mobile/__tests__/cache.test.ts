import { RecentContacts } from "../src/cache";
import { contact, memoryStore } from "../test/fakeServer";

const card = (i: number) => ({ contact: contact(`c${i}`, `N${i}`, "X") as never, deals: [], tasks: [], timeline: [], savedAt: "2026-12-06T10:00:00Z" });

describe("recent contacts kept for offline reading", () => {
  it("keeps the most recently viewed first, within its bound, across restarts", async () => {
    const store = memoryStore();
    const recent = new RecentContacts(store, 3);
    for (const i of [1, 2, 3, 4]) await recent.put(card(i));
    await recent.put(card(2)); // viewed again: to the front, not twice
    const reopened = new RecentContacts(store, 3);
    expect((await reopened.list()).map((c) => c.contact.id)).toEqual(["c2", "c4", "c3"]);
    expect(await reopened.get("c1")).toBeNull();
    await reopened.clear();
    expect(await new RecentContacts(store, 3).list()).toEqual([]);
  });
});
