"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { AppShell } from "@/components/AppShell";
import { useAuth } from "@/components/AuthProvider";
import { ConflictDialog } from "@/components/ConflictDialog";
import { Dialog } from "@/components/Dialog";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, ApiError, call, STAGES, type ChangeEvent, type Deal, type Pipeline, type Stage } from "@/lib/api";
import { formatAmount, moveBody, STAGE_LABELS, stageForKey, sumText } from "@/lib/pipeline";
import { dealsApi } from "@/lib/records";
import { dealHref } from "@/lib/routes";
import { canWrite } from "@/lib/session";

/** Cards loaded per column (the column header counts them all). */
const PER_COLUMN = 50;

export function PipelinePage() {
  const { session } = useAuth();
  return (
    <AppShell>
      <PipelineBoard canMove={canWrite(session?.user.role)} me={session?.user.id} />
    </AppShell>
  );
}

interface Move {
  deal: Deal;
  to: Stage;
}

/**
 * The pipeline: a column per stage with its count and sum, the deals as cards. A card moves by
 * drag and drop, by ArrowLeft/ArrowRight while it has focus, or with its "Move to" menu; each
 * move is a PATCH with If-Match (a 412 opens the conflict dialog), and losing asks for a reason.
 */
export function PipelineBoard({ canMove, me }: { canMove: boolean; me?: string }) {
  const [deals, setDeals] = useState<Deal[]>([]);
  const [summary, setSummary] = useState<Pipeline | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [askLost, setAskLost] = useState<Move | null>(null);
  const [conflict, setConflict] = useState<{ move: Move; body: { stage: Stage; lost_reason?: string }; events: ChangeEvent[] } | null>(null);
  const [announce, setAnnounce] = useState("");
  const [busy, setBusy] = useState(false);
  const focusAfter = useRef<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const columns = await Promise.all(
        STAGES.map((stage) => call(api.GET("/api/deals", { params: { query: { stage, limit: PER_COLUMN } } }))),
      );
      const pipeline = await call(api.GET("/api/deals/pipeline"));
      setDeals(columns.flatMap((c) => c.data.data));
      setSummary(pipeline.data);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.querySelector<HTMLElement>(`[data-deal="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  });

  const send = async (move: Move, body: { stage: Stage; lost_reason?: string }, version: number) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await dealsApi.patch(move.deal.id, version, body);
      setDeals((all) => all.map((d) => (d.id === data.id ? data : d)));
      focusAfter.current = data.id;
      setAnnounce(`Moved ${data.name} to ${STAGE_LABELS[data.stage as Stage]}.`);
      setConflict(null);
      const pipeline = await call(api.GET("/api/deals/pipeline"));
      setSummary(pipeline.data);
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 412) {
        let events: ChangeEvent[] = [];
        try {
          events = (await dealsApi.history(move.deal.id)).filter((ev) => ev.version > version);
        } catch {
          // The dialog still explains the conflict and offers a reload.
        }
        setConflict({ move, body, events });
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const move = (deal: Deal, to: Stage) => {
    if (!canMove || to === deal.stage) return;
    const body = moveBody(to);
    if (!body) {
      setAskLost({ deal, to });
      return;
    }
    void send({ deal, to }, body, deal.version);
  };

  const onCardKey = (event: KeyboardEvent<HTMLElement>, deal: Deal) => {
    if (event.target !== event.currentTarget) return;
    const to = stageForKey(deal.stage as Stage, event.key);
    if (to) {
      event.preventDefault();
      move(deal, to);
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>, stage: Stage) => {
    event.preventDefault();
    const deal = deals.find((d) => d.id === event.dataTransfer.getData("text/plain"));
    if (deal) move(deal, stage);
  };

  const reapply = async () => {
    if (!conflict) return;
    try {
      const latest = await dealsApi.get(conflict.move.deal.id);
      await send(conflict.move, conflict.body, latest.version);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const stageSummary = (stage: Stage) => summary?.stages.find((s) => s.stage === stage);

  return (
    <section aria-labelledby="pipeline-title">
      <div className="page-head">
        <h1 id="pipeline-title">Pipeline</h1>
        <Link href="/deals">All deals</Link>
      </div>
      {summary ? (
        <p className="muted" data-testid="pipeline-rates">
          Win rate {summary.win_rate === null || summary.win_rate === undefined ? "—" : `${Math.round(summary.win_rate * 100)}%`} · average{" "}
          {summary.avg_days_to_close ?? "—"} days to close
        </p>
      ) : null}
      {canMove ? (
        <p className="hint" id="board-help">
          Drag a card to another stage, or focus it and press the left or right arrow key, or use its Move to menu.
        </p>
      ) : null}
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {error ? <ProblemMessage error={error} title="Could not update the board" onRetry={() => void load()} /> : null}
      {loading ? <p role="status">Loading the pipeline…</p> : null}
      <div className="board">
        {STAGES.map((stage) => {
          const cards = deals.filter((d) => d.stage === stage);
          const s = stageSummary(stage);
          return (
            <section
              key={stage}
              className="board-column"
              aria-labelledby={`col-${stage}`}
              data-stage={stage}
              onDragOver={canMove ? (e) => e.preventDefault() : undefined}
              onDrop={canMove ? (e) => onDrop(e, stage) : undefined}
            >
              <h2 id={`col-${stage}`}>{STAGE_LABELS[stage]}</h2>
              <p className="column-sum" data-testid={`sum-${stage}`}>
                <span>{(s?.count ?? 0) === 1 ? "1 deal" : `${s?.count ?? 0} deals`}</span> · <span>{sumText(s?.amount)}</span>
              </p>
              <ul aria-label={`${STAGE_LABELS[stage]} deals`}>
                {cards.map((deal) => (
                  <li
                    key={deal.id}
                    className="deal-card"
                    data-deal={deal.id}
                    tabIndex={0}
                    aria-label={`${deal.name}, ${deal.amount ? `${formatAmount(deal.amount)} ${deal.currency}` : "no amount"}, ${STAGE_LABELS[stage]}`}
                    aria-describedby={canMove ? "board-help" : undefined}
                    draggable={canMove}
                    onDragStart={(e) => e.dataTransfer.setData("text/plain", deal.id)}
                    onKeyDown={(e) => onCardKey(e, deal)}
                  >
                    <Link href={dealHref(deal.id)}>{deal.name}</Link>
                    <span className="muted">{deal.amount ? `${formatAmount(deal.amount)} ${deal.currency}` : "—"}</span>
                    {canMove ? (
                      <label className="move-to">
                        <span className="sr-only">Move {deal.name} to</span>
                        <select value="" disabled={busy} onChange={(e) => e.target.value && move(deal, e.target.value as Stage)}>
                          <option value="">Move to…</option>
                          {STAGES.filter((t) => t !== stage).map((t) => (
                            <option key={t} value={t}>
                              {STAGE_LABELS[t]}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {askLost ? (
        <LostReasonDialog
          deal={askLost.deal}
          onCancel={() => {
            focusAfter.current = askLost.deal.id;
            setAskLost(null);
          }}
          onConfirm={(reason) => {
            const pending = askLost;
            setAskLost(null);
            const body = moveBody("lost", reason);
            if (body) void send(pending, body, pending.deal.version);
          }}
        />
      ) : null}
      {conflict ? (
        <ConflictDialog
          attempted={conflict.body}
          events={conflict.events}
          me={me}
          busy={busy}
          onReload={() => {
            setConflict(null);
            void load();
          }}
          onReapply={() => void reapply()}
        />
      ) : null}
    </section>
  );
}

function LostReasonDialog({ deal, onCancel, onConfirm }: { deal: Deal; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <Dialog title={`Why was ${deal.name} lost?`} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <div className={`form-field${missing ? " has-error" : ""}`}>
          <label htmlFor="lost-reason">Lost reason</label>
          <textarea
            id="lost-reason"
            value={reason}
            rows={3}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? "lost-reason-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {missing ? (
            <p className="field-error" id="lost-reason-error" role="alert">
              A lost deal needs a reason.
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="submit">Mark as lost</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
