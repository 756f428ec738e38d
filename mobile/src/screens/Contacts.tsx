import React, { useCallback, useEffect, useRef, useState } from "react";
import { FlatList, Pressable, Text, View } from "react-native";
import { NetworkError, call, type Contact } from "../api/client";
import type { ContactCard } from "../cache";
import { useApp } from "../state";
import { Body, ErrorBox, Field, Heading, Loading, TOUCH, useTheme } from "../ui";

/** How long typing pauses before the search runs. */
export const DEBOUNCE_MS = 300;
const PAGE = 25;

export function displayName(c: Pick<Contact, "first_name" | "last_name" | "email">): string {
  const name = [c.first_name, c.last_name].filter(Boolean).join(" ");
  return name || c.email;
}

export function ContactsScreen({ open }: { open: (id: string) => void }) {
  const { api, recent } = useApp();
  const t = useTheme();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [rows, setRows] = useState<Contact[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState<ContactCard[] | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  const load = useCallback(
    async (after: string | null) => {
      const mine = after ? generation.current : ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await call(
          api.GET("/api/contacts", {
            params: { query: { limit: PAGE, ...(query ? { q: query } : { sort: "name" }), ...(after ? { cursor: after } : {}) } },
          }),
        );
        if (mine !== generation.current) return;
        setOffline(null);
        setRows((prev) => (after ? [...prev, ...page.data] : page.data));
        setCursor(page.next_cursor ?? null);
      } catch (e) {
        if (mine !== generation.current) return;
        if (e instanceof NetworkError) {
          const cards = await recent.list();
          const needle = query.toLowerCase();
          setOffline(cards.filter((c) => !needle || `${displayName(c.contact)} ${c.contact.email}`.toLowerCase().includes(needle)));
        } else setError(e);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api, query, recent],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const row = (c: Contact, note?: string) => (
    <Pressable
      key={c.id}
      accessibilityRole="button"
      accessibilityLabel={`${displayName(c)}, ${c.email}`}
      onPress={() => open(c.id)}
      style={{ minHeight: TOUCH, paddingVertical: 10, borderBottomWidth: 1, borderColor: t.border }}
    >
      <Text style={{ color: t.text, fontSize: 17, fontWeight: "600" }}>{displayName(c)}</Text>
      <Text style={{ color: t.muted, fontSize: 15 }}>
        {c.email}
        {note ? ` · ${note}` : ""}
      </Text>
    </Pressable>
  );

  return (
    <View style={{ flex: 1, padding: 16 }}>
      <Heading>Contacts</Heading>
      <Field label="Search contacts" value={q} onChangeText={setQ} placeholder="Name or email" autoCapitalize="none" autoCorrect={false} />
      <ErrorBox error={error} onRetry={() => void load(null)} />
      {offline ? (
        <View accessibilityRole="summary">
          <Body muted>Offline: the contacts you viewed recently.</Body>
          {offline.length === 0 ? <Body muted>None saved on this device yet.</Body> : offline.map((c) => row(c.contact, "saved"))}
        </View>
      ) : (
        <FlatList
          testID="contact-list"
          data={rows}
          keyExtractor={(c) => c.id}
          renderItem={({ item }) => row(item)}
          onEndReachedThreshold={0.5}
          onEndReached={() => {
            if (cursor && !loading) void load(cursor);
          }}
          ListEmptyComponent={loading ? null : <Body muted>{query ? `No contact matches “${query}”.` : "No contacts yet."}</Body>}
          ListFooterComponent={loading ? <Loading label={rows.length ? "Loading more…" : "Searching…"} /> : null}
        />
      )}
    </View>
  );
}
