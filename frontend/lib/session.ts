// The signed-in session: the bearer token, when it expires and who it belongs to.
// Kept in localStorage under one key so every tab shares it; cleared on sign-out, on expiry
// and on any 401. The pages run under a strict Content-Security-Policy (no foreign or
// unhashed inline scripts), which is what keeps the token from other code.
import type { components } from "./api-schema";

export type User = components["schemas"]["UserResponse"];

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

const KEY = "crm.session";
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readSession(now: Date = new Date()): Session | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (!session.token || !session.user) return null;
    if (Date.parse(session.expiresAt) <= now.getTime()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  storage()?.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l(session));
}

/** Why the last session ended (`expired`, `signed-out`), for the sign-in page; read once. */
let endReason: string | null = null;

export function clearSession(reason?: "expired" | "signed-out"): void {
  endReason = reason ?? null;
  storage()?.removeItem(KEY);
  listeners.forEach((l) => l(null));
}

export function takeEndReason(): string | null {
  const reason = endReason;
  endReason = null;
  return reason;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener(readSession());
  };
  if (typeof window !== "undefined") window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== "undefined") window.removeEventListener("storage", onStorage);
  };
}

/** Roles, the least powerful default first. */
export const ROLES = ["member", "viewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function canWrite(role: string | undefined): boolean {
  return role === "admin" || role === "member";
}

export function isAdmin(role: string | undefined): boolean {
  return role === "admin";
}
