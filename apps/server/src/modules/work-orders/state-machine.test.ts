import { describe, expect, it } from "vitest";
import { type TransitionInput, WO_ACTIONS, WO_STATUSES } from "../../../../../packages/contracts/src/work-orders.ts";
import { AppError } from "../../platform/errors.ts";
import { planTransition, type TicketState, TRANSITIONS } from "./state-machine.ts";

const now = new Date("2022-10-01T00:00:00Z");
const state = (status: TicketState["status"], extra: Partial<TicketState> = {}): TicketState => ({
  status,
  extensionCount: 0,
  closeDueAt: new Date("2022-10-09T09:00:00Z"),
  statusBeforeReturn: null,
  ...extra,
});
/** An input that satisfies every action's own field requirements. */
const input = (action: TransitionInput["action"]): TransitionInput => ({
  action,
  reason: "原因",
  unitId: "00000000-0000-4000-8000-000000000000",
  extensionDays: 3,
  satisfaction: 4,
  attachments: [],
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof AppError ? ((err.details as { code?: string } | undefined)?.code ?? err.code) : "other";
  }
}

describe("planTransition", () => {
  it("allows exactly the transitions of the table, refusing the rest with invalid_transition", () => {
    for (const status of WO_STATUSES) {
      for (const action of WO_ACTIONS) {
        const allowed = TRANSITIONS[action].from.includes(status);
        const code = codeOf(() =>
          planTransition(state(status, { statusBeforeReturn: "accepted" }), input(action), now, 1),
        );
        expect(code, `${action} from ${status}`).toBe(allowed ? undefined : "invalid_transition");
      }
    }
  });
  it("walks the main path received → closed", () => {
    let s: TicketState["status"] = "received";
    for (const action of ["dispatch", "accept", "start", "reply", "approve_reply", "follow_up"] as const) {
      s = planTransition(state(s), input(action), now, 1).to;
    }
    expect(s).toBe("closed");
  });
  it("opens a redo round when the caller is unsatisfied and the unit at fault", () => {
    expect(
      planTransition(state("follow_up"), { ...input("follow_up"), satisfaction: 2, unitAtFault: true }, now, 1),
    ).toEqual({ to: "in_progress", redo: true });
    expect(
      planTransition(state("follow_up"), { ...input("follow_up"), satisfaction: 2, unitAtFault: false }, now, 1),
    ).toEqual({ to: "closed", redo: false });
  });
  it("closes unrated when the caller cannot be reached, and refuses a rating then", () => {
    const { satisfaction: _rated, ...unrated } = input("follow_up");
    expect(planTransition(state("follow_up"), { ...unrated, reached: false }, now, 1)).toEqual({
      to: "closed",
      redo: false,
    });
    expect(
      codeOf(() =>
        planTransition(state("follow_up"), { ...input("follow_up"), reached: false, satisfaction: 5 }, now, 1),
      ),
    ).toBe("validation");
  });
  it("returns a refused return to where it was", () => {
    expect(
      planTransition(state("return_requested", { statusBeforeReturn: "accepted" }), input("reject_return"), now, 1).to,
    ).toBe("accepted");
  });
  it("requires reasons, units and satisfaction where the rules do", () => {
    expect(codeOf(() => planTransition(state("in_progress"), { action: "reply", attachments: [] }, now, 1))).toBe(
      "validation",
    );
    expect(codeOf(() => planTransition(state("received"), { action: "dispatch", attachments: [] }, now, 1))).toBe(
      "validation",
    );
    expect(codeOf(() => planTransition(state("follow_up"), { action: "follow_up", attachments: [] }, now, 1))).toBe(
      "validation",
    );
  });
  it("allows one extension, requested before the deadline", () => {
    expect(
      codeOf(() => planTransition(state("in_progress", { extensionCount: 1 }), input("request_extension"), now, 1)),
    ).toBe("extension_limit");
    expect(
      codeOf(() =>
        planTransition(state("in_progress"), input("request_extension"), new Date("2022-10-10T00:00:00Z"), 1),
      ),
    ).toBe("extension_too_late");
  });
});
