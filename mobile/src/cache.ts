// Recently viewed contacts with their timelines, readable offline: a bounded, persisted cache
// (the most recently viewed first; the oldest falls out beyond the bound).
import type { Contact, Deal, Task, TimelineEntry } from "./api/client";
import type { KeyValue } from "./storage";

export interface ContactCard {
  contact: Contact;
  company?: string | null;
  score?: number | null;
  briefing?: string | null;
  deals: Deal[];
  tasks: Task[];
  timeline: TimelineEntry[];
  savedAt: string;
}

const STORAGE_KEY = "crm.recent";
export const RECENT_LIMIT = 25;

export class RecentContacts {
  private cards: ContactCard[] | null = null;
  constructor(private store: KeyValue, private limit = RECENT_LIMIT) {}

  private async load(): Promise<ContactCard[]> {
    if (!this.cards) this.cards = (await this.store.get<ContactCard[]>(STORAGE_KEY)) ?? [];
    return this.cards;
  }

  async get(id: string): Promise<ContactCard | null> {
    return (await this.load()).find((c) => c.contact.id === id) ?? null;
  }

  async list(): Promise<ContactCard[]> {
    return [...(await this.load())];
  }

  async put(card: ContactCard): Promise<void> {
    const cards = (await this.load()).filter((c) => c.contact.id !== card.contact.id);
    this.cards = [card, ...cards].slice(0, this.limit);
    await this.store.set(STORAGE_KEY, this.cards);
  }

  async clear(): Promise<void> {
    this.cards = [];
    await this.store.remove(STORAGE_KEY);
  }
}
