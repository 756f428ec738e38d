import React, { useCallback, useEffect, useState } from "react";
import { Linking, ScrollView, Text, View } from "react-native";
import { NetworkError, call } from "../api/client";
import type { ContactCard } from "../cache";
import { useApp } from "../state";
import { Badge, Body, Button, Card, ErrorBox, Field, Heading, Loading, styles, useTheme } from "../ui";
import { displayName } from "./Contacts";

type LogKind = "call" | "meeting" | "note";
const LOG_LABEL: Record<LogKind, string> = { call: "Log call", meeting: "Log meeting", note: "Add note" };

/** The card of one contact, from the server (and kept for offline reading) or from the device. */
export function ContactScreen({ id }: { id: string }) {
  const { api, recent, pending, enqueue } = useApp();
  const t = useTheme();
  const [card, setCard] = useState<ContactCard | null>(null);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [composing, setComposing] = useState<LogKind | null>(null);
  const [text, setText] = useState("");

  const load = useCallback(async () => {
    setError(null);
    try {
      const contact = await call(api.GET("/api/contacts/{id}", { params: { path: { id } } }));
      const [company, deals, tasks, timeline, briefing] = await Promise.all([
        contact.company_id
          ? call(api.GET("/api/companies/{id}", { params: { path: { id: contact.company_id } } })).then((c) => c.name, () => null)
          : Promise.resolve(null),
        call(api.GET("/api/deals", { params: { query: { contact_id: id, limit: 20 } } })).then((p) => p.data),
        call(api.GET("/api/tasks", { params: { query: { contact_id: id, status: "open", sort: "due_at", limit: 20 } } })).then((p) => p.data),
        call(api.GET("/api/contacts/{id}/timeline", { params: { path: { id }, query: { limit: 30 } } })).then((p) => p.data),
        // The briefing is a help, not a must: a model that is down leaves it out.
        call(api.GET("/api/contacts/{id}/briefing", { params: { path: { id } } })).then((b) => b.summary, () => null),
      ]);
      const fresh: ContactCard = {
        contact,
        company,
        score: contact.score ?? null,
        briefing,
        deals,
        tasks,
        timeline,
        savedAt: new Date().toISOString(),
      };
      setCard(fresh);
      setOffline(false);
      await recent.put(fresh);
    } catch (e) {
      const saved = await recent.get(id);
      if (e instanceof NetworkError && saved) {
        setCard(saved);
        setOffline(true);
      } else setError(e);
    }
  }, [api, id, recent]);

  useEffect(() => {
    void load();
  }, [load]);

  // A write that went through changes what the server shows: read it again.
  const mine = pending.filter((p) => p.about === id);
  const waiting = mine.filter((p) => p.state === "pending").length;
  const before = React.useRef(waiting);
  useEffect(() => {
    // Only when the count of waiting writes drops: something reached the server.
    if (waiting < before.current) void load();
    before.current = waiting;
  }, [waiting, load]);

  if (error) return <ErrorBox error={error} title="The contact could not be loaded" onRetry={() => void load()} />;
  if (!card) return <Loading label="Loading the contact…" />;
  const c = card.contact;
  const name = displayName(c);

  const startLog = (kind: LogKind) => {
    setComposing(kind);
    setText(kind === "call" ? `Call with ${name}` : kind === "meeting" ? `Meeting with ${name}` : "");
  };
  const saveLog = async () => {
    if (!composing || !text.trim()) return;
    const kind = composing;
    setComposing(null);
    await enqueue({
      kind: "activity",
      label: `${kind === "note" ? "Note" : kind === "call" ? "Call" : "Meeting"} on ${name}`,
      method: "POST",
      path: `/api/contacts/${id}/timeline`,
      body: { kind, body: text.trim() },
      about: id,
    });
  };

  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      <Heading>{name}</Heading>
      {offline ? <Badge tone="warning" text={`Offline: saved ${new Date(card.savedAt).toLocaleString()}`} /> : null}
      <Body muted>
        {[c.title, card.company].filter(Boolean).join(" · ") || "No company"}
        {card.score != null ? ` · score ${card.score}` : ""}
      </Body>
      <View style={[styles.row, { marginVertical: 8 }]}>
        <Button label={`Email ${c.email}`} kind="secondary" onPress={() => void Linking.openURL(`mailto:${c.email}`)} />
        {c.phone ? <Button label={`Call ${c.phone}`} kind="secondary" onPress={() => void Linking.openURL(`tel:${c.phone}`)} /> : null}
      </View>
      {c.tags.length ? <Body muted>Tags: {c.tags.join(", ")}</Body> : null}
      <Body muted>Status: {c.status}</Body>

      <Heading level={2}>Log</Heading>
      <View style={styles.row}>
        {(Object.keys(LOG_LABEL) as LogKind[]).map((k) => (
          <Button key={k} label={LOG_LABEL[k]} onPress={() => startLog(k)} />
        ))}
      </View>
      {composing ? (
        <Card>
          <Field label={`${LOG_LABEL[composing]}: what happened`} value={text} onChangeText={setText} multiline autoFocus />
          <View style={styles.row}>
            <Button label="Save" onPress={() => void saveLog()} disabled={!text.trim()} />
            <Button label="Cancel" kind="secondary" onPress={() => setComposing(null)} />
          </View>
        </Card>
      ) : null}

      {card.briefing ? (
        <>
          <Heading level={2}>Briefing</Heading>
          <Body>{card.briefing}</Body>
        </>
      ) : null}

      <Heading level={2}>Deals</Heading>
      {card.deals.length === 0 ? <Body muted>No deals.</Body> : null}
      {card.deals.map((d) => (
        <Body key={d.id}>
          {d.name} · {d.stage}
        </Body>
      ))}

      <Heading level={2}>Open tasks</Heading>
      {card.tasks.length === 0 ? <Body muted>No open tasks.</Body> : null}
      {card.tasks.map((task) => (
        <Body key={task.id}>
          {task.title}
          {task.due_at ? ` · due ${new Date(task.due_at).toLocaleDateString()}` : ""}
        </Body>
      ))}

      <Heading level={2}>Timeline</Heading>
      {mine.map((p) => (
        <Card key={p.id}>
          <Badge tone={p.state === "pending" ? "warning" : "danger"} text={p.state === "pending" ? "Pending" : "Not accepted"} />
          <Body>{(p.body as { body?: string })?.body ?? p.label}</Body>
          {p.problem ? <Text style={{ color: t.danger }}>{p.problem.detail ?? p.problem.title} (see Pending)</Text> : null}
        </Card>
      ))}
      {card.timeline.map((e) => (
        <View key={e.id} style={{ paddingVertical: 6, borderBottomWidth: 1, borderColor: t.border }}>
          <Text style={{ color: t.muted, fontSize: 14 }}>
            {new Date(e.at).toLocaleString()} · {e.kind}
          </Text>
          <Body>{e.body}</Body>
        </View>
      ))}
    </ScrollView>
  );
}
