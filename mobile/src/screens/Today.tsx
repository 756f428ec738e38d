import React, { useCallback, useEffect, useState } from "react";
import { ScrollView, View } from "react-native";
import { call, type Deal, type Stage, type Task } from "../api/client";
import type { QueuedWrite } from "../queue";
import { useApp } from "../state";
import { Badge, Body, Button, Card, ErrorBox, Heading, Loading, styles } from "../ui";

/** The stages a deal can be moved to from here (`lost` needs a reason: the dashboard asks it). */
export const STAGES: Stage[] = ["qualification", "proposal", "negotiation", "won"];

function endOfToday(): string {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d.toISOString();
}

/** My tasks due today or overdue, and my open deals with a stage picker. */
export function TodayScreen() {
  const { api, session, pending, enqueue } = useApp();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [deals, setDeals] = useState<Deal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = session?.me.id ?? "";

  const load = useCallback(async () => {
    setError(null);
    try {
      const [t, d] = await Promise.all([
        call(api.GET("/api/tasks", { params: { query: { assignee_id: me, status: "open", due_before: endOfToday(), sort: "due_at", limit: 100 } } })),
        call(api.GET("/api/deals", { params: { query: { owner_id: me, open: true, limit: 100 } } })),
      ]);
      setTasks(t.data);
      setDeals(d.data);
    } catch (e) {
      setError(e);
    }
  }, [api, me]);

  useEffect(() => {
    void load();
  }, [load]);

  const waitingFor = (about: string) => pending.find((p) => p.about === about);

  const complete = (task: Task) =>
    enqueue({ kind: "task", label: `Complete “${task.title}”`, method: "POST", path: `/api/tasks/${task.id}/complete`, body: {}, about: task.id });

  const move = (deal: Deal, stage: Stage) =>
    enqueue({
      kind: "deal",
      label: `Move “${deal.name}” to ${stage}`,
      method: "PATCH",
      path: `/api/deals/${deal.id}`,
      body: { stage },
      ifMatch: `"${deal.version}"`,
      about: deal.id,
    });

  return (
    <ScrollView contentContainerStyle={{ padding: 16 }}>
      <Heading>Today</Heading>
      <ErrorBox error={error} title="Today could not be loaded" onRetry={() => void load()} />
      <Heading level={2}>My tasks</Heading>
      {tasks == null && !error ? <Loading /> : null}
      {tasks?.length === 0 ? <Body muted>Nothing due today. </Body> : null}
      {tasks?.map((task) => {
        const w = waitingFor(task.id);
        return (
          <Card key={task.id}>
            <Body>{task.title}</Body>
            <View style={styles.row}>
              {task.overdue ? <Badge tone="danger" text="Overdue" /> : null}
              {task.due_at ? <Body muted>due {new Date(task.due_at).toLocaleString()}</Body> : null}
            </View>
            {w ? (
              <Badge tone={w.state === "pending" ? "warning" : "danger"} text={w.state === "pending" ? "Done: waiting to send" : `Not accepted: ${w.problem?.detail ?? w.problem?.title}`} />
            ) : (
              <Button label={`Complete ${task.title}`} onPress={() => void complete(task)} style={{ marginTop: 6 }} />
            )}
          </Card>
        );
      })}

      <Heading level={2}>My open deals</Heading>
      {deals == null && !error ? <Loading /> : null}
      {deals?.length === 0 ? <Body muted>No open deals.</Body> : null}
      {deals?.map((deal) => {
        const w = waitingFor(deal.id);
        return (
          <Card key={deal.id}>
            <Body>
              {deal.name} · {deal.stage}
            </Body>
            {w?.state === "rejected" && w.problem?.status === 412 ? (
              <Conflict write={w} onDone={() => void load()} />
            ) : w ? (
              <Badge
                tone={w.state === "pending" ? "warning" : "danger"}
                text={w.state === "pending" ? `${w.label}: waiting to send` : `Not accepted: ${w.problem?.detail ?? w.problem?.title}`}
              />
            ) : (
              <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel={`Stage of ${deal.name}`}>
                {STAGES.map((s) => (
                  <Button
                    key={s}
                    label={s}
                    kind={s === deal.stage ? "primary" : "secondary"}
                    hint={`Move ${deal.name} to ${s}`}
                    disabled={s === deal.stage}
                    onPress={() => void move(deal, s)}
                  />
                ))}
              </View>
            )}
          </Card>
        );
      })}
      <QueueHint writes={pending.filter((p) => p.state === "rejected" && p.kind !== "deal")} />
      <Button label="Refresh" kind="secondary" onPress={() => void load()} style={{ marginTop: 12 }} />
      <View style={{ height: 24 }} />
    </ScrollView>
  );
}

function QueueHint({ writes }: { writes: QueuedWrite[] }) {
  if (writes.length === 0) return null;
  return <Body muted>{writes.length} change(s) were not accepted: see Pending.</Body>;
}

/** A stage change refused because someone changed the deal first (412): what they changed, and
 * the choice between mine and theirs. */
export function Conflict({ write, onDone }: { write: QueuedWrite; onDone: () => void }) {
  const { api, queue, flush } = useApp();
  const [current, setCurrent] = useState<Deal | null>(null);
  const [error, setError] = useState<unknown>(null);
  const id = write.about ?? "";

  useEffect(() => {
    call(api.GET("/api/deals/{id}", { params: { path: { id } } })).then(setCurrent, setError);
  }, [api, id]);

  const mine = (write.body as { stage?: string }).stage;
  const useMine = async () => {
    if (!current) return;
    await queue.retry(write.id, { ifMatch: `"${current.version}"` });
    await flush();
    onDone();
  };
  const keepTheirs = async () => {
    await queue.discard(write.id);
    onDone();
  };
  if (error) return <ErrorBox error={error} />;
  if (!current) return <Loading label="Reading the deal's latest version…" />;
  return (
    <View accessibilityRole="alert">
      <Body>
        Changed by someone else since you loaded it: now “{current.name}”, stage {current.stage}
        {current.amount ? `, ${current.amount} ${current.currency}` : ""} (version {current.version}). You chose {mine}.
      </Body>
      <View style={styles.row}>
        <Button label={`Use mine (${mine})`} onPress={() => void useMine()} />
        <Button label={`Keep theirs (${current.stage})`} kind="secondary" onPress={() => void keepTheirs()} />
      </View>
    </View>
  );
}
