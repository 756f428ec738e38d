import { CameraView, useCameraPermissions } from "expo-camera";
import React, { useCallback, useEffect, useRef, useState } from "react";
import { ScrollView, Text, View } from "react-native";
import { call, type Contact, type CrmEvent, type Invitation } from "../api/client";
import { useApp, type NewWrite } from "../state";
import { Badge, Body, Button, Card, ErrorBox, Field, Heading, Loading, styles, useTheme } from "../ui";
import { displayName } from "./Contacts";

/** How often the attended / confirmed count is read again. */
export const COUNT_REFRESH_MS = 10_000;

interface Result {
  key: string;
  who: string;
  tone: "success" | "warning" | "danger";
  message: string;
}

function when(ts: unknown): string {
  return typeof ts === "string" ? new Date(ts).toLocaleTimeString() : "earlier";
}

/** The door of an event: scan a guest's QR code or type it, or find them by name; a big button. */
export function CheckInScreen({ eventId }: { eventId: string }) {
  const { api, submit, queue, pending } = useApp();
  const t = useTheme();
  const [event, setEvent] = useState<CrmEvent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState("");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Contact[]>([]);
  const [results, setResults] = useState<Result[]>([]);
  const [scanning, setScanning] = useState(false);
  const [permission, requestPermission] = useCameraPermissions();
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  const loadEvent = useCallback(async () => {
    try {
      setEvent(await call(api.GET("/api/events/{id}", { params: { path: { id: eventId } } })));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api, eventId]);

  useEffect(() => {
    void loadEvent();
    const timer = setInterval(() => void loadEvent(), COUNT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadEvent]);

  const checkIn = async (body: { code: string } | { contact_id: string }, who: string) => {
    const write: NewWrite = {
      kind: "check-in",
      label: `Check in ${who}`,
      method: "POST",
      path: `/api/events/${eventId}/check-in`,
      body,
      about: eventId,
    };
    const outcome = await submit(write);
    let result: Result;
    if (outcome.status === "sent") {
      const inv = outcome.answer as Invitation;
      const name = inv?.guest?.name ?? who;
      result = { key: `${Date.now()}`, who: name, tone: "success", message: `Checked in at ${when(inv?.checked_in_at)}` };
    } else if (outcome.status === "rejected") {
      const p = outcome.write.problem;
      const already = p?.code === "already_checked_in";
      result = {
        key: outcome.write.id,
        who,
        tone: already ? "warning" : "danger",
        message: already ? `Already checked in at ${when(p?.checked_in_at)}` : (p?.detail ?? p?.title ?? "Refused"),
      };
      // Shown here; a duplicate scan has nothing left to fix.
      if (already) await queue.discard(outcome.write.id);
    } else {
      result = { key: outcome.write.id, who, tone: "warning", message: "No connection: queued, sent when back online" };
    }
    setResults((r) => [result, ...r].slice(0, 20));
    void loadEvent();
  };

  const submitCode = async () => {
    const typed = code.trim();
    if (!typed) return;
    setCode("");
    await checkIn({ code: typed }, `code ${typed}`);
  };

  const search = async () => {
    if (!q.trim()) return;
    try {
      const page = await call(api.GET("/api/contacts", { params: { query: { q: q.trim(), limit: 10 } } }));
      setFound(page.data);
    } catch (e) {
      setError(e);
    }
  };

  const onScan = ({ data }: { data: string }) => {
    // A code held in front of the camera is read many times a second: once is enough.
    const now = Date.now();
    if (lastScan.current && lastScan.current.code === data && now - lastScan.current.at < 3000) return;
    lastScan.current = { code: data, at: now };
    void checkIn({ code: data }, `code ${data}`);
  };

  const queued = pending.filter((p) => p.about === eventId && p.state === "pending").length;
  // Check-ins queued in a network drop and refused when they went out (a guest scanned twice
  // meanwhile, say): shown until dismissed.
  const refused = pending.filter((p) => p.about === eventId && p.state === "rejected");

  return (
    <ScrollView contentContainerStyle={{ padding: 16 }} keyboardShouldPersistTaps="handled">
      <Heading>Check-in</Heading>
      {event ? (
        <View accessibilityLiveRegion="polite">
          <Body>{event.name}</Body>
          <Text style={{ color: t.text, fontSize: 28, fontWeight: "700" }} accessibilityLabel={`${event.counts.attended} of ${event.counts.confirmed} confirmed guests checked in`}>
            {event.counts.attended} / {event.counts.confirmed} checked in
          </Text>
        </View>
      ) : error ? null : (
        <Loading />
      )}
      <ErrorBox error={error} title="Not up to date" onRetry={() => void loadEvent()} />
      {queued ? <Badge tone="warning" text={`${queued} check-in(s) waiting for the connection`} /> : null}

      <Field label="Check-in code" value={code} onChangeText={setCode} autoCapitalize="characters" autoCorrect={false} onSubmitEditing={() => void submitCode()} />
      <Button label="Check in" big onPress={() => void submitCode()} disabled={!code.trim()} />

      <View style={{ marginVertical: 10 }}>
        {scanning ? (
          permission?.granted ? (
            <View>
              <CameraView
                style={{ height: 280, borderRadius: 10 }}
                facing="back"
                barcodeScannerSettings={{ barcodeTypes: ["qr"] }}
                onBarcodeScanned={onScan}
                accessibilityLabel="Camera: hold the guest's QR code in view"
              />
              <Button label="Stop scanning" kind="secondary" onPress={() => setScanning(false)} style={{ marginTop: 6 }} />
            </View>
          ) : (
            <Card>
              <Body>The camera is needed to scan QR codes.</Body>
              <Button label="Allow the camera" onPress={() => void requestPermission()} />
            </Card>
          )
        ) : (
          <Button label="Scan a QR code" kind="secondary" onPress={() => setScanning(true)} />
        )}
      </View>

      <View accessibilityLiveRegion="polite">
        {refused.map((w) => (
          <Card key={w.id}>
            <Text style={{ color: t.warning, fontWeight: "700", fontSize: 18 }}>{w.label} (sent after the drop)</Text>
            <Body>
              {w.problem?.code === "already_checked_in"
                ? `Already checked in at ${when(w.problem?.checked_in_at)}`
                : (w.problem?.detail ?? w.problem?.title ?? "Refused")}
            </Body>
            <Button label="Dismiss" kind="secondary" onPress={() => void queue.discard(w.id)} />
          </Card>
        ))}
        {results.map((r) => (
          <Card key={r.key}>
            <Text style={{ color: t[r.tone], fontWeight: "700", fontSize: 18 }}>{r.who}</Text>
            <Body>{r.message}</Body>
          </Card>
        ))}
      </View>

      <Heading level={2}>Find a guest</Heading>
      <Field label="Guest's name or email" value={q} onChangeText={setQ} autoCapitalize="none" onSubmitEditing={() => void search()} />
      <Button label="Search guests" kind="secondary" onPress={() => void search()} />
      {found.map((c) => (
        <View key={c.id} style={[styles.row, { justifyContent: "space-between", marginTop: 6 }]}>
          <Body>{displayName(c)}</Body>
          <Button label={`Check in ${displayName(c)}`} onPress={() => void checkIn({ contact_id: c.id }, displayName(c))} />
        </View>
      ))}
    </ScrollView>
  );
}
