import { StatusBar } from "expo-status-bar";
import React, { useState } from "react";
import { Platform, Pressable, Text, View, useColorScheme } from "react-native";
import { SafeAreaProvider, SafeAreaView } from "react-native-safe-area-context";
import { CheckInScreen } from "./src/screens/CheckIn";
import { ContactScreen } from "./src/screens/Contact";
import { ContactsScreen } from "./src/screens/Contacts";
import { EventsScreen } from "./src/screens/Events";
import { NotificationsScreen } from "./src/screens/Notifications";
import { PendingScreen } from "./src/screens/Pending";
import { SignInScreen } from "./src/screens/SignIn";
import { TodayScreen } from "./src/screens/Today";
import { AppProvider, useApp } from "./src/state";
import { Button, Loading, TOUCH, useTheme } from "./src/ui";

type Tab = "contacts" | "today" | "events" | "notifications" | "pending";
type Route = { tab: Tab } | { contact: string } | { checkIn: string };

export default function App() {
  return (
    <SafeAreaProvider>
      <AppProvider>
        <Shell />
      </AppProvider>
    </SafeAreaProvider>
  );
}

export function Shell() {
  const { ready, session, signOut, unread, pending, online } = useApp();
  const t = useTheme();
  const scheme = useColorScheme();
  const [stack, setStack] = useState<Route[]>([{ tab: "contacts" }]);
  const route = stack[stack.length - 1];
  const push = (r: Route) => setStack((s) => [...s, r]);
  const back = () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  const tab = (name: Tab) => setStack([{ tab: name }]);

  let body: React.ReactNode;
  if (!ready) body = <Loading label="Starting…" />;
  else if (!session) body = <SignInScreen />;
  else if ("contact" in route) body = <ContactScreen id={route.contact} />;
  else if ("checkIn" in route) body = <CheckInScreen eventId={route.checkIn} />;
  else if (route.tab === "today") body = <TodayScreen />;
  else if (route.tab === "events") body = <EventsScreen open={(id) => push({ checkIn: id })} />;
  else if (route.tab === "notifications") body = <NotificationsScreen />;
  else if (route.tab === "pending") body = <PendingScreen />;
  else body = <ContactsScreen open={(id) => push({ contact: id })} />;

  const waiting = pending.length;
  const tabs: { name: Tab; label: string; a11y: string }[] = [
    { name: "contacts", label: "Contacts", a11y: "Contacts" },
    { name: "today", label: "Today", a11y: "Today" },
    { name: "events", label: "Events", a11y: "Events" },
    // The spoken name starts with the visible text (voice control users say what they see).
    { name: "notifications", label: unread ? `Alerts (${unread})` : "Alerts", a11y: unread ? `Alerts (${unread}) unread` : "Alerts" },
    { name: "pending", label: waiting ? `Pending (${waiting})` : "Pending", a11y: waiting ? `Pending (${waiting}) changes not on the server` : "Pending" },
  ];
  const current = "tab" in route ? route.tab : null;

  return (
    <SafeAreaView style={{ flex: 1, backgroundColor: t.background }}>
      <StatusBar style={scheme === "dark" ? "light" : "dark"} />
      {session ? (
        <View style={{ flexDirection: "row", alignItems: "center", justifyContent: "space-between", paddingHorizontal: 12, paddingTop: 4, borderBottomWidth: 1, borderColor: t.border }}>
          {stack.length > 1 ? <Button label="Back" kind="secondary" onPress={back} /> : <Text style={{ color: t.text, fontWeight: "700", fontSize: 18 }}>CRM</Text>}
          {!online ? <Text style={{ color: t.warning, fontSize: 14 }}>Offline</Text> : null}
          <Button label="Sign out" kind="secondary" onPress={() => void signOut()} hint={waiting ? `${waiting} unsent changes on this device are discarded` : undefined} />
        </View>
      ) : null}
      <View style={{ flex: 1 }} accessibilityRole={Platform.OS === "web" ? ("main" as never) : undefined}>
        {body}
      </View>
      {session ? (
        <View accessibilityRole="tablist" style={{ flexDirection: "row", borderTopWidth: 1, borderColor: t.border, backgroundColor: t.card }}>
          {tabs.map((x) => (
            <Pressable
              key={x.name}
              accessibilityRole="tab"
              accessibilityLabel={x.a11y}
              accessibilityState={{ selected: current === x.name }}
              onPress={() => tab(x.name)}
              style={{ flex: 1, minHeight: TOUCH + 8, alignItems: "center", justifyContent: "center", paddingVertical: 6 }}
            >
              <Text style={{ color: current === x.name ? t.accent : t.muted, fontSize: 13, fontWeight: current === x.name ? "700" : "500", textAlign: "center" }}>{x.label}</Text>
            </Pressable>
          ))}
        </View>
      ) : null}
    </SafeAreaView>
  );
}
