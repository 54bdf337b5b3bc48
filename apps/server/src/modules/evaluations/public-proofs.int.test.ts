import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHall, buildIdNumber, movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import type { Ctx } from "../../platform/actor.ts";
import { PROOF_LIMITS } from "../../platform/proof-limit.ts";
import { findSlots } from "../appointments/halls.repo.ts";
import { createWorkOrder, toNewTicket } from "../work-orders/intake.service.ts";
import { transitionWorkOrder } from "../work-orders/transitions.service.ts";

// Monday 3 March 2025, before the hall opens.
const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });
// A second server on the same database: the limits live in the database, not in a process.
let second: Awaited<ReturnType<typeof buildTestApp>>;
let dispatcher: TestUser;
let supervisor: TestUser;
let addressSerial = 0;
const newAddress = () => `10.13.${Math.floor(addressSerial / 250)}.${(addressSerial++ % 250) + 1}`;

function sys(): Ctx {
  return {
    db: h.database.db,
    actor: { kind: "system", tenantId: h.tenant.id, name: "测试" },
    clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
}

/** A hotline ticket closed by unit A1, with a caller phone of its own. */
async function closedTicket() {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const input = buildCityTicket({ callerPhone: phone, receivedAt: clock.now().toISOString() });
  const { workOrder } = await createWorkOrder(sys(), toNewTicket(input));
  for (const step of [
    { action: "dispatch" as const, unitId: h.tenant.units.a1.id },
    { action: "accept" as const },
    { action: "reply" as const, reason: "已处理" },
    { action: "approve_reply" as const },
    { action: "follow_up" as const, satisfaction: 4 },
  ]) {
    await transitionWorkOrder(sys(), workOrder.id, { ...step, attachments: [] });
  }
  const tail = phone.slice(-4);
  const wrong = tail === "0000" ? "0001" : "0000";
  return { id: workOrder.id, number: input.cityTicketNo, tail, wrong };
}

const track = (number: string, tail: string, address: string, app = h.built.app) =>
  app.inject({ url: `/api/public/work-orders/${number}?phoneTail=${tail}`, remoteAddress: address });
const rate = (payload: object, address: string) =>
  h.built.app.inject({ method: "POST", url: "/api/public/ratings", payload, remoteAddress: address });

function expectLimited(res: { statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown }) {
  expect(res.statusCode, res.body).toBe(429);
  const retry = Number(res.headers["retry-after"]);
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(PROOF_LIMITS.windowMs / 1000);
  expect(res.json()).toMatchObject({ error: { code: "rate_limited" } });
  expect(res.body).toContain("次数过多");
}

beforeAll(async () => {
  second = await buildTestApp(h.database, clock);
  dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
  supervisor = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["supervisor"]);
});
afterAll(async () => {
  await second.app.close();
});

describe("public proofs", () => {
  it("refuses a ticket after 5 wrong tails, on either server and from any address, until the hour has passed", async () => {
    const t = await closedTicket();
    const start = clock.now().toISOString();
    for (let i = 0; i < PROOF_LIMITS.perSubject; i += 1) {
      const app = i % 2 === 0 ? h.built.app : second.app;
      expect((await track(t.number, t.wrong, newAddress(), app)).statusCode).toBe(404);
    }
    // The right tail is refused now too: otherwise the sixth guess could still find it.
    expectLimited(await track(t.number, t.tail, newAddress(), second.app));
    expectLimited(await track(t.number, t.tail, newAddress()));
    clock.set(new Date(Date.parse(start) + PROOF_LIMITS.windowMs + 60_000).toISOString());
    const ok = await track(t.number, t.tail, newAddress());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().ratingCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it("refuses an address after 30 failed proofs across tickets; other addresses go on", async () => {
    const address = newAddress();
    for (let i = 0; i < PROOF_LIMITS.perAddress; i += 1) {
      const res = await track(`NOPE${i}X${addressSerial}`, "1234", address, i % 2 === 0 ? h.built.app : second.app);
      expect(res.statusCode).toBe(404);
    }
    const t = await closedTicket();
    expectLimited(await track(t.number, t.tail, address));
    expect((await track(t.number, t.tail, newAddress())).statusCode).toBe(200);
  });

  it("rates only with the rating code the caller was given; the tail alone is refused and staff lists never show it", async () => {
    const t = await closedTicket();
    const shown = await track(t.number, t.tail, newAddress());
    const code: string = shown.json().ratingCode;
    const base = { subjectKind: "work_order", number: t.number, phoneTail: t.tail, level: 5 };
    const tailOnly = await rate(base, newAddress());
    expect(tailOnly.statusCode, tailOnly.body).toBe(400);
    expect(tailOnly.json().error.details.map((d: { path: string }) => d.path)).toContain("ratingCode");
    const wrongCode = code === "ABCDEFGH" ? "ABCDEFGJ" : "ABCDEFGH";
    expect((await rate({ ...base, ratingCode: wrongCode }, newAddress())).statusCode).toBe(404);
    // The centre reads the same code to the caller in the 回访 message.
    const contacts = await h.built.app.inject({
      url: `/api/work-orders/${t.id}/contacts`,
      headers: authHeaders(dispatcher),
    });
    expect(contacts.json().followUpMessage).toContain(code);
    const rated = await rate({ ...base, ratingCode: code.toLowerCase() }, newAddress());
    expect(rated.statusCode, rated.body).toBe(201);
    for (const [who, url] of [
      [dispatcher, "/api/work-orders?pageSize=200"],
      [dispatcher, `/api/work-orders/${t.id}`],
      [supervisor, "/api/ratings?pageSize=200"],
    ] as const) {
      const res = await h.built.app.inject({ url, headers: authHeaders(who) });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(code);
    }
  });

  it("counts wrong rating codes against the ticket like wrong tails", async () => {
    const t = await closedTicket();
    const code: string = (await track(t.number, t.tail, newAddress())).json().ratingCode;
    const base = { subjectKind: "work_order", number: t.number, phoneTail: t.tail, level: 5 };
    for (let i = 0; i < PROOF_LIMITS.perSubject; i += 1) {
      const guess = `ABCDEFG${"HJKLMN"[i]}`;
      expect((await rate({ ...base, ratingCode: guess === code ? "ZZZZZZZZ" : guess }, newAddress())).statusCode).toBe(
        404,
      );
    }
    expectLimited(await rate({ ...base, ratingCode: code }, newAddress()));
  });

  it("refuses a booking after 5 wrong ID numbers or phones, even with the right one, on every booking action", async () => {
    const hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock, { capacity: 10 });
    const [slot] = await findSlots(h.database.db, hall.id, {
      groupId: hall.groups[0]?.id,
      fromDay: "2025-03-05",
      toDay: "2025-03-05",
    });
    const idNumber = buildIdNumber();
    const booked = await h.built.app.inject({
      method: "POST",
      url: "/api/public/bookings",
      payload: { slotId: slot?.id, itemCode: "I-A1", personName: "张三", idNumber, phone: "13800138000" },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const code: string = booked.json().code;
    const act = (action: string, verify: string, app = h.built.app) =>
      app.inject({
        method: "POST",
        url: `/api/public/bookings/${code}/${action}`,
        payload: { verify },
        remoteAddress: newAddress(),
      });
    expect((await act("lookup", idNumber)).statusCode).toBe(200);
    for (const [i, action] of ["lookup", "cancel", "ics", "lookup", "cancel"].entries()) {
      expect((await act(action, "13900000000", i % 2 === 0 ? h.built.app : second.app)).statusCode).toBe(404);
    }
    expectLimited(await act("lookup", idNumber));
    expectLimited(await act("cancel", "13800138000", second.app));
    expectLimited(await act("ics", idNumber));
  });
});
