import { ApiError, NetworkError, problemOf } from "../src/api/client";
import { WriteQueue, type QueuedWrite } from "../src/queue";
import { memoryStore } from "../test/fakeServer";

const write = (label: string) => ({ kind: "activity" as const, label, method: "POST" as const, path: `/api/x/${label}`, body: { label } });

describe("the offline write queue", () => {
  it("keeps writes made offline, persisted, and sends them in order with the same key on every attempt", async () => {
    const store = memoryStore();
    const queue = new WriteQueue(store);
    for (const l of ["a", "b", "c"]) await queue.add(write(l));
    // Persisted before anything is sent: a new queue over the same storage sees them.
    const reopened = new WriteQueue(store);
    expect((await reopened.load()).map((w) => w.label)).toEqual(["a", "b", "c"]);

    const attempts: { label: string; key: string }[] = [];
    let online = false;
    const send = async (w: QueuedWrite) => {
      attempts.push({ label: w.label, key: w.id });
      if (!online) throw new NetworkError(new TypeError("offline"));
      return { ok: w.label };
    };
    const first = await reopened.flush(send);
    expect(first.offline).toBe(true);
    expect(first.sent).toHaveLength(0);
    expect(attempts.map((a) => a.label)).toEqual(["a"]); // stops at the first: order is kept

    online = true; // reconnect
    const second = await reopened.flush(send);
    expect(second.offline).toBe(false);
    expect(second.sent.map((s) => s.write.label)).toEqual(["a", "b", "c"]);
    const keysOfA = attempts.filter((a) => a.label === "a").map((a) => a.key);
    expect(keysOfA).toHaveLength(2);
    expect(keysOfA[0]).toBe(keysOfA[1]); // the retry carries the same Idempotency-Key
    expect(new Set(attempts.map((a) => a.key)).size).toBe(3);
    expect(keysOfA[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await new WriteQueue(store).load()).toEqual([]);
  });

  it("keeps a refused write (422) with the server's problem for review, and sends the ones after it", async () => {
    const queue = new WriteQueue(memoryStore());
    await queue.add(write("bad"));
    await queue.add(write("good"));
    const result = await queue.flush(async (w) => {
      if (w.label === "bad") throw new ApiError(problemOf(422, { title: "Unprocessable", detail: "body: is required", errors: [{ field: "body", message: "is required" }] }));
      return {};
    });
    expect(result.sent.map((s) => s.write.label)).toEqual(["good"]);
    const left = queue.all();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ label: "bad", state: "rejected", problem: { status: 422, detail: "body: is required" } });

    // Not sent again by itself...
    let calls = 0;
    await queue.flush(async () => {
      calls++;
      return {};
    });
    expect(calls).toBe(0);
    // ...until the person fixes it: a changed body is a new request with a new key.
    const oldKey = left[0].id;
    await queue.retry(oldKey, { body: { label: "fixed" } });
    const keys: string[] = [];
    await queue.flush(async (w) => {
      keys.push(w.id);
      return {};
    });
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toBe(oldKey);
    expect(queue.all()).toEqual([]);
  });

  it("waits on a transient refusal (503, 429, 401) instead of asking the person", async () => {
    const queue = new WriteQueue(memoryStore());
    await queue.add(write("a"));
    await queue.add(write("b"));
    const seen: string[] = [];
    const result = await queue.flush(async (w) => {
      seen.push(w.label);
      throw new ApiError(problemOf(503, { title: "Unavailable" }));
    });
    expect(result.offline).toBe(true);
    expect(seen).toEqual(["a"]);
    expect(queue.all().map((w) => w.state)).toEqual(["pending", "pending"]);
  });

  it("discards a write only when asked", async () => {
    const queue = new WriteQueue(memoryStore());
    const a = await queue.add(write("a"));
    await queue.discard(a.id);
    expect(queue.all()).toEqual([]);
  });

  it("runs one flush at a time: a second call joins the first", async () => {
    const queue = new WriteQueue(memoryStore());
    await queue.add(write("a"));
    let sends = 0;
    const send = async () => {
      sends++;
      await new Promise((r) => setTimeout(r, 10));
      return {};
    };
    await Promise.all([queue.flush(send), queue.flush(send)]);
    expect(sends).toBe(1);
  });
});
