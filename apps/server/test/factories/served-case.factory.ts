import { expect } from "vitest";
import type { Harness } from "../harness.ts";
import { authHeaders } from "../test-app.ts";
import type { TestHall } from "./hall.factory.ts";
import type { TestUser } from "./user.factory.ts";

/** A walk-in served to the end at the hall's first window by its seated clerk: a service case to rate. */
export async function serveWalkIn(h: Harness, hall: TestHall, staff: TestUser, phone: string): Promise<string> {
  const group = hall.groups[0];
  const windowId = group?.windows[0] ?? "";
  const checkIn = await h.built.app.inject({
    method: "POST",
    url: `/api/halls/${hall.id}/check-ins`,
    headers: authHeaders(staff),
    payload: { kind: "walk_in", groupId: group?.id, itemCode: "I-A1", personName: "林小红", phone },
  });
  expect(checkIn.statusCode, checkIn.body).toBe(201);
  for (const payload of [{ action: "call_next" }, { action: "start" }, { action: "finish", result: "completed" }]) {
    const r = await h.built.app.inject({
      method: "POST",
      url: `/api/hall-windows/${windowId}/actions`,
      headers: authHeaders(staff),
      payload,
    });
    expect(r.statusCode, r.body).toBe(200);
    if (payload.action === "finish") {
      return r.json().caseId;
    }
  }
  throw new Error("unreachable: the loop ends with finish");
}
