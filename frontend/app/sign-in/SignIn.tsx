"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { useAuth } from "@/components/AuthProvider";
import { ProblemMessage } from "@/components/ProblemMessage";
import type { ApiError } from "@/lib/problem";

const REASONS: Record<string, string> = {
  expired: "Your session has expired. Please sign in again.",
  "signed-out": "You have signed out.",
};

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/contacts";
}

export function SignIn() {
  const { signIn, session, ready } = useAuth();
  const router = useRouter();
  const params = useSearchParams();
  const reason = params?.get("reason") ?? "";
  const next = safeNext(params?.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (ready && session) router.replace(next);
  }, [ready, session, next, router]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      router.replace(next);
    } catch (e) {
      setError(e as ApiError);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} className="panel" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to CRM</h1>
        {REASONS[reason] ? (
          <p className="notice" role="status">
            {REASONS[reason]}
          </p>
        ) : null}
        <div className="form-field">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </div>
        <div className="form-field">
          <label htmlFor="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error ? <ProblemMessage error={error} title={error.status === 401 ? "Sign-in failed" : "Could not sign in"} /> : null}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
