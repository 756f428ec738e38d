import React, { useState } from "react";
import { ScrollView, View } from "react-native";
import type { QueuedWrite } from "../queue";
import { useApp } from "../state";
import { Badge, Body, Button, Card, Field, Heading, styles } from "../ui";

/** Writes made on this device that are not on the server yet: waiting for the connection, or
 * refused by the server and kept for the person to fix or discard. */
export function PendingScreen() {
  const { pending, flush, online } = useApp();
  const waiting = pending.filter((p) => p.state === "pending");
  const rejected = pending.filter((p) => p.state === "rejected");
  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      <Heading>Pending</Heading>
      <Body muted>{online ? "Connected." : "No connection: changes are kept on this device and sent in order."}</Body>
      {pending.length === 0 ? <Body muted>Everything is on the server.</Body> : null}
      {waiting.length ? (
        <>
          <Heading level={2}>Waiting to send ({waiting.length})</Heading>
          {waiting.map((w) => (
            <Card key={w.id}>
              <Body>{w.label}</Body>
              <Body muted>
                made {new Date(w.createdAt).toLocaleTimeString()}
                {w.attempts ? ` · ${w.attempts} attempt(s)` : ""}
              </Body>
            </Card>
          ))}
          <Button label="Send now" onPress={() => void flush()} />
        </>
      ) : null}
      {rejected.length ? (
        <>
          <Heading level={2}>Not accepted ({rejected.length})</Heading>
          {rejected.map((w) => (
            <Rejected key={w.id} write={w} />
          ))}
        </>
      ) : null}
    </ScrollView>
  );
}

function Rejected({ write }: { write: QueuedWrite }) {
  const { queue, flush } = useApp();
  const body = write.body as { body?: string; kind?: string } | undefined;
  const editable = write.kind === "activity" && typeof body?.body === "string";
  const [text, setText] = useState(body?.body ?? "");
  const p = write.problem;
  const send = async () => {
    await queue.retry(write.id, editable ? { body: { ...body, body: text } } : undefined);
    await flush();
  };
  return (
    <Card>
      <Badge tone="danger" text={`Refused (${p?.status ?? "?"})`} />
      <Body>{write.label}</Body>
      <View accessibilityRole="alert">
        <Body>{p?.detail ?? p?.title}</Body>
        {p?.errors?.map((e) => (
          <Body key={e.field} muted>
            {e.field}: {e.message}
          </Body>
        ))}
      </View>
      {editable ? <Field label={`Fix: ${write.label}`} value={text} onChangeText={setText} multiline /> : null}
      <View style={styles.row}>
        <Button label={editable ? "Send again" : "Try again"} onPress={() => void send()} />
        <Button label="Discard" kind="danger" onPress={() => void queue.discard(write.id)} />
      </View>
    </Card>
  );
}
