import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PipelineBoard } from "@/app/pipeline/PipelineBoard";
import type { Deal } from "@/lib/api";
import { moveBody, stageForKey, sumText } from "@/lib/pipeline";
import { fakeServer, json } from "./fakeServer";

const deal = (over: Partial<Deal>): Deal => ({
  id: "d1",
  name: "Website relaunch",
  company_id: null,
  contact_ids: [],
  amount: "48000.00",
  currency: "EUR",
  stage: "qualification",
  probability: 10,
  expected_close: null,
  owner_id: null,
  lost_reason: null,
  closed_at: null,
  custom: {},
  version: 3,
  created_at: "2026-11-01T10:00:00Z",
  updated_at: "2026-11-01T10:00:00Z",
  ...over,
});

const pipeline = {
  stages: ["qualification", "proposal", "negotiation", "won", "lost"].map((stage) => ({ stage, count: 0, amount: {}, weighted: {} })),
  win_rate: null,
  avg_days_to_close: null,
};

function serve(initial: Deal, onPatch: (body: Record<string, unknown>, ifMatch: string | null) => Response) {
  return fakeServer({
    "GET /api/deals": (_req, url) => json({ data: url.searchParams.get("stage") === initial.stage ? [initial] : [], next_cursor: null }),
    "GET /api/deals/pipeline": () => json(pipeline),
    "PATCH /api/deals/d1": async (req) => onPatch(JSON.parse(await req.text()), req.headers.get("If-Match")),
    "GET /api/deals/d1": () => json(initial, 200, { ETag: `"${initial.version + 1}"` }),
    "GET /api/deals/d1/history": () => json({ data: [], next_cursor: null }),
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("the pipeline board's rules", () => {
  it("steps through the stages with the arrow keys and stops at the ends", () => {
    expect(stageForKey("qualification", "ArrowRight")).toBe("proposal");
    expect(stageForKey("proposal", "ArrowLeft")).toBe("qualification");
    expect(stageForKey("qualification", "ArrowLeft")).toBeNull();
    expect(stageForKey("lost", "ArrowRight")).toBeNull();
    expect(stageForKey("won", "Enter")).toBeNull();
  });

  it("asks for a lost reason and sums exactly", () => {
    expect(moveBody("lost")).toBeNull();
    expect(moveBody("lost", "  ")).toBeNull();
    expect(moveBody("lost", "Budget")).toEqual({ stage: "lost", lost_reason: "Budget" });
    expect(moveBody("won")).toEqual({ stage: "won" });
    expect(sumText({ EUR: "1234567.5", USD: "0.10" })).toBe("1,234,567.50 EUR · 0.10 USD");
  });
});

describe("PipelineBoard", () => {
  it("moves a focused card one stage right with the arrow key, sending If-Match, and keeps focus on it", async () => {
    const { calls } = serve(deal({}), (body, ifMatch) => {
      expect(ifMatch).toBe('"3"');
      return json(deal({ stage: body.stage as Deal["stage"], version: 4 }), 200, { ETag: '"4"' });
    });
    render(<PipelineBoard canMove me="u1" />);
    const card = await screen.findByRole("listitem", { name: /Website relaunch/ });
    card.focus();
    await userEvent.keyboard("{ArrowRight}");
    const proposal = screen.getByRole("list", { name: "Proposal deals" });
    await waitFor(() => expect(within(proposal).getByRole("listitem", { name: /Website relaunch/ })).toBeInTheDocument());
    const patch = calls.find((c) => c.method === "PATCH");
    expect(JSON.parse(patch!.body)).toEqual({ stage: "proposal" });
    await waitFor(() => expect(within(proposal).getByRole("listitem", { name: /Website relaunch/ })).toHaveFocus());
  });

  it("moves a card dropped on another column", async () => {
    const { calls } = serve(deal({}), (body) => json(deal({ stage: body.stage as Deal["stage"], version: 4 }), 200, { ETag: '"4"' }));
    render(<PipelineBoard canMove />);
    const card = await screen.findByRole("listitem", { name: /Website relaunch/ });
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? "" };
    fireEvent.dragStart(card, { dataTransfer });
    const negotiation = screen.getByRole("region", { name: "Negotiation" });
    fireEvent.dragOver(negotiation, { dataTransfer });
    fireEvent.drop(negotiation, { dataTransfer });
    await waitFor(() => expect(within(negotiation).getByRole("listitem", { name: /Website relaunch/ })).toBeInTheDocument());
    const patch = calls.find((c) => c.method === "PATCH");
    expect(JSON.parse(patch!.body)).toEqual({ stage: "negotiation" });
    expect(patch!.headers.get("If-Match")).toBe('"3"');
  });

  it("asks for a lost reason before moving to lost with the menu", async () => {
    const { calls } = serve(deal({ stage: "negotiation" }), (body) => json(deal({ stage: "lost", lost_reason: String(body.lost_reason), version: 4 })));
    render(<PipelineBoard canMove />);
    await screen.findByRole("listitem", { name: /Website relaunch/ });
    await userEvent.selectOptions(screen.getByLabelText("Move Website relaunch to"), "lost");
    const dialog = screen.getByRole("dialog", { name: "Why was Website relaunch lost?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Mark as lost" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("needs a reason");
    expect(calls.some((c) => c.method === "PATCH")).toBe(false);
    await userEvent.type(within(dialog).getByLabelText("Lost reason"), "Budget cut");
    await userEvent.click(within(dialog).getByRole("button", { name: "Mark as lost" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === "PATCH")!.body)).toEqual({ stage: "lost", lost_reason: "Budget cut" });
  });

  it("opens the conflict dialog on a 412", async () => {
    serve(deal({}), () => json({ status: 412, code: "precondition_failed", detail: "changed" }, 412));
    render(<PipelineBoard canMove />);
    const card = await screen.findByRole("listitem", { name: /Website relaunch/ });
    card.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(await screen.findByRole("dialog", { name: "Someone else changed this record" })).toBeInTheDocument();
  });

  it("gives viewers no way to move cards", async () => {
    serve(deal({}), () => json({}, 500));
    render(<PipelineBoard canMove={false} />);
    const card = await screen.findByRole("listitem", { name: /Website relaunch/ });
    expect(within(card).queryByRole("combobox")).toBeNull();
    card.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(within(screen.getByRole("list", { name: "Qualification deals" })).getByRole("listitem")).toBe(card);
  });
});
