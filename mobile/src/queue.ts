// The offline write queue: writes made on the device (a logged call, a completed task, a deal's
// stage, a check-in) are kept here, persisted, and sent in the order they were made when the
// server can be reached. Each write keeps the Idempotency-Key it was given when made, so a retry
// after a lost answer is never applied twice. A write the server refuses (422, 409, 412, ...) is
// kept, with the server's problem, for the person to fix or discard: never silently dropped.
import { ApiError, NetworkError, type Problem } from "./api/client";
import type { KeyValue } from "./storage";

export type Method = "POST" | "PATCH";

export interface QueuedWrite {
  /** Local id (also the Idempotency-Key, sent with every attempt). */
  id: string;
  /** What it is, for people ("Call logged on Ann Lee"). */
  label: string;
  kind: "activity" | "task" | "deal" | "check-in";
  method: Method;
  path: string;
  body: unknown;
  /** `If-Match` for writes that must not overwrite a newer version. */
  ifMatch?: string;
  /** The record it is about (a contact, a task, an event), for screens showing it as pending. */
  about?: string;
  createdAt: string;
  state: "pending" | "rejected";
  attempts: number;
  problem?: Problem;
}

/** Sends one write; resolves with the server's answer body, throws ApiError or NetworkError. */
export type Send = (write: QueuedWrite) => Promise<unknown>;

const STORAGE_KEY = "crm.queue";

export function newKey(): string {
  const random = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, "0");
  const hex = `${Date.now().toString(16).padStart(12, "0")}${random()}${random()}${random()}${random()}${random()}`;
  // A UUID (version 4 layout, time-ordered prefix) usable as an Idempotency-Key.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What a flush did. */
export interface FlushResult {
  sent: { write: QueuedWrite; answer: unknown }[];
  rejected: QueuedWrite[];
  /** True when it stopped because the server could not be reached (the rest waits). */
  offline: boolean;
}

/** Refusals worth trying again later rather than asking the person: not theirs to fix. */
function transient(error: ApiError): boolean {
  return error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

export class WriteQueue {
  private items: QueuedWrite[] = [];
  private loaded = false;
  private flushing: Promise<FlushResult> | null = null;
  private listeners = new Set<(items: QueuedWrite[]) => void>();

  constructor(private store: KeyValue) {}

  async load(): Promise<QueuedWrite[]> {
    if (!this.loaded) {
      this.items = (await this.store.get<QueuedWrite[]>(STORAGE_KEY)) ?? [];
      this.loaded = true;
    }
    return this.all();
  }

  all(): QueuedWrite[] {
    return this.items.map((i) => ({ ...i }));
  }

  subscribe(listener: (items: QueuedWrite[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async save() {
    await this.store.set(STORAGE_KEY, this.items);
    const copy = this.all();
    this.listeners.forEach((l) => l(copy));
  }

  /** Keeps a write to send (persisted before this resolves). */
  async add(write: Omit<QueuedWrite, "id" | "createdAt" | "state" | "attempts">): Promise<QueuedWrite> {
    await this.load();
    const item: QueuedWrite = { ...write, id: newKey(), createdAt: new Date().toISOString(), state: "pending", attempts: 0 };
    this.items.push(item);
    await this.save();
    return item;
  }

  /** Drops a write (a rejected one the person gave up on). */
  async discard(id: string) {
    await this.load();
    this.items = this.items.filter((i) => i.id !== id);
    await this.save();
  }

  /** A rejected write, changed by the person, to be sent again (with the same key unless the
   * body changed: a changed write is a new request). */
  async retry(id: string, change?: { body?: unknown; ifMatch?: string }) {
    await this.load();
    this.items = this.items.map((i) => {
      if (i.id !== id) return i;
      const changed = change?.body !== undefined && JSON.stringify(change.body) !== JSON.stringify(i.body);
      return {
        ...i,
        ...(change?.body !== undefined ? { body: change.body } : {}),
        ...(change?.ifMatch !== undefined ? { ifMatch: change.ifMatch } : {}),
        id: changed ? newKey() : i.id,
        state: "pending",
        problem: undefined,
      };
    });
    await this.save();
  }

  /** Sends the pending writes in order. A refusal is kept for review and the next write goes on;
   * an unreachable server (or a transient refusal) stops the flush: the rest waits, in order. */
  flush(send: Send): Promise<FlushResult> {
    if (!this.flushing) {
      this.flushing = this.run(send).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async run(send: Send): Promise<FlushResult> {
    await this.load();
    const result: FlushResult = { sent: [], rejected: [], offline: false };
    for (const item of this.items.filter((i) => i.state === "pending")) {
      item.attempts += 1;
      try {
        const answer = await send(item);
        this.items = this.items.filter((i) => i.id !== item.id);
        result.sent.push({ write: item, answer });
        await this.save();
      } catch (error) {
        if (error instanceof ApiError && !transient(error)) {
          item.state = "rejected";
          item.problem = error.problem;
          result.rejected.push({ ...item });
          await this.save();
          continue;
        }
        if (!(error instanceof ApiError) && !(error instanceof NetworkError)) throw error;
        result.offline = true;
        await this.save();
        break;
      }
    }
    return result;
  }
}
