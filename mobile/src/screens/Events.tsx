import React, { useCallback } from "react";
import { FlatList, Pressable, Text, View } from "react-native";
import { call, type CrmEvent } from "../api/client";
import { useApp } from "../state";
import { useLoad } from "../useLoad";
import { Badge, Body, ErrorBox, Heading, Loading, TOUCH, useTheme } from "../ui";

function sameDay(a: Date, b: Date) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Today's and upcoming events; one opens its check-in. */
export function EventsScreen({ open }: { open: (id: string) => void }) {
  const { api } = useApp();
  const t = useTheme();
  const fetchEvents = useCallback(
    async () => (await call(api.GET("/api/events", { params: { query: { upcoming: true, limit: 50 } } }))).data,
    [api],
  );
  const { data: events, error, reload: load } = useLoad(fetchEvents);

  const now = new Date();
  return (
    <View style={{ flex: 1, padding: 16 }}>
      <Heading>Events</Heading>
      <ErrorBox error={error} title="Events could not be loaded" onRetry={() => void load()} />
      {events == null && !error ? <Loading /> : null}
      <FlatList
        data={events ?? []}
        keyExtractor={(e) => e.id}
        ListEmptyComponent={events ? <Body muted>No upcoming events.</Body> : null}
        renderItem={({ item: e }) => {
          const starts = new Date(e.starts_at);
          const today = sameDay(starts, now) || (starts < now && new Date(e.ends_at) > now);
          return (
            <Pressable
              accessibilityRole="button"
              accessibilityLabel={`Check in guests of ${e.name}`}
              onPress={() => open(e.id)}
              style={{ minHeight: TOUCH, paddingVertical: 10, borderBottomWidth: 1, borderColor: t.border }}
            >
              <Text style={{ color: t.text, fontSize: 17, fontWeight: "600" }}>{e.name}</Text>
              <Text style={{ color: t.muted, fontSize: 15 }}>
                {starts.toLocaleString()} · {e.counts.attended}/{e.counts.confirmed} checked in
              </Text>
              {today ? <Badge tone="success" text="Today" /> : null}
            </Pressable>
          );
        }}
      />
    </View>
  );
}
