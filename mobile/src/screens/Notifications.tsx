import React, { useCallback, useState } from "react";
import { FlatList, Pressable, Text, View } from "react-native";
import { call, type Notification } from "../api/client";
import { useApp } from "../state";
import { useLoad } from "../useLoad";
import { Body, Button, ErrorBox, Heading, Loading, TOUCH, useTheme } from "../ui";

/** The in-app notifications, newest first; opening one marks it read. */
export function NotificationsScreen() {
  const { api, refreshUnread, unread } = useApp();
  const t = useTheme();
  const [actionError, setActionError] = useState<unknown>(null);
  const fetchItems = useCallback(
    async () => (await call(api.GET("/api/notifications", { params: { query: { limit: 50 } } }))).data,
    [api],
  );
  const { data: items, error: loadError, reload: load } = useLoad(fetchItems);
  const error = actionError ?? loadError;
  const setError = setActionError;

  const read = async (n: Notification) => {
    if (n.read_at) return;
    try {
      await call(api.POST("/api/notifications/{id}/read", { params: { path: { id: n.id } } }));
      await Promise.all([load(), refreshUnread()]);
    } catch (e) {
      setError(e);
    }
  };

  const readAll = async () => {
    try {
      await call(api.POST("/api/notifications/read-all"));
      await Promise.all([load(), refreshUnread()]);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <View style={{ flex: 1, padding: 16 }}>
      <Heading>Notifications</Heading>
      <ErrorBox error={error} onRetry={() => void load()} />
      {unread > 0 ? <Button label="Mark all read" kind="secondary" onPress={() => void readAll()} /> : null}
      {items == null && !error ? <Loading /> : null}
      <FlatList
        data={items ?? []}
        keyExtractor={(n) => n.id}
        ListEmptyComponent={items ? <Body muted>Nothing new.</Body> : null}
        renderItem={({ item: n }) => (
          <Pressable
            accessibilityRole="button"
            accessibilityLabel={`${n.read_at ? "" : "Unread: "}${n.title}`}
            onPress={() => void read(n)}
            style={{ minHeight: TOUCH, paddingVertical: 10, borderBottomWidth: 1, borderColor: t.border }}
          >
            <Text style={{ color: t.text, fontSize: 16, fontWeight: n.read_at ? "400" : "700" }}>{n.title}</Text>
            <Text style={{ color: t.muted, fontSize: 14 }}>
              {new Date(n.created_at).toLocaleString()}
              {n.read_at ? "" : " · unread"}
            </Text>
          </Pressable>
        )}
      />
    </View>
  );
}
