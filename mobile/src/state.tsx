// The app's state: the session (server URL, token, who is signed in), the typed client, the
// offline write queue and its sending loop, the recent contacts cache, and the unread count.
import { Platform } from "react-native";
import React, { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, NetworkError, call, createApi, problemOf, type Api } from "./api/client";
import { RecentContacts } from "./cache";
import { WriteQueue, type FlushResult, type QueuedWrite } from "./queue";
import { devicePushToken } from "./push";
import { kv, tokenStore, type KeyValue } from "./storage";

export interface Me {
  id: string;
  email: string;
  name?: string | null;
  role: string;
}

export interface Session {
  server: string;
  token: string;
  me: Me;
}

export type NewWrite = Parameters<WriteQueue["add"]>[0];

/** What became of a write tried at once: sent (the server's answer), refused (its problem),
 * or queued (the server could not be reached: it goes out later, in order). */
export type Outcome =
  | { status: "sent"; answer: unknown }
  | { status: "rejected"; write: QueuedWrite }
  | { status: "queued"; write: QueuedWrite };

/** Where the sign-in token is kept (the platform's secure storage by default). */
export interface TokenStore {
  get(): Promise<string | null>;
  set(token: string | null): Promise<void>;
}

export const DEFAULT_SERVER = "http://127.0.0.1:8080";
/** How often pending writes are tried again while there are any. */
export const RETRY_MS = 5000;

export interface AppState {
  ready: boolean;
  session: Session | null;
  /** Why the person is back at sign-in (an expired token), if that is why. */
  signedOutReason: string | null;
  savedServer: string;
  api: Api;
  queue: WriteQueue;
  recent: RecentContacts;
  pending: QueuedWrite[];
  online: boolean;
  unread: number;
  signIn(server: string, email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Keeps a write and tries to send it (and any before it) at once. */
  enqueue(write: NewWrite): Promise<QueuedWrite>;
  /** Keeps a write, tries to send it now, and says what became of it. */
  submit(write: NewWrite): Promise<Outcome>;
  flush(): Promise<FlushResult | null>;
  refreshUnread(): Promise<void>;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(Ctx);
  if (!state) throw new Error("useApp outside AppProvider");
  return state;
}

/** Sends a queued write with its Idempotency-Key (and If-Match). */
export async function sendWrite(server: string, token: string, write: QueuedWrite): Promise<unknown> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    "Content-Type": "application/json",
    "Idempotency-Key": write.id,
  };
  if (write.ifMatch) headers["If-Match"] = write.ifMatch;
  let response: Response;
  try {
    response = await fetch(`${server.replace(/\/+$/, "")}${write.path}`, {
      method: write.method,
      headers,
      body: write.body === undefined ? undefined : JSON.stringify(write.body),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(problemOf(response.status, body));
  return body;
}

export function AppProvider({
  children,
  store = kv,
  tokens = tokenStore,
}: {
  children: React.ReactNode;
  store?: KeyValue;
  tokens?: TokenStore;
}) {
  const [ready, setReady] = useState(false);
  const [session, setSession] = useState<Session | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const [savedServer, setSavedServer] = useState(DEFAULT_SERVER);
  const [pending, setPending] = useState<QueuedWrite[]>([]);
  const [online, setOnline] = useState(true);
  const [unread, setUnread] = useState(0);
  const queue = useMemo(() => new WriteQueue(store), [store]);
  const recent = useMemo(() => new RecentContacts(store), [store]);
  const sessionRef = useRef<Session | null>(null);
  sessionRef.current = session;

  const expire = useCallback(() => {
    if (!sessionRef.current) return;
    setSignedOutReason("Your session has expired. Please sign in again.");
    setSession(null);
    void tokens.set(null);
  }, [tokens]);

  const api = useMemo(
    () => createApi(session?.server ?? savedServer, session?.token ?? null, expire),
    [session, savedServer, expire],
  );

  useEffect(() => queue.subscribe(setPending), [queue]);

  // Start-up: the saved server, the token if any (checked with the server; kept when offline).
  useEffect(() => {
    let live = true;
    (async () => {
      const server = (await store.get<string>("crm.server")) ?? DEFAULT_SERVER;
      const token = await tokens.get();
      const me = await store.get<Me>("crm.me");
      setPending(await queue.load());
      if (!live) return;
      setSavedServer(server);
      if (token && me) {
        try {
          const fresh = await call(createApi(server, token, () => undefined).GET("/api/auth/me"));
          if (live) setSession({ server, token, me: fresh as Me });
        } catch (e) {
          if (e instanceof ApiError && e.status === 401) {
            await tokens.set(null);
            if (live) setSignedOutReason("Your session has expired. Please sign in again.");
          } else if (live) {
            setSession({ server, token, me });
            setOnline(false);
          }
        }
      }
      if (live) setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [queue, store, tokens]);

  const flush = useCallback(async () => {
    const s = sessionRef.current;
    if (!s) return null;
    const result = await queue.flush(async (w) => {
      try {
        return await sendWrite(s.server, s.token, w);
      } catch (e) {
        // The token expired: the write waits, the person signs in again, then it goes.
        if (e instanceof ApiError && e.status === 401) expire();
        throw e;
      }
    });
    setOnline(!result.offline || !sessionRef.current);
    return result;
  }, [queue, expire]);

  // While writes wait, try again every few seconds (a reconnect sends them).
  useEffect(() => {
    if (!session || !pending.some((p) => p.state === "pending")) return;
    const timer = setInterval(() => void flush(), RETRY_MS);
    return () => clearInterval(timer);
  }, [session, pending, flush]);

  // Whatever waited from an earlier run goes out once signed in.
  useEffect(() => {
    if (session) void flush();
  }, [session, flush]);

  const refreshUnread = useCallback(async () => {
    if (!sessionRef.current) return;
    try {
      const data = await call(api.GET("/api/notifications/unread-count"));
      setUnread(data.unread);
      setOnline(true);
    } catch (e) {
      if (e instanceof NetworkError) setOnline(false);
    }
  }, [api]);

  useEffect(() => {
    if (!session) return;
    void refreshUnread();
    const timer = setInterval(() => void refreshUnread(), 30_000);
    return () => clearInterval(timer);
  }, [session, refreshUnread]);

  // Once signed in on a phone: register it for push (again: a refresh), remembered for sign-out.
  useEffect(() => {
    if (!session) return;
    let live = true;
    (async () => {
      const token = await devicePushToken();
      if (!token || !live) return;
      try {
        const device = await call(
          createApi(session.server, session.token, () => undefined).POST("/api/push-devices", {
            body: { token, platform: Platform.OS === "android" ? "android" : "ios" },
          }),
        );
        await store.set("crm.device", device.id);
      } catch {
        // Without registration the app works as before; the next start tries again.
      }
    })();
    return () => {
      live = false;
    };
  }, [session, store]);

  const signIn = useCallback(
    async (server: string, email: string, password: string) => {
      const base = server.trim().replace(/\/+$/, "");
      const anonymous = createApi(base, null, () => undefined);
      const login = await call(anonymous.POST("/api/auth/login", { body: { email, password } }));
      const me = (await call(createApi(base, login.token, () => undefined).GET("/api/auth/me"))) as Me;
      await tokens.set(login.token);
      await store.set("crm.server", base);
      await store.set("crm.me", me);
      setSavedServer(base);
      setSignedOutReason(null);
      setOnline(true);
      setSession({ server: base, token: login.token, me });
    },
    [store, tokens],
  );

  const signOut = useCallback(async () => {
    const s = sessionRef.current;
    if (s) {
      const device = await store.get<string>("crm.device");
      if (device) {
        try {
          await call(api.DELETE("/api/push-devices/{id}", { params: { path: { id: device } } }));
        } catch {
          // The server forgets devices of signed-out users only when told; nothing more to do here.
        }
        await store.remove("crm.device");
      }
      try {
        await call(api.POST("/api/auth/logout"));
      } catch {
        // Signed out on this device either way.
      }
    }
    await tokens.set(null);
    await store.remove("crm.me");
    await recent.clear();
    for (const item of queue.all()) await queue.discard(item.id);
    setSignedOutReason(null);
    setSession(null);
  }, [api, queue, recent, store, tokens]);

  const enqueue = useCallback(
    async (write: Parameters<WriteQueue["add"]>[0]) => {
      const item = await queue.add(write);
      void flush();
      return item;
    },
    [queue, flush],
  );

  const submit = useCallback(
    async (write: NewWrite): Promise<Outcome> => {
      const item = await queue.add(write);
      // A flush already under way may have started before this write: then one more.
      for (let round = 0; round < 2; round++) {
        const result = await flush();
        const sent = result?.sent.find((s) => s.write.id === item.id);
        if (sent) return { status: "sent", answer: sent.answer };
        const rejected = result?.rejected.find((r) => r.id === item.id);
        if (rejected) return { status: "rejected", write: rejected };
        if (!result || result.offline) break;
      }
      return { status: "queued", write: item };
    },
    [queue, flush],
  );

  const value: AppState = {
    ready,
    session,
    signedOutReason,
    savedServer,
    api,
    queue,
    recent,
    pending,
    online,
    unread,
    signIn,
    signOut,
    enqueue,
    submit,
    flush,
    refreshUnread,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
