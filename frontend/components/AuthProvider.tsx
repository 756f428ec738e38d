"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { api, call } from "@/lib/api";
import { clearSession, onSessionChange, readSession, saveSession, type Session } from "@/lib/session";

interface AuthContextValue {
  session: Session | null;
  /** False until the stored session has been read (first client render). */
  ready: boolean;
  signIn: (email: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [ready, setReady] = useState(false);
  const pathname = usePathname();

  useEffect(() => {
    setSession(readSession());
    setReady(true);
    return onSessionChange(setSession);
  }, []);

  // A token past its expiry ends the session even with no request in flight.
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = window.setTimeout(
      () => clearSession("expired"),
      Math.max(0, Math.min(ms, 2_147_000_000)),
    );
    return () => window.clearTimeout(timer);
  }, [session, pathname]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { data } = await call(api.POST("/api/auth/login", { body: { email, password } }));
    const next: Session = { token: data.token, expiresAt: data.expires_at, user: data.user };
    saveSession(next);
    return next;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.POST("/api/auth/logout");
    } catch {
      // Signing out locally matters most; the token expires on its own.
    }
    clearSession("signed-out");
  }, []);

  const value = useMemo(() => ({ session, ready, signIn, signOut }), [session, ready, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}
