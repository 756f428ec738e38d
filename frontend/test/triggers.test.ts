import { describe, expect, it } from "vitest";
import { describeAction, parseAssignments } from "@/lib/customFields";

describe("trigger forms", () => {
  it("reads one assignment per line and reports the lines that are not one", () => {
    const { values, bad } = parseAssignments("custom.size = deal.amount >= 1000.0 ? 'large' : 'small'\n\n  custom.net=deal.amount * 0.8 \nnonsense\ncustom.x == 1");
    expect(values).toEqual({ "custom.size": "deal.amount >= 1000.0 ? 'large' : 'small'", "custom.net": "deal.amount * 0.8" });
    expect(bad).toEqual(["nonsense", "custom.x == 1"]);
  });

  it("says in one line what each action does", () => {
    expect(describeAction({ type: "set", values: { "custom.a": "1", "custom.b": "'x'" } })).toBe("set custom.a = 1; custom.b = 'x'");
    expect(describeAction({ type: "reject", message: "No", field: "email" })).toBe("refuse: email: No");
    expect(describeAction({ type: "create_task", title: "Call {{deal.name}}", due_in_days: 2 })).toBe('task "Call {{deal.name}}" due in 2 d');
    expect(describeAction({ type: "notify", message: "Won" })).toBe('notify the owner: "Won"');
    expect(describeAction({ type: "update_related", via: "company_id", values: { "custom.last": "deal.name" } })).toBe("on company_id: custom.last = deal.name");
    expect(describeAction({ type: "webhook", event: "deal_won" })).toBe("webhook custom.deal_won");
  });
});
