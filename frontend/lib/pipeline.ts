// The pipeline board's rules, kept out of the components so they are tested on their own.
import type { Deal, Stage } from "./api";
import { STAGES } from "./api";

/** Stage labels as the board shows them. */
export const STAGE_LABELS: Record<Stage, string> = {
  qualification: "Qualification",
  proposal: "Proposal",
  negotiation: "Negotiation",
  won: "Won",
  lost: "Lost",
};

/** Where a card moves for a key pressed on it: ArrowLeft/ArrowRight step through the stages. */
export function stageForKey(current: Stage, key: string): Stage | null {
  const index = STAGES.indexOf(current);
  if (key === "ArrowRight" && index < STAGES.length - 1) return STAGES[index + 1];
  if (key === "ArrowLeft" && index > 0) return STAGES[index - 1];
  return null;
}

/** The PATCH body of a move; `null` when the move needs a lost reason first. */
export function moveBody(to: Stage, lostReason?: string): { stage: Stage; lost_reason?: string } | null {
  if (to === "lost") {
    const reason = lostReason?.trim();
    return reason ? { stage: to, lost_reason: reason } : null;
  }
  return { stage: to };
}

/** Sums of amounts per currency, as text ("48,000.00 EUR · 1,200.00 USD"); exact: cents as integers. */
export function sumText(amounts: Record<string, string> | undefined): string {
  const entries = Object.entries(amounts ?? {});
  if (entries.length === 0) return "—";
  return entries.map(([currency, amount]) => `${formatAmount(amount)} ${currency}`).join(" · ");
}

/** "48000.5" -> "48,000.50" without floating point. */
export function formatAmount(amount: string | null | undefined): string {
  if (!amount) return "—";
  const [whole, frac = ""] = amount.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${grouped}.${(frac + "00").slice(0, 2)}`;
}

/** Deals of a board column, as loaded: the cards of `stage`. */
export function columnOf(deals: Deal[], stage: Stage): Deal[] {
  return deals.filter((d) => d.stage === stage);
}
